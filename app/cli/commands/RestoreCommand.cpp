#include "commands/RestoreCommand.h"

#include "restore/HybridRestorer.h"

#include "TerminalProgress.h"
#include "audio/AudioPathCollector.h"
#include "commands/RestoreOptions.h"
#include "dsp/DspRestorer.h"
#include "jobs/FileTransformJob.h"
#include "ml/NeuralModel.h"
#include "ml/RestorerFactory.h"
#include "ml/TrainingSettings.h"
#include "project/ProjectFile.h"
#include "restore/RestorationReport.h"
#include "restore/RestorationSettings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace shellac::cli {

namespace {

struct Job {
    QString input;
    QString output;
    QString residual; // empty: none
    QString report;   // empty: none
};

QString opt(const char* name) { return QString::fromLatin1(name); }

/// What --method and its options asked for: makes a fresh restorer for each file.
struct MethodChoice {
    dsp::DspRestorerSettings dsp;
    std::shared_ptr<ml::NeuralModel> model; // set for --method neural and hybrid
    ml::NeuralRestorerSettings neural;
    bool hybrid = false;                    // classical chain, then the model as a post-filter

    std::unique_ptr<Restorer> makeRestorer() const
    {
        if (hybrid)
            return std::make_unique<HybridRestorer>(std::make_unique<dsp::DspRestorer>(dsp),
                                                    std::make_unique<ml::NeuralRestorer>(model, neural));
        if (model)
            return std::make_unique<ml::NeuralRestorer>(model, neural);
        return std::make_unique<dsp::DspRestorer>(dsp);
    }
};

/// Loads the model a restore uses (this loads LibTorch) and runs it on CUDA when LibTorch has
/// it, else on the CPU.
Result<std::unique_ptr<ml::NeuralModel>> loadModel(const QString& path, ml::NeuralRestorerSettings& neural)
{
    ml::initialiseTorchRuntime();
    auto model = ml::NeuralModel::load(path);
    if (model) {
        QString why;
        ml::resolveDevice(QStringLiteral("auto"), neural.device, why); // "auto" resolves once LibTorch is loaded
    }
    return model;
}

/// The restorer a project's Restore panel is set to (its "restore" settings; when it has none,
/// what the panel starts with: RestorerFactory::recommendedSettings()), with the model it names
/// (or the bundled one) loaded.
Result<MethodChoice> choiceFromProject(const QString& path, QString* summary)
{
    auto project = ProjectFile::load(path);
    if (!project)
        return project.error();
    const QJsonObject json = project.value().settings.value(QStringLiteral("restore")).toObject();
    auto settings = json.isEmpty() ? Result<RestorationSettings>(ml::RestorerFactory::recommendedSettings()) : RestorationSettings::fromJson(json);
    if (!settings)
        return Error{path, QStringLiteral("its restore settings cannot be used (%1)").arg(settings.error().message())};
    const RestorationSettings& s = settings.value();
    MethodChoice choice;
    choice.dsp = s.dsp;
    choice.neural.mix = s.mix;
    choice.hybrid = s.method == RestorationMethod::Hybrid;
    if (s.usesModel()) {
        const QString modelPath = s.modelPath.isEmpty() ? findDefaultModel(s.method) : s.modelPath;
        if (modelPath.isEmpty())
            return Error{path, QStringLiteral("its restore settings use the bundled default model, and none was found")};
        auto model = loadModel(modelPath, choice.neural);
        if (!model)
            return model.error();
        if (Status fits = ml::checkModelUse(model.value()->metadata(), modelPath, !choice.hybrid); !fits)
            return fits.error();
        choice.model = std::move(model).value();
    }
    *summary = s.summary();
    return choice;
}

/// Restores one file; prints progress with `label`. Returns the exit code for this file.
int restoreOne(const Job& job, const MethodChoice& method, OverwritePolicy overwrite,
               const QString& label, bool quiet, CliContext& context)
{
    const std::unique_ptr<Restorer> made = method.makeRestorer();
    Restorer& restorer = *made;
    OutputRequest output;
    output.path = job.output;
    output.overwrite = overwrite;
    output.residualPath = job.residual;
    TerminalProgress progress(context.err(), label, !quiet);
    QElapsedTimer timer;
    timer.start();
    auto result = transformFile(job.input, output, restorer, &context.cancellation(), &progress);
    progress.finish();
    if (!result) {
        if (context.cancellation().isCancelled())
            return ExitCode::kCancelled;
        return context.fail(result.error());
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const AudioFormat& in = result.value().input;
    const QJsonObject report = RestorationReport::make(job.input, job.output, restorer.report(), in.sampleRate,
                                                       in.channels, in.frames, seconds);
    if (!job.report.isEmpty())
        if (Status s = RestorationReport::write(job.report, report); !s)
            return context.fail(s.error());
    if (!quiet)
        context.err() << "restored " << job.output << " with the " << restorer.method() << " restorer (" << formatDuration(in.durationSeconds()) << " in "
                      << QString::number(seconds, 'f', 1) << " s, "
                      << QString::number(report.value(QStringLiteral("realtime_factor")).toDouble(), 'f', 0)
                      << "x real time)" << Qt::endl;
    return ExitCode::kOk;
}

/// What --method auto (and no --method) resolves to: true for the hybrid, with the bundled
/// post-filter loaded into `choice`, when there is one and it loads (that model is bundled because
/// the hybrid with it ranks first in the held-out evaluation, docs/RESULTS.md); false for the
/// classical engine. Says which and why on stderr unless `quiet`.
bool resolveAutoToHybrid(MethodChoice& choice, bool quiet, CliContext& context)
{
    const QString path = findDefaultModel(RestorationMethod::Hybrid);
    QString why = QStringLiteral("no bundled post-filter model (share/shellac/models/post-filter.pt)");
    if (QFileInfo(path).fileName() == u"post-filter.pt") { // not default.pt, the hybrid's fallback
        auto model = loadModel(path, choice.neural);
        if (model && ml::isPostFilterModel(model.value()->metadata())) {
            choice.model = std::move(model).value();
            if (!quiet)
                context.err() << "restoring with the hybrid (the classical engine, then the bundled post-filter "
                              << QDir::toNativeSeparators(path) << "): it ranks first in the held-out evaluation "
                                 "(docs/RESULTS.md); --method dsp chooses the classical engine alone" << Qt::endl;
            return true;
        }
        if (model)
            why = QStringLiteral("the bundled model %1 is not a post-filter").arg(QDir::toNativeSeparators(path));
        else
            why = model.error().message();
    }
    if (!quiet)
        context.err() << "restoring with the classical engine (dsp): " << why << Qt::endl;
    return false;
}

/// The restorer --method and the stage options ask for (no --project). Returns ExitCode::kOk,
/// or the exit code of the usage error or failure it reported.
int choiceFromOptions(const QCommandLineParser& parser, const QString& command, CliContext& context, MethodChoice& choice)
{
    QString method = parser.isSet(opt("method")) ? parser.value(opt("method")).trimmed().toLower() : opt("auto");
    if (method != u"dsp" && method != u"neural" && method != u"hybrid" && method != u"auto")
        return context.usageError(command, QStringLiteral("unknown --method '%1' (available: dsp, neural, hybrid, auto)").arg(method));
    const bool modelChosen = method == u"neural" || method == u"hybrid"; // auto takes the bundled one
    if (!modelChosen)
        for (const char* neuralOnly : {"model", "mix"})
            if (parser.isSet(opt(neuralOnly)))
                return context.usageError(command, QStringLiteral("--%1 applies to --method neural and hybrid only").arg(opt(neuralOnly)));
    if (method == u"neural") {
        if (const QString conflict = firstDspOnlyOption(parser); !conflict.isEmpty())
            return context.usageError(command, QStringLiteral("%1 applies to --method dsp and hybrid only; it cannot be "
                                                             "combined with --method neural").arg(conflict));
    } else {
        // Before any model is loaded: a usage error must not wait for LibTorch.
        auto settings = parseDspSettings(parser);
        if (!settings)
            return context.usageError(command, settings.error().message());
        choice.dsp = settings.value();
    }
    if (method == u"auto") {
        choice.hybrid = resolveAutoToHybrid(choice, parser.isSet(opt("quiet")), context);
        return ExitCode::kOk;
    }
    if (modelChosen) {
        auto neural = parseNeuralSettings(parser);
        if (!neural)
            return context.usageError(command, neural.error().message());
        choice.neural = neural.value();
        const QString modelPath = parser.isSet(opt("model"))
                                      ? parser.value(opt("model"))
                                      : findDefaultModel(method == u"hybrid" ? RestorationMethod::Hybrid : RestorationMethod::Neural);
        if (modelPath.isEmpty())
            return context.usageError(command, opt("no model given and no bundled default model found; train one with "
                                                  "shellac-cli train or pass --model"));
        auto model = loadModel(modelPath, choice.neural);
        if (!model)
            return context.fail(model.error());
        if (Status fits = ml::checkModelUse(model.value()->metadata(), modelPath, method == u"neural"); !fits)
            return context.fail(fits.error());
        choice.model = std::move(model).value();
        choice.hybrid = method == u"hybrid";
    }
    return ExitCode::kOk;
}

} // namespace

QString RestoreCommand::summary() const
{
    return QStringLiteral("Remove clicks, crackle, hum, hiss and rumble from a file or a folder of files.");
}

QString RestoreCommand::synopsis() const
{
    return QStringLiteral("IN -o OUT [--method dsp|neural|hybrid|auto] [--declick SENS|off] [--pulses on|off] [--decrackle LEVEL|off] "
                          "[--dehum auto|50|60|off] [--dehiss DB|off] [--noise-from START-END] [--rumble HZ|off] "
                          "[--model FILE.pt] [--mix 0-1] [--project FILE.shellac] [--residual FILE] [--report FILE.json] [--force] [--quiet]\n"
                          "       shellac-cli restore DIR -o OUTDIR [same options; --residual and --report name folders]");
}

QString RestoreCommand::description() const
{
    return QStringLiteral(
        "Restores IN into OUT. The classical engine (method dsp, needs no training):\n"
        "  dehum     finds the mains fundamental (50/60 Hz +- drift) and notches its harmonics\n"
        "  declick   AR-model click detection with a robust adaptive threshold and least-squares\n"
        "            AR interpolation (clicks from 1 sample to several ms, clusters), plus a\n"
        "            matched filter for smooth wide clicks and a pop remover (--pulses off: without)\n"
        "  decrackle the same for dense, small impulses (hundreds per second)\n"
        "  rumble    linear-phase high-pass at HZ (default 20)\n"
        "  dehiss    spectral noise reduction (decision-directed Wiener gain) with a noise profile\n"
        "            from --noise-from (e.g. the lead-in groove) or from the quietest passages\n"
        "Stages run in that order; each can be turned off. Channels are restored independently.\n\n"
        "--method neural restores with a trained network instead (see shellac-cli train): the model\n"
        "given with --model, else the bundled default model (share/shellac/models/default.pt).\n"
        "Any sample rate and channel count: channels are restored one by one, resampled to the\n"
        "model's rate and back, in 4 s chunks crossfaded over 0.5 s (memory does not grow with the\n"
        "file). --mix blends the result with the input. The dsp stage options do not apply to it.\n"
        "--method hybrid runs the classical chain (with its options) and then the model as a\n"
        "post-filter on its output, for the clicks and noise the classical stages leave behind;\n"
        "its bundled model is share/shellac/models/post-filter.pt (trained behind the classical\n"
        "engine: train --post-filter) when there is one, else default.pt. --method neural refuses\n"
        "a post-filter model. Where, in passages well above the noise floor, the model's output\n"
        "stops resembling the music (correlation below 0.99 per 46 ms), its change is scaled back,\n"
        "to none at 0.95: the network may clean the music, never rewrite it.\n"
        "--method auto, the default, picks the restorer that ranks first in the held-out evaluation\n"
        "(docs/RESULTS.md): the hybrid with the bundled post-filter when one is installed and loads,\n"
        "else the classical engine; it says which on stderr. --method dsp always means the classical\n"
        "engine alone.\n"
        "--project FILE.shellac restores with what that project's Restore panel is set to (method,\n"
        "stages, model, mix): set it up and listen in the workstation, then batch-restore here.\n\n"
        "With a folder, every audio file in it (and its sub-folders) is restored into OUTDIR with\n"
        "the same relative name; files that fail are reported and the others still restored.\n"
        "The input is never modified; outputs are written to temporary files and renamed into place,\n"
        "so an error or Ctrl+C leaves no partial file. Existing outputs are only replaced with --force.\n\n"
        "Exit status: 0 when every file was restored, 1 when any failed, 2 on usage errors,\n"
        "130 when interrupted.");
}

QList<QCommandLineOption> RestoreCommand::options() const
{
    return {
        QCommandLineOption({opt("o"), opt("output")}, opt("Output file (or folder when IN is a folder). Required."), opt("OUT")),
        QCommandLineOption(opt("project"), opt("Restore with the method and settings a Shellac project's Restore panel is\n"
                                               "set to (e.g. a checkpoint chosen with \"Use as restorer\"); no other\n"
                                               "method or stage option may be given with it."), opt("FILE.shellac")),
        QCommandLineOption(opt("method"), opt("Restoration method: auto (the default: the hybrid with the bundled\n"
                                                    "post-filter when installed, else dsp), dsp (classical), neural (trained\n"
                                                    "network) or hybrid (classical, then the network)."), opt("METHOD")),
        QCommandLineOption(opt("model"), opt("Model file for --method neural or hybrid (default: the bundled model;\n"
                                             "for hybrid its post-filter)."), opt("FILE.pt")),
        QCommandLineOption(opt("mix"), opt("For --method neural: share of the restored signal, 0-1 (default 1;\n"
                                           "0.7 keeps 30 % of the input)."), opt("0-1")),
        QCommandLineOption(opt("declick"), opt("Click detection sensitivity 1-10 (default 5; higher finds smaller clicks) or off."), opt("SENS")),
        QCommandLineOption(opt("pulses"), opt("Declick also finds smooth wide clicks (0.14-6 ms) and pops (up to 40 ms)\n"
                                              "with a matched filter: on (default) or off."), opt("on|off")),
        QCommandLineOption(opt("decrackle"), opt("Crackle removal strength 0-10 (default 5) or off."), opt("LEVEL")),
        QCommandLineOption(opt("dehum"), opt("Mains hum: auto (default; detects 50 or 60 Hz), 50, 60 or off."), opt("MODE")),
        QCommandLineOption(opt("dehiss"), opt("Most hiss reduction in dB, 1-40 (default 12), or off."), opt("DB")),
        QCommandLineOption(opt("noise-from"), opt("Learn the hiss profile from this time range in seconds, e.g. 0-2.5\n"
                                                  "(default: from the quietest passages)."), opt("START-END")),
        QCommandLineOption(opt("rumble"), opt("High-pass corner in Hz, 10-300 (default 20), or off."), opt("HZ")),
        QCommandLineOption(opt("residual"), opt("Also write what was removed (input - output) to this file/folder."), opt("FILE")),
        QCommandLineOption(opt("report"), opt("Write a JSON report (clicks found, hum frequency, noise level,\n"
                                              "speed) to this file/folder."), opt("FILE.json")),
        QCommandLineOption({opt("f"), opt("force")}, opt("Replace outputs that already exist.")),
        QCommandLineOption({opt("q"), opt("quiet")}, opt("Do not show progress on stderr.")),
    };
}

int RestoreCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() != 1)
        return context.usageError(name(), inputs.isEmpty() ? opt("no input given") : opt("give exactly one input file or folder"));
    if (!parser.isSet(opt("output")))
        return context.usageError(name(), opt("no output given (use -o OUT)"));
    MethodChoice choice;
    if (parser.isSet(opt("project"))) {
        for (const char* other : {"method", "model", "mix", "declick", "pulses", "decrackle", "dehum", "dehiss", "noise-from", "rumble"})
            if (parser.isSet(opt(other)))
                return context.usageError(name(), QStringLiteral("--%1 cannot be combined with --project: the project sets the "
                                                                 "method and its settings").arg(opt(other)));
        QString summary;
        auto fromProject = choiceFromProject(parser.value(opt("project")), &summary);
        if (!fromProject)
            return context.fail(fromProject.error());
        choice = std::move(fromProject).value();
        if (!parser.isSet(opt("quiet")))
            context.err() << "restoring with the project's settings: " << summary << Qt::endl;
    } else if (const int code = choiceFromOptions(parser, name(), context, choice); code != ExitCode::kOk) {
        return code;
    }

    const QString input = inputs.first();
    const QString output = parser.value(opt("output"));
    const OverwritePolicy overwrite = parser.isSet(opt("force")) ? OverwritePolicy::Replace : OverwritePolicy::Refuse;
    const bool quiet = parser.isSet(opt("quiet"));
    const QString residual = parser.value(opt("residual"));
    const QString report = parser.value(opt("report"));

    if (!QFileInfo(input).isDir()) {
        Job job{input, output, residual, report};
        if (!report.isEmpty())
            if (Status s = RestorationReport::checkDestination(report, overwrite == OverwritePolicy::Replace); !s)
                return context.fail(s.error());
        return restoreOne(job, choice, overwrite, QFileInfo(input).fileName(), quiet, context);
    }

    // Folder mode.
    const QDir inDir(input);
    if (QFileInfo(output).exists() && !QFileInfo(output).isDir())
        return context.fail({output, opt("is a file; with a folder as input, -o must name a folder")});
    const QStringList files = collectAudioPaths({input}, output);
    if (files.isEmpty())
        return context.fail({input, opt("contains no audio files (.wav, .flac, .ogg, .aiff, ...)")});
    int failures = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (context.cancellation().isCancelled())
            return ExitCode::kCancelled;
        const QString relative = inDir.relativeFilePath(files[i]);
        Job job;
        job.input = files[i];
        job.output = QDir(output).filePath(relative);
        if (!residual.isEmpty())
            job.residual = QDir(residual).filePath(relative);
        if (!report.isEmpty())
            job.report = QDir(report).filePath(QFileInfo(relative).path() + QLatin1Char('/')
                                               + QFileInfo(relative).completeBaseName() + QStringLiteral(".report.json"));
        for (const QString& target : {job.output, job.residual, job.report})
            if (!target.isEmpty())
                QDir().mkpath(QFileInfo(target).absolutePath());
        if (!job.report.isEmpty())
            if (Status s = RestorationReport::checkDestination(job.report, overwrite == OverwritePolicy::Replace); !s) {
                context.fail(s.error());
                ++failures;
                continue;
            }
        const QString label = QStringLiteral("[%1/%2] %3").arg(i + 1).arg(files.size()).arg(relative);
        const int code = restoreOne(job, choice, overwrite, label, quiet, context);
        if (code == ExitCode::kCancelled)
            return code;
        failures += code != ExitCode::kOk;
    }
    if (!quiet || failures > 0)
        context.err() << "restored " << (files.size() - failures) << " of " << files.size() << " files into " << output
                      << Qt::endl;
    return failures > 0 ? ExitCode::kFailed : ExitCode::kOk;
}

} // namespace shellac::cli
