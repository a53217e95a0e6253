#include "ml/torch/TorchModelEngine.h"

#include "ml/torch/NeuralModelAccess.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <sstream>

namespace shellac::ml {

namespace {

constexpr const char* kFormat = "shellac-restoration-net";
constexpr std::int64_t kFormatVersion = 1;
/// Training checkpoints (core/ml/torch/Checkpoint.cpp) carry the network as well; load() reads them.
constexpr const char* kCheckpointFormat = "shellac-training-checkpoint";

QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::string readString(torch::serialize::InputArchive& archive, const char* key)
{
    c10::IValue value;
    archive.read(key, value);
    if (!value.isString())
        throw std::runtime_error(std::string("entry '") + key + "' is not text");
    return value.toStringRef();
}

} // namespace

torch::Device torchDevice(ComputeDevice device)
{
    return device == ComputeDevice::Cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
}

// Every NeuralModel comes from this plugin (createTorchModel, loadTorchModel), so the cast holds.
RestorationNet& NeuralModelAccess::network(NeuralModel& model) { return static_cast<TorchModelEngine&>(*model.d).net; }
const RestorationNet& NeuralModelAccess::network(const NeuralModel& model)
{
    return static_cast<const TorchModelEngine&>(*model.d).net;
}
torch::Device NeuralModelAccess::device(const NeuralModel& model) { return static_cast<const TorchModelEngine&>(*model.d).device; }

Result<std::unique_ptr<NeuralModel>> createTorchModel(const RestorationNetConfig& config, std::uint64_t seed)
{
    torch::manual_seed(seed);
    auto engine = std::make_unique<TorchModelEngine>();
    engine->netConfig = config;
    engine->net = RestorationNet(config);
    return std::make_unique<NeuralModel>(std::move(engine));
}

Result<std::unique_ptr<NeuralModel>> createIdentityTorchModel(const RestorationNetConfig& config)
{
    auto model = createTorchModel(config, 0);
    if (!model)
        return model;
    RestorationNet& net = NeuralModelAccess::network(*model.value());
    torch::NoGradGuard noGrad;
    for (auto& item : net->named_parameters())
        if (item.key().rfind("decoder.", 0) == 0)
            item.value().zero_();
    net->eval();
    return model;
}

Result<std::unique_ptr<NeuralModel>> loadTorchModel(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return Error{path, QStringLiteral("model file does not exist")};
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, QStringLiteral("cannot open the model file (%1)").arg(file.errorString())};
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return Error{path, QStringLiteral("model file is empty (0 bytes)")};

    torch::serialize::InputArchive archive;
    try {
        archive.load_from(bytes.constData(), std::size_t(bytes.size()));
    } catch (const std::exception&) {
        return Error{path, QStringLiteral("is not a Shellac model file (not a LibTorch archive, or truncated)")};
    }
    auto engine = std::make_unique<TorchModelEngine>();
    bool checkpoint = false;
    try {
        const std::string format = readString(archive, "format");
        checkpoint = format == kCheckpointFormat;
        if (format != kFormat && !checkpoint)
            return Error{path, QStringLiteral("is a LibTorch archive but not a Shellac restoration model")};
        if (checkpoint) {
            // A training checkpoint (<run>/checkpoints/checkpoint_epoch_N.pt) holds the network
            // too, so any epoch of a run can be listened to: the architecture comes from its
            // training settings, the weights from its "model" entry.
            const QJsonObject state = QJsonDocument::fromJson(QByteArray::fromStdString(readString(archive, "state"))).object();
            const QJsonObject settings = state.value(QStringLiteral("settings")).toObject();
            Result<RestorationNetConfig> config = RestorationNetConfig::fromJson(settings.value(QStringLiteral("net")).toObject());
            if (!config)
                return Error{path, QStringLiteral("is a training checkpoint whose network settings cannot be read (%1)")
                                       .arg(config.error().message())};
            engine->netConfig = config.value();
            engine->meta = {{QStringLiteral("trained_with"), QStringLiteral("shellac-cli train")},
                              {QStringLiteral("checkpoint_epoch"), state.value(QStringLiteral("epoch"))},
                              {QStringLiteral("strategy"), settings.value(QStringLiteral("strategy"))},
                              {QStringLiteral("settings"), settings}}; // isPostFilterModel() reads it
        } else {
            c10::IValue version;
            archive.read("format_version", version);
            if (!version.isInt() || version.toInt() != kFormatVersion)
                return Error{path, QStringLiteral("has model format version %1; this Shellac reads version %2")
                                       .arg(version.isInt() ? QString::number(version.toInt()) : QStringLiteral("?"))
                                       .arg(kFormatVersion)};
            const QJsonDocument configJson = QJsonDocument::fromJson(QByteArray::fromStdString(readString(archive, "config")));
            Result<RestorationNetConfig> config = RestorationNetConfig::fromJson(configJson.object());
            if (!config)
                return Error{path, config.error().message()};
            engine->netConfig = config.value();
            engine->meta = QJsonDocument::fromJson(QByteArray::fromStdString(readString(archive, "metadata"))).object();
        }
    } catch (const std::exception&) {
        return Error{path, QStringLiteral("is not a Shellac model file (its header entries are missing)")};
    }

