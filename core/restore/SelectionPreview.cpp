#include "restore/SelectionPreview.h"

#include "audio/AudioFileReader.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace shellac {

namespace {

constexpr std::int64_t kBlockFrames = 1 << 14;

/// Reads frames [start, end) of the file into `out`, checking `cancel` between blocks.
Status readRange(AudioFileReader& reader, std::int64_t start, std::int64_t end, AudioBlock& out,
                 const CancellationToken* cancel, const Error& cancelled)
{
    out.resize(reader.format().channels, 0);
    if (Status s = reader.seek(start); !s)
        return s;
    AudioBlock piece;
    while (out.frames() < end - start) {
        if (cancel && cancel->isCancelled())
            return cancelled;
        auto got = reader.read(piece, std::min(kBlockFrames, end - start - out.frames()));
        if (!got)
            return got.error();
        if (got.value() == 0)
            return Error{QDir::toNativeSeparators(reader.path()),
                         QObject::tr("ended at frame %1, before the frame %2 its header promised")
                             .arg(start + out.frames())
                             .arg(end)};
        out.append(piece);
    }
    return Status::success();
}

} // namespace

Result<SelectionPreviewResult> SelectionPreview::run(const SelectionPreviewRequest& request, Restorer& restorer,
                                                     const CancellationToken* cancel, ProgressReporter* progress)
{
    const QString name = QDir::toNativeSeparators(request.path);
    const Error cancelled{name, QObject::tr("cancelled")};
    auto opened = AudioFileReader::open(request.path);
    if (!opened)
        return opened.error();
    AudioFileReader& reader = *opened.value();
    const AudioFormat& file = reader.format();
    const double rate = file.sampleRate;
    const std::int64_t start = request.startFrame;
    const std::int64_t end = request.endFrame;
    if (start < 0 || end <= start)
        return Error{name, QObject::tr("the selection %1–%2 (frames) is empty or inverted").arg(start).arg(end)};
    if (end > file.frames)
        return Error{name, QObject::tr("the selection ends at frame %1, after the end of the recording (%2 frames)")
                               .arg(end)
                               .arg(file.frames)};
    const double seconds = double(end - start) / rate;
    if (seconds > kMaxSelectionSeconds + 1e-9)
        return Error{name, QObject::tr("the selection is %1 s long; a preview restores at most %2 s: "
                                       "use Restore file for longer passages")
                               .arg(seconds, 0, 'f', 1)
                               .arg(kMaxSelectionSeconds)};
    if (!(request.contextSeconds >= 0.0))
        return Error{name, QObject::tr("the preview context must be 0 s or more, got %1").arg(request.contextSeconds)};

    const std::int64_t context = std::llround(request.contextSeconds * rate);
    const std::int64_t readStart = std::max<std::int64_t>(0, start - context);
    const std::int64_t readEnd = std::min(file.frames, end + context);
    AudioBlock excerpt;
    if (Status s = readRange(reader, readStart, readEnd, excerpt, cancel, cancelled); !s)
        return s.error();

    AudioBlock noise(file.channels, 0);
    if (request.noiseRangeSeconds) {
        const auto [from, to] = *request.noiseRangeSeconds;
        const auto noiseStart = std::int64_t(std::floor(from * rate));
        const auto noiseEnd = std::int64_t(std::ceil(to * rate));
        if (!(from >= 0.0) || !(to > from) || noiseEnd > file.frames)
            return Error{name, QObject::tr("the noise range %1–%2 s is not inside the recording (%3 s)")
                                   .arg(from)
                                   .arg(to)
                                   .arg(file.durationSeconds(), 0, 'f', 3)};
        if (Status s = readRange(reader, noiseStart, noiseEnd, noise, cancel, cancelled); !s)
            return s.error();
    }

    AudioFormat format = file;
    format.frames = noise.frames() + excerpt.frames();
    if (Status s = restorer.prepare(format); !s)
        return s.error();
    const bool analysis = restorer.wantsAnalysisPass();
    const double processStart = analysis ? 0.25 : 0.0;
    AudioBlock piece;
    if (analysis) {
        const double total = double(format.frames);
        double done = 0;
        for (const AudioBlock* source : {&noise, &excerpt})
            for (std::int64_t pos = 0; pos < source->frames(); pos += kBlockFrames) {
                if (cancel && cancel->isCancelled())
                    return cancelled;
                piece.assignFrames(*source, pos, std::min(kBlockFrames, source->frames() - pos));
                if (Status s = restorer.analyse(piece); !s)
                    return s.error();
                done += double(piece.frames());
                if (progress)
                    progress->report(processStart * done / total, QObject::tr("analysing"));
            }
        if (Status s = restorer.finishAnalysis(); !s)
            return s.error();
    }

    AudioBlock out;
    AudioBlock restored(file.channels, 0);
    for (std::int64_t pos = 0; pos < excerpt.frames(); pos += kBlockFrames) {
        if (cancel && cancel->isCancelled())
            return cancelled;
        piece.assignFrames(excerpt, pos, std::min(kBlockFrames, excerpt.frames() - pos));
        if (Status s = restorer.process(piece, out); !s)
            return s.error();
        restored.append(out);
        if (progress)
            progress->report(processStart + (1.0 - processStart) * double(pos + piece.frames()) / double(excerpt.frames()),
                             QObject::tr("restoring the selection"));
    }
    if (Status s = restorer.finish(out); !s)
        return s.error();
    restored.append(out);
    if (cancel && cancel->isCancelled())
        return cancelled;
    if (restored.frames() != excerpt.frames())
        return Error{name, QObject::tr("the %1 restorer returned %2 frames for %3 (it must keep the length)")
                               .arg(restorer.method())
                               .arg(restored.frames())
                               .arg(excerpt.frames())};

    SelectionPreviewResult result;
    result.startFrame = start;
    result.sampleRate = file.sampleRate;
    result.contextFrames = start - readStart;
    result.restored.assignFrames(restored, start - readStart, end - start);
    result.original.assignFrames(excerpt, start - readStart, end - start);
    result.report = restorer.report();
    if (progress)
        progress->report(1.0, QObject::tr("restoring the selection"));
    return result;
}

RestorationSettings SelectionPreview::settingsForPreview(const RestorationSettings& settings)
{
    RestorationSettings s = settings;
    if (s.usesDsp() && s.dsp.noiseRangeSeconds) {
        const auto [from, to] = *s.dsp.noiseRangeSeconds;
        s.dsp.noiseRangeSeconds = std::make_pair(0.0, to - from);
    }
    return s;
}

} // namespace shellac
