#pragma once

#include "CliCommand.h"

namespace shellac::cli {

/// `shellac-cli convert IN -o OUT [--rate HZ] [--bits B] [--force]`: format, bit-depth and
/// sample-rate conversion (libsoxr VHQ), streaming and atomic.
class ConvertCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("convert"); }
    QString summary() const override;
    QString synopsis() const override { return QStringLiteral("IN -o OUT [--rate HZ] [--bits B] [--force] [--quiet]"); }
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace shellac::cli
