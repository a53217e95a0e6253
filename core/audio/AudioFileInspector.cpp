#include "audio/AudioFileInspector.h"

#include "audio/AudioFileReader.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace shellac {

Result<AudioFileReport> inspectAudioFile(const QString& path, const CancellationToken* cancel,
                                         ProgressReporter* progress)
{
    auto opened = AudioFileReader::open(path);
    if (!opened)
        return opened.error();
    AudioFileReader& reader = *opened.value();

    AudioFileReport report;
    report.path = path;
    report.sizeBytes = QFileInfo(path).size();
    report.format = reader.format();

    LevelMeter meter(report.format.channels, report.format.sampleRate);
    AudioBlock block;
    const std::int64_t blockFrames = 1 << 16;
    for (;;) {
        if (cancel && cancel->isCancelled())
            return Error{QDir::toNativeSeparators(path), QObject::tr("cancelled")};
        auto got = reader.read(block, blockFrames);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        meter.add(block);
        if (progress)
            progress->report(double(reader.position()) / double(report.format.frames),
                             QObject::tr("reading"));
    }
    // Header frame counts can lie (e.g. a truncated data chunk); trust what was read.
    report.format.frames = reader.position();
    if (report.format.frames == 0)
        return Error{QDir::toNativeSeparators(path), QObject::tr("contains no audio (0 frames)")};
    report.levels = meter.result();
    return report;
}

} // namespace shellac
