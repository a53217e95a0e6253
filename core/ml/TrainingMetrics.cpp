#include "ml/TrainingMetrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace shellac::ml {

QJsonObject EpochMetrics::toJson() const
{
    return {
        {QStringLiteral("epoch"), epoch},
        {QStringLiteral("supervised_loss"), supervisedLoss},
        {QStringLiteral("consistency_loss"), consistencyLoss},
        {QStringLiteral("cycle_loss"), cycleLoss},
        {QStringLiteral("contrastive_loss"), contrastiveLoss},
        {QStringLiteral("pseudo_loss"), pseudoLoss},
        {QStringLiteral("total_loss"), totalLoss},
        {QStringLiteral("synthetic_ratio"), syntheticRatio},
        {QStringLiteral("synthetic_examples"), syntheticExamples},
        {QStringLiteral("real_examples"), realExamples},
        {QStringLiteral("impulse_removal_rate"), impulseRemovalRate},
        {QStringLiteral("transient_preservation"), transientPreservation},
        {QStringLiteral("si_sdr_improvement_db"), siSdrImprovementDb},
        {QStringLiteral("learning_rate"), learningRate},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("health"), QJsonArray::fromStringList(health)},
    };
}

EpochMetrics EpochMetrics::fromJson(const QJsonObject& json)
{
    EpochMetrics m;
    m.epoch = json.value(QStringLiteral("epoch")).toInt();
    m.supervisedLoss = json.value(QStringLiteral("supervised_loss")).toDouble();
    m.consistencyLoss = json.value(QStringLiteral("consistency_loss")).toDouble();
    m.cycleLoss = json.value(QStringLiteral("cycle_loss")).toDouble();
    m.contrastiveLoss = json.value(QStringLiteral("contrastive_loss")).toDouble();
    m.pseudoLoss = json.value(QStringLiteral("pseudo_loss")).toDouble();
    m.totalLoss = json.value(QStringLiteral("total_loss")).toDouble();
    m.syntheticRatio = json.value(QStringLiteral("synthetic_ratio")).toDouble();
    m.syntheticExamples = json.value(QStringLiteral("synthetic_examples")).toInteger();
    m.realExamples = json.value(QStringLiteral("real_examples")).toInteger();
    m.impulseRemovalRate = json.value(QStringLiteral("impulse_removal_rate")).toDouble();
    m.transientPreservation = json.value(QStringLiteral("transient_preservation")).toDouble();
    m.siSdrImprovementDb = json.value(QStringLiteral("si_sdr_improvement_db")).toDouble();
    m.learningRate = json.value(QStringLiteral("learning_rate")).toDouble();
    m.seconds = json.value(QStringLiteral("seconds")).toDouble();
    for (const QJsonValue& v : json.value(QStringLiteral("health")).toArray())
        m.health << v.toString();
    return m;
}

Status appendMetricsLine(const QString& path, const EpochMetrics& metrics)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error{path, QStringLiteral("cannot append the epoch's metrics (%1)").arg(file.errorString())};
    const QByteArray line = QJsonDocument(metrics.toJson()).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !file.flush())
        return Error{path, QStringLiteral("cannot append the epoch's metrics (%1)").arg(file.errorString())};
    return Status::success();
}

std::vector<EpochMetrics> readMetrics(const QString& path)
{
    std::vector<EpochMetrics> all;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return all;
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (doc.isObject())
            all.push_back(EpochMetrics::fromJson(doc.object()));
    }
    return all;
}

Status truncateMetrics(const QString& path, int lastEpoch)
{
    if (!QFile::exists(path))
        return Status::success();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path, QStringLiteral("cannot rewrite the metrics (%1)").arg(file.errorString())};
    for (const EpochMetrics& m : readMetrics(path))
        if (m.epoch <= lastEpoch)
            file.write(QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit())
        return Error{path, QStringLiteral("cannot rewrite the metrics (%1)").arg(file.errorString())};
    return Status::success();
}

} // namespace shellac::ml
