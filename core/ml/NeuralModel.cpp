#include "ml/NeuralModel.h"

#include "ml/NeuralModelEngine.h"
#include "ml/TorchBackend.h"

#include <QFileInfo>

namespace shellac::ml {

NeuralModelEngine::~NeuralModelEngine() = default;

NeuralModel::NeuralModel(std::unique_ptr<NeuralModelEngine> engine) : d(std::move(engine)) {}
NeuralModel::~NeuralModel() = default;

Result<std::unique_ptr<NeuralModel>> NeuralModel::create(const RestorationNetConfig& config, std::uint64_t seed)
{
    if (Status valid = config.validate(); !valid)
        return valid.error();
    Result<TorchBackend*> backend = torchBackend();
    if (!backend)
        return backend.error();
    return backend.value()->createModel(config, seed);
}

Result<std::unique_ptr<NeuralModel>> NeuralModel::createIdentity(const RestorationNetConfig& config)
{
    if (Status valid = config.validate(); !valid)
        return valid.error();
    Result<TorchBackend*> backend = torchBackend();
    if (!backend)
        return backend.error();
    return backend.value()->createIdentityModel(config);
}

Result<std::unique_ptr<NeuralModel>> NeuralModel::load(const QString& path)
{
    // Checked here too, so that a wrong path is reported without loading LibTorch.
    if (!QFileInfo::exists(path))
        return Error{path, QStringLiteral("model file does not exist")};
    Result<TorchBackend*> backend = torchBackend();
    if (!backend)
        return backend.error();
    return backend.value()->loadModel(path);
}

Status NeuralModel::save(const QString& path) const { return d->save(path); }
const RestorationNetConfig& NeuralModel::config() const { return d->config(); }
std::int64_t NeuralModel::parameterCount() const { return d->parameterCount(); }
QJsonObject NeuralModel::metadata() const { return d->metadata(); }
void NeuralModel::setMetadata(const QJsonObject& metadata) { d->setMetadata(metadata); }
void NeuralModel::setDevice(ComputeDevice device) { d->setDevice(device); }
std::vector<float> NeuralModel::restore(std::span<const float> samples) const { return d->restore(samples); }

} // namespace shellac::ml
