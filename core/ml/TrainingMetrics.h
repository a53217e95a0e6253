#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace shellac::ml {

/// Losses of one optimisation step, each the mean over the examples it applies to (0 when the
/// batch had none of them), as train_with_mixed_data returns them.
struct StepLosses {
    double total = 0;        ///< the weighted sum that was minimised
    double supervised = 0;   ///< synthetic examples
    double cycle = 0;        ///< synthetic examples (with cycle consistency)
    double consistency = 0;  ///< real examples
    double contrastive = 0;  ///< batch (with contrastive)
    double pseudo = 0;       ///< real examples (iterative refinement)
    int syntheticCount = 0;
    int realCount = 0;
    bool finite = true;      ///< false when a loss was NaN or infinite (the step was not applied)
};

/// One line of <run>/metrics.jsonl.
struct EpochMetrics {
    int epoch = 0;                       ///< 1-based
    double supervisedLoss = 0;           ///< mean over the epoch's steps
    double consistencyLoss = 0;
    double cycleLoss = 0;
    double contrastiveLoss = 0;
    double pseudoLoss = 0;
    double totalLoss = 0;
    double syntheticRatio = 0;           ///< the ratio scheduled for this epoch
    long long syntheticExamples = 0;     ///< examples seen this epoch
    long long realExamples = 0;
    double impulseRemovalRate = 0;       ///< real validation set: 1 − clicks found after / before (ArDeclicker)
    double transientPreservation = 0;    ///< clean validation audio: correlation output/input around onsets
    double siSdrImprovementDb = 0;       ///< synthetic validation set: median SI-SDR gain, dB
    double learningRate = 0;             ///< at the end of the epoch
    double seconds = 0;                  ///< wall-clock time of the epoch incl. validation, s
    QStringList health;                  ///< warning codes of TrainingHealth for this epoch

    QJsonObject toJson() const;
    static EpochMetrics fromJson(const QJsonObject& json);
};

/// Appends one JSON line to `path` (creating it).
Status appendMetricsLine(const QString& path, const EpochMetrics& metrics);
/// Reads <run>/metrics.jsonl; lines that do not parse are skipped.
std::vector<EpochMetrics> readMetrics(const QString& path);
/// Rewrites `path` keeping only epochs <= lastEpoch (resume after an interruption), atomically.
Status truncateMetrics(const QString& path, int lastEpoch);

} // namespace shellac::ml
