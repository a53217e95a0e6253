#include "commands/AnalyzeCommand.h"

#include "TerminalProgress.h"
#include "audio/AudioFormat.h"
#include "audio/AudioPathCollector.h"
#include "commands/RestoreOptions.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shellac::cli {

namespace {

using degrade::AnalysisResult;
using degrade::ArtifactAnalyzer;
using degrade::DegradationProfile;

QString num(double v, int decimals) { return QString::number(v, 'f', decimals); }

QString levelText(double db, int decimals = 1)
{
    return db <= DegradationProfile::kOffDb ? QStringLiteral("none found") : num(db, decimals) + QStringLiteral(" dBFS");
}

void printText(QTextStream& out, const QString& title, const AnalysisResult& r)
{
    const DegradationProfile& p = r.profile;
    const auto measured = [&](const char* key) { return r.quality.value(QLatin1String(key)).measured; };
    out << title << "\n"
        << "  duration:     " << formatDuration(r.durationSeconds) << " (" << num(r.durationSeconds, 3) << " s)";
    if (r.files == 1)
        out << ", " << r.sampleRate << " Hz, " << r.channels << (r.channels == 1 ? " channel" : " channels");
    out << "\n";
    out << "  programme:    " << levelText(r.programmeLevelDbfs) << " RMS (without the noise floor)\n";
    out << "  impulses:     " << num(p.impulseRatePerS, 2) << " per second per channel";
    if (measured("impulse_peak_median_db"))
        out << "; peak median " << num(p.impulsePeakMedianDb, 1) << " dB re programme RMS (sigma " << num(p.impulsePeakSigmaDb, 1)
            << " dB); width median " << num(p.impulseWidthMedianMs, 3) << " ms (sigma " << num(p.impulseWidthSigmaOctaves, 2)
            << " octaves); " << num(100 * p.impulsePositiveFraction, 0) << " % positive; " << num(100 * p.popFraction, 1) << " % pops";
    out << "\n";
    out << "  crackle:      " << num(p.crackleRatePerS, 1) << " per second per channel";
    if (measured("crackle_peak_median_db"))
        out << " at " << num(p.cracklePeakMedianDb, 1) << " dB re programme RMS (sigma " << num(p.cracklePeakSigmaDb, 1) << " dB)";
    out << "\n";
    if (measured("hiss_level_dbfs"))
        out << "  hiss:         " << levelText(p.hissLevelDbfs, 2) << " RMS, tilt " << num(p.hissTiltDbPerOctave, 2) << " dB/octave\n";
    else
        out << "  hiss:         not measured\n";
    if (p.humFundamentalHz > 0) {
        out << "  hum:          " << num(p.humFundamentalHz, 2) << " Hz at " << levelText(p.humLevelDbfs);
        if (!p.humHarmonicsDb.empty()) {
            QStringList h;
            for (double v : p.humHarmonicsDb)
                h << (v <= DegradationProfile::kOffDb ? QStringLiteral("off") : num(v, 1));
            out << "; harmonics 2.." << (p.humHarmonicsDb.size() + 1) << ": " << h.join(QStringLiteral(", ")) << " dB re fundamental";
        }
        out << "\n";
    } else {
        out << "  hum:          none found\n";
    }
    out << "  rumble:       " << levelText(p.rumbleLevelDbfs) << (p.rumbleLevelDbfs > DegradationProfile::kOffDb ? " RMS below 30 Hz\n" : "\n");
    out << "  bandwidth:    ";
    if (!measured("bandwidth_low_pass_hz"))
        out << "not measured (too little programme above the noise)\n";
    else if (p.bandwidthLowPassHz > 0)
        out << "low-pass corner " << num(p.bandwidthLowPassHz, 0) << " Hz\n";
    else
        out << "no band limit found\n";
    QStringList kept;
    for (const QString& key : ArtifactAnalyzer::fieldKeys())
        if (!r.quality.value(key).measured)
            kept << key;
    if (!kept.isEmpty())
        out << "  not measured (values of the \"clean\" preset): " << kept.join(QStringLiteral(", ")) << "\n";
}

QJsonObject resultJson(const AnalysisResult& r)
{
    QJsonObject json{{QStringLiteral("duration_s"), r.durationSeconds},
                     {QStringLiteral("programme_level_dbfs"), std::round(r.programmeLevelDbfs * 100) / 100},
                     {QStringLiteral("profile"), r.profile.toJson()},
                     {QStringLiteral("measured"), r.measuredJson()},
                     {QStringLiteral("confidence"), r.confidenceJson()}};
    if (r.path.isEmpty())
        json.insert(QStringLiteral("files"), r.files);
    else
        json.insert(QStringLiteral("path"), r.path);
    return json;
}

} // namespace

Result<AnalysedRecordings> analyseRecordings(const QStringList& paths, const degrade::AnalysisSettings& settings, bool quiet,
                                             CliContext& context)
{
    QStringList files;
    for (const QString& path : paths) {
        const QStringList found = collectAudioPaths({path});
        if (QFileInfo(path).isDir() && found.isEmpty())
            return Error{QDir::toNativeSeparators(path), QStringLiteral("contains no audio files (.wav, .flac, .ogg, .aiff, ...)")};
        files += found;
    }
    AnalysedRecordings done;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (context.cancellation().isCancelled()) {
            done.cancelled = true;
            return done;
        }
        const QString label = files.size() > 1 ? QStringLiteral("[%1/%2] %3").arg(i + 1).arg(files.size()).arg(QFileInfo(files[i]).fileName())
                                               : QFileInfo(files[i]).fileName();
        TerminalProgress progress(context.err(), label, !quiet);
        auto result = ArtifactAnalyzer::analyseFile(files[i], &context.cancellation(), &progress, settings);
        progress.finish();
        if (context.cancellation().isCancelled()) {
            done.cancelled = true;
            return done;
        }
        if (!result) {
            if (files.size() == 1)
                return result.error(); // the only file: its own error, no warning first
            context.warn(QStringLiteral("skipping %1").arg(result.error().message()));
            done.skipped.push_back(result.error());
            continue;
        }
        done.results.push_back(std::move(result).value());
    }
    if (done.results.empty()) {
        if (paths.size() == 1)
            return Error{QDir::toNativeSeparators(paths.first()), QStringLiteral("none of its %1 audio files could be analysed").arg(files.size())};
        return Error{QString(), QStringLiteral("none of the %1 files given could be analysed").arg(files.size())};
    }
    return done;
}

