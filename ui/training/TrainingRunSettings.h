#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace shellac::ui {

/// The options of one `shellac-cli train` run as the dashboard edits them. Defaults are the
/// trainer's own (core/ml/TrainingSettings.h); QtCore only.
struct TrainingRunSettings {
    QString cleanDir;                  ///< folder of clean music (genre subfolders allowed)
    QString degradedDir;               ///< folder of real degraded transfers
    QString runDir;                    ///< run folder: checkpoints/, metrics.jsonl, model.pt
    /// Optional paired data (train --pairs): degraded copies of the clean files under the same
    /// relative paths; empty: synthesized damage.
    QString pairedDir;
    bool postFilter = false;           ///< train --post-filter: the hybrid's post-filter (needs pairedDir)
    QString strategy = QStringLiteral("mixed"); ///< synthetic | adaptive | mixed | curriculum
    bool contrastive = false;
    double syntheticRatio = 0.7;       ///< share of synthetic examples per batch (mixed), [0, 1]
    int epochs = 20;
    int batchSize = 8;                 ///< examples per step
    QString device = QStringLiteral("auto"); ///< auto | cpu | cuda
    int stepsPerEpoch = 0;             ///< 0: the trainer's default (one pass over the data)
    double segmentSeconds = 0;         ///< example length, s; 0: the trainer's default (1.0 s)
    int threads = 0;                   ///< CPU threads for the trainer; 0: the trainer's default (all cores)
    /// Loss weights (linear factors), the trainer's defaults (core/ml/TrainingSettings.h LossWeights).
    double supervisedWeight = 1.0;     ///< synthetic examples: spectral + waveform loss against the clean target
    double cycleWeight = 0.2;          ///< synthetic examples: output + known damage gives the input back
    double consistencyWeight = 0.3;    ///< real transfers: fewer impulses, envelope and energy kept
    double contrastiveWeight = 0.1;    ///< InfoNCE on artifact embeddings (with `contrastive` only)
    double siSdrWeight = 0.0;          ///< inside the supervised term: −SI-SDR / 10 dB against the clean target (0: off)

    /// The command-line arguments after the program name: `train --clean … --progress json`,
    /// plus `--resume` when `resume` is true. Options at their trainer default are still passed
    /// (explicit is easier to read back from a process list), except the optional 0 ones.
    QStringList arguments(bool resume) const;
    /// Empty when a run can start; otherwise a readable reason (which field is missing).
    QString problem() const;

    /// The settings as a project stores them ({"clean": …, "strategy": …, "loss_weights": {…}}).
    QJsonObject toJson() const;
    /// Reads toJson()'s layout; missing keys keep their defaults, a key of the wrong type or out
    /// of range is an error naming it (subject "training.KEY").
    static Result<TrainingRunSettings> fromJson(const QJsonObject& json);
};

} // namespace shellac::ui
