#pragma once
// Private to core/ml: includes LibTorch (see RestorationNet.h).

#include "ml/NeuralModel.h"
#include "ml/NeuralModelEngine.h"
#include "ml/torch/RestorationNet.h"

namespace shellac::ml {

/// The LibTorch implementation of a NeuralModel: network, configuration, metadata and the
/// device the weights are on. Built only into the plugin (libshellac_torch.so).
class TorchModelEngine final : public NeuralModelEngine {
public:
    RestorationNetConfig netConfig;
    mutable RestorationNet net{nullptr}; ///< mutable: the const restore() puts it in eval mode
    QJsonObject meta;
    torch::Device device = torch::kCPU;

    const RestorationNetConfig& config() const override { return netConfig; }
    std::int64_t parameterCount() const override;
    QJsonObject metadata() const override { return meta; }
    void setMetadata(const QJsonObject& metadata) override { meta = metadata; }
    void setDevice(ComputeDevice device) override;
    Status save(const QString& path) const override;
    std::vector<float> restore(std::span<const float> samples) const override;
};

/// The plugin's implementations behind NeuralModel::create, createIdentity and load (same
/// contracts; `config` is already validated by the caller for the first two).
Result<std::unique_ptr<NeuralModel>> createTorchModel(const RestorationNetConfig& config, std::uint64_t seed);
Result<std::unique_ptr<NeuralModel>> createIdentityTorchModel(const RestorationNetConfig& config);
Result<std::unique_ptr<NeuralModel>> loadTorchModel(const QString& path);

} // namespace shellac::ml
