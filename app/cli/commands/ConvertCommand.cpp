#include "commands/ConvertCommand.h"

#include "TerminalProgress.h"
#include "audio/ResamplingProcessor.h"
#include "jobs/FileTransformJob.h"

#include <QFileInfo>

namespace shellac::cli {

QString ConvertCommand::summary() const
{
    return QStringLiteral("Convert an audio file to another format, bit depth or sample rate.");
}

QString ConvertCommand::description() const
{
    return QStringLiteral(
        "Reads IN and writes OUT in the format given by OUT's extension (%1).\n"
        "The sample subtype is kept when OUT's format can store it, otherwise the closest\n"
        "lossless one is used (e.g. float into FLAC becomes 24-bit); --bits overrides it.\n"
        "Resampling uses libsoxr at very high quality. The input is never modified; OUT is\n"
        "written to a temporary file and renamed into place, so an error or Ctrl+C leaves no\n"
        "partial file. An existing OUT is only replaced with --force.\n\n"
        "Exit status: 0 on success, 1 when IN cannot be read or OUT cannot be written,\n"
        "2 on usage errors, 130 when interrupted.").arg(writableExtensionsText());
}

QList<QCommandLineOption> ConvertCommand::options() const
{
    return {
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           QStringLiteral("Output file (required)."), QStringLiteral("OUT")),
        QCommandLineOption(QStringLiteral("rate"),
                           QStringLiteral("Output sample rate in Hz (8000-192000); default: the input's."),
                           QStringLiteral("HZ")),
        QCommandLineOption(QStringLiteral("bits"),
                           QStringLiteral("Output sample subtype: 8, 16, 24, 32, float, double or vorbis."),
                           QStringLiteral("B")),
        QCommandLineOption({QStringLiteral("f"), QStringLiteral("force")},
                           QStringLiteral("Replace OUT if it already exists.")),
        QCommandLineOption({QStringLiteral("q"), QStringLiteral("quiet")},
                           QStringLiteral("Do not show progress on stderr.")),
    };
}

int ConvertCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() != 1)
        return context.usageError(name(), inputs.isEmpty() ? QStringLiteral("no input file given")
                                                           : QStringLiteral("give exactly one input file"));
    if (!parser.isSet(QStringLiteral("output")))
        return context.usageError(name(), QStringLiteral("no output file given (use -o OUT)"));

    OutputRequest output;
    output.path = parser.value(QStringLiteral("output"));
    output.overwrite = parser.isSet(QStringLiteral("force")) ? OverwritePolicy::Replace : OverwritePolicy::Refuse;
    if (parser.isSet(QStringLiteral("bits"))) {
        output.encoding = encodingFromName(parser.value(QStringLiteral("bits")));
        if (!output.encoding)
            return context.usageError(name(), QStringLiteral("unknown --bits value '%1' (use 8, 16, 24, 32, float, double or vorbis)")
                                                  .arg(parser.value(QStringLiteral("bits"))));
    }
    int rate = 0;
    if (parser.isSet(QStringLiteral("rate"))) {
        bool ok = false;
        rate = parser.value(QStringLiteral("rate")).toInt(&ok);
        if (!ok || rate < AudioLimits::kMinSampleRate || rate > AudioLimits::kMaxSampleRate)
            return context.usageError(name(), QStringLiteral("--rate must be a whole number of Hz between %1 and %2, not '%3'")
                                                  .arg(AudioLimits::kMinSampleRate)
                                                  .arg(AudioLimits::kMaxSampleRate)
                                                  .arg(parser.value(QStringLiteral("rate"))));
    }

    const QString input = inputs.first();
    ResamplingProcessor processor(rate); // 0 keeps the input rate

    TerminalProgress progress(context.err(), QFileInfo(input).fileName(), !parser.isSet(QStringLiteral("quiet")));
    auto result = transformFile(input, output, processor, &context.cancellation(), &progress);
    progress.finish();
    if (!result) {
        if (context.cancellation().isCancelled()) {
            context.err() << "shellac-cli: interrupted; no output was written" << Qt::endl;
            return ExitCode::kCancelled;
        }
        return context.fail(result.error());
    }
    const FileTransformSummary& s = result.value();
    if (!parser.isSet(QStringLiteral("quiet")))
        context.err() << "wrote " << output.path << " (" << describe(s.output) << ", "
                      << formatDuration(s.output.durationSeconds()) << ")" << Qt::endl;
    return ExitCode::kOk;
}

} // namespace shellac::cli
