#include "ml/TrainingSettings.h"

#include <QDir>
#include <QJsonValue>

#include <algorithm>

namespace shellac::ml {

QString strategyName(TrainingStrategy strategy)
{
    switch (strategy) {
    case TrainingStrategy::Synthetic: return QStringLiteral("synthetic");
    case TrainingStrategy::Adaptive: return QStringLiteral("adaptive");
    case TrainingStrategy::Mixed: return QStringLiteral("mixed");
    case TrainingStrategy::Curriculum: return QStringLiteral("curriculum");
    }
    return {};
}

bool parseStrategy(const QString& text, TrainingStrategy& strategy)
{
    for (TrainingStrategy s : {TrainingStrategy::Synthetic, TrainingStrategy::Adaptive, TrainingStrategy::Mixed,
                               TrainingStrategy::Curriculum}) {
        if (text == strategyName(s)) {
            strategy = s;
            return true;
        }
    }
    return false;
}

double TrainingSettings::syntheticRatioAt(int epoch) const
{
    switch (strategy) {
    case TrainingStrategy::Synthetic:
    case TrainingStrategy::Adaptive: return 1.0;
    case TrainingStrategy::Mixed: return syntheticRatio;
    case TrainingStrategy::Curriculum: {
        const double progress = epochs > 1 ? std::clamp(double(epoch) / double(epochs - 1), 0.0, 1.0) : 1.0;
        return curriculumStart + (curriculumEnd - curriculumStart) * progress;
    }
    }
    return 1.0;
}

bool TrainingSettings::usesRealExamples() const
{
    return strategy == TrainingStrategy::Mixed || strategy == TrainingStrategy::Curriculum || contrastive;
}

Status TrainingSettings::validate() const
{
    const auto bad = [](const char* option, const QString& reason) {
        return Error{QLatin1String(option), reason};
    };
    if (cleanDir.isEmpty())
        return bad("--clean", QStringLiteral("is required (a folder of clean audio)"));
    if (degradedDir.isEmpty())
        return bad("--degraded", QStringLiteral("is required (a folder of real degraded transfers)"));
    if (runDir.isEmpty())
        return bad("--out", QStringLiteral("is required (the run folder)"));
    if (postFilter && pairedDir.isEmpty())
        return bad("--post-filter", QStringLiteral("needs --pairs: the classical engine's restorations of degraded copies "
                                                   "of the clean files (scripts/train-default-model --post-filter makes them)"));
    const auto ratioOk = [](double r) { return r >= 0.0 && r <= 1.0; };
    if (!ratioOk(syntheticRatio))
        return bad("--synthetic-ratio", QStringLiteral("is %1, must be in 0..1").arg(syntheticRatio));
    if (!ratioOk(curriculumStart) || !ratioOk(curriculumEnd))
        return bad("--curriculum", QStringLiteral("start and end ratios must be in 0..1"));
    if (epochs < 1 || epochs > 100000)
        return bad("--epochs", QStringLiteral("is %1, must be in 1..100000").arg(epochs));
    if (batchSize < 1 || batchSize > 4096)
        return bad("--batch", QStringLiteral("is %1, must be in 1..4096").arg(batchSize));
    if (!(segmentSeconds >= 0.1 && segmentSeconds <= 60.0))
        return bad("--segment", QStringLiteral("is %1 s, must be in 0.1..60 s").arg(segmentSeconds));
    if (stepsPerEpoch < 0)
        return bad("--steps-per-epoch", QStringLiteral("must be 0 (whole data) or more"));
    if (!(learningRate > 0.0 && learningRate < 1.0))
        return bad("--lr", QStringLiteral("is %1, must be in (0, 1)").arg(learningRate));
    if (!(gradientClip > 0.0))
        return bad("--clip", QStringLiteral("must be > 0"));
    if (threads < 0)
        return bad("--threads", QStringLiteral("must be 0 (all cores) or more"));
    if (pseudoLabelFromEpoch < 0)
        return bad("--pseudo-labels-from", QStringLiteral("must be 0 (off) or an epoch number"));
    if (analyzeEvery < 1)
        return bad("--analyze-every", QStringLiteral("must be 1 or more"));
    if (validationExamples < 1 || validationExamples > 1000)
        return bad("--validation", QStringLiteral("must be in 1..1000"));
    for (double w : {weights.supervised, weights.siSdr, weights.cycle, weights.consistency, weights.contrastive, weights.pseudo})
        if (!(w >= 0.0))
            return bad("--weights", QStringLiteral("loss weights must be >= 0"));
    return net.validate();
}

QJsonObject TrainingSettings::toJson() const
{
    return {
        {QStringLiteral("clean_dir"), cleanDir},
        {QStringLiteral("degraded_dir"), degradedDir},
        {QStringLiteral("run_dir"), runDir},
        {QStringLiteral("strategy"), strategyName(strategy)},
        {QStringLiteral("contrastive"), contrastive},
        {QStringLiteral("synthetic_ratio"), syntheticRatio},
        {QStringLiteral("curriculum_start"), curriculumStart},
        {QStringLiteral("curriculum_end"), curriculumEnd},
        {QStringLiteral("fixed_preset"), fixedPreset},
        {QStringLiteral("epochs"), epochs},
        {QStringLiteral("batch"), batchSize},
        {QStringLiteral("segment_s"), segmentSeconds},
        {QStringLiteral("steps_per_epoch"), stepsPerEpoch},
        {QStringLiteral("learning_rate"), learningRate},
        {QStringLiteral("weight_decay"), weightDecay},
        {QStringLiteral("gradient_clip"), gradientClip},
        {QStringLiteral("warmup_steps"), warmupSteps},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("device"), device},
        {QStringLiteral("threads"), threads},
        {QStringLiteral("weights"), QJsonObject{{QStringLiteral("supervised"), weights.supervised},
                                                {QStringLiteral("si_sdr"), weights.siSdr},
                                                {QStringLiteral("cycle"), weights.cycle},
                                                {QStringLiteral("consistency"), weights.consistency},
                                                {QStringLiteral("contrastive"), weights.contrastive},
                                                {QStringLiteral("pseudo"), weights.pseudo}}},
        {QStringLiteral("cycle_consistency"), cycleConsistency},
        {QStringLiteral("pseudo_labels_from_epoch"), pseudoLabelFromEpoch},
        {QStringLiteral("analyze_every"), analyzeEvery},
        {QStringLiteral("validation_examples"), validationExamples},
        {QStringLiteral("paired_dir"), pairedDir},
        {QStringLiteral("post_filter"), postFilter},
        {QStringLiteral("net"), net.toJson()},
    };
}

