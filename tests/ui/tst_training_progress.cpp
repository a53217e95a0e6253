// The training dashboard's GUI-free half: TrainingProgress parsing a recorded
// `shellac-cli train --progress json` stream (split lines, a malformed line), loading
// metrics.jsonl, and TrainingRunController driving fake shellac-cli scripts (crash, cancel by
// SIGTERM, trainer error, --resume arguments, missing executable).

#include "TestSignals.h"
#include "TrainingStreamFixture.h"

#include "ui/training/TrainingProgress.h"
#include "ui/training/TrainingRunController.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace shellac;
using shellac::ui::TrainingProgress;
using shellac::ui::TrainingRunController;
using shellac::ui::TrainingRunSettings;
using State = shellac::ui::TrainingRunController::State;

namespace {

TrainingRunSettings settingsIn(const QTemporaryDir& dir)
{
    TrainingRunSettings s;
    s.cleanDir = dir.filePath(QStringLiteral("clean"));
    s.degradedDir = dir.filePath(QStringLiteral("degraded"));
    s.runDir = dir.filePath(QStringLiteral("run"));
    s.epochs = 2;
    return s;
}

QStringList recordedArguments(const QTemporaryDir& dir)
{
    QFile file(dir.filePath(QStringLiteral("args.txt")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestTrainingProgress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesRecordedStreamInOddChunks()
    {
        TrainingProgress progress;
        QSignalSpy steps(&progress, &TrainingProgress::stepAdded);
        QSignalSpy epochs(&progress, &TrainingProgress::epochAdded);
        QSignalSpy problems(&progress, &TrainingProgress::parseProblem);
        QSignalSpy done(&progress, &TrainingProgress::doneReceived);

        const QByteArray stream = test::recordedStream();
        // Split step 4's line in the middle (across two reads), then feed the rest 7 bytes at a time.
        const qsizetype cut = stream.indexOf(test::kStep4) + test::kStep4.size() / 2;
        progress.feed(stream.left(cut));
        QCOMPARE(progress.steps().size(), 3);
        progress.feed(stream.mid(cut, 5));
        QCOMPARE(progress.steps().size(), 3); // still no newline
        for (qsizetype at = cut + 5; at < stream.size(); at += 7)
            progress.feed(stream.mid(at, 7));
        progress.finishStream();

        QCOMPARE(steps.size(), 4);
        QCOMPARE(epochs.size(), 2);
        QCOMPARE(progress.steps().size(), 4);
        QCOMPARE(progress.epochs().size(), 2);
        const ui::TrainingStep& last = progress.steps().last();
        QCOMPARE(last.globalStep, 4LL);
        QCOMPARE(last.epoch, 2);
        QCOMPARE(last.step, 2);
        QCOMPARE(last.stepsPerEpoch, 2);
        QCOMPARE(last.supervised, 0.6);
        QCOMPARE(last.consistency, 0.55);
        QCOMPARE(last.loss, 0.86);
        QCOMPARE(last.synthetic, 6);
        QCOMPARE(last.real, 2);
        QCOMPARE(last.learningRate, 0.0008);
        QCOMPARE(progress.etaSeconds(), 42.5);
        QCOMPARE(progress.steps().first().supervised, 0.9);

        const ui::TrainingEpoch& e2 = progress.epochs().last();
        QCOMPARE(e2.epoch, 2);
        QCOMPARE(e2.supervisedLoss, 0.65);
        QCOMPARE(e2.consistencyLoss, 0.525);
        QCOMPARE(e2.syntheticRatio, 0.6);
        QCOMPARE(e2.impulseRemovalRate, 0.47);
        QCOMPARE(e2.transientPreservation, 0.95);
        QCOMPARE(e2.siSdrImprovementDb, 3.25);
        QCOMPARE(e2.syntheticExamples, 12LL);
        QCOMPARE(e2.seconds, 59.0);
        QCOMPARE(e2.health, QStringList{QStringLiteral("gap_not_narrowing")});
        QVERIFY(progress.epochs().first().warnings.isEmpty());

        // Health warnings: code and the trainer's message, only on epoch 2.
        QCOMPARE(progress.currentWarnings().size(), 1);
        QCOMPARE(progress.currentWarnings().first().code, QStringLiteral("gap_not_narrowing"));
        QCOMPARE(progress.currentWarnings().first().message, QString::fromUtf8(test::kGapMessage));
        QCOMPARE(progress.currentWarnings().first().epoch, 2);
        QCOMPARE(progress.allWarnings().size(), 1);

        // The malformed line is a recorded problem (line 6), not fatal.
        QCOMPARE(problems.size(), 1);
        QCOMPARE(progress.parseProblems().size(), 1);
        QVERIFY2(progress.parseProblems().first().startsWith(QStringLiteral("line 6:")), qPrintable(progress.parseProblems().first()));

        QCOMPARE(progress.messages(), QStringList{QStringLiteral("mixed strategy: 12 clean, 5 degraded files; 40 steps per epoch")});
        QVERIFY(progress.lastError().isEmpty());
        QVERIFY(progress.isDone());
        QCOMPARE(done.size(), 1);
        QCOMPARE(progress.doneInfo().epochsCompleted, 2);
        QCOMPARE(progress.doneInfo().cancelled, false);
        QCOMPARE(progress.doneInfo().modelPath, QStringLiteral("/runs/a/model.pt"));
    }

    void lastLineWithoutNewlineIsParsedAtEndOfStream()
    {
        TrainingProgress progress;
        progress.feed(test::kStep1 + '\n' + R"({"type":"error","message":"--clean: no audio files"})");
        QVERIFY(progress.lastError().isEmpty());
        progress.finishStream();
        QCOMPARE(progress.lastError(), QStringLiteral("--clean: no audio files"));
        QVERIFY(!progress.isDone());
        QVERIFY(progress.parseProblems().isEmpty());
    }

    void notAnObjectAndUnknownTypes()
    {
        TrainingProgress progress;
        progress.feed("[1,2,3]\n{\"type\":\"from_the_future\",\"x\":1}\nwarning: libtorch says hello\n\n");
        QCOMPARE(progress.parseProblems().size(), 2); // the array and the plain text; the unknown type is ignored
        QVERIFY(progress.parseProblems().at(0).startsWith(QStringLiteral("line 1:")));
        QVERIFY(progress.parseProblems().at(1).startsWith(QStringLiteral("line 3:")));
        QVERIFY(progress.steps().isEmpty());
    }

    void resumedStreamRewindsTheSeries()
    {
        TrainingProgress progress;
        progress.feed(test::kStep1 + '\n' + test::kStep2 + '\n' + test::kEpoch1 + '\n' + test::kStep3 + '\n');
        QSignalSpy reset(&progress, &TrainingProgress::seriesReset);
        // A resumed run starts again at the step after the last checkpoint (global step 3).
        progress.feed(test::kStep3 + '\n' + test::kEpoch1 + '\n');
        QCOMPARE(reset.size(), 2);
        QCOMPARE(progress.steps().size(), 3);
        QCOMPARE(progress.epochs().size(), 1);
    }

    void loadsMetricsJsonl()
    {
        QTemporaryDir dir;
        const QByteArray metrics = test::metricsLine(1, 0.9, 0.6) + '\n' + "{broken\n"
                                   + test::metricsLine(2, 0.7, 0.55) + '\n'
                                   + test::metricsLine(3, 0.5, 0.58, "overfitting_to_synthetic") + '\n';
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("run/metrics.jsonl")), metrics));

        TrainingProgress progress;
        progress.feed(test::kStep1 + '\n'); // replaced by the load
        QSignalSpy reset(&progress, &TrainingProgress::seriesReset);
        QString error;
        QVERIFY2(progress.loadMetrics(dir.filePath(QStringLiteral("run")), &error), qPrintable(error));
        QCOMPARE(reset.size(), 1);
        QVERIFY(progress.steps().isEmpty());
        QCOMPARE(progress.epochs().size(), 3);
        QCOMPARE(progress.epochs().at(1).supervisedLoss, 0.7);
        QCOMPARE(progress.epochs().last().consistencyLoss, 0.58);
        QCOMPARE(progress.epochs().last().siSdrImprovementDb, 1.5);
        QCOMPARE(progress.parseProblems().size(), 1);
        QVERIFY(progress.parseProblems().first().contains(QStringLiteral("line 2")));
        // metrics.jsonl has codes only: the code stands in for the message.
        QCOMPARE(progress.currentWarnings().size(), 1);
        QCOMPARE(progress.currentWarnings().first().code, QStringLiteral("overfitting_to_synthetic"));

        QList<ui::TrainingEpoch> epochs;
        QVERIFY(TrainingProgress::readMetricsFile(dir.filePath(QStringLiteral("run/metrics.jsonl")), epochs));
        QCOMPARE(epochs.size(), 3);

        QVERIFY(!progress.loadMetrics(dir.filePath(QStringLiteral("nowhere")), &error));
        QVERIFY2(error.contains(QStringLiteral("metrics.jsonl")), qPrintable(error));
        QCOMPARE(progress.epochs().size(), 3); // a failed load keeps what was there
    }

