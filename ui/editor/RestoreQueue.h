#pragma once

#include "audio/AudioFileWriter.h"
#include "restore/RestorationSettings.h"
#include "restore/SelectionPreview.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace shellac {
class CancellationToken;
}
namespace shellac::ml {
class RestorerFactory;
}

namespace shellac::ui {

/// One "Restore file" request of the restore panel.
struct RestoreJob {
    QString documentId;   ///< the editor document it belongs to; names the job in every signal
    QString inputPath;    ///< the original; never modified
    QString outputPath;   ///< restored file (container from the extension)
    QString residualPath; ///< optional: what was removed (input − output); empty = none
    QString reportPath;   ///< optional: RestorationReport JSON; empty = none
    RestorationSettings settings;
    /// Whether an existing file at outputPath/residualPath/reportPath is replaced on success
    /// (a new take over the old one). On failure or cancel an existing file is never touched.
    /// Refuse also holds for a file that appears at a target while the job runs: the job then
    /// fails naming it and leaves that file as it is.
    OverwritePolicy overwrite = OverwritePolicy::Replace;
};

/// How a job ended.
enum class RestoreOutcome { Succeeded, Failed, Cancelled };

/// What jobFinished() carries.
struct RestoreJobResult {
    QString documentId;
    RestoreOutcome outcome = RestoreOutcome::Failed;
    /// Failed: the reason with the file it concerns ("in.wav: not an audio file ..."); Cancelled:
    /// "cancelled"; empty on success.
    QString message;
    /// The RestorationReport (plus "restoration_settings": RestorationSettings::toJson() and
    /// "model_file" when a model was used); empty unless Succeeded.
    QJsonObject report;
    /// The files written (empty unless Succeeded; residual/report empty when not asked for).
    QString outputPath;
    QString residualPath;
    QString reportPath;
    /// Wall-clock time of the job, seconds (queue wait not included).
    double seconds = 0.0;
};

/// What previewFinished() carries: the restored selection, or why there is none.
struct PreviewOutcome {
    QString documentId;
    RestoreOutcome outcome = RestoreOutcome::Failed;
    QString message; ///< as in RestoreJobResult
    SelectionPreviewResult result; ///< valid when Succeeded
    double seconds = 0.0;
};

/// The GUI's background restorer: restores files one at a time on a worker thread and previews
/// selections on a second one (so that a preview never waits behind an hour-long restore).
/// QtCore only; the panel widgets drive it.
///
/// Jobs run through core's transformFile() with a fresh restorer from ml::RestorerFactory
/// (models cached across jobs, loaded on the worker). Output, residual and report are first
/// written to hidden temporary files in the target folders (".NAME.XXXXXX.part.EXT") and only
/// renamed into place once all three are complete, so a failed or cancelled job leaves no
/// output, residual, report or temporary file behind, and a previous take at the same paths
/// stays as it was. The input is never modified (a job whose output names the input fails).
///
/// Signals are emitted on the thread the queue lives in (the GUI thread), in order per job:
/// jobStarted, jobProgress (fraction 0..1 non-decreasing, at most ~20 per second, the last
/// one 1.0 on success), then exactly one jobFinished — also for a job cancelled while queued
/// (it never starts). Previews: exactly one previewFinished per preview() call.
///
/// Threading: call every method from the queue's own thread. Destroying the queue cancels what
/// runs, drops what waits (no further signals) and joins both workers before returning.
class RestoreQueue : public QObject {
    Q_OBJECT
public:
    /// Uses ml::RestorerFactory::shared().
    explicit RestoreQueue(QObject* parent = nullptr);
    /// `factory` must outlive the queue.
    explicit RestoreQueue(ml::RestorerFactory& factory, QObject* parent = nullptr);
    ~RestoreQueue() override;

    /// Queues a job behind the others. Destinations are checked when the job starts (a missing
    /// folder fails that job, with its path, and the queue goes on).
    void enqueue(const RestoreJob& job);
    /// Cancels the queued or running jobs of `documentId` (running: stops between blocks and
    /// cleans up; queued: never starts). Each still gets its jobFinished(Cancelled).
    void cancel(const QString& documentId);
    /// Cancels every job and every preview.
    void cancelAll();
    /// True while a job runs or waits.
    bool isBusy() const;
    /// Jobs waiting to start (the running one not included).
    int pendingCount() const;

    /// Restores the selection [startFrame, endFrame) (frames) of `path` with `settings` on the
    /// preview worker (see SelectionPreview: context around it, at most 60 s). A newer preview
    /// for the same document cancels an older one that has not finished (it still reports
    /// Cancelled). A classical noise range is honoured: that range of the file feeds the
    /// analysis pass before the excerpt.
    void preview(const QString& documentId, const QString& path, std::int64_t startFrame, std::int64_t endFrame,
                 const RestorationSettings& settings);
    /// Cancels the queued or running preview of `documentId`.
    void cancelPreview(const QString& documentId);
    /// True while a preview runs or waits.
    bool isPreviewing() const;

Q_SIGNALS:
    void jobStarted(const QString& documentId);
    /// @param fraction of this job, 0..1; @param stage what runs ("analysing", "processing")
    void jobProgress(const QString& documentId, double fraction, const QString& stage);
    void jobFinished(const QString& documentId, const shellac::ui::RestoreJobResult& result);
    void previewFinished(const QString& documentId, const shellac::ui::PreviewOutcome& outcome);
    /// The last job finished and none waits.
    void idle();

private:
    struct Lane;
    struct Task;
    /// A worker thread's loop: takes the lane's tasks one by one until the queue is destroyed.
    void workLoop(Lane& lane);
    void runJob(const RestoreJob& job, const CancellationToken& cancel);
    void runPreview(const Task& task, const CancellationToken& cancel);
    /// Cancels the running and waiting jobs / previews of `documentId` (nullopt: all of them)
    /// under the lane's lock, posting a Cancelled result for each waiting one.
    void cancelJobs(const std::optional<QString>& documentId);
    void cancelPreviews(const std::optional<QString>& documentId);
    /// Runs `f` on the queue's thread later (the way workers emit signals).
    template <typename F> void post(F&& f);

    ml::RestorerFactory& m_factory;
    std::unique_ptr<Lane> m_jobs;
    std::unique_ptr<Lane> m_previews;
};

} // namespace shellac::ui

Q_DECLARE_METATYPE(shellac::ui::RestoreJobResult)
Q_DECLARE_METATYPE(shellac::ui::PreviewOutcome)
