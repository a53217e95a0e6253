#pragma once
// Private to core/ml: built only into the LibTorch plugin.

#include "ml/Trainer.h"

namespace shellac::ml {

/// The plugin's implementation behind runTraining (same contract, see Trainer.h).
Result<TrainingOutcome> runTorchTraining(TrainingSettings settings, bool resume, TrainingObserver* observer,
                                         const CancellationToken* cancel);

} // namespace shellac::ml
