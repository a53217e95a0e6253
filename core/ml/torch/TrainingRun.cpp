#include "ml/torch/TrainingRun.h"

#include "degrade/DegradationProfile.h"
#include "degrade/MixedRestorationDataset.h"
#include "jobs/CancellationToken.h"
#include "ml/NeuralModel.h"
#include "ml/torch/Checkpoint.h"
#include "ml/torch/MixedTrainingStep.h"
#include "ml/torch/NeuralModelAccess.h"
#include "ml/torch/TorchModelEngine.h"
#include "ml/torch/TorchRuntimeImpl.h"
#include "ml/torch/TrainingValidation.h"

#include <QDir>
#include <QElapsedTimer>

#include <cmath>
#include <optional>
#include <sstream>

namespace shellac::ml {

namespace {

using degrade::ExampleKind;
using degrade::MixedExample;

/// Linear warm-up over warmupSteps, then cosine decay from the peak to 10 % of it at the end.
double learningRateAt(const TrainingSettings& s, std::int64_t step, std::int64_t totalSteps)
{
    const double warm = std::min(1.0, double(step + 1) / double(std::max(1, s.warmupSteps)));
    const double progress = std::min(1.0, double(step) / double(std::max<std::int64_t>(1, totalSteps)));
    return s.learningRate * warm * (0.1 + 0.9 * 0.5 * (1.0 + std::cos(M_PI * progress)));
}

void setLearningRate(torch::optim::AdamW& optimizer, double lr)
{
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
}

/// A frozen copy of the network (the teacher of iterative refinement).
RestorationNet copyOf(RestorationNet& net, torch::Device device)
{
    std::stringstream bytes;
    torch::serialize::OutputArchive out;
    net->save(out);
    out.save_to(bytes);
    RestorationNet copy(net->config());
    torch::serialize::InputArchive in;
    in.load_from(bytes, device);
    copy->load(in);
    copy->to(device);
    copy->eval();
    for (torch::Tensor& p : copy->parameters())
        p.requires_grad_(false);
    return copy;
}

bool isOutOfMemory(const std::exception& e)
{
    return QString::fromUtf8(e.what()).contains(QStringLiteral("out of memory"), Qt::CaseInsensitive);
}

Result<TrainingSettings> settingsForResume(const TrainingSettings& requested, QString& checkpoint, CheckpointState& state)
{
    checkpoint = latestCheckpoint(requested.runDir);
    if (checkpoint.isEmpty())
        return Error{requested.runDir, QStringLiteral("has no checkpoint to resume from (expected checkpoints/checkpoint_epoch_N.pt)")};
    Result<CheckpointState> read = readCheckpointState(checkpoint);
    if (!read)
        return read.error();
    state = read.value();
    Result<TrainingSettings> saved = TrainingSettings::fromJson(state.settings);
    if (!saved)
        return Error{checkpoint, QStringLiteral("its saved settings cannot be used (%1)").arg(saved.error().message())};
    TrainingSettings s = saved.value();
    s.epochs = std::max(s.epochs, requested.epochs);
    s.device = requested.device;   // the machine may differ; the run's numbers do not depend on it
    s.threads = requested.threads;
    s.runDir = requested.runDir;
    return s;
}

Result<std::unique_ptr<degrade::MixedRestorationDataset>> openDataset(const TrainingSettings& s, const CancellationToken* cancel)
{
    degrade::MixedDatasetSettings ds;
    ds.cleanDir = s.cleanDir;
    ds.degradedDir = s.degradedDir;
    ds.sampleRate = s.net.sampleRate;
    ds.segmentFrames = std::int64_t(std::llround(s.segmentSeconds * s.net.sampleRate));
    ds.syntheticRatio = s.syntheticRatioAt(0);
    ds.useContrastive = s.contrastive;
    ds.useCycleConsistency = s.cycleConsistency;
    ds.analyzeEvery = s.analyzeEvery;
    ds.seed = s.seed;
    ds.analysisLogPath = QDir(s.runDir).filePath(QStringLiteral("analysis.jsonl"));
    ds.pairedDir = s.pairedDir;
    if (s.strategy == TrainingStrategy::Synthetic) {
        Result<degrade::DegradationProfile> preset = degrade::DegradationProfile::preset(s.fixedPreset);
        if (!preset)
            return preset.error();
        ds.profileSource = degrade::SyntheticProfileSource::Fixed;
        ds.fixedProfile = preset.value();
    } else {
        ds.profileSource = degrade::SyntheticProfileSource::Adaptive;
    }
    return degrade::MixedRestorationDataset::create(ds, nullptr, cancel);
}

/// Running means of an epoch's step losses, each over the examples it applies to.
struct EpochAccumulator {
    double supervised = 0, cycle = 0, consistency = 0, pseudo = 0, contrastive = 0, total = 0;
    long long synthetic = 0, real = 0, steps = 0;

