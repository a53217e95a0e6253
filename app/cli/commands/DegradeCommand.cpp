#include "commands/DegradeCommand.h"

#include "TerminalProgress.h"
#include "commands/AnalyzeCommand.h"
#include "audio/AudioFileReader.h"
#include "audio/AudioFileWriter.h"
#include "audio/Resampler.h"
#include "degrade/DegradationSynthesizer.h"
#include "jobs/FileTransformJob.h"
#include "restore/RestorationReport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <unistd.h>

namespace shellac::cli {

namespace {

using degrade::ArtifactMask;
using degrade::DegradationProfile;
using degrade::DegradationSynthesizer;

constexpr std::int64_t kBlockFrames = 1 << 16;
/// A recorded noise source is held in memory whole; longer ones are refused.
constexpr double kMaxNoiseSeconds = 600;

/// The checks AudioFileWriter::checkDestination makes, for the JSON impulse list.
Status checkJsonDestination(const QString& path, OverwritePolicy policy)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    const QString shown = QDir::toNativeSeparators(path);
    if (!folder.isDir())
        return Error{shown, QStringLiteral("output folder %1 does not exist")
                                .arg(QDir::toNativeSeparators(folder.absoluteFilePath()))};
    if (::access(QFile::encodeName(folder.absoluteFilePath()).constData(), W_OK | X_OK) != 0)
        return Error{shown, QStringLiteral("output folder %1 is not writable (permission denied)")
                                .arg(QDir::toNativeSeparators(folder.absoluteFilePath()))};
    if (info.isDir())
        return Error{shown, QStringLiteral("is a folder; give a file name for the output")};
    if (info.exists() && policy == OverwritePolicy::Refuse)
        return Error{shown, QStringLiteral("already exists (use --force to overwrite it)")};
    return Status::success();
}

/// Reads a whole (short) noise recording, converted to `rate` Hz.
Result<AudioBlock> readNoise(const QString& path, int rate)
{
    auto opened = AudioFileReader::open(path);
    if (!opened)
        return opened.error();
    AudioFileReader& reader = *opened.value();
    const AudioFormat& f = reader.format();
    if (f.durationSeconds() > kMaxNoiseSeconds)
        return Error{QDir::toNativeSeparators(path),
                     QStringLiteral("noise recording is %1 long; use at most %2 (it is held in memory and looped)")
                         .arg(formatDuration(f.durationSeconds()), formatDuration(kMaxNoiseSeconds))};
    AudioBlock all(f.channels, 0), block;
    for (;;) {
        auto got = reader.read(block, kBlockFrames);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        all.append(block);
    }
    if (f.sampleRate != rate) {
        auto converted = Resampler::convert(all, f.sampleRate, rate);
        if (!converted)
            return Error{QDir::toNativeSeparators(path), converted.error().reason};
        all = std::move(converted).value();
    }
    if (double(all.frames()) < 0.1 * rate)
        return Error{QDir::toNativeSeparators(path), QStringLiteral("noise recording is shorter than 0.1 s")};
    return all;
}

} // namespace

QString DegradeCommand::summary() const
{
    return QStringLiteral("Add synthetic 78 rpm degradations to clean audio, with ground truth.");
}

QString DegradeCommand::description() const
{
    return QStringLiteral(
        "Reads clean audio IN and writes OUT with clicks, pops, crackle, surface hiss, hum,\n"
        "rumble, recording bandwidth, horn colouration and wow added as described by a\n"
        "degradation profile: a JSON file (--profile), a built-in preset (--preset: %1), or\n"
        "the profile measured on real degraded recordings (--like DIR: every audio file in DIR,\n"
        "analysed as 'shellac-cli analyze DIR' does and pooled). Give exactly one of the three.\n"
        "'--preset NAME --print-profile' prints a preset as JSON, a template for your own\n"
        "profiles (every field is required; units are in the names).\n"
        "The same seed gives the same output bit for bit. Click and crackle levels are relative\n"
        "to the programme's RMS (measured in a first pass, at least %2 dBFS); hiss, hum and\n"
        "rumble levels are absolute (dBFS).\n\n"
        "--mask writes the per-sample ground truth with IN's rate and channels, as 16-bit audio\n"
        "(.wav, .flac or .aiff): 0 clean, 0.25 click or pop, 0.5 crackle, 0.75 both (the bit\n"
        "mask 1 = impulse, 2 = crackle, divided by 4). --impulses writes the clicks and pops as\n"
        "JSON: {\"sample_rate\": HZ, \"impulses\": [{\"channel\": C, \"start\": FRAME,\n"
        "\"length\": FRAMES}, ...]}, each covering the click and its ringing down to -40 dB.\n"
        "--noise-file mixes in a recorded surface noise at the profile's real_noise_gain_db:\n"
        "converted to IN's rate, held in memory (at most %3 minutes) and looped from random\n"
        "offsets; output channel c plays noise channel c modulo its channel count.\n\n"
        "OUT is written in the format its extension names (%4), with IN's sample\n"
        "subtype where possible. IN is never modified; every output goes to a temporary file\n"
        "renamed into place, so an error or Ctrl+C leaves nothing behind. Existing outputs are\n"
        "only replaced with --force.\n\n"
        "Exit status: 0 on success, 1 when a file cannot be read or written or the profile is\n"
        "invalid, 2 on usage errors, 130 when interrupted.")
        .arg(DegradationProfile::presetNames().join(QStringLiteral(", ")))
        .arg(DegradationSynthesizer::kMinReferenceLevelDbfs)
        .arg(kMaxNoiseSeconds / 60)
        .arg(writableExtensionsText());
}

