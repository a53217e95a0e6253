#include "ui/training/TrainingRunSettings.h"

#include <QCoreApplication>

namespace shellac::ui {

QStringList TrainingRunSettings::arguments(bool resume) const
{
    QStringList args{QStringLiteral("train"),
                     QStringLiteral("--clean"), cleanDir,
                     QStringLiteral("--degraded"), degradedDir,
                     QStringLiteral("--out"), runDir,
                     QStringLiteral("--strategy"), strategy,
                     QStringLiteral("--synthetic-ratio"), QString::number(syntheticRatio, 'g', 6),
                     QStringLiteral("--epochs"), QString::number(epochs),
                     QStringLiteral("--batch"), QString::number(batchSize),
                     QStringLiteral("--device"), device};
    if (contrastive)
        args << QStringLiteral("--contrastive");
    if (stepsPerEpoch > 0)
        args << QStringLiteral("--steps-per-epoch") << QString::number(stepsPerEpoch);
    if (segmentSeconds > 0)
        args << QStringLiteral("--segment") << QString::number(segmentSeconds, 'g', 6);
    if (threads > 0)
        args << QStringLiteral("--threads") << QString::number(threads);
    if (resume)
        args << QStringLiteral("--resume");
    args << QStringLiteral("--progress") << QStringLiteral("json");
    return args;
}

QString TrainingRunSettings::problem() const
{
    if (cleanDir.trimmed().isEmpty())
        return QCoreApplication::translate("TrainingRunSettings", "Choose the folder of clean music.");
    if (degradedDir.trimmed().isEmpty())
        return QCoreApplication::translate("TrainingRunSettings", "Choose the folder of real degraded transfers.");
    if (runDir.trimmed().isEmpty())
        return QCoreApplication::translate("TrainingRunSettings", "Choose a run folder for checkpoints and metrics.");
    return {};
}

} // namespace shellac::ui
