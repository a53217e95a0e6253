#pragma once

#include "ml/TrainingMetrics.h"

#include <QString>

#include <vector>

namespace shellac::ml {

/// A problem the metrics history shows, for the log and the dashboard.
struct HealthWarning {
    QString code;    ///< "overfitting_to_synthetic", "gap_not_narrowing", "real_metrics_plateau"
    QString message; ///< one sentence for people, with what to try
};

/// Thresholds of assessHealth().
struct HealthRules {
    int risingEpochs = 3;     ///< consistency loss rising this many epochs in a row
    int gapWindow = 5;        ///< epochs over which the supervised/consistency gap must narrow
    int plateauWindow = 5;    ///< epochs over which real-set metrics must improve
    double plateauMinGain = 0.01; ///< least improvement of the impulse removal rate over the window
};

/// Looks at the history (oldest first, the latest epoch last) and returns the warnings that hold
/// now. Real-data checks only apply when real examples were used (realExamples > 0).
std::vector<HealthWarning> assessHealth(const std::vector<EpochMetrics>& history, const HealthRules& rules = {});

} // namespace shellac::ml