QString AnalyzeCommand::summary() const
{
    return QStringLiteral("Measure the degradation profile of real recordings (clicks, hiss, hum, bandwidth).");
}

QString AnalyzeCommand::description() const
{
    return QStringLiteral(
        "Estimates, without a clean reference, how each recording is degraded, and prints the\n"
        "result per file and pooled over all of them:\n"
        "  impulses   clicks and pops per second per channel (found by the declicker), their peak\n"
        "             (dB re the programme RMS) and width (ms) as log-normal median and sigma,\n"
        "             the share with positive polarity, and the share of pops (longer than 6 ms);\n"
        "  crackle    short events (<= 0.15 ms) per second and their level (a lower bound: most\n"
        "             crackle is too small for the declicker);\n"
        "  hiss       surface noise RMS (dBFS) and spectral tilt (dB/octave, 200 Hz-8 kHz), from\n"
        "             the quietest moments of the declicked audio or the --noise-from range;\n"
        "  hum        mains fundamental (Hz), its level (dBFS) and harmonics (dB re fundamental);\n"
        "  rumble     RMS below 30 Hz (dBFS);\n"
        "  bandwidth  the recording's low-pass corner (Hz), from the long-term spectrum.\n"
        "Fields that cannot be measured (pickup resonance, wow, horn resonances, ...) keep the\n"
        "values of the \"clean\" preset and are listed as not measured.\n\n"
        "Folders are searched recursively for audio files. Files that cannot be read are skipped\n"
        "with a warning; a folder without audio files is an error. Pooled values are\n"
        "duration-weighted means (levels in power), click statistics pooled over all clicks.\n\n"
        "With --json, prints {\"files\": [{\"path\", \"duration_s\", \"profile\", \"measured\",\n"
        "\"confidence\"}, ...], \"pooled\": {...}, \"skipped\": [{\"path\", \"error\"}, ...]}; each\n"
        "\"profile\" is a complete degradation profile for 'degrade --profile' (save it to a file),\n"
        "\"measured\" says per field whether it was measured. 'degrade --like DIR' does both steps.\n\n"
        "Exit status: 0 when something was analysed (skipped files are warnings), 1 when nothing\n"
        "could be analysed or a folder holds no audio, 2 on usage errors, 130 when interrupted.");
}

QList<QCommandLineOption> AnalyzeCommand::options() const
{
    return {
        QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print machine-readable JSON instead of text.")),
        QCommandLineOption(QStringLiteral("noise-from"),
                           QStringLiteral("Measure the hiss in this time range in seconds, e.g. 0-2.5\n"
                                          "(the lead-in groove); default: the quietest moments."),
                           QStringLiteral("START-END")),
        QCommandLineOption({QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("Do not show progress on stderr.")),
    };
}

int AnalyzeCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return context.usageError(name(), QStringLiteral("no FILE or DIR given"));
    degrade::AnalysisSettings settings;
    if (parser.isSet(QStringLiteral("noise-from"))) {
        const auto range = parseTimeRange(parser.value(QStringLiteral("noise-from")));
        if (!range)
            return context.usageError(name(), QStringLiteral("--noise-from: expected START-END in seconds (e.g. 0-2.5 or 0:01-0:03), got '%1'")
                                                  .arg(parser.value(QStringLiteral("noise-from"))));
        settings.noiseRange = *range;
    }
    const bool json = parser.isSet(QStringLiteral("json"));

    auto analysed = analyseRecordings(paths, settings, parser.isSet(QStringLiteral("quiet")), context);
    if (!analysed)
        return context.fail(analysed.error());
    if (analysed.value().cancelled) {
        context.err() << "shellac-cli: interrupted" << Qt::endl;
        return ExitCode::kCancelled;
    }
    const auto& results = analysed.value().results;
    const AnalysisResult pooled = ArtifactAnalyzer::pool(results);

    if (json) {
        QJsonArray files, skipped;
        for (const AnalysisResult& r : results)
            files.append(resultJson(r));
        for (const Error& e : analysed.value().skipped)
            skipped.append(QJsonObject{{QStringLiteral("path"), e.subject}, {QStringLiteral("error"), e.reason}});
        context.out() << QJsonDocument(QJsonObject{{QStringLiteral("files"), files},
                                                   {QStringLiteral("pooled"), resultJson(pooled)},
                                                   {QStringLiteral("skipped"), skipped}})
                             .toJson(QJsonDocument::Indented);
    } else {
        for (std::size_t i = 0; i < results.size(); ++i) {
            if (i > 0)
                context.out() << "\n";
            printText(context.out(), results[i].path, results[i]);
        }
        if (results.size() > 1) {
            context.out() << "\n";
            printText(context.out(), QStringLiteral("pooled over %1 files").arg(results.size()), pooled);
        }
    }
    context.out().flush();
    return ExitCode::kOk;
}

} // namespace shellac::cli
