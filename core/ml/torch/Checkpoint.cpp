#include "ml/torch/Checkpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <sstream>

namespace shellac::ml {

namespace {

constexpr const char* kFormat = "shellac-training-checkpoint";

Result<QByteArray> readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, QStringLiteral("cannot open the checkpoint (%1)").arg(file.errorString())};
    QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return Error{path, QStringLiteral("checkpoint is empty (0 bytes)")};
    return bytes;
}

Result<CheckpointState> readState(torch::serialize::InputArchive& archive, const QString& path)
{
    try {
        c10::IValue format, state;
        archive.read("format", format);
        if (!format.isString() || format.toStringRef() != kFormat)
            return Error{path, QStringLiteral("is not a Shellac training checkpoint")};
        archive.read("state", state);
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(state.toStringRef())).object();
        CheckpointState s;
        s.epoch = json.value(QStringLiteral("epoch")).toInt();
        s.globalStep = json.value(QStringLiteral("global_step")).toInteger();
        s.settings = json.value(QStringLiteral("settings")).toObject();
        return s;
    } catch (const std::exception&) {
        return Error{path, QStringLiteral("is not a Shellac training checkpoint (entries missing)")};
    }
}

} // namespace

QString checkpointPath(const QString& runDir, int epoch)
{
    return QDir(runDir).filePath(QStringLiteral("checkpoints/checkpoint_epoch_%1.pt").arg(epoch));
}

QString latestCheckpoint(const QString& runDir)
{
    const QDir dir(QDir(runDir).filePath(QStringLiteral("checkpoints")));
    static const QRegularExpression pattern(QStringLiteral("^checkpoint_epoch_(\\d+)\\.pt$"));
    int best = -1;
    QString bestPath;
    for (const QString& name : dir.entryList(QDir::Files)) {
        const QRegularExpressionMatch m = pattern.match(name);
        if (m.hasMatch() && m.captured(1).toInt() > best) {
            best = m.captured(1).toInt();
            bestPath = dir.filePath(name);
        }
    }
    return bestPath;
}

Status saveCheckpoint(const QString& path, RestorationNet& net, torch::optim::Optimizer& optimizer,
                      const CheckpointState& state)
{
    const QJsonObject json{{QStringLiteral("epoch"), state.epoch},
                           {QStringLiteral("global_step"), qint64(state.globalStep)},
                           {QStringLiteral("settings"), state.settings}};
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", c10::IValue(std::string(kFormat)));
        archive.write("state", c10::IValue(QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString()));
        torch::serialize::OutputArchive model, optim;
        net->save(model);
        optimizer.save(optim);
        archive.write("model", model);
        archive.write("optimizer", optim);
        archive.write("cpu_rng_state", at::detail::getDefaultCPUGenerator().get_state());
        archive.save_to(bytes);
    } catch (const std::exception& e) {
        return Error{path, QStringLiteral("cannot serialise the checkpoint (%1)").arg(QString::fromUtf8(e.what()))};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{QFileInfo(path).absolutePath(), QStringLiteral("cannot create the checkpoint folder")};
    QSaveFile file(path);
    const std::string data = bytes.str();
    if (!file.open(QIODevice::WriteOnly) || file.write(data.data(), qint64(data.size())) != qint64(data.size()) || !file.commit())
        return Error{path, QStringLiteral("cannot write the checkpoint (%1)").arg(file.errorString())};
    return Status::success();
}

Result<CheckpointState> readCheckpointState(const QString& path)
{
    Result<QByteArray> bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(bytes.value().constData(), std::size_t(bytes.value().size()));
    } catch (const std::exception&) {
        return Error{path, QStringLiteral("is not a Shellac training checkpoint (not a LibTorch archive, or truncated)")};
    }
    return readState(archive, path);
}

Status loadCheckpoint(const QString& path, RestorationNet& net, torch::optim::Optimizer& optimizer)
{
    Result<QByteArray> bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    try {
        torch::serialize::InputArchive archive, model, optim;
        // Load straight onto the network's device, so the optimizer moments land beside the weights.
        archive.load_from(bytes.value().constData(), std::size_t(bytes.value().size()), net->parameters().front().device());
        if (Result<CheckpointState> state = readState(archive, path); !state)
            return state.error();
        archive.read("model", model);
        net->load(model);
        archive.read("optimizer", optim);
        optimizer.load(optim);
        torch::Tensor rng;
        archive.read("cpu_rng_state", rng);
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        generator.set_state(rng.to(torch::kCPU));
    } catch (const std::exception& e) {
        return Error{path, QStringLiteral("cannot restore the training state (%1)").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0))};
    }
    return Status::success();
}

} // namespace shellac::ml
