#include "commands/TrainCommand.h"

#include "ml/Trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shellac::cli {

namespace {

using ml::EpochMetrics;
using ml::HealthWarning;
using ml::StepReport;

QString num(double v, int decimals) { return QString::number(v, 'f', decimals); }

/// Prints a run's progress: JSON lines on stdout, or people-readable lines (steps at most every
/// two seconds on stderr, one summary per epoch on stdout).
class ProgressPrinter final : public ml::TrainingObserver {
public:
    ProgressPrinter(CliContext& context, bool json, bool quiet) : m_context(context), m_json(json), m_quiet(quiet)
    {
        m_clock.start();
    }

    void emitJson(const QJsonObject& object)
    {
        m_context.out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << "\n";
        m_context.out().flush();
    }

    void stepFinished(const StepReport& r) override
    {
        const ml::StepLosses& l = r.losses;
        if (m_json) {
            emitJson({{QStringLiteral("type"), QStringLiteral("step")},
                      {QStringLiteral("epoch"), r.epoch},
                      {QStringLiteral("epochs"), r.epochs},
                      {QStringLiteral("step"), r.step},
                      {QStringLiteral("steps_per_epoch"), r.stepsPerEpoch},
                      {QStringLiteral("global_step"), r.globalStep},
                      {QStringLiteral("loss"), l.total},
                      {QStringLiteral("supervised"), l.supervised},
                      {QStringLiteral("consistency"), l.consistency},
                      {QStringLiteral("cycle"), l.cycle},
                      {QStringLiteral("contrastive"), l.contrastive},
                      {QStringLiteral("pseudo"), l.pseudo},
                      {QStringLiteral("synthetic"), l.syntheticCount},
                      {QStringLiteral("real"), l.realCount},
                      {QStringLiteral("lr"), r.learningRate},
                      {QStringLiteral("eta_s"), r.etaSeconds}});
            return;
        }
        if (m_quiet || (m_clock.elapsed() - m_lastPrint < 2000 && r.step != r.stepsPerEpoch))
            return;
        m_lastPrint = m_clock.elapsed();
        m_context.err() << "epoch " << r.epoch << "/" << r.epochs << "  step " << r.step << "/" << r.stepsPerEpoch
                        << "  loss " << num(l.total, 4) << " (supervised " << num(l.supervised, 4) << ", consistency "
                        << num(l.consistency, 4) << ")  eta " << num(r.etaSeconds / 60.0, 1) << " min\n";
        m_context.err().flush();
    }

    void epochFinished(const EpochMetrics& m, const std::vector<HealthWarning>& health) override
    {
        if (m_json) {
            QJsonObject object = m.toJson();
            object.insert(QStringLiteral("type"), QStringLiteral("epoch"));
            QJsonArray warnings;
            for (const HealthWarning& h : health)
                warnings.append(QJsonObject{{QStringLiteral("code"), h.code}, {QStringLiteral("message"), h.message}});
            object.insert(QStringLiteral("warnings"), warnings);
            emitJson(object);
            return;
        }
        m_context.out() << "epoch " << m.epoch << ": supervised " << num(m.supervisedLoss, 4) << ", consistency "
                        << num(m.consistencyLoss, 4) << ", cycle " << num(m.cycleLoss, 4) << ", contrastive "
                        << num(m.contrastiveLoss, 4) << "; synthetic ratio " << num(m.syntheticRatio, 2) << "; validation: SI-SDR "
                        << (m.siSdrImprovementDb >= 0 ? "+" : "") << num(m.siSdrImprovementDb, 2) << " dB, impulses removed "
                        << num(100 * m.impulseRemovalRate, 1) << " %, transients kept " << num(m.transientPreservation, 3) << "; "
                        << num(m.seconds, 1) << " s\n";
        m_context.out().flush();
        for (const HealthWarning& h : health)
            m_context.warn(h.message);
    }

    void message(const QString& text) override
    {
        if (m_json)
            emitJson({{QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("text"), text}});
        else if (!m_quiet || text.startsWith(QStringLiteral("warning")))
            m_context.err() << text << "\n";
        m_context.err().flush();
    }

private:
    CliContext& m_context;
    bool m_json;
    bool m_quiet;
    QElapsedTimer m_clock;
    qint64 m_lastPrint = -100000;
};

bool parseNumber(const QCommandLineParser& parser, const char* option, double& value, QString& error)
{
    const QString key = QLatin1String(option);
    if (!parser.isSet(key))
        return true;
    bool ok = false;
    const double v = parser.value(key).toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        error = QStringLiteral("--%1: '%2' is not a number").arg(key, parser.value(key));
        return false;
    }
    value = v;
    return true;
}

