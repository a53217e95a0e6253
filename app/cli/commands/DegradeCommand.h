#pragma once

#include "CliCommand.h"

namespace shellac::cli {

/// `shellac-cli degrade IN -o OUT (--profile P.json | --preset NAME) [--seed N] [--mask MASK.wav]
/// [--impulses FILE.json] [--noise-file NOISE.wav] [--force] [--quiet]`: adds synthetic 78 rpm
/// degradations (DegradationSynthesizer) to clean audio and writes the ground truth, streaming
/// in two passes (level measurement, then synthesis) and atomically.
class DegradeCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("degrade"); }
    QString summary() const override;
    QString synopsis() const override
    {
        return QStringLiteral("IN -o OUT (--profile P.json | --preset NAME | --like REAL_DIR) [--seed N] [--mask MASK.wav] "
                              "[--impulses FILE.json] [--noise-file NOISE.wav] [--force] [--quiet]");
    }
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

} // namespace shellac::cli
