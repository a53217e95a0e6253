#include "ml/Trainer.h"

#include "ml/TorchBackend.h"

namespace shellac::ml {

Result<TrainingOutcome> runTraining(TrainingSettings settings, bool resume, TrainingObserver* observer,
                                    const CancellationToken* cancel)
{
    if (Status valid = settings.validate(); !valid)
        return valid.error();
    Result<TorchBackend*> backend = torchBackend();
    if (!backend)
        return backend.error();
    return backend.value()->runTraining(std::move(settings), resume, observer, cancel);
}

} // namespace shellac::ml