QList<QCommandLineOption> DegradeCommand::options() const
{
    return {
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           QStringLiteral("Output file (required)."), QStringLiteral("OUT")),
        QCommandLineOption(QStringLiteral("profile"),
                           QStringLiteral("Degradation profile JSON file."), QStringLiteral("P.json")),
        QCommandLineOption(QStringLiteral("preset"),
                           QStringLiteral("Built-in profile: %1.").arg(DegradationProfile::presetNames().join(QStringLiteral(", "))),
                           QStringLiteral("NAME")),
        QCommandLineOption(QStringLiteral("like"),
                           QStringLiteral("Measure the profile on the real recordings in this folder."), QStringLiteral("DIR")),
        QCommandLineOption(QStringLiteral("seed"),
                           QStringLiteral("Random seed, a whole number >= 0 (default 0)."), QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("mask"),
                           QStringLiteral("Also write the per-sample artifact mask (.wav, .flac, .aiff)."), QStringLiteral("MASK.wav")),
        QCommandLineOption(QStringLiteral("impulses"),
                           QStringLiteral("Also write the list of clicks and pops as JSON."), QStringLiteral("FILE.json")),
        QCommandLineOption(QStringLiteral("noise-file"),
                           QStringLiteral("Recorded surface noise to loop into the output."), QStringLiteral("NOISE.wav")),
        QCommandLineOption(QStringLiteral("print-profile"),
                           QStringLiteral("Print the profile as JSON on stdout and exit (needs no IN or OUT).")),
        QCommandLineOption({QStringLiteral("f"), QStringLiteral("force")},
                           QStringLiteral("Replace outputs that already exist.")),
        QCommandLineOption({QStringLiteral("q"), QStringLiteral("quiet")},
                           QStringLiteral("Do not show progress on stderr.")),
    };
}

int DegradeCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const bool hasProfile = parser.isSet(QStringLiteral("profile")), hasPreset = parser.isSet(QStringLiteral("preset")),
               hasLike = parser.isSet(QStringLiteral("like"));
    const int given = int(hasProfile) + int(hasPreset) + int(hasLike);
    if (given != 1)
        return context.usageError(name(), given == 0 ? QStringLiteral("no degradation given (use --profile P.json, --preset NAME or --like DIR)")
                                          : given == 2 ? QStringLiteral("give only one of --profile, --preset and --like, not both")
                                                       : QStringLiteral("give only one of --profile, --preset and --like, not all three"));
    // --like: the pooled profile of the real recordings in DIR (analysed once it is needed).
    const auto measureLike = [&]() -> Result<DegradationProfile> {
        const QString dir = parser.value(QStringLiteral("like"));
        if (!QFileInfo(dir).isDir())
            return Error{QDir::toNativeSeparators(dir), QStringLiteral("--like needs a folder of real recordings")};
        auto analysed = analyseRecordings({dir}, {}, parser.isSet(QStringLiteral("quiet")), context);
        if (!analysed)
            return analysed.error();
        if (analysed.value().cancelled)
            return Error{QDir::toNativeSeparators(dir), QStringLiteral("cancelled")};
        DegradationProfile measured = degrade::ArtifactAnalyzer::pool(analysed.value().results).profile;
        measured.description = QStringLiteral("Measured on %1 recording(s) in %2").arg(analysed.value().results.size()).arg(dir);
        return measured;
    };
    DegradationProfile profile;
    if (hasLike) {
        // Measured below, after the cheap usage checks (or right away for --print-profile).
    } else if (hasPreset) {
        auto preset = DegradationProfile::preset(parser.value(QStringLiteral("preset")));
        if (!preset)
            return context.usageError(name(), QStringLiteral("unknown --preset '%1' (choose %2)")
                                                  .arg(parser.value(QStringLiteral("preset")),
                                                       DegradationProfile::presetNames().join(QStringLiteral(", "))));
        profile = preset.value();
    } else {
        auto loaded = DegradationProfile::load(parser.value(QStringLiteral("profile")));
        if (!loaded)
            return context.fail(loaded.error());
        profile = loaded.value();
    }
    if (parser.isSet(QStringLiteral("print-profile"))) {
        if (hasLike) {
            auto measured = measureLike();
            if (context.cancellation().isCancelled())
                return ExitCode::kCancelled;
            if (!measured)
                return context.fail(measured.error());
            profile = measured.value();
        }
        context.out() << QJsonDocument(profile.toJson()).toJson(QJsonDocument::Indented);
        context.out().flush();
        return ExitCode::kOk;
    }

    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() != 1)
        return context.usageError(name(), inputs.isEmpty() ? QStringLiteral("no input file given")
                                                           : QStringLiteral("give exactly one input file"));
    if (!parser.isSet(QStringLiteral("output")))
        return context.usageError(name(), QStringLiteral("no output file given (use -o OUT)"));
    std::uint64_t seed = 0;
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return context.usageError(name(), QStringLiteral("--seed must be a whole number >= 0, not '%1'")
                                                  .arg(parser.value(QStringLiteral("seed"))));
    }
    const QString input = inputs.first();
    const QString output = parser.value(QStringLiteral("output"));
    const QString maskPath = parser.value(QStringLiteral("mask"));
    const QString impulsesPath = parser.value(QStringLiteral("impulses"));
    const QString noisePath = parser.value(QStringLiteral("noise-file"));
    const OverwritePolicy policy = parser.isSet(QStringLiteral("force")) ? OverwritePolicy::Replace : OverwritePolicy::Refuse;
    if (!maskPath.isEmpty() && containerForPath(maskPath) == Container::OggVorbis)
        return context.usageError(name(), QStringLiteral("--mask needs a lossless format (.wav, .flac or .aiff), not '%1'").arg(maskPath));
    {
        const QStringList outputs{output, maskPath, impulsesPath};
        for (qsizetype i = 0; i < outputs.size(); ++i)
            for (qsizetype j = i + 1; j < outputs.size(); ++j)
                if (!outputs[i].isEmpty() && QFileInfo(outputs[i]).absoluteFilePath() == QFileInfo(outputs[j]).absoluteFilePath())
                    return context.usageError(name(), QStringLiteral("'%1' is named as two different outputs").arg(outputs[i]));
    }

    // Fail on bad destinations before reading anything.
    for (const QString& out : {output, maskPath, impulsesPath}) {
        if (out.isEmpty())
            continue;
        if (isSameFile(input, out) || (!noisePath.isEmpty() && isSameFile(noisePath, out)))
            return context.fail(Error{QDir::toNativeSeparators(out),
                                      QStringLiteral("is an input file; Shellac never overwrites an original, choose another output name")});
        const Status ok = out == impulsesPath ? checkJsonDestination(out, policy) : AudioFileWriter::checkDestination(out, policy);
        if (!ok)
            return context.fail(ok.error());
    }

    if (hasLike) {
        auto measured = measureLike();
        if (context.cancellation().isCancelled()) {
            context.err() << "shellac-cli: interrupted; no output was written" << Qt::endl;
            return ExitCode::kCancelled;
        }
        if (!measured)
            return context.fail(measured.error());
        profile = measured.value();
    }

    auto opened = AudioFileReader::open(input);
    if (!opened)
        return context.fail(opened.error());
    AudioFileReader& reader = *opened.value();
    const AudioFormat format = reader.format();

    DegradationSynthesizer synth(profile, seed);
    if (!noisePath.isEmpty()) {
        auto noise = readNoise(noisePath, format.sampleRate);
        if (!noise)
            return context.fail(noise.error());
        if (Status s = synth.setRealNoise(std::move(noise).value()); !s)
            return context.fail(Error{QDir::toNativeSeparators(noisePath), s.error().reason});
        if (profile.realNoiseGainDb <= DegradationProfile::kOffDb)
            context.warn(QStringLiteral("the profile's real_noise_gain_db is off (%1 dB), so %2 is not used")
                             .arg(profile.realNoiseGainDb)
                             .arg(noisePath));
    }

    TerminalProgress progress(context.err(), QFileInfo(input).fileName(), !parser.isSet(QStringLiteral("quiet")));
    const auto interrupted = [&] {
        progress.finish();
        context.err() << "shellac-cli: interrupted; no output was written" << Qt::endl;
        return ExitCode::kCancelled;
    };
    const auto failed = [&](const Error& error) {
        progress.finish();
        return context.fail(error);
    };
    const double total = std::max<double>(1.0, double(format.frames));

    // Pass 1: the programme level that click and crackle peaks are relative to.
    AudioBlock in, out;
    double sumSquares = 0;
    std::int64_t samples = 0;
    for (;;) {
        if (context.cancellation().isCancelled())
            return interrupted();
        auto got = reader.read(in, kBlockFrames);
        if (!got)
            return failed(got.error());
        if (got.value() == 0)
            break;
        sumSquares += DegradationSynthesizer::meanPower(in) * double(in.frames() * in.channels());
        samples += in.frames() * in.channels();
        progress.report(0.2 * double(reader.position()) / total, QStringLiteral("measuring"));
    }
    const double reference = DegradationSynthesizer::referenceLevelDbfs(samples > 0 ? sumSquares / double(samples) : 0.0);
    if (Status s = reader.seek(0); !s)
        return failed(s.error());
    if (Status s = synth.prepare(format.sampleRate, format.channels, reference); !s)
        return failed(Error{QDir::toNativeSeparators(input), s.error().reason});

    // Pass 2: synthesis into the outputs (temporary files until the end).
    const Container container = *containerForPath(output);
    auto created = AudioFileWriter::create(output, {container, encodingForOutput(container, format.encoding),
                                                    format.sampleRate, format.channels}, policy);
    if (!created)
        return failed(created.error());
    std::unique_ptr<AudioFileWriter> maskWriter;
    if (!maskPath.isEmpty()) {
        auto m = AudioFileWriter::create(maskPath, {*containerForPath(maskPath), SampleEncoding::Pcm16,
                                                    format.sampleRate, format.channels}, policy);
        if (!m)
            return failed(m.error());
        maskWriter = std::move(m).value();
    }
    ArtifactMask mask;
    AudioBlock maskBlock;
    std::vector<eval::SampleInterval> impulses;
    for (;;) {
        if (context.cancellation().isCancelled())
            return interrupted();
        auto got = reader.read(in, kBlockFrames);
        if (!got)
            return failed(got.error());
        if (got.value() == 0)
            break;
        synth.process(in, out, mask, impulses);
        if (Status s = created.value()->write(out); !s)
            return failed(s.error());
        if (maskWriter) {
            maskBlock.resize(mask.channels, mask.frames);
            for (int c = 0; c < mask.channels; ++c)
                std::transform(mask.channel(c).begin(), mask.channel(c).end(), maskBlock.channel(c).begin(),
                               [](std::uint8_t bits) { return float(bits) * 0.25f; });
            if (Status s = maskWriter->write(maskBlock); !s)
                return failed(s.error());
        }
        progress.report(0.2 + 0.8 * double(reader.position()) / total, QStringLiteral("degrading"));
    }
    synth.finish(impulses);
    if (context.cancellation().isCancelled())
        return interrupted();
    progress.finish();

    if (!impulsesPath.isEmpty())
        if (Status s = writeImpulseList(impulsesPath, format.sampleRate, impulses); !s)
            return context.fail(s.error());
    if (maskWriter)
        if (Status s = maskWriter->commit(); !s)
            return context.fail(s.error());
    if (Status s = created.value()->commit(); !s)
        return context.fail(s.error());

    if (!parser.isSet(QStringLiteral("quiet"))) {
        AudioFormat written = format;
        written.container = container;
        written.encoding = encodingForOutput(container, format.encoding);
        context.err() << "wrote " << output << " (" << describe(written) << ", " << formatDuration(format.durationSeconds())
                      << "): " << impulses.size() << " impulses, seed " << seed << ", reference level "
                      << QString::number(reference, 'f', 1) << " dBFS" << Qt::endl;
    }
    return ExitCode::kOk;
}

} // namespace shellac::cli
