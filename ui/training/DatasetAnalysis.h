#pragma once

#include "degrade/ArtifactAnalyzer.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace shellac::ui {

/// Runs the artifact analyzer over the real degraded transfers of a dataset in the background
/// and pools the per-file results into one measured profile (ArtifactAnalyzer::analyseFile()
/// per file, then ArtifactAnalyzer::pool(), as `shellac-cli degrade --like` does).
///
/// start() replaces a running analysis; exactly one of finished() / cancelled() / failed()
/// follows every start(). A file that cannot be analysed is skipped and its message kept in
/// failures(); the analysis fails only when no file could be analysed. Analysis runs at roughly
/// tens of times real time per core, so an hour of transfers takes minutes: progress is reported.
/// QtCore only. The object lives on the GUI thread (or any thread with an event loop); its
/// methods and signals belong to it.
class DatasetAnalysis : public QObject {
    Q_OBJECT
public:
    explicit DatasetAnalysis(QObject* parent = nullptr);
    /// Cancels a running analysis and waits for its worker (it stops within one block).
    ~DatasetAnalysis() override;

    /// Starts analysing `files` (absolute paths of audio files) in the background with
    /// `settings`, cancelling a running analysis first (which then reports cancelled()).
    /// Precondition: `files` is not empty.
    void start(const QStringList& files, const degrade::AnalysisSettings& settings = {});
    /// Stops the running analysis; cancelled() follows (at once). No-op when idle.
    void cancel();
    bool isRunning() const { return bool(m_job); }

    /// The pooled result of the last analysis that finished (path empty, `files` analysed).
    const std::optional<degrade::AnalysisResult>& result() const { return m_result; }
    /// Messages ("FILE: reason") of the files the last finished or failed analysis skipped.
    const QStringList& failures() const { return m_failures; }

Q_SIGNALS:
    /// Fraction of the whole job, [0, 1], and the file being analysed; rate-limited.
    void progressChanged(double fraction, const QString& file);
    /// result() holds the pooled profile (failures() the files that were skipped).
    void finished();
    /// Cancelled by cancel() or a newer start(); result() is unchanged.
    void cancelled();
    /// No file could be analysed; `message` says why (the first file's error and a count).
    void failed(const QString& message);

private:
    struct Job;
    void onWorkerFinished(const std::shared_ptr<Job>& job);

    std::shared_ptr<Job> m_job; // the running analysis, null when idle
    std::optional<degrade::AnalysisResult> m_result;
    QStringList m_failures;
};

} // namespace shellac::ui