    engine->net = RestorationNet(engine->netConfig);
    std::vector<std::pair<std::string, std::vector<std::int64_t>>> expected;
    for (const auto& item : engine->net->named_parameters())
        expected.emplace_back(item.key(), item.value().sizes().vec());
    try {
        torch::serialize::InputArchive weights;
        archive.read(checkpoint ? "model" : "weights", weights);
        engine->net->load(weights);
    } catch (const std::exception&) {
        return Error{path, QStringLiteral("weights do not match the model's declared architecture (missing or corrupt tensors)")};
    }
    const auto loaded = engine->net->named_parameters();
    for (const auto& [name, shape] : expected) {
        const torch::Tensor* p = loaded.find(name);
        if (p == nullptr || p->sizes().vec() != shape)
            return Error{path, QStringLiteral("weights do not match the model's declared architecture (tensor '%1' has another shape)")
                                   .arg(QString::fromStdString(name))};
        if (!torch::isfinite(*p).all().item<bool>())
            return Error{path, QStringLiteral("weights are corrupt (tensor '%1' holds NaN or infinity)").arg(QString::fromStdString(name))};
    }
    engine->net->eval();
    return std::make_unique<NeuralModel>(std::move(engine));
}

Status TorchModelEngine::save(const QString& path) const
{
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", c10::IValue(std::string(kFormat)));
        archive.write("format_version", c10::IValue(kFormatVersion));
        archive.write("config", c10::IValue(jsonText(netConfig.toJson()).toStdString()));
        archive.write("metadata", c10::IValue(jsonText(meta).toStdString()));
        torch::serialize::OutputArchive weights;
        net->save(weights);
        archive.write("weights", weights);
        archive.save_to(bytes);
    } catch (const std::exception& e) {
        return Error{path, QStringLiteral("cannot serialise the model (%1)").arg(QString::fromUtf8(e.what()))};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path, QStringLiteral("cannot write the model (%1)").arg(file.errorString())};
    const std::string data = bytes.str();
    if (file.write(data.data(), qint64(data.size())) != qint64(data.size()) || !file.commit())
        return Error{path, QStringLiteral("cannot write the model (%1)").arg(file.errorString())};
    return Status::success();
}

std::int64_t TorchModelEngine::parameterCount() const { return countParameters(*net); }

void TorchModelEngine::setDevice(ComputeDevice target)
{
    device = torchDevice(target);
    net->to(device);
}

std::vector<float> TorchModelEngine::restore(std::span<const float> samples) const
{
    if (samples.empty())
        return {};
    torch::NoGradGuard noGrad;
    net->eval();
    const torch::Tensor input = torch::from_blob(const_cast<float*>(samples.data()), {1, std::int64_t(samples.size())}, torch::kFloat)
                                    .to(device);
    const torch::Tensor output = net->forward(input).restored.to(torch::kCPU).contiguous();
    return {output.data_ptr<float>(), output.data_ptr<float>() + output.numel()};
}

} // namespace shellac::ml
