#pragma once

#include "CliCommand.h"

namespace shellac::cli {

/// `shellac-cli info [--json] FILE...`: format, shape, levels and noise floor of audio files.
class InfoCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("info"); }
    QString summary() const override;
    QString synopsis() const override { return QStringLiteral("[--json] FILE..."); }
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace shellac::cli
