#pragma once
// Private to core/ml: includes LibTorch (see RestorationNet.h).

#include "ml/NeuralModel.h"
#include "ml/TorchRuntime.h"
#include "ml/torch/RestorationNet.h"

namespace shellac::ml {

/// The torch side of a NeuralModel, for the trainer and the inference code in the plugin.
/// Every NeuralModel is made by the plugin, so its engine is a TorchModelEngine.
class NeuralModelAccess {
public:
    static RestorationNet& network(NeuralModel& model);
    static const RestorationNet& network(const NeuralModel& model);
    static torch::Device device(const NeuralModel& model);
};

/// torch::Device of a ComputeDevice.
torch::Device torchDevice(ComputeDevice device);

} // namespace shellac::ml
