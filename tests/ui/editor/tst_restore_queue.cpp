// RestoreQueue: the GUI's background restorer. Jobs run one at a time off the GUI thread, report
// ordered progress, and a failure or cancel leaves nothing behind (not even ".part" files).

#include "TestSignals.h"
#include "ui/editor/RestoreQueue.h"
#include "ml/NeuralModel.h"
#include "ml/RestorerFactory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <random>

using namespace shellac;
using namespace shellac::ui;

namespace {

constexpr int kRate = 44100;

/// Music-like partials with noise and a click every 0.25 s.
AudioBlock clickyMusic(int channels, std::int64_t frames, unsigned seed)
{
    AudioBlock b(channels, frames);
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.003f);
    for (int c = 0; c < channels; ++c) {
        auto x = b.channel(c);
        for (std::int64_t i = 0; i < frames; ++i) {
            const double t = double(i) / kRate;
            x[std::size_t(i)] = float(0.2 * std::sin(2 * M_PI * 196.0 * t + c) + 0.08 * std::sin(2 * M_PI * 587.0 * t))
                                + noise(rng) + (i % (kRate / 4) == 1000 ? 0.4f : 0.0f);
        }
    }
    return b;
}

/// Records every signal of a queue, per document.
struct Recorder {
    QStringList started;
    std::map<QString, std::vector<double>> progress;
    std::vector<RestoreJobResult> finished;
    std::vector<PreviewOutcome> previews;
    int idles = 0;

    void attach(RestoreQueue& q, QObject* context)
    {
        QObject::connect(&q, &RestoreQueue::jobStarted, context, [this](const QString& id) { started.push_back(id); });
        QObject::connect(&q, &RestoreQueue::jobProgress, context,
                         [this](const QString& id, double f, const QString&) { progress[id].push_back(f); });
        QObject::connect(&q, &RestoreQueue::jobFinished, context,
                         [this](const QString&, const RestoreJobResult& r) { finished.push_back(r); });
        QObject::connect(&q, &RestoreQueue::previewFinished, context,
                         [this](const QString&, const PreviewOutcome& o) { previews.push_back(o); });
        QObject::connect(&q, &RestoreQueue::idle, context, [this] { ++idles; });
    }
    const RestoreJobResult* result(const QString& id) const
    {
        for (const RestoreJobResult& r : finished)
            if (r.documentId == id)
                return &r;
        return nullptr;
    }
};

/// Temporary files ("…part…") left in `dir`, hidden ones included.
QStringList partFiles(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("*part*")}, QDir::Files | QDir::Hidden);
}

} // namespace