    void add(const StepLosses& l)
    {
        supervised += l.supervised * l.syntheticCount;
        cycle += l.cycle * l.syntheticCount;
        consistency += l.consistency * l.realCount;
        pseudo += l.pseudo * l.realCount;
        contrastive += l.contrastive;
        total += l.total;
        synthetic += l.syntheticCount;
        real += l.realCount;
        ++steps;
    }
    void fill(EpochMetrics& m) const
    {
        const auto mean = [](double sum, long long n) { return n > 0 ? sum / double(n) : 0.0; };
        m.supervisedLoss = mean(supervised, synthetic);
        m.cycleLoss = mean(cycle, synthetic);
        m.consistencyLoss = mean(consistency, real);
        m.pseudoLoss = mean(pseudo, real);
        m.contrastiveLoss = mean(contrastive, steps);
        m.totalLoss = mean(total, steps);
        m.syntheticExamples = synthetic;
        m.realExamples = real;
    }
};

} // namespace

Result<TrainingOutcome> runTorchTraining(TrainingSettings settings, bool resume, TrainingObserver* observer,
                                         const CancellationToken* cancel)
{
    const auto say = [observer](const QString& text) {
        if (observer != nullptr)
            observer->message(text);
    };
    if (Status valid = settings.validate(); !valid)
        return valid.error();

    QString resumeFrom;
    CheckpointState resumeState;
    if (resume) {
        Result<TrainingSettings> s = settingsForResume(settings, resumeFrom, resumeState);
        if (!s)
            return s.error();
        settings = s.value();
    } else if (!latestCheckpoint(settings.runDir).isEmpty()) {
        return Error{settings.runDir, QStringLiteral("already holds the checkpoints of a run; use --resume to continue it or choose another --out")};
    }
    if (!QDir().mkpath(settings.runDir))
        return Error{settings.runDir, QStringLiteral("cannot create the run folder")};

    const RuntimeInfo runtime = initialiseLibTorch(settings.threads);
    ComputeDevice computeDevice = ComputeDevice::Cpu;
    QString why;
    if (!resolveTorchDevice(settings.device, computeDevice, why))
        return Error{QStringLiteral("--device"), why};
    const torch::Device device = torchDevice(computeDevice);
    say(QStringLiteral("training on %1 (%2 CPU threads, LibTorch %3)")
            .arg(computeDevice == ComputeDevice::Cuda ? QStringLiteral("CUDA") : QStringLiteral("CPU"))
            .arg(runtime.cpuThreads)
            .arg(runtime.torchVersion));

    auto opened = openDataset(settings, cancel);
    if (!opened)
        return opened.error();
    degrade::MixedRestorationDataset& data = *opened.value();
    for (const degrade::SkippedFile& f : data.skippedFiles())
        say(QStringLiteral("skipped %1: %2").arg(f.path, f.reason));
    for (const QString& w : data.warnings())
        say(QStringLiteral("warning: %1").arg(w));

    const std::int64_t segments = data.syntheticSegmentCount() + (settings.usesRealExamples() ? data.realSegmentCount() : 0);
    if (settings.batchSize > segments)
        return Error{QStringLiteral("--batch"),
                     QStringLiteral("is %1 but the training data holds only %2 segments of %3 s; use --batch %2 or less, "
                                    "or a shorter --segment")
                         .arg(settings.batchSize)
                         .arg(segments)
                         .arg(settings.segmentSeconds)};
    const std::int64_t batchesPerPass = data.batchesPerEpoch(settings.batchSize);
    const std::int64_t stepsPerEpoch = settings.stepsPerEpoch > 0 ? settings.stepsPerEpoch : batchesPerPass;
    const std::int64_t totalSteps = stepsPerEpoch * settings.epochs;

    Result<std::unique_ptr<NeuralModel>> created = createTorchModel(settings.net, settings.seed);
    if (!created)
        return created.error();
    NeuralModel& model = *created.value();
    model.setDevice(computeDevice);
    RestorationNet& net = NeuralModelAccess::network(model);
    torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(settings.learningRate).weight_decay(settings.weightDecay));
    if (settings.postFilter)
        say(QStringLiteral("post-filter: the inputs are the classical engine's restorations, so the validation gain is the "
                           "gain over it (use the model with --method hybrid)"));
    say(QStringLiteral("model: %1 parameters at %2 Hz; %3 steps of %4 examples per epoch")
            .arg(model.parameterCount())
            .arg(settings.net.sampleRate)
            .arg(stepsPerEpoch)
            .arg(settings.batchSize));

