#pragma once

#include "CliCommand.h"

namespace shellac::cli {

/// `shellac-cli evaluate --clean DIR --degraded DIR --restored DIR`: per-file and median
/// SI-SDR improvement, click detection precision/recall/F1 and distortion of click-free regions.
class EvaluateCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("evaluate"); }
    QString summary() const override;
    QString synopsis() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace shellac::cli
