#include "ui/training/TrainingProgress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSignalBlocker>

#include <algorithm>

namespace shellac::ui {

namespace {

/// Longest line kept while waiting for its newline; a stream without newlines is not ours.
constexpr qsizetype kMaxLineBytes = 1 << 20;

double number(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toDouble(); }
int integer(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toInt(); }
long long integer64(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toInteger(); }

TrainingStep stepFromJson(const QJsonObject& o)
{
    TrainingStep s;
    s.epoch = integer(o, "epoch");
    s.epochs = integer(o, "epochs");
    s.step = integer(o, "step");
    s.stepsPerEpoch = integer(o, "steps_per_epoch");
    s.globalStep = integer64(o, "global_step");
    s.loss = number(o, "loss");
    s.supervised = number(o, "supervised");
    s.consistency = number(o, "consistency");
    s.cycle = number(o, "cycle");
    s.contrastive = number(o, "contrastive");
    s.pseudo = number(o, "pseudo");
    s.synthetic = integer(o, "synthetic");
    s.real = integer(o, "real");
    s.learningRate = number(o, "lr");
    s.etaSeconds = number(o, "eta_s");
    return s;
}

} // namespace

TrainingProgress::TrainingProgress(QObject* parent) : QObject(parent) {}

TrainingProgress::~TrainingProgress() = default;

TrainingEpoch TrainingProgress::epochFromJson(const QJsonObject& o)
{
    TrainingEpoch e;
    e.epoch = integer(o, "epoch");
    e.supervisedLoss = number(o, "supervised_loss");
    e.consistencyLoss = number(o, "consistency_loss");
    e.cycleLoss = number(o, "cycle_loss");
    e.contrastiveLoss = number(o, "contrastive_loss");
    e.pseudoLoss = number(o, "pseudo_loss");
    e.totalLoss = number(o, "total_loss");
    e.syntheticRatio = number(o, "synthetic_ratio");
    e.syntheticExamples = integer64(o, "synthetic_examples");
    e.realExamples = integer64(o, "real_examples");
    e.impulseRemovalRate = number(o, "impulse_removal_rate");
    e.transientPreservation = number(o, "transient_preservation");
    e.siSdrImprovementDb = number(o, "si_sdr_improvement_db");
    e.learningRate = number(o, "learning_rate");
    e.seconds = number(o, "seconds");
    for (const QJsonValue& v : o.value(QLatin1String("health")).toArray())
        e.health << v.toString();
    for (const QJsonValue& v : o.value(QLatin1String("warnings")).toArray()) {
        const QJsonObject w = v.toObject();
        const QString code = w.value(QLatin1String("code")).toString();
        e.warnings.append({e.epoch, code, w.value(QLatin1String("message")).toString(code)});
        if (!code.isEmpty() && !e.health.contains(code))
            e.health << code;
    }
    // metrics.jsonl carries codes only: keep them visible with the code as the text.
    for (const QString& code : std::as_const(e.health)) {
        const bool described = std::any_of(e.warnings.cbegin(), e.warnings.cend(),
                                           [&](const TrainingHealthNotice& n) { return n.code == code; });
        if (!described)
            e.warnings.append({e.epoch, code, code});
    }
    return e;
}

void TrainingProgress::feed(const QByteArray& bytes)
{
    m_buffer += bytes;
    qsizetype start = 0;
    for (qsizetype nl = m_buffer.indexOf('\n', start); nl >= 0; nl = m_buffer.indexOf('\n', start)) {
        parseLine(m_buffer.mid(start, nl - start));
        start = nl + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxLineBytes) {
        ++m_lineNumber;
        const QString problem = tr("line %1: longer than %2 bytes without a line break; skipped").arg(m_lineNumber).arg(kMaxLineBytes);
        m_buffer.clear();
        m_parseProblems << problem;
        Q_EMIT parseProblem(problem);
    }
}

void TrainingProgress::finishStream()
{
    if (m_buffer.trimmed().isEmpty()) {
        m_buffer.clear();
        return;
    }
    const QByteArray last = m_buffer;
    m_buffer.clear();
    parseLine(last);
}

void TrainingProgress::clear()
{
    m_buffer.clear();
    m_lineNumber = 0;
    m_steps.clear();
    m_epochs.clear();
    m_allWarnings.clear();
    m_messages.clear();
    m_parseProblems.clear();
    m_lastError.clear();
    m_done = false;
    m_doneInfo = {};
    Q_EMIT seriesReset();
}

void TrainingProgress::parseLine(const QByteArray& raw)
{
    ++m_lineNumber;
    const QByteArray line = raw.trimmed();
    if (line.isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    QString problem;
    if (error.error != QJsonParseError::NoError)
        problem = tr("line %1: not JSON (%2): %3").arg(m_lineNumber).arg(error.errorString(), QString::fromUtf8(line.left(80)));
    else if (!doc.isObject())
        problem = tr("line %1: not a JSON object: %2").arg(m_lineNumber).arg(QString::fromUtf8(line.left(80)));
    if (!problem.isEmpty()) {
        m_parseProblems << problem;
        Q_EMIT parseProblem(problem);
        return;
    }
    const QJsonObject o = doc.object();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == u"step") {
        addStep(stepFromJson(o));
    } else if (type == u"epoch") {
        addEpoch(epochFromJson(o));
    } else if (type == u"message") {
        const QString text = o.value(QLatin1String("text")).toString();
        m_messages << text;
        Q_EMIT messageReceived(text);
    } else if (type == u"error") {
        m_lastError = o.value(QLatin1String("message")).toString();
        Q_EMIT errorReceived(m_lastError);
    } else if (type == u"done") {
        m_done = true;
        m_doneInfo.epochsCompleted = integer(o, "epochs_completed");
        m_doneInfo.cancelled = o.value(QLatin1String("cancelled")).toBool();
        m_doneInfo.modelPath = o.value(QLatin1String("model")).toString();
        m_doneInfo.checkpointPath = o.value(QLatin1String("checkpoint")).toString();
        Q_EMIT doneReceived(m_doneInfo);
    }
    // Other types: a newer trainer; ignored on purpose.
}

void TrainingProgress::addStep(const TrainingStep& step)
{
    if (!m_steps.isEmpty() && step.globalStep <= m_steps.last().globalStep) {
        while (!m_steps.isEmpty() && m_steps.last().globalStep >= step.globalStep)
            m_steps.removeLast();
        m_steps.append(step);
        Q_EMIT seriesReset();
        return;
    }
    m_steps.append(step);
    Q_EMIT stepAdded(step);
}

void TrainingProgress::addEpoch(const TrainingEpoch& epoch)
{
    if (!m_epochs.isEmpty() && epoch.epoch <= m_epochs.last().epoch) {
        while (!m_epochs.isEmpty() && m_epochs.last().epoch >= epoch.epoch)
            m_epochs.removeLast();
        m_epochs.append(epoch);
        rebuildWarnings();
        Q_EMIT seriesReset();
        return;
    }
    m_epochs.append(epoch);
    m_allWarnings.append(epoch.warnings);
    Q_EMIT epochAdded(epoch);
}

void TrainingProgress::rebuildWarnings()
{
    m_allWarnings.clear();
    for (const TrainingEpoch& e : std::as_const(m_epochs))
        m_allWarnings.append(e.warnings);
}

QList<TrainingHealthNotice> TrainingProgress::currentWarnings() const
{
    return m_epochs.isEmpty() ? QList<TrainingHealthNotice>{} : m_epochs.last().warnings;
}

QString TrainingProgress::metricsPathFor(const QString& path)
{
    if (QFileInfo(path).isFile() || path.endsWith(QLatin1String(".jsonl")))
        return path;
    return QDir(path).filePath(QStringLiteral("metrics.jsonl"));
}

bool TrainingProgress::readMetricsFile(const QString& path, QList<TrainingEpoch>& epochs, QString* error, QStringList* problems)
{
    const QString file = metricsPathFor(path);
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error != nullptr)
            *error = tr("%1: cannot read the run's metrics (%2)").arg(QDir::toNativeSeparators(file), in.errorString());
        return false;
    }
    epochs.clear();
    // metrics.jsonl lines have no "type": each is an epoch object.
    int lineNumber = 0;
    const QList<QByteArray> lines = in.readAll().split('\n');
    for (const QByteArray& raw : lines) {
        ++lineNumber;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            if (problems != nullptr)
                *problems << tr("%1 line %2: not a JSON object; skipped").arg(QFileInfo(file).fileName()).arg(lineNumber);
            continue;
        }
        const TrainingEpoch e = epochFromJson(doc.object());
        while (!epochs.isEmpty() && epochs.last().epoch >= e.epoch) // a resumed run rewrote these
            epochs.removeLast();
        epochs.append(e);
    }
    return true;
}

bool TrainingProgress::loadMetrics(const QString& path, QString* error)
{
    QList<TrainingEpoch> loaded;
    QStringList problems;
    if (!readMetricsFile(path, loaded, error, &problems))
        return false;
    QSignalBlocker blocker(this);
    clear();
    blocker.unblock();
    m_epochs = loaded;
    m_parseProblems = problems;
    rebuildWarnings();
    Q_EMIT seriesReset();
    return true;
}

} // namespace shellac::ui
