#pragma once

#include "common/Result.h"
#include "ml/TrainingHealth.h"
#include "ml/TrainingMetrics.h"
#include "ml/TrainingSettings.h"

#include <QString>

#include <vector>

namespace shellac {
class CancellationToken;
}

namespace shellac::ml {

/// Progress of one optimisation step.
struct StepReport {
    int epoch = 0;               ///< 1-based
    int epochs = 0;
    long long step = 0;          ///< 1-based within the epoch
    long long stepsPerEpoch = 0;
    long long globalStep = 0;    ///< steps completed in the whole run
    StepLosses losses;
    double learningRate = 0;
    double etaSeconds = 0;       ///< estimated time to the end of the run, s
};

/// Receives a run's progress, on the training thread (keep the handlers quick).
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void stepFinished(const StepReport&) {}
    virtual void epochFinished(const EpochMetrics&, const std::vector<HealthWarning>&) {}
    /// Information for people: data found, warnings, files written.
    virtual void message(const QString&) {}
};

/// How a run ended without error.
struct TrainingOutcome {
    int lastEpoch = 0;       ///< epochs completed (including earlier ones on --resume)
    bool cancelled = false;  ///< stopped by the token; the checkpoints of completed epochs are intact
    QString modelPath;       ///< <run>/model.pt: the latest completed epoch's model (NeuralModel file)
    QString checkpointPath;  ///< the latest checkpoint written
};

/// Trains the neural restorer as `settings` say, in <runDir>:
///   checkpoints/checkpoint_epoch_N.pt  after every epoch (atomic; model, optimizer, RNG, settings)
///   metrics.jsonl                      one EpochMetrics line per epoch
///   model.pt                           the latest epoch's model, loadable by NeuralModel::load
///   best.pt                            the model of the epoch with the best validation SI-SDR gain
///   analysis.jsonl                     the degradation analyses of the real transfers
///
/// With `resume`, continues from the newest checkpoint in runDir with the settings saved there
/// (only `epochs` may be raised): the next steps are exactly those the uninterrupted run would
/// have taken. Without it, a runDir that already holds checkpoints is an error.
///
/// Errors (as Error, nothing half-written): invalid settings, unusable folders, a batch larger
/// than the data, a loss that becomes NaN (training stops; the last good checkpoint stays),
/// the GPU running out of memory (with what to change). `cancel` is checked between steps:
/// the partial epoch is dropped, earlier checkpoints stay valid.
///
/// Threading: runs on the calling thread; uses settings.threads LibTorch threads (0 = all cores).
Result<TrainingOutcome> runTraining(TrainingSettings settings, bool resume, TrainingObserver* observer = nullptr,
                                    const CancellationToken* cancel = nullptr);

} // namespace shellac::ml