    const QString metricsPath = QDir(settings.runDir).filePath(QStringLiteral("metrics.jsonl"));
    TrainingOutcome outcome;
    outcome.modelPath = QDir(settings.runDir).filePath(QStringLiteral("model.pt"));
    int startEpoch = 0;
    std::int64_t globalStep = 0;
    if (resume) {
        if (Status loaded = loadCheckpoint(resumeFrom, net, optimizer); !loaded)
            return loaded.error();
        startEpoch = resumeState.epoch;
        globalStep = resumeState.globalStep;
        outcome.checkpointPath = resumeFrom;
        if (Status t = truncateMetrics(metricsPath, startEpoch); !t)
            return t.error();
        say(QStringLiteral("resuming after epoch %1 from %2").arg(startEpoch).arg(resumeFrom));
    }
    outcome.lastEpoch = startEpoch;
    std::vector<EpochMetrics> history = readMetrics(metricsPath);

    const std::vector<MixedExample> validSynthetic = data.validationExamples(ExampleKind::Synthetic, settings.validationExamples);
    const std::vector<MixedExample> validReal = data.validationExamples(ExampleKind::Real, settings.validationExamples);

    StepOptions options;
    options.weights = settings.weights;
    options.contrastive = settings.contrastive;
    options.cycleConsistency = settings.cycleConsistency;
    options.gradientClip = settings.gradientClip;
    options.device = device;
    options.mixedPrecision = computeDevice == ComputeDevice::Cuda;