Result<TrainingSettings> TrainingSettings::fromJson(const QJsonObject& json)
{
    TrainingSettings s;
    s.cleanDir = json.value(QStringLiteral("clean_dir")).toString();
    s.degradedDir = json.value(QStringLiteral("degraded_dir")).toString();
    s.runDir = json.value(QStringLiteral("run_dir")).toString();
    if (!parseStrategy(json.value(QStringLiteral("strategy")).toString(), s.strategy))
        return Error{QStringLiteral("training settings field 'strategy'"), QStringLiteral("is missing or unknown")};
    s.contrastive = json.value(QStringLiteral("contrastive")).toBool();
    s.syntheticRatio = json.value(QStringLiteral("synthetic_ratio")).toDouble(s.syntheticRatio);
    s.curriculumStart = json.value(QStringLiteral("curriculum_start")).toDouble(s.curriculumStart);
    s.curriculumEnd = json.value(QStringLiteral("curriculum_end")).toDouble(s.curriculumEnd);
    s.fixedPreset = json.value(QStringLiteral("fixed_preset")).toString(s.fixedPreset);
    s.epochs = json.value(QStringLiteral("epochs")).toInt(s.epochs);
    s.batchSize = json.value(QStringLiteral("batch")).toInt(s.batchSize);
    s.segmentSeconds = json.value(QStringLiteral("segment_s")).toDouble(s.segmentSeconds);
    s.stepsPerEpoch = json.value(QStringLiteral("steps_per_epoch")).toInt(s.stepsPerEpoch);
    s.learningRate = json.value(QStringLiteral("learning_rate")).toDouble(s.learningRate);
    s.weightDecay = json.value(QStringLiteral("weight_decay")).toDouble(s.weightDecay);
    s.gradientClip = json.value(QStringLiteral("gradient_clip")).toDouble(s.gradientClip);
    s.warmupSteps = json.value(QStringLiteral("warmup_steps")).toInt(s.warmupSteps);
    s.seed = json.value(QStringLiteral("seed")).toString().toULongLong();
    s.device = json.value(QStringLiteral("device")).toString(s.device);
    s.threads = json.value(QStringLiteral("threads")).toInt(s.threads);
    const QJsonObject w = json.value(QStringLiteral("weights")).toObject();
    s.weights.supervised = w.value(QStringLiteral("supervised")).toDouble(s.weights.supervised);
    s.weights.siSdr = w.value(QStringLiteral("si_sdr")).toDouble(s.weights.siSdr);
    s.weights.cycle = w.value(QStringLiteral("cycle")).toDouble(s.weights.cycle);
    s.weights.consistency = w.value(QStringLiteral("consistency")).toDouble(s.weights.consistency);
    s.weights.contrastive = w.value(QStringLiteral("contrastive")).toDouble(s.weights.contrastive);
    s.weights.pseudo = w.value(QStringLiteral("pseudo")).toDouble(s.weights.pseudo);
    s.cycleConsistency = json.value(QStringLiteral("cycle_consistency")).toBool(s.cycleConsistency);
    s.pseudoLabelFromEpoch = json.value(QStringLiteral("pseudo_labels_from_epoch")).toInt(s.pseudoLabelFromEpoch);
    s.analyzeEvery = json.value(QStringLiteral("analyze_every")).toInt(s.analyzeEvery);
    s.validationExamples = json.value(QStringLiteral("validation_examples")).toInt(s.validationExamples);
    s.pairedDir = json.value(QStringLiteral("paired_dir")).toString();
    s.postFilter = json.value(QStringLiteral("post_filter")).toBool(s.postFilter);
    Result<RestorationNetConfig> net = RestorationNetConfig::fromJson(json.value(QStringLiteral("net")).toObject());
    if (!net)
        return net.error();
    s.net = net.value();
    if (Status valid = s.validate(); !valid)
        return valid.error();
    return s;
}

bool isPostFilterModel(const QJsonObject& metadata)
{
    return metadata.value(QStringLiteral("settings")).toObject().value(QStringLiteral("post_filter")).toBool(false);
}

Status checkModelUse(const QJsonObject& metadata, const QString& modelPath, bool alone)
{
    if (alone && isPostFilterModel(metadata))
        return Error{QDir::toNativeSeparators(modelPath),
                     QStringLiteral("this model was trained as the classical engine's post-filter (train --post-filter): it "
                                    "expects the classical engine's output; restore with the hybrid method")};
    return {};
}

} // namespace shellac::ml
