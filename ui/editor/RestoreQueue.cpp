#include "ui/editor/RestoreQueue.h"

#include "audio/AudioFileWriter.h"
#include "jobs/CancellationToken.h"
#include "jobs/FileTransformJob.h"
#include "jobs/ProgressReporter.h"
#include "ml/RestorerFactory.h"
#include "restore/RestorationReport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <fcntl.h> // AT_FDCWD, renameat2's RENAME_NOREPLACE (glibc)
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>

namespace shellac::ui {

struct RestoreQueue::Task {
    QString id;
    RestoreJob job;                   // job lane
    SelectionPreviewRequest request;  // preview lane
    RestorationSettings previewSettings;
};

/// One worker thread and what waits for it. Guarded by `mutex` except `thread`.
struct RestoreQueue::Lane {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Task> waiting;
    bool running = false;
    QString currentId; ///< the running task's document
    std::shared_ptr<CancellationToken> currentCancel;
    bool stopping = false;
    std::unique_ptr<QThread> thread;
};

namespace {

constexpr qint64 kProgressIntervalMs = 50; // ~20 signals per second at most

/// Forwards progress at most every kProgressIntervalMs (stage changes and the final 1.0 always),
/// never going backwards. Lives on the worker thread.
class ThrottledProgress final : public ProgressReporter {
public:
    explicit ThrottledProgress(std::function<void(double, const QString&)> sink) : m_sink(std::move(sink)) {}

