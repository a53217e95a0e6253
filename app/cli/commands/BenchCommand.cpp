#include "commands/BenchCommand.h"

#include "audio/AudioFileWriter.h"
#include "degrade/DegradationSynthesizer.h"
#include "commands/RestoreOptions.h"
#include "dsp/DspRestorer.h"
#include "ml/NeuralModel.h"
#include "ml/NeuralRestorer.h"
#include "ml/TorchRuntime.h"
#include "ml/TrainingSettings.h"
#include "restore/HybridRestorer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <map>
#include <random>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace shellac::cli {

namespace {

using namespace shellac::degrade;

QString opt(const char* name) { return QString::fromLatin1(name); }

constexpr int kRate = 44100;

/// Music-like bench material: a few notes with harmonics and vibrato, plucked attacks and a
/// drum-like noise burst every beat, so that the declicker sees realistic transients.
void synthesizeMusic(AudioBlock& block, std::int64_t startFrame, unsigned seed)
{
    std::mt19937 rng(seed + unsigned(startFrame / kRate));
    std::normal_distribution<float> noise(0.f, 1.f);
    auto ch = block.channel(0);
    for (std::size_t i = 0; i < ch.size(); ++i) {
        const double t = double(startFrame + std::int64_t(i)) / kRate;
        const double beat = std::fmod(t, 0.5);
        const int note = int(t / 0.5) % 8;
        const double f0 = 196.0 * std::pow(2.0, (note * 2 % 12) / 12.0) * (1.0 + 0.003 * std::sin(2 * M_PI * 5 * t));
        double v = 0;
        for (int h = 1; h <= 6; ++h)
            v += std::sin(2 * M_PI * f0 * h * t) * 0.12 / h;
        v *= 0.4 + 0.6 * std::exp(-3.0 * beat);
        v += 0.15 * std::exp(-beat * 60.0) * noise(rng); // drum
        ch[i] = float(v);
    }
}

DegradationProfile benchProfile()
{
    auto profile = DegradationProfile::preset(QStringLiteral("typical78")).value();
    profile.wowDepthPercent = 0; // keep clean and degraded aligned
    return profile;
}

/// VmHWM (peak resident memory of the process's current program) of `pid` in KiB, or -1.
long readPeakKiB(pid_t pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

/// Runs `args` as a child process and returns its peak resident memory in MiB (-1 on failure).
///
/// The peak is the child's own VmHWM, polled every 10 ms until it exits. (wait4()'s ru_maxrss
/// cannot be used: Linux counts the spawning process's memory at the exec into the child's
/// maximum, so every child looked as large as this benchmark process.)
double childPeakMemoryMiB(const QStringList& args, double& seconds)
{
    std::vector<QByteArray> storage;
    for (const QString& a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return -1;
    int status = 0;
    long peakKiB = -1;
    for (;;) {
        peakKiB = std::max(peakKiB, readPeakKiB(pid)); // VmHWM only grows; the last read before exit counts
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (done < 0)
            return -1;
        usleep(10000);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || peakKiB < 0)
        return -1;
    seconds = timer.nsecsElapsed() / 1e9;
    return peakKiB / 1024.0;
}

/// Writes `minutes` of degraded bench material to `path`, streaming (bounded memory).
Status writeDegradedFile(const QString& path, double minutes)
{
    auto writer = AudioFileWriter::create(path, {Container::Wav, SampleEncoding::Pcm16, kRate, 1}, OverwritePolicy::Replace);
    if (!writer)
        return writer.error();
    DegradationSynthesizer synth(benchProfile(), 7);
    if (Status s = synth.prepare(kRate, 1, -20.0); !s)
        return s;
    const std::int64_t total = std::int64_t(minutes * 60.0 * kRate);
    AudioBlock block;
    ArtifactMask mask;
    std::vector<eval::SampleInterval> impulses;
    for (std::int64_t pos = 0; pos < total; pos += kRate) {
        block.resize(1, std::min<std::int64_t>(kRate, total - pos));
        synthesizeMusic(block, pos, 1);
        synth.process(block, block, mask, impulses);
        impulses.clear();
        if (Status s = writer.value()->write(block); !s)
            return s;
    }
    return writer.value()->commit();
}

/// Seconds `restorer` takes for `input` (44.1 kHz mono) fed in blocks, analysis pass included.
double timeRestorer(Restorer& restorer, const AudioBlock& input, int blockFrames)
{
    AudioFormat format;
    format.sampleRate = kRate;
    format.channels = 1;
    format.frames = input.frames();
    QElapsedTimer timer;
    timer.start();
    (void)restorer.prepare(format);
    AudioBlock piece;
    AudioBlock out;
    const auto feed = [&](auto&& fn) {
        for (std::int64_t pos = 0; pos < input.frames(); pos += blockFrames) {
            const std::int64_t n = std::min<std::int64_t>(blockFrames, input.frames() - pos);
            piece.assignFrames(input, pos, n);
            fn(piece);
        }
    };
    if (restorer.wantsAnalysisPass()) {
        feed([&](const AudioBlock& b) { (void)restorer.analyse(b); });
        (void)restorer.finishAnalysis();
    }
    feed([&](const AudioBlock& b) { (void)restorer.process(b, out); });
    (void)restorer.finish(out);
    return timer.nsecsElapsed() / 1e9;
}

double timeChain(const dsp::DspRestorerSettings& settings, const AudioBlock& input, int blockFrames)
{
    dsp::DspRestorer restorer(settings);
    return timeRestorer(restorer, input, blockFrames);
}

} // namespace

QString BenchCommand::summary() const
{
    return QStringLiteral("Measure restoration speed (x real time) and peak memory.");
}

QString BenchCommand::description() const
{
    return QStringLiteral(
        "Synthesizes S seconds (default 120) of music-like material at 44.1 kHz mono, degrades it\n"
        "with the typical78 profile, and times the classical chain and each stage alone, in this\n"
        "process on one thread: figures are audio seconds per wall-clock second (x real time).\n"
        "Targets: the full chain at least 20x real time on one core.\n\n"
        "--peers also writes the material to a temporary file and times 'shellac-cli restore' and\n"
        "FFmpeg's adeclick filter on it, both pinned to one core (taskset), and prints the ratio.\n"
        "--memory restores a 1-minute and a long (default 60-minute) file in child processes and\n"
        "prints their peak resident memory; the target is the two within +-20 %.\n"
        "--model PATH adds the neural restorer and the hybrid (classical chain, then that model) to\n"
        "all of it ('default': each with its bundled model, the hybrid's post-filter when there is\n"
        "one), with LibTorch on one thread in process and pinned to one core in the child processes;\n"
        "a post-filter model (train --post-filter) only to the hybrid rows: --method neural refuses it.\n"
        "Machines are shared: compare ratios from one run, not absolute numbers across runs.");
}

QList<QCommandLineOption> BenchCommand::options() const
{
    return {
        QCommandLineOption(opt("seconds"), opt("Length of the speed material in seconds (default 120)."), opt("S")),
        QCommandLineOption(opt("peers"), opt("Also time FFmpeg's adeclick on the same file (needs ffmpeg).")),
        QCommandLineOption(opt("memory"), opt("Compare peak memory of restoring a 1-minute and a long file.")),
        QCommandLineOption(opt("long-minutes"), opt("Length of the long file for --memory (default 60)."), opt("M")),
        QCommandLineOption(opt("model"), opt("Also bench the neural restorer and the hybrid with this model ('default': the bundled one)."), opt("PATH")),
    };
}

int BenchCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    bool ok = true;
    const double seconds = parser.isSet(opt("seconds")) ? parser.value(opt("seconds")).toDouble(&ok) : 120.0;
    if (!ok || seconds < 1 || seconds > 7200)
        return context.usageError(name(), opt("--seconds must be between 1 and 7200"));
    const double longMinutes = parser.isSet(opt("long-minutes")) ? parser.value(opt("long-minutes")).toDouble(&ok) : 60.0;
    if (!ok || longMinutes < 2 || longMinutes > 600)
        return context.usageError(name(), opt("--long-minutes must be between 2 and 600"));
    QTextStream& out = context.out();

    // --- speed, in process --------------------------------------------------------------------
    AudioBlock clean(1, std::int64_t(seconds * kRate));
    synthesizeMusic(clean, 0, 1);
    SynthesisOptions synthesis;
    synthesis.seed = 3;
    auto degraded = DegradationSynthesizer::degrade(clean, kRate, benchProfile(), synthesis);
    if (!degraded)
        return context.fail(degraded.error());
    const AudioBlock& input = degraded.value().degraded;
    out << "Speed on " << seconds << " s of degraded music-like material, 44.1 kHz mono, one thread:\n";
    out.flush();

    dsp::DspRestorerSettings off;
    off.rumbleCornerHz.reset();
    off.humMode = dsp::HumMode::Off;
    off.declickSensitivity.reset();
    off.decrackleLevel.reset();
    off.dehissReductionDb.reset();
    struct Case { const char* label; dsp::DspRestorerSettings settings; };
    std::vector<Case> cases;
    { auto s = off; s.rumbleCornerHz = 30.0; cases.push_back({"rumble", s}); }
    { auto s = off; s.humMode = dsp::HumMode::Auto; cases.push_back({"dehum", s}); }
    { auto s = off; s.declickSensitivity = 5.0; cases.push_back({"declick", s}); }
    { auto s = off; s.decrackleLevel = 5.0; cases.push_back({"decrackle", s}); }
    { auto s = off; s.dehissReductionDb = 12.0; cases.push_back({"dehiss", s}); }
    cases.push_back({"full chain (defaults)", dsp::DspRestorerSettings{}});
    for (const Case& c : cases) {
        if (context.cancellation().isCancelled())
            return ExitCode::kCancelled;
        const double t = timeChain(c.settings, input, 1 << 16);
        out << QStringLiteral("  %1 %2 s  %3x real time\n")
                   .arg(QString::fromLatin1(c.label), -24)
                   .arg(t, 7, 'f', 2)
                   .arg(seconds / t, 7, 'f', 1);
        out.flush();
    }

    // --model PATH: that model for the neural method (unless it is a post-filter, which
    // --method neural refuses) and the hybrid; 'default': the bundled model of each.
    QString neuralPath, hybridPath;
    if (parser.isSet(opt("model"))) {
        const bool bundled = parser.value(opt("model")) == u"default";
        neuralPath = bundled ? findDefaultModel(RestorationMethod::Neural) : parser.value(opt("model"));
        hybridPath = bundled ? findDefaultModel(RestorationMethod::Hybrid) : neuralPath;
        if (hybridPath.isEmpty())
            return context.fail({opt("--model"), opt("no bundled default model was found")});
        ml::initialiseTorchRuntime(1);
        std::map<QString, std::shared_ptr<ml::NeuralModel>> models;
        for (const QString& path : {neuralPath, hybridPath}) {
            if (path.isEmpty() || models.count(path))
                continue;
            auto loaded = ml::NeuralModel::load(path);
            if (!loaded)
                return context.fail(loaded.error());
            models[path] = std::move(loaded).value();
        }
        if (!neuralPath.isEmpty() && ml::isPostFilterModel(models[neuralPath]->metadata()))
            neuralPath.clear();
        const auto row = [&](const char* label, Restorer& restorer) {
            const double t = timeRestorer(restorer, input, 1 << 16);
            out << QStringLiteral("  %1 %2 s  %3x real time\n").arg(opt(label), -24).arg(t, 7, 'f', 2).arg(seconds / t, 7, 'f', 1);
            out.flush();
        };
        if (!neuralPath.isEmpty()) {
            ml::NeuralRestorer neural(models[neuralPath]);
            row("neural (one thread)", neural);
        }
        HybridRestorer hybrid(std::make_unique<dsp::DspRestorer>(dsp::DspRestorerSettings{}),
                              std::make_unique<ml::NeuralRestorer>(models[hybridPath]));
        row("hybrid (one thread)", hybrid);
    }
    // Child-process rows: (method, its restore arguments); the classical engine first.
    std::vector<std::pair<QString, QStringList>> methods{{opt("dsp"), {opt("--method"), opt("dsp")}}};
    if (!neuralPath.isEmpty())
        methods.emplace_back(opt("neural"), QStringList{opt("--method"), opt("neural"), opt("--model"), neuralPath});
    if (!hybridPath.isEmpty())
        methods.emplace_back(opt("hybrid"), QStringList{opt("--method"), opt("hybrid"), opt("--model"), hybridPath});

    const QString self = QCoreApplication::applicationFilePath();
    QTemporaryDir tmp;
    const QString taskset = QStandardPaths::findExecutable(opt("taskset"));
    const auto pinned = [&](QStringList args) { return taskset.isEmpty() ? args : QStringList{taskset, opt("-c"), opt("0")} + args; };

    // --- peers ----------------------------------------------------------------------------------
    if (parser.isSet(opt("peers"))) {
        const QString ffmpeg = QStandardPaths::findExecutable(opt("ffmpeg"));
        const QString file = tmp.filePath(opt("bench.wav"));
        if (Status s = writeDegradedFile(file, seconds / 60.0); !s)
            return context.fail(s.error());
        out << "\nWhole files on one core (taskset -c 0), including start-up and file I/O:\n";
        double shellacSeconds = 0; // the classical engine's, for the comparison with adeclick
        for (const auto& [method, extra] : methods) {
            double elapsed = 0;
            if (childPeakMemoryMiB(pinned(QStringList{self, opt("restore"), file, opt("-o"), tmp.filePath(method + opt(".wav")), opt("-q")} + extra),
                                   elapsed) < 0)
                return context.fail({opt("bench"), QStringLiteral("shellac-cli restore --method %1 failed on the bench file").arg(method)});
            if (method == u"dsp")
                shellacSeconds = elapsed;
            out << QStringLiteral("  %1 %2x real time\n").arg(QStringLiteral("shellac-cli restore (%1)").arg(method), -36).arg(seconds / elapsed, 7, 'f', 1);
        }
        if (ffmpeg.isEmpty()) {
            out << "  ffmpeg not found: apt-get install ffmpeg to compare with adeclick\n";
        } else {
            double ffmpegSeconds = 0;
            if (childPeakMemoryMiB(pinned({ffmpeg, opt("-v"), opt("error"), opt("-threads"), opt("1"), opt("-i"), file, opt("-af"),
                                           opt("adeclick"), opt("-y"), tmp.filePath(opt("ffmpeg.wav"))}),
                                   ffmpegSeconds) < 0)
                return context.fail({opt("bench"), opt("ffmpeg adeclick failed on the bench file")});
            out << QStringLiteral("  %1 %2x real time\n").arg(opt("ffmpeg -af adeclick"), -36).arg(seconds / ffmpegSeconds, 7, 'f', 1)
                << QStringLiteral("  Shellac's full chain is %1x the speed of adeclick alone\n").arg(ffmpegSeconds / shellacSeconds, 0, 'f', 2);
        }
        out.flush();
    }

    // --- memory ---------------------------------------------------------------------------------
    if (parser.isSet(opt("memory"))) {
        for (const auto& [method, extra] : methods) {
            out << "\nPeak memory of 'shellac-cli restore' (" << method << ", child processes):\n";
            out.flush();
            std::vector<double> peaks;
            for (double minutes : {1.0, longMinutes}) {
                const QString file = tmp.filePath(QStringLiteral("mem-%1.wav").arg(minutes));
                if (Status s = writeDegradedFile(file, minutes); !s)
                    return context.fail(s.error());
                double elapsed = 0;
                const double peak = childPeakMemoryMiB(pinned(QStringList{self, opt("restore"), file, opt("-o"), file + opt(".out.wav"), opt("-q")} + extra), elapsed);
                if (peak < 0)
                    return context.fail({file, opt("restoring the memory bench file failed")});
                QFile::remove(file);
                QFile::remove(file + opt(".out.wav"));
                peaks.push_back(peak);
                out << QStringLiteral("  %1 min  %2 MiB peak  (%3x real time)\n").arg(minutes, 5, 'f', 0).arg(peak, 7, 'f', 1).arg(minutes * 60 / elapsed, 0, 'f', 1);
                out.flush();
            }
            const double change = (peaks[1] - peaks[0]) / peaks[0] * 100.0;
            out << QStringLiteral("  long vs 1-minute file: %1%2 % (target within +-20 %: %3)\n")
                       .arg(change >= 0 ? opt("+") : QString())
                       .arg(change, 0, 'f', 1)
                       .arg(std::abs(change) <= 20.0 ? opt("met") : opt("NOT met"));
        }
    }
    out.flush();
    return ExitCode::kOk;
}

} // namespace shellac::cli
