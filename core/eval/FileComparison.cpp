#include "eval/FileComparison.h"

#include "audio/AudioFileReader.h"
#include "restore/RestorationReport.h"

#include <QDir>
#include <QObject>

namespace shellac::eval {

namespace {

struct Loaded {
    AudioBlock audio;
    int sampleRate = 0;
};

Result<Loaded> loadWhole(const QString& path)
{
    auto reader = AudioFileReader::open(path);
    if (!reader)
        return reader.error();
    Loaded loaded;
    loaded.sampleRate = reader.value()->format().sampleRate;
    loaded.audio.resize(reader.value()->format().channels, 0);
    AudioBlock block;
    for (;;) {
        auto got = reader.value()->read(block, 1 << 16);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        loaded.audio.append(block);
    }
    return loaded;
}

Status sameShape(const Loaded& reference, const Loaded& other, const QString& otherPath, const QString& referencePath)
{
    if (other.sampleRate != reference.sampleRate)
        return Error{QDir::toNativeSeparators(otherPath), QObject::tr("sample rate %1 Hz differs from %2 (%3 Hz)")
                                                              .arg(other.sampleRate)
                                                              .arg(QDir::toNativeSeparators(referencePath))
                                                              .arg(reference.sampleRate)};
    if (other.audio.channels() != reference.audio.channels())
        return Error{QDir::toNativeSeparators(otherPath), QObject::tr("has %1 channels, %2 has %3")
                                                              .arg(other.audio.channels())
                                                              .arg(QDir::toNativeSeparators(referencePath))
                                                              .arg(reference.audio.channels())};
    if (other.audio.frames() != reference.audio.frames())
        return Error{QDir::toNativeSeparators(otherPath), QObject::tr("has %1 frames, %2 has %3")
                                                              .arg(other.audio.frames())
                                                              .arg(QDir::toNativeSeparators(referencePath))
                                                              .arg(reference.audio.frames())};
    return Status::success();
}

} // namespace

Result<FileScore> compareFiles(const FileComparisonRequest& request)
{
    auto clean = loadWhole(request.cleanPath);
    if (!clean)
        return clean.error();
    auto degraded = loadWhole(request.degradedPath);
    if (!degraded)
        return degraded.error();
    auto restored = loadWhole(request.restoredPath);
    if (!restored)
        return restored.error();
    if (Status s = sameShape(clean.value(), degraded.value(), request.degradedPath, request.cleanPath); !s)
        return s.error();
    if (Status s = sameShape(clean.value(), restored.value(), request.restoredPath, request.cleanPath); !s)
        return s.error();

    std::optional<std::vector<SampleInterval>> truth;
    if (!request.truthPath.isEmpty()) {
        auto list = readImpulseList(request.truthPath);
        if (!list)
            return list.error();
        truth = std::move(list).value();
    }

    FileScore score;
    score.name = request.name;
    const AudioBlock& c = clean.value().audio;
    const int channels = c.channels();
    const std::int64_t guard = clean.value().sampleRate / 500; // 2 ms
    double cleanRegion = 0;
    for (int ch = 0; ch < channels; ++ch) {
        score.inputSiSdrDb += siSdrDb(c.channel(ch), degraded.value().audio.channel(ch)) / channels;
        score.restoredSiSdrDb += siSdrDb(c.channel(ch), restored.value().audio.channel(ch)) / channels;
        if (truth)
            cleanRegion += siSdrDbMasked(c.channel(ch), restored.value().audio.channel(ch),
                                         cleanMask(*truth, ch, c.frames(), guard))
                           / channels;
    }
    if (truth)
        score.cleanRegionSiSdrDb = cleanRegion;
    if (truth && !request.reportPath.isEmpty()) {
        auto detected = RestorationReport::readClicks(request.reportPath);
        if (!detected)
            return detected.error();
        score.detection = scoreDetections(*truth, detected.value(), guard);
    }
    return score;
}

} // namespace shellac::eval