bool parseInteger(const QCommandLineParser& parser, const char* option, int& value, QString& error)
{
    const QString key = QLatin1String(option);
    if (!parser.isSet(key))
        return true;
    bool ok = false;
    const int v = parser.value(key).toInt(&ok);
    if (!ok) {
        error = QStringLiteral("--%1: '%2' is not a whole number").arg(key, parser.value(key));
        return false;
    }
    value = v;
    return true;
}

bool parseWeights(const QString& text, ml::LossWeights& weights, QString& error)
{
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.section(QLatin1Char('='), 0, 0).trimmed();
        bool ok = false;
        const double value = item.section(QLatin1Char('='), 1).toDouble(&ok);
        double* target = name == u"supervised" ? &weights.supervised
                         : name == u"si-sdr"      ? &weights.siSdr
                         : name == u"cycle"       ? &weights.cycle
                         : name == u"consistency" ? &weights.consistency
                         : name == u"contrastive" ? &weights.contrastive
                         : name == u"pseudo"      ? &weights.pseudo
                                                  : nullptr;
        if (target == nullptr || !ok || value < 0) {
            error = QStringLiteral("--loss-weights: '%1' is not NAME=WEIGHT with NAME one of supervised, si-sdr, cycle, "
                                   "consistency, contrastive, pseudo and WEIGHT >= 0")
                        .arg(item);
            return false;
        }
        *target = value;
    }
    return true;
}

} // namespace

QString TrainCommand::summary() const
{
    return QStringLiteral("Train the neural restorer on clean audio plus real degraded transfers");
}

QString TrainCommand::synopsis() const
{
    return QStringLiteral("--clean DIR --degraded DIR --out RUN [--strategy synthetic|adaptive|mixed|curriculum] [--contrastive] "
                          "[--synthetic-ratio R] [--pairs DIR [--post-filter]] [--epochs N] [--batch B] [--segment S] [--device auto|cpu|cuda] [--resume]");
}

QString TrainCommand::description() const
{
    return QStringLiteral(
        "Trains the neural restorer. --clean is a folder of clean music (first-level subfolders are genres), "
        "--degraded a folder of real degraded transfers without clean references.\n\n"
        "Strategies: synthetic (clean + a generic 78 rpm damage profile), adaptive (damage measured on the "
        "--degraded transfers), mixed (adaptive synthetic examples plus real transfers with consistency losses, "
        "--synthetic-ratio of each batch synthetic), curriculum (like mixed, the ratio going from 1.0 to 0.3 over "
        "the run; --curriculum START:END changes it). --contrastive adds an InfoNCE loss that teaches an artifact "
        "embedding to tell synthetic from real clicks and clicks from clean transients. --pseudo-labels-from N "
        "uses the previous epoch's model's outputs on real transfers as extra targets from epoch N on. "
        "--pairs DIR gives paired supervised data instead of synthesized damage: degraded copies of the --clean "
        "files under the same relative paths, sample-aligned; synthetic examples are then cut from these pairs. "
        "--post-filter (with --pairs) trains the network that --method hybrid runs after the classical engine: "
        "the pairs and the --degraded folder then hold the classical engine's restorations (restore --method dsp of "
        "whole files, as at inference; scripts/train-default-model --post-filter makes them), the validation gain is "
        "the gain over that engine, and --method neural refuses the model.\n\n"
        "Losses: synthetic examples 1.0 × supervised (multi-resolution STFT + waveform L1) + 0.2 × cycle "
        "consistency; real examples 0.3 × consistency (fewer impulses, spectral envelope and energy kept); "
        "change them with --loss-weights supervised=1,cycle=0.2,consistency=0.3,contrastive=0.1,pseudo=0.3. "
        "si-sdr=W (default 0, off) adds W × (−SI-SDR / 10 dB) against the clean target inside the supervised term, "
        "meant to keep a long run from trading distortion of the music for less low-level noise.\n\n"
        "Writes into RUN: checkpoints/checkpoint_epoch_N.pt after every epoch (atomically), metrics.jsonl (one line "
        "per epoch: losses, synthetic ratio, validation SI-SDR gain, impulse removal rate, transient preservation, "
        "time, health warnings), model.pt (the latest model, for `restore --method neural --model`) and "
        "analysis.jsonl. --resume continues the run in RUN exactly where its last checkpoint left it. Ctrl+C stops "
        "between steps; completed epochs' checkpoints stay intact.\n\n"
        "With --progress json, stdout carries one JSON object per line: {\"type\": \"step\"|\"epoch\"|\"message\"|\"done\"|\"error\", ...}.\n\n"
        "Exit status: 0 when the run completed, 1 on a data or training error, 2 on bad options, 130 when interrupted.");
}

