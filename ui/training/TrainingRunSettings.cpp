#include "ui/training/TrainingRunSettings.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <optional>
#include <utility>

namespace shellac::ui {

QStringList TrainingRunSettings::arguments(bool resume) const
{
    QStringList args{QStringLiteral("train"),
                     QStringLiteral("--clean"), cleanDir,
                     QStringLiteral("--degraded"), degradedDir,
                     QStringLiteral("--out"), runDir,
                     QStringLiteral("--strategy"), strategy,
                     QStringLiteral("--synthetic-ratio"), QString::number(syntheticRatio, 'g', 6),
                     QStringLiteral("--epochs"), QString::number(epochs),
                     QStringLiteral("--batch"), QString::number(batchSize),
                     QStringLiteral("--device"), device};
    if (contrastive)
        args << QStringLiteral("--contrastive");
    if (!pairedDir.isEmpty())
        args << QStringLiteral("--pairs") << pairedDir;
    if (postFilter)
        args << QStringLiteral("--post-filter");
    if (stepsPerEpoch > 0)
        args << QStringLiteral("--steps-per-epoch") << QString::number(stepsPerEpoch);
    if (segmentSeconds > 0)
        args << QStringLiteral("--segment") << QString::number(segmentSeconds, 'g', 6);
    if (threads > 0)
        args << QStringLiteral("--threads") << QString::number(threads);
    args << QStringLiteral("--loss-weights")
         << QStringLiteral("supervised=%1,cycle=%2,consistency=%3,contrastive=%4,si-sdr=%5")
                .arg(QString::number(supervisedWeight, 'g', 6), QString::number(cycleWeight, 'g', 6),
                     QString::number(consistencyWeight, 'g', 6), QString::number(contrastiveWeight, 'g', 6),
                     QString::number(siSdrWeight, 'g', 6));
    if (resume)
        args << QStringLiteral("--resume");
    args << QStringLiteral("--progress") << QStringLiteral("json");
    return args;
}

QString TrainingRunSettings::problem() const
{
    if (cleanDir.trimmed().isEmpty())
        return QCoreApplication::translate("TrainingRunSettings", "Choose the folder of clean music.");
    if (degradedDir.trimmed().isEmpty())
        return QCoreApplication::translate("TrainingRunSettings", "Choose the folder of real degraded transfers.");
    if (runDir.trimmed().isEmpty())
        return QCoreApplication::translate("TrainingRunSettings", "Choose a run folder for checkpoints and metrics.");
    if (postFilter && pairedDir.trimmed().isEmpty())
        return QCoreApplication::translate("TrainingRunSettings",
                                           "A post-filter run needs the folder of paired classical restorations.");
    return {};
}

namespace {

constexpr int kWeightCount = 5;
const char* const kWeightKeys[kWeightCount] = {"supervised", "cycle", "consistency", "contrastive", "si_sdr"};

} // namespace

QJsonObject TrainingRunSettings::toJson() const
{
    const double weights[kWeightCount] = {supervisedWeight, cycleWeight, consistencyWeight, contrastiveWeight, siSdrWeight};
    QJsonObject lossWeights;
    for (int i = 0; i < kWeightCount; ++i)
        lossWeights.insert(QString::fromLatin1(kWeightKeys[i]), weights[i]);
    return {{QStringLiteral("clean"), cleanDir},
            {QStringLiteral("degraded"), degradedDir},
            {QStringLiteral("run"), runDir},
            {QStringLiteral("pairs"), pairedDir},
            {QStringLiteral("post_filter"), postFilter},
            {QStringLiteral("strategy"), strategy},
            {QStringLiteral("contrastive"), contrastive},
            {QStringLiteral("synthetic_ratio"), syntheticRatio},
            {QStringLiteral("epochs"), epochs},
            {QStringLiteral("batch"), batchSize},
            {QStringLiteral("device"), device},
            {QStringLiteral("steps_per_epoch"), stepsPerEpoch},
            {QStringLiteral("segment_s"), segmentSeconds},
            {QStringLiteral("threads"), threads},
            {QStringLiteral("loss_weights"), lossWeights}};
}

Result<TrainingRunSettings> TrainingRunSettings::fromJson(const QJsonObject& json)
{
    TrainingRunSettings s;
    auto bad = [](const QString& key, const QString& what) {
        return Error{QStringLiteral("training.") + key, what};
    };
    auto text = [&](const char* key, QString& out) -> std::optional<Error> {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isString())
            return bad(QLatin1String(key), QStringLiteral("must be text"));
        out = v.toString();
        return std::nullopt;
    };
    auto number = [&](const QJsonObject& from, const QString& key, double lo, double hi, double& out) -> std::optional<Error> {
        const QJsonValue v = from.value(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble() || v.toDouble() < lo || v.toDouble() > hi)
            return bad(key, QStringLiteral("must be a number from %1 to %2").arg(lo).arg(hi));
        out = v.toDouble();
        return std::nullopt;
    };
    double epochs = s.epochs, batch = s.batchSize, steps = s.stepsPerEpoch, threads = s.threads;
    for (auto e : {text("clean", s.cleanDir), text("degraded", s.degradedDir), text("run", s.runDir),
                   text("pairs", s.pairedDir), text("strategy", s.strategy), text("device", s.device),
                   number(json, QStringLiteral("synthetic_ratio"), 0.0, 1.0, s.syntheticRatio),
                   number(json, QStringLiteral("epochs"), 1, 10000, epochs), number(json, QStringLiteral("batch"), 1, 1024, batch),
                   number(json, QStringLiteral("steps_per_epoch"), 0, 1e9, steps),
                   number(json, QStringLiteral("segment_s"), 0, 60, s.segmentSeconds),
                   number(json, QStringLiteral("threads"), 0, 256, threads)})
        if (e)
            return *e;
    s.epochs = int(epochs);
    s.batchSize = int(batch);
    s.stepsPerEpoch = int(steps);
    s.threads = int(threads);
    for (const auto& [key, flag] : {std::pair{"contrastive", &s.contrastive}, std::pair{"post_filter", &s.postFilter}})
        if (const QJsonValue c = json.value(QLatin1String(key)); !c.isUndefined()) {
            if (!c.isBool())
                return bad(QLatin1String(key), QStringLiteral("must be true or false"));
            *flag = c.toBool();
        }
    const QJsonObject weights = json.value(QStringLiteral("loss_weights")).toObject();
    double* targets[kWeightCount] = {&s.supervisedWeight, &s.cycleWeight, &s.consistencyWeight, &s.contrastiveWeight,
                                     &s.siSdrWeight};
    for (int i = 0; i < kWeightCount; ++i)
        if (auto e = number(weights, QString::fromLatin1(kWeightKeys[i]), 0.0, 100.0, *targets[i]))
            return Error{QStringLiteral("training.loss_weights.") + QLatin1String(kWeightKeys[i]), e->reason};
    return s;
}

} // namespace shellac::ui