    QElapsedTimer runClock;
    runClock.start();
    std::int64_t stepsThisSession = 0;
    for (int epoch = startEpoch; epoch < settings.epochs; ++epoch) {
        QElapsedTimer epochClock;
        epochClock.start();
        if (Status analysed = data.beginEpoch(epoch, nullptr, cancel); !analysed)
            say(QStringLiteral("warning: re-analysis at epoch %1 failed, keeping the previous one (%2)")
                    .arg(epoch + 1)
                    .arg(analysed.error().message()));
        const double ratio = settings.syntheticRatioAt(epoch);
        std::optional<RestorationNet> teacher;
        if (settings.pseudoLabelFromEpoch > 0 && epoch + 1 >= settings.pseudoLabelFromEpoch)
            teacher = copyOf(net, device);
        options.teacher = teacher ? &*teacher : nullptr;

        EpochAccumulator sums;
        for (std::int64_t step = 0; step < stepsPerEpoch; ++step) {
            if (cancel != nullptr && cancel->isCancelled()) {
                outcome.cancelled = true;
                say(QStringLiteral("cancelled during epoch %1; the checkpoints of completed epochs are intact (continue with --resume)")
                        .arg(epoch + 1));
                return outcome;
            }
            const double lr = learningRateAt(settings, globalStep, totalSteps);
            setLearningRate(optimizer, lr);
            std::vector<MixedExample> batch = data.batch(epoch, step % batchesPerPass, settings.batchSize, ratio);
            std::erase_if(batch, [&](const MixedExample& e) {
                if (!e.error.isEmpty())
                    say(QStringLiteral("warning: %1").arg(e.error));
                return !e.error.isEmpty();
            });
            if (batch.empty())
                continue;
            StepLosses losses;
            try {
                losses = trainWithMixedData(net, optimizer, batch, options);
            } catch (const std::exception& e) {
                if (isOutOfMemory(e))
                    return Error{QStringLiteral("--batch"),
                                 QStringLiteral("the %1 ran out of memory with --batch %2 and --segment %3; use a smaller "
                                                "batch or segment, or --device cpu")
                                     .arg(computeDevice == ComputeDevice::Cuda ? QStringLiteral("GPU") : QStringLiteral("machine"))
                                     .arg(settings.batchSize)
                                     .arg(settings.segmentSeconds)};
                return Error{QStringLiteral("training"), QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)};
            }
            if (!losses.finite)
                return Error{settings.runDir,
                             QStringLiteral("a loss became NaN or infinite at epoch %1, step %2; training stopped and the "
                                            "last good state is %3 (resume from it with a lower --lr)")
                                 .arg(epoch + 1)
                                 .arg(step + 1)
                                 .arg(outcome.checkpointPath.isEmpty() ? QStringLiteral("the initial model (no epoch completed)")
                                                                       : outcome.checkpointPath)};
            ++globalStep;
            ++stepsThisSession;
            sums.add(losses);
            if (observer != nullptr) {
                StepReport report;
                report.epoch = epoch + 1;
                report.epochs = settings.epochs;
                report.step = step + 1;
                report.stepsPerEpoch = stepsPerEpoch;
                report.globalStep = globalStep;
                report.losses = losses;
                report.learningRate = lr;
                const double perStep = double(runClock.elapsed()) / 1000.0 / double(stepsThisSession);
                report.etaSeconds = perStep * double(totalSteps - globalStep);
                observer->stepFinished(report);
            }
        }

        double bestSiSdr = -1e300; // best validation SI-SDR gain of the earlier epochs
        for (const EpochMetrics& m : history)
            bestSiSdr = std::max(bestSiSdr, m.siSdrImprovementDb);

        EpochMetrics metrics;
        metrics.epoch = epoch + 1;
        sums.fill(metrics);
        metrics.syntheticRatio = ratio;
        metrics.learningRate = learningRateAt(settings, globalStep, totalSteps);
        const ValidationFigures figures = validateNetwork(net, device, validSynthetic, validReal, settings.net.sampleRate);
        metrics.siSdrImprovementDb = figures.siSdrImprovementDb;
        metrics.impulseRemovalRate = figures.impulseRemovalRate;
        metrics.transientPreservation = figures.transientPreservation;
        metrics.seconds = double(epochClock.elapsed()) / 1000.0;
        history.push_back(metrics);
        const std::vector<HealthWarning> health = assessHealth(history);
        for (const HealthWarning& h : health)
            history.back().health << h.code;
        metrics.health = history.back().health;

        const QString checkpoint = checkpointPath(settings.runDir, epoch + 1);
        if (Status saved = saveCheckpoint(checkpoint, net, optimizer, {epoch + 1, globalStep, settings.toJson()}); !saved)
            return saved.error();
        model.setMetadata({{QStringLiteral("trained_with"), QStringLiteral("shellac-cli train")},
                           {QStringLiteral("epoch"), epoch + 1},
                           {QStringLiteral("settings"), settings.toJson()},
                           {QStringLiteral("validation"), metrics.toJson()}});
        if (Status saved = model.save(outcome.modelPath); !saved)
            return saved.error();
        // Longer training can lower the validation SI-SDR while the loss still falls: keep the
        // best epoch's model as well.
        if (metrics.siSdrImprovementDb > bestSiSdr)
            if (Status saved = model.save(QDir(settings.runDir).filePath(QStringLiteral("best.pt"))); !saved)
                return saved.error();
        if (Status written = appendMetricsLine(metricsPath, metrics); !written)
            return written.error();
        outcome.lastEpoch = epoch + 1;
        outcome.checkpointPath = checkpoint;
        if (observer != nullptr)
            observer->epochFinished(metrics, health);
    }
    return outcome;
}

} // namespace shellac::ml
