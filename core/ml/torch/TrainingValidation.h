#pragma once
// Private to core/ml: includes LibTorch (see RestorationNet.h).

#include "degrade/MixedRestorationDataset.h"
#include "ml/torch/RestorationNet.h"

#include <vector>

namespace shellac::ml {

/// The per-epoch quality figures of metrics.jsonl.
struct ValidationFigures {
    double siSdrImprovementDb = 0;    ///< median over synthetic examples of SI-SDR(out) − SI-SDR(in) vs. the clean target, dB
    double impulseRemovalRate = 0;    ///< real examples: 1 − (clicks ArDeclicker finds in the outputs) / (… in the inputs)
    double transientPreservation = 0; ///< clean targets fed to the network: mean correlation of output and input over
                                      ///< ±5 ms around the 4 strongest onsets of each (1 = untouched)
};

/// Runs the network (no gradients, in chunks of the examples' length) on the validation sets.
/// `sampleRate` is the examples' rate in Hz. Examples with an error are skipped.
ValidationFigures validateNetwork(RestorationNet& net, torch::Device device,
                                  const std::vector<degrade::MixedExample>& synthetic,
                                  const std::vector<degrade::MixedExample>& real, int sampleRate);

} // namespace shellac::ml
