#pragma once

#include "CliCommand.h"

namespace shellac::cli {

/// `shellac-cli bench`: speed of the classical chain and of each stage (× real time on one
/// core), optionally against FFmpeg's adeclick, and peak memory for a short vs. a long file.
/// Benchmarks print figures; they never pass or fail on timing (machines are shared and noisy),
/// except that --memory reports whether the ±20 % flatness target holds.
class BenchCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("bench"); }
    QString summary() const override;
    QString synopsis() const override { return QStringLiteral("[--seconds S] [--peers] [--memory] [--long-minutes M] [--model PATH|default]"); }
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace shellac::cli
