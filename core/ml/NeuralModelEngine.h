#pragma once

// Torch-free on purpose: the LibTorch side (core/ml/torch/TorchModelEngine) implements it inside
// the plugin, so that nothing outside the plugin needs LibTorch to hold or call a NeuralModel.

#include "common/Result.h"
#include "ml/RestorationNetConfig.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace shellac::ml {

enum class ComputeDevice;

/// What a NeuralModel does, implemented by the LibTorch plugin (see TorchBackend). NeuralModel
/// forwards each of its methods here; the contracts (units, threading, errors) are NeuralModel's.
class NeuralModelEngine {
public:
    virtual ~NeuralModelEngine();
    virtual const RestorationNetConfig& config() const = 0;
    virtual std::int64_t parameterCount() const = 0;
    virtual QJsonObject metadata() const = 0;
    virtual void setMetadata(const QJsonObject& metadata) = 0;
    virtual void setDevice(ComputeDevice device) = 0;
    virtual Status save(const QString& path) const = 0;
    virtual std::vector<float> restore(std::span<const float> samples) const = 0;
};

} // namespace shellac::ml
