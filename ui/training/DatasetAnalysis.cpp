#include "ui/training/DatasetAnalysis.h"

#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <cassert>
#include <functional>
#include <vector>

namespace shellac::ui {

namespace {

/// Hands a worker's progress to a function (which posts it to the analysis object's thread).
class FunctionProgress final : public ProgressReporter {
public:
    explicit FunctionProgress(std::function<void(double, const QString&)> forward) : m_forward(std::move(forward)) {}
    void report(double fraction, const QString& stage) override { m_forward(fraction, stage); }

private:
    std::function<void(double, const QString&)> m_forward;
};

} // namespace

struct DatasetAnalysis::Job {
    QStringList files;
    degrade::AnalysisSettings settings;
    CancellationToken token;
    QFuture<void> future;
    // Written by the worker, read on the object's thread after the worker posted its end.
    std::vector<degrade::AnalysisResult> results;
    QStringList failures;
};

DatasetAnalysis::DatasetAnalysis(QObject* parent) : QObject(parent) {}

DatasetAnalysis::~DatasetAnalysis()
{
    if (m_job) {
        m_job->token.cancel();
        m_job->future.waitForFinished();
    }
}

void DatasetAnalysis::start(const QStringList& files, const degrade::AnalysisSettings& settings)
{
    assert(!files.isEmpty());
    cancel();
    auto job = std::make_shared<Job>();
    job->files = files;
    job->settings = settings;
    m_job = job;
    job->future = QtConcurrent::run([this, job] {
        // This object outlives the worker (cancel() and the destructor wait for it), so `this`
        // stays valid; progress of a superseded job is dropped on the object's thread.
        FunctionProgress posting([this, job](double fraction, const QString& file) {
            QMetaObject::invokeMethod(this, [this, job, fraction, file] {
                if (m_job == job)
                    Q_EMIT progressChanged(fraction, file);
            }, Qt::QueuedConnection);
        });
        RateLimitedProgress limited(&posting, 0.005);
        const qsizetype n = job->files.size();
        for (qsizetype i = 0; i < n && !job->token.isCancelled(); ++i) {
            const QString& file = job->files[i];
            ScaledProgress scaled(&limited, double(i) / double(n), double(i + 1) / double(n));
            // The stage names the file, so the first report of every file gets through.
            struct Named final : ProgressReporter {
                ProgressReporter* target;
                QString name;
                void report(double fraction, const QString&) override { target->report(fraction, name); }
            } named;
            named.target = &scaled;
            named.name = QFileInfo(file).fileName();
            auto analysed = degrade::ArtifactAnalyzer::analyseFile(file, &job->token, &named, job->settings);
            if (job->token.isCancelled())
                break;
            if (analysed)
                job->results.push_back(std::move(analysed).value());
            else
                job->failures << analysed.error().message();
        }
        QMetaObject::invokeMethod(this, [this, job] { onWorkerFinished(job); }, Qt::QueuedConnection);
    });
}

void DatasetAnalysis::cancel()
{
    if (!m_job)
        return;
    m_job->token.cancel();
    m_job->future.waitForFinished();
    m_job.reset();
    Q_EMIT cancelled();
}

void DatasetAnalysis::onWorkerFinished(const std::shared_ptr<Job>& job)
{
    if (job != m_job)
        return; // cancelled or superseded: already reported
    m_job.reset();
    m_failures = job->failures;
    if (job->results.empty()) {
        Q_EMIT failed(QCoreApplication::translate("DatasetAnalysis", "None of the %n degraded file(s) could be analysed; the first: %1",
                                                  "", int(job->files.size()))
                          .arg(job->failures.value(0)));
        return;
    }
    m_result = degrade::ArtifactAnalyzer::pool(job->results);
    m_result->profile.description = QCoreApplication::translate("DatasetAnalysis", "Measured on %n real transfer(s)", "",
                                                                int(job->results.size()));
    Q_EMIT progressChanged(1.0, QString());
    Q_EMIT finished();
}

} // namespace shellac::ui
