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

    std::unique_ptr<AudioFileWriter> residualWriter;
    if (!output.residualPath.isEmpty()) {
        if (spec.sampleRate != summary.input.sampleRate)
            return Error{QDir::toNativeSeparators(output.residualPath),
                         QObject::tr("a residual needs the output at the input's sample rate")};
        if (isSameFile(inputPath, output.residualPath) || QFileInfo(output.residualPath).absoluteFilePath()
                                                              == QFileInfo(output.path).absoluteFilePath())
            return Error{QDir::toNativeSeparators(output.residualPath),
                         QObject::tr("the residual must go to its own file, not the input or the output")};
        AudioWriteSpec residualSpec = spec;
        if (const auto c = containerForPath(output.residualPath)) {
            residualSpec.container = *c;
            residualSpec.encoding = encodingForOutput(*c, spec.encoding);
        }
        auto residualCreated = AudioFileWriter::create(output.residualPath, residualSpec, output.overwrite);
        if (!residualCreated)
            return residualCreated.error();
        residualWriter = std::move(residualCreated).value();
    }
    // Input frames not yet matched by output frames, to form the residual.
    AudioBlock pendingInput(summary.input.channels, 0);
    AudioBlock residual;
    const auto writeResidual = [&](const AudioBlock& produced) -> Status {
        if (!residualWriter)
            return Status::success();
        const std::int64_t n = std::min(produced.frames(), pendingInput.frames());
        residual.resize(produced.channels(), n);
        for (int c = 0; c < produced.channels(); ++c)
            for (std::int64_t i = 0; i < n; ++i)
                residual.channel(c)[std::size_t(i)] = pendingInput.channel(c)[std::size_t(i)]
                                                      - produced.channel(c)[std::size_t(i)];
        pendingInput.dropFront(n);
        return residualWriter->write(residual);
    };

    const auto cancelled = [&] {
        return Error{QDir::toNativeSeparators(inputPath), QObject::tr("cancelled")};
    };
    AudioBlock in;
    AudioBlock out;
    constexpr std::int64_t kBlockFrames = 1 << 16;
    const double total = double(summary.input.frames);
    // With an analysis pass, reading for analysis is the first 25 % of the progress bar.
    const double processStart = processor.wantsAnalysisPass() ? 0.25 : 0.0;
    if (processor.wantsAnalysisPass()) {
        for (;;) {
            if (cancel && cancel->isCancelled())
                return cancelled();
            auto got = reader.read(in, kBlockFrames);
            if (!got)
                return got.error();
            if (got.value() == 0)
                break;
            if (Status s = processor.analyse(in); !s)
                return s.error();
            if (progress)
                progress->report(processStart * double(reader.position()) / total, QObject::tr("analysing"));
        }
        if (Status s = processor.finishAnalysis(); !s)
            return s.error();
        if (Status s = reader.seek(0); !s)
            return s.error();
    }
    for (;;) {
        if (cancel && cancel->isCancelled())
            return cancelled(); // writer's destructor removes the temporary file
        auto got = reader.read(in, kBlockFrames);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        if (residualWriter)
            pendingInput.append(in);
        if (Status s = processor.process(in, out); !s)
            return s.error();
        if (Status s = writer.write(out); !s)
            return s.error();
        if (Status s = writeResidual(out); !s)
            return s.error();
        if (progress)
            progress->report(processStart + (1.0 - processStart) * double(reader.position()) / total,
                             QObject::tr("processing"));
    }
    if (Status s = processor.finish(out); !s)
        return s.error();
    if (Status s = writer.write(out); !s)
        return s.error();
    if (Status s = writeResidual(out); !s)
        return s.error();
    if (cancel && cancel->isCancelled())
        return cancelled();
    if (residualWriter)
        if (Status s = residualWriter->commit(); !s)
            return s.error();
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