    void argumentsOfARun()
    {
        TrainingRunSettings s;
        s.cleanDir = QStringLiteral("/c");
        s.degradedDir = QStringLiteral("/d");
        s.runDir = QStringLiteral("/r");
        s.contrastive = true;
        s.strategy = QStringLiteral("curriculum");
        const QStringList args = s.arguments(false);
        QCOMPARE(args.first(), QStringLiteral("train"));
        QVERIFY(args.contains(QStringLiteral("--contrastive")));
        QVERIFY(!args.contains(QStringLiteral("--resume")));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--strategy")) + 1), QStringLiteral("curriculum"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--synthetic-ratio")) + 1), QStringLiteral("0.7"));
        QCOMPARE(args.mid(args.size() - 2), (QStringList{QStringLiteral("--progress"), QStringLiteral("json")}));
        QVERIFY(s.arguments(true).contains(QStringLiteral("--resume")));
        QVERIFY(s.problem().isEmpty());
        s.degradedDir.clear();
        QVERIFY(!s.problem().isEmpty());
    }

    void crashedChildKeepsMetricsAndReportsAnError()
    {
        QTemporaryDir dir;
        const QByteArray lines = test::kMessageLine + '\n' + test::kStep1 + '\n' + test::kStep2 + '\n' + test::kEpoch1 + '\n' + test::kStep3;
        TrainingRunController controller;
        controller.setCliPath(test::writeFakeCli(dir.path(), lines, "kill -9 $$"));
        QSignalSpy failed(&controller, &TrainingRunController::failed);
        QVERIFY(controller.start(settingsIn(dir)));
        QCOMPARE(controller.state(), State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 5000);

        QCOMPARE(controller.state(), State::Failed);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(controller.errorMessage().contains(QStringLiteral("crashed")), qPrintable(controller.errorMessage()));
        QVERIFY(controller.errorMessage().contains(QStringLiteral("kept")));
        QCOMPARE(controller.progress()->steps().size(), 3);
        QCOMPARE(controller.progress()->epochs().size(), 1);
        QCOMPARE(controller.progress()->epochs().first().impulseRemovalRate, 0.41);
        QVERIFY(!controller.progress()->isDone());
        QVERIFY(!recordedArguments(dir).contains(QStringLiteral("--resume")));
        QVERIFY(recordedArguments(dir).contains(QStringLiteral("json")));
    }

    void nonZeroExitWithoutDoneIsAnErrorWithStderr()
    {
        QTemporaryDir dir;
        TrainingRunController controller;
        controller.setCliPath(test::writeFakeCli(dir.path(), test::kStep1, "echo 'std::bad_alloc' >&2; exit 3"));
        QVERIFY(controller.start(settingsIn(dir)));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 5000);
        QCOMPARE(controller.state(), State::Failed);
        QCOMPARE(controller.exitCode(), 3);
        QVERIFY2(controller.errorMessage().contains(QStringLiteral("exit code 3")), qPrintable(controller.errorMessage()));
        QVERIFY(controller.errorMessage().contains(QStringLiteral("std::bad_alloc")));
        QCOMPARE(controller.progress()->steps().size(), 1);
    }

    void trainerErrorLineIsTheMessage()
    {
        QTemporaryDir dir;
        TrainingRunController controller;
        controller.setCliPath(test::writeFakeCli(
            dir.path(), R"({"type":"error","message":"run: already holds the checkpoints of a run; use --resume"})", "exit 1"));
        QVERIFY(controller.start(settingsIn(dir)));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 5000);
        QCOMPARE(controller.state(), State::Failed);
        QVERIFY2(controller.errorMessage().contains(QStringLiteral("already holds the checkpoints")), qPrintable(controller.errorMessage()));
    }

    void cancelSendsTermAndTheRunEndsCancelled()
    {
        QTemporaryDir dir;
        const QByteArray trap =
            "trap 'echo '\\''{\"type\":\"done\",\"epochs_completed\":1,\"cancelled\":true,\"model\":\"m.pt\",\"checkpoint\":\"c.pt\"}'\\''; exit 130' TERM";
        TrainingRunController controller;
        controller.setCliPath(test::writeFakeCli(dir.path(), test::kStep1 + '\n' + test::kStep2 + '\n' + test::kEpoch1,
                                                 "while :; do sleep 0.05; done", trap));
        QVERIFY(controller.start(settingsIn(dir)));
        QTRY_COMPARE_WITH_TIMEOUT(controller.progress()->epochs().size(), 1, 5000);
        controller.cancel();
        QCOMPARE(controller.state(), State::Cancelling);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 5000);
        QCOMPARE(controller.state(), State::Cancelled);
        QCOMPARE(controller.exitCode(), 130);
        QVERIFY(controller.progress()->isDone());
        QVERIFY(controller.progress()->doneInfo().cancelled);
        QVERIFY(controller.errorMessage().isEmpty());
        QCOMPARE(controller.progress()->steps().size(), 2);
    }

    void cancelKillsATrainerThatIgnoresTerm()
    {
        QTemporaryDir dir;
        TrainingRunController controller;
        controller.setKillTimeoutMs(300);
        controller.setCliPath(test::writeFakeCli(dir.path(), test::kStep1, "while :; do sleep 0.05; done", "trap '' TERM"));
        QVERIFY(controller.start(settingsIn(dir)));
        QTRY_COMPARE_WITH_TIMEOUT(controller.progress()->steps().size(), 1, 5000);
        controller.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 5000);
        QCOMPARE(controller.state(), State::Cancelled);
        QCOMPARE(controller.progress()->steps().size(), 1);
    }

    void resumePassesResumeAndContinuesTheHistory()
    {
        QTemporaryDir dir;
        TrainingRunSettings settings = settingsIn(dir);
        QVERIFY(test::writeFile(QDir(settings.runDir).filePath(QStringLiteral("metrics.jsonl")), test::metricsLine(1, 0.85, 0.5) + '\n'));
        TrainingRunController controller;
        controller.setCliPath(test::writeFakeCli(dir.path(), test::kStep3 + '\n' + test::kStep4 + '\n' + test::kEpoch2 + '\n' + test::kDone,
                                                 "exit 0"));
        QVERIFY(controller.resume(settings));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 5000);
        QCOMPARE(controller.state(), State::Finished);

        const QStringList args = recordedArguments(dir);
        QVERIFY2(args.contains(QStringLiteral("--resume")), qPrintable(args.join(QLatin1Char(' '))));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--out")) + 1), settings.runDir);
        QCOMPARE(args, controller.lastArguments());
        QCOMPARE(controller.progress()->epochs().size(), 2); // epoch 1 from metrics.jsonl, epoch 2 streamed
        QCOMPARE(controller.progress()->epochs().first().supervisedLoss, 0.85);
        QCOMPARE(controller.progress()->steps().size(), 2);
        QCOMPARE(controller.progress()->doneInfo().epochsCompleted, 2);
    }

    void missingTrainerIsAReadableError()
    {
        QTemporaryDir dir;
        TrainingRunController controller;
        controller.setCliPath(dir.filePath(QStringLiteral("no-such-shellac-cli")));
        QSignalSpy failed(&controller, &TrainingRunController::failed);
        QVERIFY(!controller.start(settingsIn(dir)));
        QCOMPARE(controller.state(), State::Failed);
        QCOMPARE(failed.size(), 1);
        QVERIFY(controller.errorMessage().contains(QStringLiteral("no-such-shellac-cli")));
    }

    // End to end with the real trainer on two generated files: SHELLAC_TEST_CLI or the build's
    // shellac-cli; skipped when neither has been built.
    void realTrainerRunsResumesAndCancels()
    {
        QString cli = qEnvironmentVariable("SHELLAC_TEST_CLI", QStringLiteral(SHELLAC_CLI_PATH));
        if (!QFileInfo(cli).isExecutable())
            QSKIP("shellac-cli is not built (set SHELLAC_TEST_CLI to use another build)");
        QTemporaryDir dir;
        TrainingRunSettings settings = settingsIn(dir);
        QDir().mkpath(settings.cleanDir);
        QDir().mkpath(settings.degradedDir);
        shellac::AudioBlock music = shellac::test::sine(1, 3 * 22050, 22050, 330.0, 0.3);
        shellac::test::writeAudio(settings.cleanDir + QStringLiteral("/a.wav"), music, 22050);
        std::mt19937 rng(3);
        std::normal_distribution<float> hiss(0.0f, 0.02f);
        for (float& v : music.channel(0))
            v += hiss(rng);
        shellac::test::writeAudio(settings.degradedDir + QStringLiteral("/a.wav"), music, 22050);
        settings.epochs = 1;
        settings.stepsPerEpoch = 2;
        settings.batchSize = 2;
        settings.segmentSeconds = 0.5;
        settings.device = QStringLiteral("cpu");
        settings.threads = 1; // LibTorch's spinning worker threads crawl on a busy machine

        TrainingRunController controller;
        controller.setCliPath(cli);
        QVERIFY(controller.start(settings));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 30000);
        QVERIFY2(controller.state() == State::Finished, qPrintable(controller.errorMessage() + controller.stderrTail()));
        QCOMPARE(controller.progress()->steps().size(), 2);
        QCOMPARE(controller.progress()->epochs().size(), 1);
        QVERIFY(controller.progress()->parseProblems().isEmpty());
        QVERIFY(QFileInfo::exists(controller.progress()->doneInfo().modelPath));

        settings.epochs = 2; // resume continues to epoch 2
        QVERIFY(controller.resume(settings));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 30000);
        QVERIFY2(controller.state() == State::Finished, qPrintable(controller.errorMessage() + controller.stderrTail()));
        QCOMPARE(controller.progress()->epochs().size(), 2);
        QCOMPARE(controller.progress()->epochs().last().epoch, 2);
        QCOMPARE(controller.progress()->steps().size(), 2); // this session's steps; epoch 1 came from metrics.jsonl
        QCOMPARE(controller.progress()->steps().first().globalStep, 3LL);

        settings.runDir = dir.filePath(QStringLiteral("run-cancelled"));
        settings.epochs = 3;
        settings.stepsPerEpoch = 200;
        QVERIFY(controller.start(settings));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.progress()->steps().isEmpty(), 30000);
        controller.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 30000);
        QCOMPARE(controller.state(), State::Cancelled);
        QCOMPARE(controller.exitCode(), 130);
        QVERIFY(controller.progress()->doneInfo().cancelled);
        QVERIFY(controller.progress()->steps().size() < 200);
    }
};

QTEST_GUILESS_MAIN(TestTrainingProgress)
#include "tst_training_progress.moc"
