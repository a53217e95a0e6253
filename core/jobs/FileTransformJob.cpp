#include "jobs/FileTransformJob.h"

#include "audio/AudioFileReader.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace shellac {

bool isSameFile(const QString& a, const QString& b)
{
    const QString ca = QFileInfo(a).canonicalFilePath();
    return !ca.isEmpty() && ca == QFileInfo(b).canonicalFilePath();
}

Result<FileTransformSummary> transformFile(const QString& inputPath, const OutputRequest& output,
                                           BlockProcessor& processor,
                                           const CancellationToken* cancel,
                                           ProgressReporter* progress)
{
    if (isSameFile(inputPath, output.path))
        return Error{QDir::toNativeSeparators(output.path),
                     QObject::tr("is the input file; Shellac never overwrites an original, "
                                 "choose another output name")};
    // Fail on a bad destination before reading anything.
    if (Status destination = AudioFileWriter::checkDestination(output.path, output.overwrite); !destination)
        return destination.error();

    auto opened = AudioFileReader::open(inputPath);
    if (!opened)
        return opened.error();
    AudioFileReader& reader = *opened.value();
    FileTransformSummary summary;
    summary.input = reader.format();

    if (Status prepared = processor.prepare(summary.input); !prepared)
        return prepared.error();

    const Container container = *containerForPath(output.path);
    AudioWriteSpec spec;
    spec.container = container;
    spec.encoding = output.encoding.value_or(encodingForOutput(container, summary.input.encoding));
    spec.sampleRate = processor.outputSampleRate();
    spec.channels = summary.input.channels;
    auto created = AudioFileWriter::create(output.path, spec, output.overwrite);
    if (!created)
        return created.error();
    AudioFileWriter& writer = *created.value();

    const auto cancelled = [&] {
        return Error{QDir::toNativeSeparators(inputPath), QObject::tr("cancelled")};
    };
    AudioBlock in;
    AudioBlock out;
    constexpr std::int64_t kBlockFrames = 1 << 16;
    for (;;) {
        if (cancel && cancel->isCancelled())
            return cancelled(); // writer's destructor removes the temporary file
        auto got = reader.read(in, kBlockFrames);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        if (Status s = processor.process(in, out); !s)
            return s.error();
        if (Status s = writer.write(out); !s)
            return s.error();
        if (progress)
            progress->report(double(reader.position()) / double(summary.input.frames),
                             QObject::tr("processing"));
    }
    if (Status s = processor.finish(out); !s)
        return s.error();
    if (Status s = writer.write(out); !s)
        return s.error();
    if (cancel && cancel->isCancelled())
        return cancelled();
    if (Status s = writer.commit(); !s)
        return s.error();
    if (progress)
        progress->report(1.0, QObject::tr("processing"));

    summary.output.container = spec.container;
    summary.output.encoding = spec.encoding;
    summary.output.sampleRate = spec.sampleRate;
    summary.output.channels = spec.channels;
    summary.output.frames = writer.framesWritten();
    return summary;
}

} // namespace shellac
