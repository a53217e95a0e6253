#include "ml/TrainingHealth.h"

#include <cmath>

namespace shellac::ml {

std::vector<HealthWarning> assessHealth(const std::vector<EpochMetrics>& history, const HealthRules& rules)
{
    std::vector<HealthWarning> warnings;
    const int n = int(history.size());
    if (n == 0 || history.back().realExamples == 0)
        return warnings;

    if (n > rules.risingEpochs) {
        bool rising = true;
        for (int i = n - rules.risingEpochs; i < n; ++i)
            rising = rising && history[i].consistencyLoss > history[i - 1].consistencyLoss;
        if (rising)
            warnings.push_back({QStringLiteral("overfitting_to_synthetic"),
                                QStringLiteral("the real-data consistency loss rose %1 epochs in a row while training "
                                               "on synthetic damage: the model may be overfitting to synthetic "
                                               "artifacts (try a lower --synthetic-ratio or --strategy curriculum)")
                                    .arg(rules.risingEpochs)});
    }

    if (n > rules.gapWindow) {
        const auto gap = [](const EpochMetrics& m) { return std::abs(m.consistencyLoss - m.supervisedLoss); };
        if (gap(history.back()) >= gap(history[n - 1 - rules.gapWindow]))
            warnings.push_back({QStringLiteral("gap_not_narrowing"),
                                QStringLiteral("the gap between the supervised (synthetic) and consistency (real) "
                                               "losses has not narrowed over %1 epochs: the synthetic damage may not "
                                               "resemble the real transfers (check `shellac-cli analyze` on them)")
                                    .arg(rules.gapWindow)});
    }

    if (n > rules.plateauWindow) {
        const double gain = history.back().impulseRemovalRate - history[n - 1 - rules.plateauWindow].impulseRemovalRate;
        if (gain < rules.plateauMinGain)
            warnings.push_back({QStringLiteral("real_metrics_plateau"),
                                QStringLiteral("the impulse removal rate on the real validation set improved by "
                                               "%1 over %2 epochs: a plateau; try --strategy curriculum")
                                    .arg(gain, 0, 'f', 3)
                                    .arg(rules.plateauWindow)});
    }
    return warnings;
}

} // namespace shellac::ml
