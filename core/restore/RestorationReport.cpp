#include "restore/RestorationReport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSaveFile>

namespace shellac {

namespace {

Status writeJsonAtomically(const QString& path, const QJsonObject& object)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QDir::toNativeSeparators(path), QObject::tr("cannot write (%1)").arg(file.errorString())};
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error{QDir::toNativeSeparators(path), QObject::tr("cannot write (%1)").arg(file.errorString())};
    return Status::success();
}

Result<QJsonObject> readJsonObject(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QDir::toNativeSeparators(path), QObject::tr("cannot read (%1)").arg(file.errorString())};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QDir::toNativeSeparators(path), QObject::tr("not valid JSON: %1 at offset %2")
                                                         .arg(parseError.errorString())
                                                         .arg(parseError.offset)};
    if (!doc.isObject())
        return Error{QDir::toNativeSeparators(path), QObject::tr("expected a JSON object")};
    return doc.object();
}

} // namespace

QJsonObject RestorationReport::make(const QString& input, const QString& output, const QJsonObject& restorerReport,
                                    int sampleRate, int channels, std::int64_t frames, double processingSeconds)
{
    QJsonObject report = restorerReport;
    const double duration = sampleRate > 0 ? double(frames) / sampleRate : 0.0;
    report.insert(QStringLiteral("version"), kVersion);
    report.insert(QStringLiteral("input"), input);
    report.insert(QStringLiteral("output"), output);
    report.insert(QStringLiteral("sample_rate"), sampleRate);
    report.insert(QStringLiteral("channels"), channels);
    report.insert(QStringLiteral("duration_s"), duration);
    report.insert(QStringLiteral("processing_s"), processingSeconds);
    report.insert(QStringLiteral("realtime_factor"), processingSeconds > 0 ? duration / processingSeconds : 0.0);
    return report;
}

Status RestorationReport::checkDestination(const QString& path, bool replace)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return Error{QDir::toNativeSeparators(path), QObject::tr("folder %1 does not exist")
                                                         .arg(QDir::toNativeSeparators(folder.absoluteFilePath()))};
    if (!folder.isWritable())
        return Error{QDir::toNativeSeparators(path), QObject::tr("folder %1 is not writable (permission denied)")
                                                         .arg(QDir::toNativeSeparators(folder.absoluteFilePath()))};
    if (info.isDir())
        return Error{QDir::toNativeSeparators(path), QObject::tr("is a folder; give a file name for the report")};
    if (info.exists() && !replace)
        return Error{QDir::toNativeSeparators(path), QObject::tr("already exists (use --force to overwrite it)")};
    return Status::success();
}

Status RestorationReport::write(const QString& path, const QJsonObject& report)
{
    return writeJsonAtomically(path, report);
}

Result<std::vector<eval::SampleInterval>> RestorationReport::readClicks(const QString& path)
{
    auto object = readJsonObject(path);
    if (!object)
        return object.error();
    std::vector<eval::SampleInterval> clicks;
    // A hybrid's report nests the classical chain's report (with its own "stages") as its first stage.
    const auto collect = [&](const QJsonObject& report, int depth, const auto& self) -> bool {
        for (const QJsonValue& stageValue : report.value(QStringLiteral("stages")).toArray()) {
            const QJsonObject stage = stageValue.toObject();
            for (const QJsonValue& entry : stage.value(QStringLiteral("clicks")).toArray()) {
                const QJsonArray triple = entry.toArray();
                if (triple.size() != 3)
                    return false;
                clicks.push_back({triple.at(0).toInt(), triple.at(1).toInteger(), triple.at(2).toInteger()});
            }
            if (depth < 4 && !self(stage, depth + 1, self))
                return false;
        }
        return true;
    };
    if (!collect(object.value(), 0, collect))
        return Error{QDir::toNativeSeparators(path), QObject::tr("a click entry is not [channel, start, length]")};
    return clicks;
}

Result<std::vector<eval::SampleInterval>> readImpulseList(const QString& path)
{
    auto object = readJsonObject(path);
    if (!object)
        return object.error();
    const QJsonValue impulses = object.value().value(QStringLiteral("impulses"));
    if (!impulses.isArray())
        return Error{QDir::toNativeSeparators(path), QObject::tr("missing field \"impulses\" (an array)")};
    std::vector<eval::SampleInterval> list;
    int index = 0;
    for (const QJsonValue& v : impulses.toArray()) {
        const QJsonObject o = v.toObject();
        if (!o.contains(QStringLiteral("start")) || !o.contains(QStringLiteral("length")))
            return Error{QDir::toNativeSeparators(path),
                         QObject::tr("impulse %1 lacks \"start\" or \"length\"").arg(index)};
        list.push_back({o.value(QStringLiteral("channel")).toInt(), o.value(QStringLiteral("start")).toInteger(),
                        o.value(QStringLiteral("length")).toInteger()});
        ++index;
    }
    return list;
}

Status writeImpulseList(const QString& path, int sampleRate, const std::vector<eval::SampleInterval>& impulses)
{
    QJsonArray list;
    for (const auto& i : impulses)
        list.append(QJsonObject{{QStringLiteral("channel"), i.channel},
                                {QStringLiteral("start"), qint64(i.start)},
                                {QStringLiteral("length"), qint64(i.length)}});
    return writeJsonAtomically(path, QJsonObject{{QStringLiteral("sample_rate"), sampleRate},
                                                 {QStringLiteral("impulses"), list}});
}

} // namespace shellac
