#pragma once

#include "CliCommand.h"

namespace shellac::cli {

/// `shellac-cli restore IN|DIR -o OUT|OUTDIR [method and stage options]`: restores one file or
/// every audio file of a folder (recursively, keeping the sub-folder layout).
class RestoreCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("restore"); }
    QString summary() const override;
    QString synopsis() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace shellac::cli
