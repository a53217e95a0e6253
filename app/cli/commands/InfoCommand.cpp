#include "commands/InfoCommand.h"

#include "audio/AudioFileInspector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace shellac::cli {

namespace {

QString dbText(double db)
{
    return std::isfinite(db) ? QString::number(db, 'f', 2) + QStringLiteral(" dBFS")
                             : QStringLiteral("-inf dBFS (digital silence)");
}

/// JSON has no infinity: silence is reported as null.
QJsonValue dbJson(double db)
{
    return std::isfinite(db) ? QJsonValue(std::round(db * 100.0) / 100.0) : QJsonValue(QJsonValue::Null);
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QString::number(bytes / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
    if (bytes >= 1024)
        return QString::number(bytes / 1024.0, 'f', 1) + QStringLiteral(" KiB");
    return QString::number(bytes) + QStringLiteral(" bytes");
}

void printText(QTextStream& out, const AudioFileReport& r)
{
    const AudioFormat& f = r.format;
    out << r.path << "\n"
        << "  format:       " << f.containerName() << "\n"
        << "  subtype:      " << f.encodingName() << "\n"
        << "  sample rate:  " << f.sampleRate << " Hz\n"
        << "  channels:     " << f.channels << "\n"
        << "  duration:     " << formatDuration(f.durationSeconds()) << " (" << f.frames << " frames, "
        << QString::number(f.durationSeconds(), 'f', 3) << " s)\n"
        << "  size:         " << sizeText(r.sizeBytes) << "\n";
    for (int c = 0; c < f.channels; ++c) {
        const ChannelLevels& ch = r.levels.channels[static_cast<std::size_t>(c)];
        out << "  channel " << (c + 1) << ":    peak " << dbText(ch.peakDb) << ", RMS " << dbText(ch.rmsDb) << "\n";
    }
    out << "  noise floor:  " << dbText(r.levels.noiseFloorDb) << " (quietest 10 % of 50 ms frames)\n";
}

QJsonObject toJson(const AudioFileReport& r)
{
    const AudioFormat& f = r.format;
    QJsonArray channels;
    for (int c = 0; c < f.channels; ++c) {
        const ChannelLevels& ch = r.levels.channels[static_cast<std::size_t>(c)];
        channels.append(QJsonObject{{QStringLiteral("channel"), c + 1},
                                    {QStringLiteral("peak_dbfs"), dbJson(ch.peakDb)},
                                    {QStringLiteral("rms_dbfs"), dbJson(ch.rmsDb)}});
    }
    return QJsonObject{{QStringLiteral("path"), r.path},
                       {QStringLiteral("format"), f.containerName()},
                       {QStringLiteral("subtype"), f.encodingName()},
                       {QStringLiteral("sample_rate"), f.sampleRate},
                       {QStringLiteral("channels"), f.channels},
                       {QStringLiteral("frames"), static_cast<qint64>(f.frames)},
                       {QStringLiteral("duration_s"), f.durationSeconds()},
                       {QStringLiteral("size_bytes"), r.sizeBytes},
                       {QStringLiteral("levels"), channels},
                       {QStringLiteral("noise_floor_dbfs"), dbJson(r.levels.noiseFloorDb)}};
}

} // namespace

QString InfoCommand::summary() const
{
    return QStringLiteral("Show format, duration, levels and noise floor of audio files.");
}

QString InfoCommand::description() const
{
    return QStringLiteral(
        "For each FILE prints: container format and sample subtype, sample rate, channels,\n"
        "duration, file size, peak and RMS level per channel (dBFS; a full-scale sine has RMS\n"
        "-3.01 dBFS), and an estimated noise floor (dBFS): the mean power of the quietest 10 %\n"
        "of 50 ms frames, ignoring digital silence.\n\n"
        "Reads WAV (including files with LIST/INFO or bext chunks), FLAC, Ogg Vorbis, AIFF and\n"
        "the other formats libsndfile decodes; 1-8 channels at 8-192 kHz. Files that cannot be\n"
        "read are reported on stderr with the reason, the others are still shown.\n\n"
        "With --json, prints one JSON document {\"files\": [...]} on stdout; a file that could not\n"
        "be read appears as {\"path\": ..., \"error\": ...}. Levels of digital silence are null.\n\n"
        "Exit status: 0 when every file was read, 1 when any could not be, 2 on usage errors.");
}

QList<QCommandLineOption> InfoCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print machine-readable JSON instead of text."))};
}

int InfoCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return context.usageError(name(), QStringLiteral("no FILE given"));
    const bool json = parser.isSet(QStringLiteral("json"));

    QJsonArray entries;
    int failures = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (context.cancellation().isCancelled())
            return ExitCode::kCancelled;
        auto report = inspectAudioFile(files[i], &context.cancellation());
        if (!report) {
            if (context.cancellation().isCancelled())
                return ExitCode::kCancelled;
            ++failures;
            context.fail(report.error());
            entries.append(QJsonObject{{QStringLiteral("path"), files[i]},
                                       {QStringLiteral("error"), report.error().reason}});
            continue;
        }
        if (json) {
            entries.append(toJson(report.value()));
        } else {
            if (i > 0)
                context.out() << "\n";
            printText(context.out(), report.value());
        }
    }
    if (json)
        context.out() << QJsonDocument(QJsonObject{{QStringLiteral("files"), entries}}).toJson(QJsonDocument::Indented);
    context.out().flush();
    return failures > 0 ? ExitCode::kFailed : ExitCode::kOk;
}

} // namespace shellac::cli