class TestRestoreQueue : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ml::RestorerFactory* m_factory = nullptr;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    RestoreJob job(const QString& id, const QString& input, bool extras = true) const
    {
        RestoreJob j;
        j.documentId = id;
        j.inputPath = input;
        const QString base = QFileInfo(input).completeBaseName();
        j.outputPath = path(base + QStringLiteral(".restored.wav"));
        if (extras) {
            j.residualPath = path(base + QStringLiteral(".removed.wav"));
            j.reportPath = path(base + QStringLiteral(".report.json"));
        }
        return j;
    }

    QString shortFile(const QString& name, unsigned seed, int seconds = 2)
    {
        const QString p = path(name);
        if (!QFileInfo::exists(p))
            test::writeAudio(p, clickyMusic(2, seconds * kRate, seed), kRate);
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_factory = new ml::RestorerFactory; // on the main thread, as the class asks
    }
    void cleanupTestCase() { delete m_factory; }

    void restoresAQueueOfThree()
    {
        RestoreQueue queue(*m_factory);
        Recorder rec;
        rec.attach(queue, this);
        const QStringList ids{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        std::vector<RestoreJob> jobs;
        for (int i = 0; i < 3; ++i) {
            jobs.push_back(job(ids[i], shortFile(QStringLiteral("three-%1.wav").arg(i), 100 + i, 8)));
            queue.enqueue(jobs.back());
        }
        QVERIFY(queue.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), std::size_t(3), 120000);
        QTRY_COMPARE(rec.idles, 1);
        QVERIFY(!queue.isBusy());
        QCOMPARE(queue.pendingCount(), 0);
        QCOMPARE(rec.started, ids); // one at a time, in order
        for (int i = 0; i < 3; ++i) {
            const RestoreJobResult& r = rec.finished[std::size_t(i)];
            QCOMPARE(r.documentId, ids[i]);
            QVERIFY2(r.outcome == RestoreOutcome::Succeeded, qPrintable(r.message));
            QCOMPARE(r.outputPath, jobs[std::size_t(i)].outputPath);
            QVERIFY(r.seconds > 0.0);
            const AudioBlock in = test::readAudio(jobs[std::size_t(i)].inputPath);
            const AudioBlock out = test::readAudio(r.outputPath);
            const AudioBlock removed = test::readAudio(r.residualPath);
            QCOMPARE(out.frames(), in.frames());
            QCOMPARE(removed.frames(), in.frames());
            double removedEnergy = 0;
            for (int c = 0; c < in.channels(); ++c)
                for (std::int64_t k = 0; k < in.frames(); ++k) {
                    const float expected = in.channel(c)[std::size_t(k)] - out.channel(c)[std::size_t(k)];
                    QVERIFY(std::abs(removed.channel(c)[std::size_t(k)] - expected) <= 1e-6f);
                    removedEnergy += double(expected) * expected;
                }
            QVERIFY(removedEnergy > 0.0); // it did restore something (the clicks)
            const QJsonObject report = test::readJson(r.reportPath);
            QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("dsp"));
            QCOMPARE(report.value(QStringLiteral("input")).toString(), jobs[std::size_t(i)].inputPath);
            QCOMPARE(report.value(QStringLiteral("output")).toString(), r.outputPath);
            QCOMPARE(report, r.report);
            QCOMPARE(RestorationSettings::summaryOf(report.value(QStringLiteral("restoration_settings")).toObject()),
                     RestorationSettings{}.summary());
            const std::vector<double>& p = rec.progress[ids[i]];
            QVERIFY(!p.empty());
            QVERIFY(std::is_sorted(p.begin(), p.end()));
            QCOMPARE(p.back(), 1.0);
            QVERIFY(p.front() >= 0.0);
            // Rate-limited to ~20 per second (plus the stage changes and the final 1.0).
            QVERIFY2(double(p.size()) <= 20.0 * r.seconds + 4.0,
                     qPrintable(QStringLiteral("%1 progress signals in %2 s").arg(p.size()).arg(r.seconds)));
            QVERIFY(p.size() >= 3); // analysing, processing, done
        }
        QCOMPARE(partFiles(m_dir.path()), QStringList());
    }

    void cancellingARunningJobLeavesNothing()
    {
        const QString input = path(QStringLiteral("long.wav"));
        test::writeAudio(input, clickyMusic(1, 60 * kRate, 7), kRate);
        RestoreJob longJob = job(QStringLiteral("long"), input);
        // A previous take at the same output path must survive the cancelled new one.
        test::writeBytes(longJob.outputPath, QByteArray("previous take"));
        RestoreQueue queue(*m_factory);
        Recorder rec;
        rec.attach(queue, this);
        connect(&queue, &RestoreQueue::jobProgress, this, [&](const QString& id, double, const QString&) {
            if (id == u"long")
                queue.cancel(id);
        });
        queue.enqueue(longJob);
        const RestoreJob next = job(QStringLiteral("next"), shortFile(QStringLiteral("next.wav"), 3), false);
        queue.enqueue(next);
        const RestoreJob dropped = job(QStringLiteral("dropped"), shortFile(QStringLiteral("dropped.wav"), 4), false);
        queue.enqueue(dropped);
        queue.cancel(QStringLiteral("dropped")); // queued: it never starts
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), std::size_t(3), 120000);
        const RestoreJobResult* cancelled = rec.result(QStringLiteral("long"));
        QVERIFY(cancelled);
        QVERIFY(cancelled->outcome == RestoreOutcome::Cancelled);
        QCOMPARE(cancelled->message, QStringLiteral("cancelled"));
        QVERIFY(cancelled->outputPath.isEmpty());
        QVERIFY(cancelled->report.isEmpty());
        QVERIFY(rec.result(QStringLiteral("dropped"))->outcome == RestoreOutcome::Cancelled);
        QVERIFY(!rec.started.contains(QStringLiteral("dropped")));
        QVERIFY2(rec.result(QStringLiteral("next"))->outcome == RestoreOutcome::Succeeded,
                 qPrintable(rec.result(QStringLiteral("next"))->message));
        QVERIFY(QFileInfo::exists(next.outputPath));
        QVERIFY(!QFileInfo::exists(dropped.outputPath));
        QFile previous(longJob.outputPath);
        QVERIFY(previous.open(QIODevice::ReadOnly));
        QCOMPARE(previous.readAll(), QByteArray("previous take"));
        QVERIFY(!QFileInfo::exists(longJob.residualPath));
        QVERIFY(!QFileInfo::exists(longJob.reportPath));
        QCOMPARE(partFiles(m_dir.path()), QStringList());
    }

    void aFailingJobReportsAndTheQueueGoesOn()
    {
        const QString notes = path(QStringLiteral("notes.wav"));
        test::writeBytes(notes, QByteArray("These are my notes about side A, not audio at all.\n").repeated(20));
        RestoreQueue queue(*m_factory);
        Recorder rec;
        rec.attach(queue, this);
        const RestoreJob bad = job(QStringLiteral("bad"), notes);
        RestoreJob intoMissingFolder = job(QStringLiteral("nofolder"), shortFile(QStringLiteral("ok1.wav"), 5), false);
        intoMissingFolder.outputPath = path(QStringLiteral("no/such/folder/out.wav"));
        RestoreJob ontoInput = job(QStringLiteral("self"), shortFile(QStringLiteral("ok2.wav"), 6), false);
        ontoInput.outputPath = ontoInput.inputPath;
        const RestoreJob good = job(QStringLiteral("good"), shortFile(QStringLiteral("ok3.wav"), 8));
        for (const RestoreJob& j : {bad, intoMissingFolder, ontoInput, good})
            queue.enqueue(j);
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), std::size_t(4), 120000);
        const RestoreJobResult* r = rec.result(QStringLiteral("bad"));
        QVERIFY(r->outcome == RestoreOutcome::Failed);
        QVERIFY2(r->message.startsWith(notes + QStringLiteral(": ")), qPrintable(r->message));
        QVERIFY2(r->message.contains(QStringLiteral("not an audio file")), qPrintable(r->message));
        QVERIFY(!QFileInfo::exists(bad.outputPath) && !QFileInfo::exists(bad.residualPath) && !QFileInfo::exists(bad.reportPath));
        r = rec.result(QStringLiteral("nofolder"));
        QVERIFY(r->outcome == RestoreOutcome::Failed);
        QVERIFY2(r->message.contains(QStringLiteral("does not exist")), qPrintable(r->message));
        r = rec.result(QStringLiteral("self"));
        QVERIFY(r->outcome == RestoreOutcome::Failed);
        QVERIFY2(r->message.contains(QStringLiteral("never overwrites an original")), qPrintable(r->message));
        QCOMPARE(test::readAudio(ontoInput.inputPath).frames(), std::int64_t(2 * kRate)); // original intact
        r = rec.result(QStringLiteral("good"));
        QVERIFY2(r->outcome == RestoreOutcome::Succeeded, qPrintable(r->message));
        QCOMPARE(partFiles(m_dir.path()), QStringList());
    }

    void refuseNeverReplacesAFileThatAppeared()
    {
        const QString input = shortFile(QStringLiteral("race.wav"), 61, 20);
        RestoreJob j = job(QStringLiteral("race"), input);
        j.overwrite = OverwritePolicy::Refuse;
        RestoreQueue queue(*m_factory);
        Recorder rec;
        rec.attach(queue, this);
        bool written = false;
        // Another program writes the output while the job runs (its destinations were free at the start).
        connect(&queue, &RestoreQueue::jobProgress, this, [&] {
            if (!std::exchange(written, true))
                test::writeBytes(j.outputPath, QByteArray("someone else's file"));
        });
        queue.enqueue(j);
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), std::size_t(1), 120000);
        const RestoreJobResult& r = rec.finished[0];
        QVERIFY(r.outcome == RestoreOutcome::Failed);
        QVERIFY2(r.message.startsWith(j.outputPath + QStringLiteral(": ")), qPrintable(r.message));
        QFile other(j.outputPath);
        QVERIFY(other.open(QIODevice::ReadOnly));
        QCOMPARE(other.readAll(), QByteArray("someone else's file"));
        QVERIFY(!QFileInfo::exists(j.residualPath)); // no partial set of this job's files either
        QVERIFY(!QFileInfo::exists(j.reportPath));
        QCOMPARE(partFiles(m_dir.path()), QStringList());
        QVERIFY(QFile::remove(j.outputPath));
    }

    void destroyingABusyQueueJoins()
    {
        const QString input = path(QStringLiteral("long.wav")); // written by the cancel test
        if (!QFileInfo::exists(input))
            test::writeAudio(input, clickyMusic(1, 60 * kRate, 7), kRate);
        const QString out = path(QStringLiteral("destroyed.wav"));
        bool started = false;
        {
            RestoreQueue queue(*m_factory);
            connect(&queue, &RestoreQueue::jobStarted, this, [&] { started = true; });
            RestoreJob j = job(QStringLiteral("busy"), input, false);
            j.outputPath = out;
            queue.enqueue(j);
            queue.enqueue(job(QStringLiteral("waiting"), shortFile(QStringLiteral("w.wav"), 9), false));
            queue.preview(QStringLiteral("busy"), input, 0, 30 * kRate, RestorationSettings{});
            QTRY_VERIFY_WITH_TIMEOUT(started, 30000);
            QVERIFY(queue.isBusy());
        } // the destructor cancels, drops the waiting job and joins both workers
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("w.restored.wav"))));
        QCOMPARE(partFiles(m_dir.path()), QStringList());
    }

    void neuralWithTheBundledModel()
    {
        const QString model = ml::RestorerFactory::defaultModelPath();
        if (model.isEmpty())
            QSKIP("no bundled default model (resources/models/default.pt)");
        ml::RestorerFactory factory;
        RestoreQueue queue(factory);
        Recorder rec;
        rec.attach(queue, this);
        RestoreJob neural = job(QStringLiteral("neural"), shortFile(QStringLiteral("n1.wav"), 21));
        neural.settings.method = RestorationMethod::Neural;
        neural.settings.mix = 0.8;
        RestoreJob hybrid = job(QStringLiteral("hybrid"), shortFile(QStringLiteral("n2.wav"), 22));
        hybrid.settings.method = RestorationMethod::Hybrid;
        queue.enqueue(neural);
        queue.enqueue(hybrid);
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), std::size_t(2), 300000);
        for (const auto& [id, method] : {std::pair{QStringLiteral("neural"), QStringLiteral("neural")},
                                         std::pair{QStringLiteral("hybrid"), QStringLiteral("hybrid")}}) {
            const RestoreJobResult* r = rec.result(id);
            QVERIFY2(r->outcome == RestoreOutcome::Succeeded, qPrintable(r->message));
            const QJsonObject report = test::readJson(r->reportPath);
            QCOMPARE(report.value(QStringLiteral("method")).toString(), method);
            // The hybrid takes the bundled post-filter when there is one.
            QCOMPARE(report.value(QStringLiteral("model_file")).toString(),
                     method == u"hybrid" ? ml::RestorerFactory::defaultModelPath(RestorationMethod::Hybrid) : model);
            QCOMPARE(test::readAudio(r->outputPath).frames(), std::int64_t(2 * kRate));
        }
        QCOMPARE(rec.result(QStringLiteral("neural"))->report.value(QStringLiteral("mix")).toDouble(), 0.8);
        // One load per model file: the cache serves a second job with the same file.
        const bool oneFile = ml::RestorerFactory::defaultModelPath(RestorationMethod::Hybrid) == model;
        QCOMPARE(factory.loadCount(), oneFile ? 1 : 2);
    }

    void cancelAllStopsEverything()
    {
        RestoreQueue queue(*m_factory);
        Recorder rec;
        rec.attach(queue, this);
        QStringList outputs;
        std::vector<RestoreJob> jobs;
        for (int i = 0; i < 3; ++i) { // files first: a job may start as soon as it is queued
            jobs.push_back(job(QStringLiteral("all-%1").arg(i), shortFile(QStringLiteral("all-%1.wav").arg(i), 50 + i, 8)));
            outputs << jobs.back().outputPath << jobs.back().residualPath << jobs.back().reportPath;
        }
        for (const RestoreJob& j : jobs)
            queue.enqueue(j);
        queue.preview(QStringLiteral("all-0"), path(QStringLiteral("all-0.wav")), 0, 4 * kRate, RestorationSettings{});
        queue.cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), std::size_t(3), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(rec.previews.size(), std::size_t(1), 60000);
        for (const RestoreJobResult& r : rec.finished)
            QVERIFY2(r.outcome == RestoreOutcome::Cancelled, qPrintable(r.documentId + QLatin1Char(' ') + r.message));
        QVERIFY(rec.previews[0].outcome == RestoreOutcome::Cancelled);
        QVERIFY(rec.started.size() <= 1); // at most the first had started
        QVERIFY(!queue.isBusy() && !queue.isPreviewing());
        for (const QString& o : outputs)
            QVERIFY2(!QFileInfo::exists(o), qPrintable(o));
        QCOMPARE(partFiles(m_dir.path()), QStringList());
    }

    void modelCacheHandsOutOneInstancePerUser()
    {
        const QString bundled = ml::RestorerFactory::defaultModelPath();
        if (bundled.isEmpty())
            QSKIP("no bundled default model (resources/models/default.pt)");
        const QString copy = path(QStringLiteral("cache/model.pt"));
        QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
        QVERIFY(QFile::copy(bundled, copy));
        ml::RestorerFactory factory;
        auto first = factory.model(copy);
        QVERIFY2(first.ok(), first ? "" : qPrintable(first.error().message()));
        auto second = factory.model(copy); // the first is still held: a second copy
        QVERIFY(second.ok());
        QVERIFY(first.value() != second.value());
        QCOMPARE(factory.loadCount(), 2);
        const ml::NeuralModel* kept = first.value().get();
        first = Error{}; // released
        auto again = factory.model(copy);
        QCOMPARE(again.value().get(), kept); // served from the cache
        QCOMPARE(factory.loadCount(), 2);
        again = Error{};
        // A model retrained under the same name (a new modification time) is read again.
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QFileInfo(copy).lastModified().addSecs(60), QFileDevice::FileModificationTime));
        file.close();
        auto reloaded = factory.model(copy);
        QVERIFY(reloaded.ok());
        QCOMPARE(factory.loadCount(), 3);
        // Through makeRestorer, with the path named in the settings.
        RestorationSettings settings;
        settings.method = RestorationMethod::Neural;
        settings.modelPath = copy;
        reloaded = Error{};
        auto restorer = factory.makeRestorer(settings);
        QVERIFY(restorer.ok());
        QCOMPARE(restorer.value()->method(), QStringLiteral("neural"));
        QCOMPARE(factory.loadCount(), 3);
        // A file that is not a model: the loader's message, naming it.
        const QString text = path(QStringLiteral("cache/notes.pt"));
        test::writeBytes(text, QByteArray("not a model"));
        settings.modelPath = text;
        auto bad = factory.makeRestorer(settings);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message().startsWith(text + QStringLiteral(": ")), qPrintable(bad.error().message()));
        // Invalid settings are refused before any model is touched.
        settings.mix = 2.0;
        auto invalid = factory.makeRestorer(settings);
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().subject, QStringLiteral("mix"));
    }

    void aMissingModelFailsNamingIt()
    {
        RestoreQueue queue(*m_factory);
        Recorder rec;
        rec.attach(queue, this);
        RestoreJob j = job(QStringLiteral("nomodel"), shortFile(QStringLiteral("m.wav"), 31));
        j.settings.method = RestorationMethod::Neural;
        j.settings.modelPath = path(QStringLiteral("runs/gone/best.pt"));
        queue.enqueue(j);
        queue.preview(QStringLiteral("nomodel"), j.inputPath, 0, kRate, j.settings);
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), std::size_t(1), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(rec.previews.size(), std::size_t(1), 30000);
        const QString expected = j.settings.modelPath + QStringLiteral(": model file does not exist");
        QCOMPARE(rec.finished[0].message, expected);
        QVERIFY(rec.finished[0].outcome == RestoreOutcome::Failed);
        QCOMPARE(rec.previews[0].message, expected);
        QVERIFY(!QFileInfo::exists(j.outputPath));
        QCOMPARE(partFiles(m_dir.path()), QStringList());
    }

    void previewOnTheWorker()
    {
        RestoreQueue queue(*m_factory);
        Recorder rec;
        rec.attach(queue, this);
        const QString input = shortFile(QStringLiteral("p.wav"), 41);
        RestorationSettings settings;
        settings.dsp.noiseRangeSeconds = std::make_pair(0.0, 0.5); // honoured although outside the selection
        queue.preview(QStringLiteral("stale"), input, 0, kRate, settings);
        queue.preview(QStringLiteral("stale"), input, kRate / 2, kRate, settings); // supersedes the first
        queue.preview(QStringLiteral("doc"), input, kRate + 100, kRate + 100 + 12345, settings);
        queue.preview(QStringLiteral("long"), input, 0, 2 * kRate + 1, settings);
        QVERIFY(queue.isPreviewing());
        QVERIFY(!queue.isBusy()); // previews are not jobs
        QTRY_COMPARE_WITH_TIMEOUT(rec.previews.size(), std::size_t(4), 60000);
        QVERIFY(!queue.isPreviewing());
        QVERIFY(rec.previews[0].documentId == u"stale" && rec.previews[0].outcome == RestoreOutcome::Cancelled);
        for (const PreviewOutcome& o : rec.previews) {
            if (o.documentId == u"stale" && o.outcome == RestoreOutcome::Succeeded)
                QCOMPARE(o.result.restored.frames(), std::int64_t(kRate / 2));
            if (o.documentId == u"doc") {
                QVERIFY2(o.outcome == RestoreOutcome::Succeeded, qPrintable(o.message));
                QCOMPARE(o.result.restored.frames(), std::int64_t(12345));
                QCOMPARE(o.result.startFrame, std::int64_t(kRate + 100));
                QCOMPARE(o.result.restored.channels(), 2);
            }
            if (o.documentId == u"long") {
                QVERIFY(o.outcome == RestoreOutcome::Failed);
                QVERIFY2(o.message.contains(QStringLiteral("after the end of the recording")), qPrintable(o.message));
            }
        }
        QVERIFY(rec.started.empty() && rec.finished.empty());
    }
};

QTEST_GUILESS_MAIN(TestRestoreQueue)
#include "tst_restore_queue.moc"
