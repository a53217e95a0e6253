#include "ui/training/DatasetScan.h"

#include "audio/AudioFileReader.h"
#include "audio/AudioFormat.h"
#include "audio/AudioPathCollector.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <map>

namespace shellac::ui {

namespace {

void insertSorted(QList<int>& set, int value)
{
    const auto at = std::lower_bound(set.begin(), set.end(), value);
    if (at == set.end() || *at != value)
        set.insert(at, value);
}

QString tr(const char* text)
{
    return QCoreApplication::translate("DatasetScan", text);
}

/// Hands a worker's progress to a function (which posts it to the scan object's thread).
class FunctionProgress final : public ProgressReporter {
public:
    explicit FunctionProgress(std::function<void(double)> forward) : m_forward(std::move(forward)) {}
    void report(double fraction, const QString&) override { m_forward(fraction); }

private:
    std::function<void(double)> m_forward;
};

} // namespace

struct DatasetScan::Job {
    QStringList folders;
    CancellationToken token;
    QFuture<void> future;
    std::vector<DatasetFolderSummary> results; // written by the worker, read after it posted
};

DatasetScan::DatasetScan(QObject* parent) : QObject(parent) {}

DatasetScan::~DatasetScan()
{
    if (m_job) {
        m_job->token.cancel();
        m_job->future.waitForFinished();
    }
}

QString DatasetScan::topLevelName()
{
    return QStringLiteral("(top level)");
}

Result<DatasetFolderSummary> DatasetScan::scanFolder(const QString& folder, const CancellationToken* cancel,
                                                     ProgressReporter* progress)
{
    const QFileInfo info(folder);
    const QString shown = QDir::toNativeSeparators(folder);
    if (!info.exists())
        return Error{shown, tr("does not exist")};
    if (!info.isDir())
        return Error{shown, tr("is not a folder")};

    DatasetFolderSummary summary;
    summary.folder = QDir::cleanPath(info.absoluteFilePath());
    const QDir root(summary.folder);
    const QStringList paths = collectAudioPaths({summary.folder});
    std::map<QString, DatasetGenreSummary> genres; // key: "" for the top level, else the lower-cased name
    for (qsizetype i = 0; i < paths.size(); ++i) {
        if (cancel && cancel->isCancelled())
            return Error{shown, tr("cancelled")};
        const QString& path = paths[i];
        const QString relative = root.relativeFilePath(path);
        const qsizetype slash = relative.indexOf(QLatin1Char('/'));
        const QString genreName = slash < 0 ? topLevelName() : relative.left(slash);
        DatasetGenreSummary& genre = genres[slash < 0 ? QString() : genreName.toLower() + QLatin1Char('/') + genreName];
        genre.name = genreName;
        auto opened = AudioFileReader::open(path);
        if (!opened) {
            ++genre.unreadable;
            summary.unreadable.append({path, opened.error().message()});
        } else {
            const AudioFormat& format = opened.value()->format();
            ++genre.files;
            genre.durationSeconds += format.durationSeconds();
            insertSorted(genre.sampleRates, format.sampleRate);
            insertSorted(genre.channelCounts, format.channels);
            ++summary.files;
            summary.durationSeconds += format.durationSeconds();
            insertSorted(summary.sampleRates, format.sampleRate);
            insertSorted(summary.channelCounts, format.channels);
            summary.readablePaths << path;
        }
        if (progress)
            progress->report(double(i + 1) / double(paths.size()), tr("scanning"));
    }
    for (auto& [key, genre] : genres)
        summary.genres.push_back(std::move(genre));
    if (paths.isEmpty())
        summary.note = Error{shown, tr("no audio files (looked for %1)").arg(readableNameFilters().join(QStringLiteral(", ")))}.message();
    else if (summary.files == 0)
        summary.note = Error{shown, QCoreApplication::translate("DatasetScan", "none of its %n audio file(s) can be read", "", int(paths.size()))}.message();
    if (progress)
        progress->report(1.0, tr("scanning"));
    return summary;
}

void DatasetScan::start(const QStringList& folders)
{
    cancel();
    auto job = std::make_shared<Job>();
    job->folders = folders;
    m_job = job;
    m_running = true;
    job->future = QtConcurrent::run([this, job] {
        // The scan object outlives the worker (cancel() and the destructor wait for it), so
        // `this` stays valid; progress of a superseded job is dropped on the object's thread.
        FunctionProgress posting([this, job](double fraction) {
            QMetaObject::invokeMethod(this, [this, job, fraction] {
                if (m_job == job)
                    Q_EMIT progressChanged(fraction);
            }, Qt::QueuedConnection);
        });
        RateLimitedProgress limited(&posting, 0.01);
        const qsizetype n = job->folders.size();
        for (qsizetype i = 0; i < n && !job->token.isCancelled(); ++i) {
            ScaledProgress scaled(&limited, double(i) / double(n), double(i + 1) / double(n));
            auto scanned = scanFolder(job->folders[i], &job->token, &scaled);
            if (job->token.isCancelled())
                break;
            if (scanned) {
                job->results.push_back(std::move(scanned).value());
            } else {
                DatasetFolderSummary failed;
                failed.folder = job->folders[i];
                failed.note = scanned.error().message();
                job->results.push_back(std::move(failed));
            }
        }
        QMetaObject::invokeMethod(this, [this, job] { onWorkerFinished(job); }, Qt::QueuedConnection);
    });
}

void DatasetScan::cancel()
{
    if (!m_job)
        return;
    // Waiting is short: the worker checks the token between two header reads.
    m_job->token.cancel();
    m_job->future.waitForFinished();
    m_job.reset();
    m_running = false;
    Q_EMIT cancelled();
}

void DatasetScan::onWorkerFinished(const std::shared_ptr<Job>& job)
{
    if (job != m_job)
        return; // cancelled or superseded: already reported
    m_job.reset();
    m_running = false;
    m_results = std::move(job->results);
    m_scannedFolders = job->folders;
    Q_EMIT progressChanged(1.0);
    Q_EMIT finished();
}

} // namespace shellac::ui