QList<QCommandLineOption> TrainCommand::options() const
{
    return {
        {QStringLiteral("clean"), QStringLiteral("Folder of clean audio (genre subfolders allowed)."), QStringLiteral("DIR")},
        {QStringLiteral("degraded"), QStringLiteral("Folder of real degraded transfers (no clean references)."), QStringLiteral("DIR")},
        {QStringLiteral("out"), QStringLiteral("Run folder for checkpoints, metrics and the model."), QStringLiteral("RUN")},
        {QStringLiteral("strategy"), QStringLiteral("synthetic, adaptive, mixed (default) or curriculum."), QStringLiteral("S")},
        {QStringLiteral("contrastive"), QStringLiteral("Add the contrastive artifact-embedding loss.")},
        {QStringLiteral("synthetic-ratio"), QStringLiteral("Share of synthetic examples per batch for mixed (default 0.7)."), QStringLiteral("R")},
        {QStringLiteral("curriculum"), QStringLiteral("Curriculum ratios START:END (default 1.0:0.3)."), QStringLiteral("START:END")},
        {QStringLiteral("epochs"), QStringLiteral("Epochs (default 20)."), QStringLiteral("N")},
        {QStringLiteral("batch"), QStringLiteral("Examples per step (default 8)."), QStringLiteral("B")},
        {QStringLiteral("segment"), QStringLiteral("Example length in seconds (default 1.0)."), QStringLiteral("S")},
        {QStringLiteral("steps-per-epoch"), QStringLiteral("Steps per epoch (default: one pass over the data)."), QStringLiteral("N")},
        {QStringLiteral("lr"), QStringLiteral("Peak AdamW learning rate (default 0.001)."), QStringLiteral("LR")},
        {QStringLiteral("seed"), QStringLiteral("Seed of everything random (default 1)."), QStringLiteral("N")},
        {QStringLiteral("device"), QStringLiteral("auto (default: CUDA when present), cpu or cuda."), QStringLiteral("D")},
        {QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("N")},
        {QStringLiteral("loss-weights"), QStringLiteral("Loss weights, e.g. consistency=0.5,cycle=0."), QStringLiteral("LIST")},
        {QStringLiteral("no-cycle"), QStringLiteral("Leave out the cycle-consistency loss.")},
        {QStringLiteral("pairs"), QStringLiteral("Paired data: degraded copies of the --clean files, same relative paths."), QStringLiteral("DIR")},
        {QStringLiteral("post-filter"), QStringLiteral("Train the post-filter of --method hybrid (--pairs and --degraded hold classical restorations).")},
        {QStringLiteral("pseudo-labels-from"), QStringLiteral("Iterative refinement from this epoch on (default off)."), QStringLiteral("N")},
        {QStringLiteral("analyze-every"), QStringLiteral("Epochs between re-analyses of the real transfers (default 5)."), QStringLiteral("N")},
        {QStringLiteral("resume"), QStringLiteral("Continue the run in --out from its latest checkpoint.")},
        {QStringLiteral("progress"), QStringLiteral("text (default) or json (one object per line on stdout)."), QStringLiteral("FORMAT")},
        {{QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("Only epoch summaries, warnings and errors.")},
    };
}

bool trainingSettingsFromOptions(const QCommandLineParser& parser, ml::TrainingSettings& s, QString& error)
{
    s.cleanDir = parser.value(QStringLiteral("clean"));
    s.degradedDir = parser.value(QStringLiteral("degraded"));
    s.runDir = parser.value(QStringLiteral("out"));
    if (parser.isSet(QStringLiteral("strategy")) && !ml::parseStrategy(parser.value(QStringLiteral("strategy")), s.strategy)) {
        error = QStringLiteral("--strategy: '%1' is not one of synthetic, adaptive, mixed, curriculum").arg(parser.value(QStringLiteral("strategy")));
        return false;
    }
    s.contrastive = parser.isSet(QStringLiteral("contrastive"));
    s.cycleConsistency = !parser.isSet(QStringLiteral("no-cycle"));
    s.pairedDir = parser.value(QStringLiteral("pairs"));
    s.postFilter = parser.isSet(QStringLiteral("post-filter"));
    if (parser.isSet(QStringLiteral("curriculum"))) {
        const QStringList parts = parser.value(QStringLiteral("curriculum")).split(QLatin1Char(':'));
        bool ok1 = false, ok2 = false;
        if (parts.size() == 2) {
            s.curriculumStart = parts[0].toDouble(&ok1);
            s.curriculumEnd = parts[1].toDouble(&ok2);
        }
        if (!ok1 || !ok2) {
            error = QStringLiteral("--curriculum: '%1' is not START:END (two ratios, e.g. 1.0:0.3)").arg(parser.value(QStringLiteral("curriculum")));
            return false;
        }
    }
    int seed = int(s.seed);
    const bool numbersOk = parseNumber(parser, "synthetic-ratio", s.syntheticRatio, error) && parseInteger(parser, "epochs", s.epochs, error)
                           && parseInteger(parser, "batch", s.batchSize, error) && parseNumber(parser, "segment", s.segmentSeconds, error)
                           && parseInteger(parser, "steps-per-epoch", s.stepsPerEpoch, error) && parseNumber(parser, "lr", s.learningRate, error)
                           && parseInteger(parser, "seed", seed, error) && parseInteger(parser, "threads", s.threads, error)
                           && parseInteger(parser, "pseudo-labels-from", s.pseudoLabelFromEpoch, error)
                           && parseInteger(parser, "analyze-every", s.analyzeEvery, error);
    if (!numbersOk)
        return false;
    if (seed < 0) {
        error = QStringLiteral("--seed: must be 0 or more");
        return false;
    }
    s.seed = std::uint64_t(seed);
    if (parser.isSet(QStringLiteral("device")))
        s.device = parser.value(QStringLiteral("device"));
    if (parser.isSet(QStringLiteral("loss-weights")) && !parseWeights(parser.value(QStringLiteral("loss-weights")), s.weights, error))
        return false;
    if (Status valid = s.validate(); !valid) {
        error = valid.error().message();
        return false;
    }
    return true;
}

int TrainCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(name(), QStringLiteral("unexpected argument '%1' (folders are given with --clean and --degraded)")
                                              .arg(parser.positionalArguments().first()));
    const QString progress = parser.value(QStringLiteral("progress"));
    if (!progress.isEmpty() && progress != u"text" && progress != u"json")
        return context.usageError(name(), QStringLiteral("--progress: '%1' is not text or json").arg(progress));
    ml::TrainingSettings settings;
    QString error;
    if (!trainingSettingsFromOptions(parser, settings, error))
        return context.usageError(name(), error);
    for (const auto& [option, dir] : {std::pair{"--clean", settings.cleanDir}, std::pair{"--degraded", settings.degradedDir}})
        if (!QFileInfo(dir).isDir())
            return context.fail(Error{QDir::toNativeSeparators(dir), QStringLiteral("%1 folder does not exist or is not a folder").arg(QLatin1String(option))});
    if (!settings.pairedDir.isEmpty() && !QFileInfo(settings.pairedDir).isDir())
        return context.fail(Error{QDir::toNativeSeparators(settings.pairedDir), QStringLiteral("--pairs folder does not exist or is not a folder")});

    const bool json = progress == u"json";
    ProgressPrinter printer(context, json, parser.isSet(QStringLiteral("quiet")));
    Result<ml::TrainingOutcome> outcome = ml::runTraining(settings, parser.isSet(QStringLiteral("resume")), &printer, &context.cancellation());
    if (!outcome) {
        if (json)
            printer.emitJson({{QStringLiteral("type"), QStringLiteral("error")}, {QStringLiteral("message"), outcome.error().message()}});
        return context.fail(outcome.error());
    }
    const ml::TrainingOutcome& done = outcome.value();
    if (json)
        printer.emitJson({{QStringLiteral("type"), QStringLiteral("done")},
                          {QStringLiteral("epochs_completed"), done.lastEpoch},
                          {QStringLiteral("cancelled"), done.cancelled},
                          {QStringLiteral("model"), done.modelPath},
                          {QStringLiteral("checkpoint"), done.checkpointPath}});
    else if (!done.cancelled)
        context.err() << "trained " << done.lastEpoch << " epochs; model: " << QDir::toNativeSeparators(done.modelPath) << "\n";
    return done.cancelled ? ExitCode::kCancelled : ExitCode::kOk;
}

} // namespace shellac::cli
