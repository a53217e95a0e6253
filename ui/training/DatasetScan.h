#pragma once

#include "common/Result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace shellac {
class CancellationToken;
class ProgressReporter;
} // namespace shellac

namespace shellac::ui {

/// A file of a dataset folder that AudioFileReader::open() refused.
struct UnreadableAudioFile {
    QString path;    ///< absolute path, as found
    QString message; ///< the reader's message, "PATH: reason" (Error::message())
};

/// One genre of a dataset folder: the files under one first-level sub-folder, or those
/// directly inside the folder (name DatasetScan::topLevelName()).
struct DatasetGenreSummary {
    QString name;                 ///< sub-folder name, or "(top level)"
    int files = 0;                ///< readable audio files
    int unreadable = 0;           ///< audio-named files the reader refused (listed per folder)
    double durationSeconds = 0;   ///< sum of frames / rate over the readable files, s
    QList<int> sampleRates;       ///< distinct rates, Hz, ascending
    QList<int> channelCounts;     ///< distinct channel counts, ascending
};

/// What a scan found in one dataset folder (searched recursively for readableNameFilters(),
/// hidden files skipped, as collectAudioPaths() does). Counts, durations and sets cover the
/// readable files only; unreadable ones are listed with the reader's message.
struct DatasetFolderSummary {
    QString folder;                            ///< absolute path of the folder
    std::vector<DatasetGenreSummary> genres;   ///< "(top level)" first, then sub-folders by name
    int files = 0;                             ///< readable files, all genres
    double durationSeconds = 0;                ///< s, all genres
    QList<int> sampleRates;                    ///< Hz, ascending
    QList<int> channelCounts;                  ///< ascending
    QStringList readablePaths;                 ///< the readable files, sorted as scanned
    QList<UnreadableAudioFile> unreadable;     ///< in scan order
    /// A folder-level note for people, empty when readable audio was found:
    /// "FOLDER: no audio files (looked for *.wav, …)", "FOLDER: none of its N audio files can
    /// be read", or the error that stopped the scan ("FOLDER: does not exist").
    QString note;
};

/// Scans dataset folders (clean music, real degraded transfers) for the dataset manager:
/// per folder and genre the file count, total duration, sample rates and channel counts, and the
/// files that cannot be read with the reader's message. Files are opened header-only
/// (AudioFileReader::open()), so a folder of hours of audio scans in well under a second per
/// hundred files.
///
/// scanFolder() is the synchronous core (any thread). The object runs scans of several folders
/// in the background (QtConcurrent): start() replaces a running scan, cancel() stops it, and
/// exactly one of finished() / cancelled() follows every start(). QtCore only. The object lives
/// on the GUI thread (or any thread with an event loop); its methods and signals belong to it.
class DatasetScan : public QObject {
    Q_OBJECT
public:
    explicit DatasetScan(QObject* parent = nullptr);
    /// Cancels a running scan and waits for its worker (header reads: milliseconds).
    ~DatasetScan() override;

    /// The genre name of files directly inside a scanned folder: "(top level)".
    static QString topLevelName();

    /// Scans one folder on the calling thread. Fails only when the folder does not exist or is
    /// not a folder (Error subject: the folder in native separators) or when `cancel` is set
    /// between two files (reason "cancelled"). A folder without audio succeeds with a `note`.
    /// `progress` (may be null) gets the fraction of files opened, on this thread.
    static Result<DatasetFolderSummary> scanFolder(const QString& folder, const CancellationToken* cancel = nullptr,
                                                   ProgressReporter* progress = nullptr);

    /// Starts scanning `folders` (in that order) in the background, cancelling a running scan
    /// (which then reports cancelled()). A folder that cannot be scanned gives a summary whose
    /// `note` holds the error message.
    void start(const QStringList& folders);
    /// Stops the running scan; cancelled() follows (at once). No-op when idle.
    void cancel();
    bool isRunning() const { return m_running; }

    /// The summaries of the last scan that finished (in start()'s folder order); empty before.
    const std::vector<DatasetFolderSummary>& results() const { return m_results; }
    /// The folders of that scan.
    const QStringList& scannedFolders() const { return m_scannedFolders; }

Q_SIGNALS:
    /// Fraction of files opened over all folders, [0, 1]; rate-limited.
    void progressChanged(double fraction);
    /// The scan ended and results() holds it.
    void finished();
    /// The scan was cancelled (by cancel() or a newer start()); results() is unchanged.
    void cancelled();

private:
    struct Job;
    void onWorkerFinished(const std::shared_ptr<Job>& job);

    std::shared_ptr<Job> m_job; // the running scan, null when idle
    std::vector<DatasetFolderSummary> m_results;
    QStringList m_scannedFolders;
    bool m_running = false;
};

} // namespace shellac::ui
