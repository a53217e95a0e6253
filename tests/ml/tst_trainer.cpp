// The neural restorer's trainer on a tiny generated dataset: the loss falls, checkpoints
// round-trip, --resume continues exactly, and bad runs stop with clear errors.

#include "TrainingFixtures.h"
#include "jobs/CancellationToken.h"
#include "ml/NeuralModel.h"
#include "ml/Trainer.h"
#include "ml/TrainingSettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace shellac;
using namespace shellac::ml;

namespace {

/// Collects what a run reports; can cancel after a number of steps.
class Recorder final : public TrainingObserver {
public:
    std::vector<StepReport> steps;
    std::vector<EpochMetrics> epochs;
    QStringList messages;
    CancellationToken* cancelAfter = nullptr;
    long long cancelAtStep = -1;

    void stepFinished(const StepReport& r) override
    {
        steps.push_back(r);
        if (cancelAfter != nullptr && r.globalStep == cancelAtStep)
            cancelAfter->cancel();
    }
    void epochFinished(const EpochMetrics& m, const std::vector<HealthWarning>&) override { epochs.push_back(m); }
    void message(const QString& text) override { messages << text; }
};

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString run(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::writeTrainingFixtures(m_dir.path());
    }

    void supervisedLossFallsAndFilesAreWritten()
    {
        TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run("falls"), 4, 12);
        s.strategy = TrainingStrategy::Synthetic;
        s.fixedPreset = QStringLiteral("heavy");
        Recorder recorder;
        auto outcome = runTraining(s, false, &recorder);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message()));
        QCOMPARE(outcome.value().lastEpoch, 4);
        QCOMPARE(int(recorder.epochs.size()), 4);
        QCOMPARE(int(recorder.steps.size()), 48);
        const double first = recorder.epochs.front().supervisedLoss, last = recorder.epochs.back().supervisedLoss;
        QVERIFY2(last < 0.92 * first, qPrintable(QStringLiteral("supervised loss %1 -> %2").arg(first).arg(last)));
        for (const StepReport& r : recorder.steps) {
            QCOMPARE(r.losses.realCount, 0); // synthetic strategy: ratio 1
            QCOMPARE(r.losses.syntheticCount, 4);
        }
        for (int e = 1; e <= 4; ++e)
            QVERIFY(QFile::exists(run("falls") + QStringLiteral("/checkpoints/checkpoint_epoch_%1.pt").arg(e)));
        const std::vector<EpochMetrics> lines = readMetrics(run("falls") + QStringLiteral("/metrics.jsonl"));
        QCOMPARE(int(lines.size()), 4);
        QCOMPARE(lines.back().supervisedLoss, recorder.epochs.back().supervisedLoss);
        QVERIFY(lines.back().seconds > 0);
        auto model = NeuralModel::load(outcome.value().modelPath);
        QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().message()));
        QCOMPARE(model.value()->metadata().value(QStringLiteral("epoch")).toInt(), 4);
        int bestEpoch = 1;
        for (const EpochMetrics& m : lines)
            if (m.siSdrImprovementDb > lines[std::size_t(bestEpoch - 1)].siSdrImprovementDb)
                bestEpoch = m.epoch;
        auto best = NeuralModel::load(run("falls") + QStringLiteral("/best.pt"));
        QVERIFY(best.ok());
        QCOMPARE(best.value()->metadata().value(QStringLiteral("epoch")).toInt(), bestEpoch);
        // Every epoch's checkpoint loads as a model too (to listen to any epoch of a run): the
        // last one is the same network as model.pt, an earlier one is another.
        auto lastCheckpoint = NeuralModel::load(run("falls") + QStringLiteral("/checkpoints/checkpoint_epoch_4.pt"));
        QVERIFY2(lastCheckpoint.ok(), qPrintable(lastCheckpoint.ok() ? QString() : lastCheckpoint.error().message()));
        QCOMPARE(lastCheckpoint.value()->metadata().value(QStringLiteral("checkpoint_epoch")).toInt(), 4);
        QCOMPARE(lastCheckpoint.value()->parameterCount(), model.value()->parameterCount());
        auto firstCheckpoint = NeuralModel::load(run("falls") + QStringLiteral("/checkpoints/checkpoint_epoch_1.pt"));
        QVERIFY(firstCheckpoint.ok());
        std::vector<float> probe(4096);
        for (std::size_t i = 0; i < probe.size(); ++i)
            probe[i] = 0.3f * std::sin(0.05f * float(i)) + ((i % 700) == 350 ? 0.8f : 0.0f);
        const std::vector<float> fromModel = model.value()->restore(probe);
        const std::vector<float> fromLast = lastCheckpoint.value()->restore(probe);
        const std::vector<float> fromFirst = firstCheckpoint.value()->restore(probe);
        double lastDiff = 0.0, firstDiff = 0.0;
        for (std::size_t i = 0; i < probe.size(); ++i) {
            lastDiff = std::max(lastDiff, double(std::abs(fromModel[i] - fromLast[i])));
            firstDiff = std::max(firstDiff, double(std::abs(fromModel[i] - fromFirst[i])));
        }
        QCOMPARE(lastDiff, 0.0);
        QVERIFY2(firstDiff > 1e-4, qPrintable(QString::number(firstDiff)));
        // Trained on hiss and clicks: the synthetic validation set gains SI-SDR.
        qInfo() << "validation SI-SDR gain" << lines.back().siSdrImprovementDb << "dB";
        QVERIFY2(lines.back().siSdrImprovementDb > 0.5, qPrintable(QString::number(lines.back().siSdrImprovementDb)));
    }

    void siSdrTermEntersTheSupervisedLoss()
    {
        // Same seed, same batch, same initial network: the first step's supervised losses differ
        // only by the SI-SDR term, −siSdr · SI-SDR / 10 dB, whose SI-SDR is that of the
        // untrained (near-identity) network's output, i.e. about the damaged input's (typical78:
        // several dB, well under 40). The model file's saved settings keep the weight (--resume).
        double firstLoss[2] = {0, 0};
        const double weight[2] = {0.0, 1.0};
        for (int i = 0; i < 2; ++i) {
            TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run(i == 0 ? "no-si-sdr" : "si-sdr"), 1, 1);
            s.strategy = TrainingStrategy::Synthetic;
            s.weights.siSdr = weight[i];
            Recorder recorder;
            auto outcome = runTraining(s, false, &recorder);
            QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message()));
            QCOMPARE(int(recorder.steps.size()), 1);
            firstLoss[i] = recorder.steps.front().losses.supervised;
            auto model = NeuralModel::load(outcome.value().modelPath);
            QVERIFY(model.ok());
            const auto saved = TrainingSettings::fromJson(model.value()->metadata().value(QStringLiteral("settings")).toObject());
            QVERIFY(saved.ok());
            QCOMPARE(saved.value().weights.siSdr, weight[i]);
        }
        const double without = firstLoss[0], with = firstLoss[1];
        const double impliedSiSdrDb = -10.0 * (with - without);
        qInfo() << "supervised loss" << without << "->" << with << "with si-sdr=1: SI-SDR" << impliedSiSdrDb << "dB";
        QVERIFY2(impliedSiSdrDb > 2.0 && impliedSiSdrDb < 40.0, qPrintable(QString::number(impliedSiSdrDb)));
    }

    void postFilterRunTrainsOnThePairs()
    {
        // The pairs hold the clean files with light hiss only, so the first step's supervised loss
        // (same seed, same initial network) is far below that of synthesized heavy damage: the
        // examples come from the pairs. The model says it is a post-filter, checkpoints too.
        test::writePairedFixtures(m_dir.path(), 0.003f);
        double firstLoss[2] = {0, 0};
        for (int paired = 0; paired < 2; ++paired) {
            TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run(paired ? "post-filter" : "heavy-synthetic"), 1, 1);
            s.strategy = TrainingStrategy::Synthetic;
            s.fixedPreset = QStringLiteral("heavy");
            if (paired) {
                s.pairedDir = m_dir.filePath(QStringLiteral("pairs"));
                s.postFilter = true;
            }
            Recorder recorder;
            auto outcome = runTraining(s, false, &recorder);
            QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message()));
            firstLoss[paired] = recorder.steps.front().losses.supervised;
            QCOMPARE(recorder.messages.filter(QStringLiteral("post-filter:")).size(), paired);
            for (const QString& file : {outcome.value().modelPath, run(paired ? "post-filter" : "heavy-synthetic")
                                                                       + QStringLiteral("/checkpoints/checkpoint_epoch_1.pt")}) {
                auto model = NeuralModel::load(file);
                QVERIFY2(model.ok(), qPrintable(file));
                QCOMPARE(isPostFilterModel(model.value()->metadata()), bool(paired));
                const auto saved = TrainingSettings::fromJson(model.value()->metadata().value(QStringLiteral("settings")).toObject());
                QVERIFY(saved.ok());
                QCOMPARE(saved.value().pairedDir, s.pairedDir);
            }
        }
        qInfo() << "first supervised loss: heavy synthetic" << firstLoss[0] << "pairs with light hiss" << firstLoss[1];
        QVERIFY2(firstLoss[1] < 0.5 * firstLoss[0], qPrintable(QStringLiteral("%1 vs %2").arg(firstLoss[1]).arg(firstLoss[0])));

        TrainingSettings noPairs = test::tinyTrainingSettings(m_dir.path(), run("post-filter-without-pairs"), 1, 1);
        noPairs.postFilter = true;
        auto refused = runTraining(noPairs, false);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().subject, QStringLiteral("--post-filter"));
        QVERIFY2(refused.error().reason.contains(QStringLiteral("needs --pairs")), qPrintable(refused.error().message()));
    }

    void mixedStepsReportEveryLoss()
    {
        TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run("mixed"), 1, 3);
        s.contrastive = true;
        s.syntheticRatio = 0.5;
        Recorder recorder;
        auto outcome = runTraining(s, false, &recorder);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message()));
        for (const StepReport& r : recorder.steps) {
            QCOMPARE(r.losses.syntheticCount, 2);
            QCOMPARE(r.losses.realCount, 2);
            QVERIFY(r.losses.supervised > 0);
            QVERIFY(r.losses.cycle > 0);
            QVERIFY(r.losses.consistency > 0);
            QVERIFY(r.losses.contrastive > 0);
            const double weighted = 1.0 * r.losses.supervised + 0.2 * r.losses.cycle + 0.3 * r.losses.consistency + 0.1 * r.losses.contrastive;
            QVERIFY(std::abs(weighted - r.losses.total) < 1e-4 * std::max(1.0, weighted));
        }
        QCOMPARE(recorder.epochs.front().realExamples, 6);
    }

    void pseudoLabelsStartAtTheirEpoch()
    {
        TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run("pseudo"), 2, 2);
        s.pseudoLabelFromEpoch = 2;
        Recorder recorder;
        auto outcome = runTraining(s, false, &recorder);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message()));
        QCOMPARE(int(recorder.steps.size()), 4);
        for (const StepReport& r : recorder.steps) {
            QVERIFY(r.losses.realCount > 0);
            if (r.epoch == 1)
                QCOMPARE(r.losses.pseudo, 0.0);
            else
                QVERIFY2(r.losses.pseudo > 0, "epoch 2 uses epoch 1's model as the teacher");
        }
    }

    void curriculumMovesTheRatio()
    {
        TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run("unused"), 8, 1);
        s.strategy = TrainingStrategy::Curriculum;
        QCOMPARE(s.syntheticRatioAt(0), 1.0);
        QVERIFY(std::abs(s.syntheticRatioAt(7) - 0.3) < 1e-12);
        QVERIFY(std::abs(s.syntheticRatioAt(3) - (1.0 - 0.7 * 3.0 / 7.0)) < 1e-12);
        s.strategy = TrainingStrategy::Mixed;
        QCOMPARE(s.syntheticRatioAt(5), 0.7);
    }

    void resumeContinuesExactly()
    {
        const TrainingSettings straight = test::tinyTrainingSettings(m_dir.path(), run("straight"), 2, 3);
        Recorder a;
        QVERIFY(runTraining(straight, false, &a).ok());

        TrainingSettings firstHalf = test::tinyTrainingSettings(m_dir.path(), run("resumed"), 2, 3);
        Recorder b;
        CancellationToken cancel;
        b.cancelAfter = &cancel;
        b.cancelAtStep = 4; // inside epoch 2: epoch 1's checkpoint exists, epoch 2 is dropped
        auto stopped = runTraining(firstHalf, false, &b, &cancel);
        QVERIFY(stopped.ok());
        QVERIFY(stopped.value().cancelled);
        QCOMPARE(stopped.value().lastEpoch, 1);
        QVERIFY(!QFile::exists(run("resumed") + QStringLiteral("/checkpoints/checkpoint_epoch_2.pt")));

        Recorder c;
        auto resumed = runTraining(firstHalf, true, &c);
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().message()));
        QCOMPARE(resumed.value().lastEpoch, 2);
        QCOMPARE(int(c.steps.size()), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(c.steps[i].globalStep, a.steps[3 + i].globalStep);
            QCOMPARE(c.steps[i].losses.total, a.steps[3 + i].losses.total);
        }
        QCOMPARE(readMetrics(run("resumed") + QStringLiteral("/metrics.jsonl")).size(), std::size_t(2));
    }

    void badRunsStopWithClearErrors()
    {
        TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run("bad"), 1, 1);
        s.batchSize = 500;
        auto tooBig = runTraining(s, false);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().subject, QStringLiteral("--batch"));
        QVERIFY2(tooBig.error().reason.contains(QStringLiteral("segments")), qPrintable(tooBig.error().message()));

        s = test::tinyTrainingSettings(m_dir.path(), run("straight"), 1, 1);
        auto exists = runTraining(s, false);
        QVERIFY(!exists.ok());
        QVERIFY(exists.error().reason.contains(QStringLiteral("--resume")));

        s = test::tinyTrainingSettings(m_dir.path(), run("never-run"), 1, 1);
        auto nothing = runTraining(s, true);
        QVERIFY(!nothing.ok());
        QVERIFY(nothing.error().reason.contains(QStringLiteral("no checkpoint")));

        QTemporaryDir empty;
        s = test::tinyTrainingSettings(m_dir.path(), run("empty"), 1, 1);
        s.degradedDir = empty.path();
        auto noAudio = runTraining(s, false);
        QVERIFY(!noAudio.ok());
        QCOMPARE(noAudio.error().subject, empty.path());

        // A loss that overflows stops the run with the NaN/inf message and writes nothing more.
        s = test::tinyTrainingSettings(m_dir.path(), run("inf"), 1, 2);
        s.weights.supervised = 1e39; // beyond float: the weighted loss is infinite
        auto infinite = runTraining(s, false);
        QVERIFY(!infinite.ok());
        QVERIFY2(infinite.error().reason.contains(QStringLiteral("NaN or infinite at epoch 1, step 1")), qPrintable(infinite.error().message()));
        QVERIFY(!QFile::exists(run("inf") + QStringLiteral("/model.pt")));
        QVERIFY(!QFile::exists(run("inf") + QStringLiteral("/checkpoints")));

        s = test::tinyTrainingSettings(m_dir.path(), run("lr"), 1, 1);
        s.learningRate = 0;
        QCOMPARE(runTraining(s, false).error().subject, QStringLiteral("--lr"));
    }

    void cleanDegradedFolderIsReported()
    {
        TrainingSettings s = test::tinyTrainingSettings(m_dir.path(), run("clean-as-degraded"), 1, 1);
        s.degradedDir = m_dir.filePath(QStringLiteral("clean"));
        Recorder recorder;
        QVERIFY(runTraining(s, false, &recorder).ok());
        QVERIFY2(recorder.messages.filter(QStringLiteral("warning")).join(u' ').contains(QStringLiteral("clean")),
                 qPrintable(recorder.messages.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
