#pragma once

#include "CliCommand.h"
#include "ml/TrainingSettings.h"

namespace shellac::cli {

/// `shellac-cli train --clean DIR --degraded DIR --strategy S ... --out RUN [--resume]`: trains the
/// neural restorer (ml::runTraining) and writes checkpoints, metrics.jsonl and model.pt into RUN.
/// With `--progress json`, stdout carries one JSON object per line (for the GUI's dashboard).
class TrainCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("train"); }
    QString summary() const override;
    QString synopsis() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

/// Fills `settings` from the parsed options; on a bad value returns false with `error` set to a
/// message naming the option.
bool trainingSettingsFromOptions(const QCommandLineParser& parser, ml::TrainingSettings& settings, QString& error);

} // namespace shellac::cli