    void report(double fraction, const QString& stage) override
    {
        fraction = std::clamp(std::max(fraction, m_last), 0.0, 1.0);
        const bool finished = fraction >= 1.0 && m_last < 1.0;
        if (!finished && stage == m_stage && m_timer.isValid() && m_timer.elapsed() < kProgressIntervalMs)
            return;
        if (!finished && stage == m_stage && fraction == m_last)
            return;
        m_timer.start();
        m_last = fraction;
        m_stage = stage;
        m_sink(fraction, stage);
    }

private:
    std::function<void(double, const QString&)> m_sink;
    QElapsedTimer m_timer;
    double m_last = -1.0;
    QString m_stage;
};

/// A hidden name next to `target` that keeps its extension: ".NAME.XXXXXX.part.EXT".
QString stagingPath(const QString& target)
{
    const QFileInfo info(target);
    const QString tag = QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16);
    QString name = QStringLiteral(".%1.%2.part").arg(info.fileName(), tag);
    if (!info.suffix().isEmpty())
        name += QLatin1Char('.') + info.suffix();
    return info.absoluteDir().filePath(name);
}

void removeFiles(const QStringList& paths)
{
    for (const QString& p : paths)
        if (!p.isEmpty())
            QFile::remove(p);
}

/// Checks the job's paths before any work: distinct targets, never the input, writable folders.
Status checkJob(const RestoreJob& job)
{
    if (job.inputPath.isEmpty())
        return Error{job.documentId, QObject::tr("no input file given")};
    if (job.outputPath.isEmpty())
        return Error{QDir::toNativeSeparators(job.inputPath), QObject::tr("no output file given")};
    const QStringList targets{job.outputPath, job.residualPath, job.reportPath};
    for (int i = 0; i < targets.size(); ++i) {
        const QString& t = targets[i];
        if (t.isEmpty())
            continue;
        if (isSameFile(job.inputPath, t) || QFileInfo(t).absoluteFilePath() == QFileInfo(job.inputPath).absoluteFilePath())
            return Error{QDir::toNativeSeparators(t), QObject::tr("is the input file; Shellac never overwrites an "
                                                                  "original, choose another output name")};
        for (int j = 0; j < i; ++j)
            if (!targets[j].isEmpty() && QFileInfo(targets[j]).absoluteFilePath() == QFileInfo(t).absoluteFilePath())
                return Error{QDir::toNativeSeparators(t), QObject::tr("is named twice (output, residual and report "
                                                                      "need files of their own)")};
    }
    if (Status s = AudioFileWriter::checkDestination(job.outputPath, job.overwrite); !s)
        return s;
    if (!job.residualPath.isEmpty())
        if (Status s = AudioFileWriter::checkDestination(job.residualPath, job.overwrite); !s)
            return s;
    if (!job.reportPath.isEmpty())
        if (Status s = RestorationReport::checkDestination(job.reportPath, job.overwrite == OverwritePolicy::Replace); !s)
            return s;
    return Status::success();
}

/// Renames `from` onto `to` in one step; with Refuse, never over a file that appeared meanwhile.
bool renameFile(const QString& from, const QString& to, OverwritePolicy policy)
{
    const QByteArray src = QFile::encodeName(from);
    const QByteArray dst = QFile::encodeName(to);
    if (policy == OverwritePolicy::Replace)
        return std::rename(src.constData(), dst.constData()) == 0;
    if (::renameat2(AT_FDCWD, src.constData(), AT_FDCWD, dst.constData(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno != EINVAL && errno != ENOSYS) // EEXIST and real errors; else the file system lacks the flag
        return false;
    if (QFileInfo::exists(to)) {
        errno = EEXIST;
        return false;
    }
    return std::rename(src.constData(), dst.constData()) == 0;
}

/// Renames each staged file onto its target; on a failure removes this job's files (those
/// already moved and those still staged: no partial set is left) and names the target.
Status moveIntoPlace(const QList<std::pair<QString, QString>>& moves, OverwritePolicy policy)
{
    for (qsizetype i = 0; i < moves.size(); ++i) {
        const auto& [from, to] = moves[i];
        if (!renameFile(from, to, policy)) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            for (qsizetype j = 0; j < moves.size(); ++j) // this job's files only: moved or still staged
                QFile::remove(j < i ? moves[j].second : moves[j].first);
            return Error{QDir::toNativeSeparators(to), QObject::tr("cannot rename the finished file into place (%1)").arg(reason)};
        }
    }
    return Status::success();
}

} // namespace

template <typename F>
void RestoreQueue::post(F&& f)
{
    QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
}

RestoreQueue::RestoreQueue(QObject* parent) : RestoreQueue(ml::RestorerFactory::shared(), parent) {}

RestoreQueue::RestoreQueue(ml::RestorerFactory& factory, QObject* parent)
    : QObject(parent), m_factory(factory), m_jobs(std::make_unique<Lane>()), m_previews(std::make_unique<Lane>())
{
    qRegisterMetaType<RestoreJobResult>();
    qRegisterMetaType<PreviewOutcome>();
    for (Lane* lane : {m_jobs.get(), m_previews.get()}) {
        lane->thread.reset(QThread::create([this, lane] { workLoop(*lane); }));
        lane->thread->setObjectName(lane == m_jobs.get() ? QStringLiteral("RestoreQueue jobs")
                                                          : QStringLiteral("RestoreQueue previews"));
        lane->thread->start();
    }
}

RestoreQueue::~RestoreQueue()
{
    for (Lane* lane : {m_jobs.get(), m_previews.get()}) {
        std::lock_guard lock(lane->mutex);
        lane->stopping = true;
        lane->waiting.clear();
        if (lane->currentCancel)
            lane->currentCancel->cancel();
        lane->wake.notify_all();
    }
    m_jobs->thread->wait();
    m_previews->thread->wait();
}

void RestoreQueue::workLoop(Lane& lane)
{
    const bool previews = &lane == m_previews.get();
    for (;;) {
        Task task;
        std::shared_ptr<CancellationToken> token;
        {
            std::unique_lock lock(lane.mutex);
            lane.wake.wait(lock, [&] { return lane.stopping || !lane.waiting.empty(); });
            if (lane.stopping)
                return;
            task = std::move(lane.waiting.front());
            lane.waiting.pop_front();
            token = std::make_shared<CancellationToken>();
            lane.running = true;
            lane.currentId = task.id;
            lane.currentCancel = token;
        }
        if (previews)
            runPreview(task, *token);
        else
            runJob(task.job, *token);
        std::lock_guard lock(lane.mutex);
        lane.running = false;
        lane.currentId.clear();
        lane.currentCancel.reset();
        if (!previews && lane.waiting.empty() && !lane.stopping)
            post([this] {
                if (!isBusy())
                    Q_EMIT idle();
            });
    }
}

void RestoreQueue::runJob(const RestoreJob& job, const CancellationToken& cancel)
{
    QElapsedTimer timer;
    timer.start();
    const QString id = job.documentId;
    post([this, id] { Q_EMIT jobStarted(id); });
    RestoreJobResult result;
    result.documentId = id;
    const auto finish = [&](RestoreOutcome outcome, const QString& message) {
        result.outcome = outcome;
        result.message = message;
        result.seconds = timer.nsecsElapsed() / 1e9;
        post([this, id, result] { Q_EMIT jobFinished(id, result); });
    };
    const auto fail = [&](const Error& error) {
        finish(cancel.isCancelled() ? RestoreOutcome::Cancelled : RestoreOutcome::Failed,
               cancel.isCancelled() ? QObject::tr("cancelled") : error.message());
    };
    if (cancel.isCancelled())
        return finish(RestoreOutcome::Cancelled, QObject::tr("cancelled"));
    if (Status s = checkJob(job); !s)
        return fail(s.error());
    auto made = m_factory.makeRestorer(job.settings);
    if (!made)
        return fail(made.error());
    Restorer& restorer = *made.value();

    OutputRequest output;
    output.path = stagingPath(job.outputPath);
    output.overwrite = OverwritePolicy::Refuse;
    output.residualPath = job.residualPath.isEmpty() ? QString() : stagingPath(job.residualPath);
    const QString stagedReport = job.reportPath.isEmpty() ? QString() : stagingPath(job.reportPath);
    const QStringList staged{output.path, output.residualPath, stagedReport};
    ThrottledProgress progress([this, id](double fraction, const QString& stage) {
        post([this, id, fraction, stage] { Q_EMIT jobProgress(id, fraction, stage); });
    });
    auto transformed = transformFile(job.inputPath, output, restorer, &cancel, &progress);
    if (!transformed) {
        removeFiles(staged); // transformFile removed its own temporaries; a half-committed pair is ours
        return fail(transformed.error());
    }
    const AudioFormat& in = transformed.value().input;
    QJsonObject report = RestorationReport::make(job.inputPath, job.outputPath, restorer.report(), in.sampleRate,
                                                 in.channels, in.frames, timer.nsecsElapsed() / 1e9);
    report.insert(QStringLiteral("restoration_settings"), job.settings.toJson());
    if (auto model = ml::RestorerFactory::modelPathFor(job.settings); model && !model.value().isEmpty())
        report.insert(QStringLiteral("model_file"), model.value());
    if (!stagedReport.isEmpty())
        if (Status s = RestorationReport::write(stagedReport, report); !s) {
            removeFiles(staged);
            return fail(Error{QDir::toNativeSeparators(job.reportPath), s.error().reason});
        }
    if (cancel.isCancelled()) {
        removeFiles(staged);
        return finish(RestoreOutcome::Cancelled, QObject::tr("cancelled"));
    }
    // The output goes last: whoever sees it may rely on the residual and report being there.
    QList<std::pair<QString, QString>> moves;
    if (!output.residualPath.isEmpty())
        moves.append({output.residualPath, job.residualPath});
    if (!stagedReport.isEmpty())
        moves.append({stagedReport, job.reportPath});
    moves.append({output.path, job.outputPath});
    if (Status s = moveIntoPlace(moves, job.overwrite); !s)
        return fail(s.error());
    result.report = report;
    result.outputPath = job.outputPath;
    result.residualPath = job.residualPath;
    result.reportPath = job.reportPath;
    finish(RestoreOutcome::Succeeded, {});
}

void RestoreQueue::runPreview(const Task& task, const CancellationToken& cancel)
{
    QElapsedTimer timer;
    timer.start();
    auto outcome = std::make_shared<PreviewOutcome>();
    outcome->documentId = task.id;
    const auto finish = [&] {
        outcome->seconds = timer.nsecsElapsed() / 1e9;
        post([this, outcome] { Q_EMIT previewFinished(outcome->documentId, *outcome); });
    };
    const auto fail = [&](const Error& error) {
        outcome->outcome = cancel.isCancelled() ? RestoreOutcome::Cancelled : RestoreOutcome::Failed;
        outcome->message = cancel.isCancelled() ? QObject::tr("cancelled") : error.message();
        finish();
    };
    auto made = m_factory.makeRestorer(SelectionPreview::settingsForPreview(task.previewSettings));
    if (!made)
        return fail(made.error());
    auto run = SelectionPreview::run(task.request, *made.value(), &cancel);
    if (!run)
        return fail(run.error());
    outcome->outcome = RestoreOutcome::Succeeded;
    outcome->result = std::move(run).value();
    finish();
}

void RestoreQueue::enqueue(const RestoreJob& job)
{
    Task task;
    task.id = job.documentId;
    task.job = job;
    std::lock_guard lock(m_jobs->mutex);
    m_jobs->waiting.push_back(std::move(task));
    m_jobs->wake.notify_one();
}

void RestoreQueue::cancelJobs(const std::optional<QString>& documentId)
{
    std::lock_guard lock(m_jobs->mutex);
    if (m_jobs->running && (!documentId || m_jobs->currentId == *documentId))
        m_jobs->currentCancel->cancel();
    for (auto it = m_jobs->waiting.begin(); it != m_jobs->waiting.end();) {
        if (documentId && it->id != *documentId) {
            ++it;
            continue;
        }
        RestoreJobResult result;
        result.documentId = it->id;
        result.outcome = RestoreOutcome::Cancelled;
        result.message = QObject::tr("cancelled");
        post([this, result] { Q_EMIT jobFinished(result.documentId, result); });
        it = m_jobs->waiting.erase(it);
    }
}

void RestoreQueue::cancelPreviews(const std::optional<QString>& documentId)
{
    std::lock_guard lock(m_previews->mutex);
    if (m_previews->running && (!documentId || m_previews->currentId == *documentId))
        m_previews->currentCancel->cancel();
    for (auto it = m_previews->waiting.begin(); it != m_previews->waiting.end();) {
        if (documentId && it->id != *documentId) {
            ++it;
            continue;
        }
        auto outcome = std::make_shared<PreviewOutcome>();
        outcome->documentId = it->id;
        outcome->outcome = RestoreOutcome::Cancelled;
        outcome->message = QObject::tr("cancelled");
        post([this, outcome] { Q_EMIT previewFinished(outcome->documentId, *outcome); });
        it = m_previews->waiting.erase(it);
    }
}

void RestoreQueue::cancel(const QString& documentId) { cancelJobs(documentId); }

void RestoreQueue::cancelPreview(const QString& documentId) { cancelPreviews(documentId); }

void RestoreQueue::cancelAll()
{
    // Each lane in one locked step: cancelling them id by id left a gap in which the worker,
    // its running job cancelled, took and started the next waiting one.
    cancelJobs(std::nullopt);
    cancelPreviews(std::nullopt);
}

bool RestoreQueue::isBusy() const
{
    std::lock_guard lock(m_jobs->mutex);
    return m_jobs->running || !m_jobs->waiting.empty();
}

int RestoreQueue::pendingCount() const
{
    std::lock_guard lock(m_jobs->mutex);
    return int(m_jobs->waiting.size());
}

void RestoreQueue::preview(const QString& documentId, const QString& path, std::int64_t startFrame,
                           std::int64_t endFrame, const RestorationSettings& settings)
{
    cancelPreview(documentId); // the selection moved on: an older preview is stale
    Task task;
    task.id = documentId;
    task.request.path = path;
    task.request.startFrame = startFrame;
    task.request.endFrame = endFrame;
    if (settings.usesDsp())
        task.request.noiseRangeSeconds = settings.dsp.noiseRangeSeconds;
    task.previewSettings = settings;
    std::lock_guard lock(m_previews->mutex);
    m_previews->waiting.push_back(std::move(task));
    m_previews->wake.notify_one();
}

bool RestoreQueue::isPreviewing() const
{
    std::lock_guard lock(m_previews->mutex);
    return m_previews->running || !m_previews->waiting.empty();
}

} // namespace shellac::ui
