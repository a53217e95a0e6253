#pragma once
// Private to core/ml: includes LibTorch (see RestorationNet.h).

#include "degrade/MixedRestorationDataset.h"
#include "ml/TrainingMetrics.h"
#include "ml/TrainingSettings.h"
#include "ml/torch/RestorationNet.h"

#include <vector>

namespace shellac::ml {

/// What one mixed-data step needs besides the batch.
struct StepOptions {
    LossWeights weights;
    bool contrastive = false;       ///< add the InfoNCE term on the examples' anchors
    bool cycleConsistency = true;   ///< add the cycle term for synthetic examples that carry an artifact
    double gradientClip = 5.0;      ///< max global L2 norm of the gradients
    RestorationNet* teacher = nullptr; ///< iterative refinement: pseudo-targets for real examples (frozen)
    torch::Device device = torch::kCPU;
    bool mixedPrecision = false;    ///< CUDA autocast (bfloat16) for the forward pass
    int maxAnchors = 64;            ///< contrastive anchors used per batch at most
};

/// One step of supervised + semi-supervised training on a mixed batch (train_with_mixed_data):
/// forward, the weighted loss
///   supervised·L_sup + cycle·L_cycle   (mean over synthetic examples)
/// + consistency·L_cons + pseudo·L_pseudo (mean over real examples)
/// + contrastive·L_InfoNCE             (over the batch's anchors),
/// backward, gradient clipping and the optimizer step. All signals are measured after dividing
/// each example by its input's RMS. When a loss is not finite nothing is applied and
/// StepLosses::finite is false.
StepLosses trainWithMixedData(RestorationNet& net, torch::optim::Optimizer& optimizer,
                              const std::vector<degrade::MixedExample>& batch, const StepOptions& options);

/// The same losses without a gradient step (validation, tests).
StepLosses evaluateMixedBatch(RestorationNet& net, const std::vector<degrade::MixedExample>& batch,
                              const StepOptions& options);

} // namespace shellac::ml
