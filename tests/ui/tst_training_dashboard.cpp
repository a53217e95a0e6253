// The training dashboard under the offscreen platform: charts hold one point per step/epoch of a
// recorded stream, the health banner shows the trainer's message, buttons follow the run's state,
// a crashing fake shellac-cli shows an error while keeping the table, another run's metrics.jsonl
// can be overlaid, and MainWindow opens the dashboard from Training ▸ Dashboard.

#include "TrainingStreamFixture.h"

#include "ui/MainWindow.h"
#include "ui/training/CheckpointList.h"
#include "ui/training/EpochTableModel.h"
#include "ui/training/TrainingCharts.h"
#include "ui/training/TrainingDashboard.h"
#include "ui/training/TrainingProgress.h"
#include "ui/training/TrainingRunController.h"
#include "ui/training/TrainingSettingsForm.h"

#include <QAction>
#include <QCheckBox>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QDoubleSpinBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace shellac;
using shellac::ui::TrainingDashboard;
using State = shellac::ui::TrainingRunController::State;

namespace {

void fillFolders(TrainingDashboard& dashboard, const QTemporaryDir& dir)
{
    dashboard.settingsForm()->cleanEdit()->setText(dir.filePath(QStringLiteral("clean")));
    dashboard.settingsForm()->degradedEdit()->setText(dir.filePath(QStringLiteral("degraded")));
    dashboard.settingsForm()->runEdit()->setText(dir.filePath(QStringLiteral("run")));
}

} // namespace

class TestTrainingDashboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("ShellacTests"));
    }

    void chartsFollowTheStream()
    {
        TrainingDashboard dashboard;
        dashboard.show();
        ui::TrainingProgress* progress = dashboard.controller()->progress();
        const QByteArray stream = test::recordedStream();
        const qsizetype cut = stream.indexOf(test::kEpoch2) + 40; // split inside the epoch line
        progress->feed(stream.left(cut));
        QVERIFY(dashboard.healthBanner()->isHidden());
        progress->feed(stream.mid(cut));

        const ui::TrainingCharts* charts = dashboard.charts();
        QCOMPARE(charts->lossPerStepPlot()->graphCount(), 2);
        QCOMPARE(charts->lossPerStepPlot()->graph(0)->dataCount(), 4); // supervised
        QCOMPARE(charts->lossPerStepPlot()->graph(1)->dataCount(), 4); // consistency
        QCOMPARE(charts->lossPerStepPlot()->graph(0)->data()->at(3)->value, 0.6);
        QCOMPARE(charts->lossPerStepPlot()->graph(1)->data()->at(3)->key, 4.0);
        QCOMPARE(charts->lossPerEpochPlot()->graph(0)->dataCount(), 2);
        QCOMPARE(charts->lossPerEpochPlot()->graph(1)->dataCount(), 2);
        QCOMPARE(charts->lossPerEpochPlot()->graph(1)->data()->at(1)->value, 0.525);
        QCOMPARE(charts->syntheticRatioPlot()->graph(0)->dataCount(), 2);
        QCOMPARE(charts->syntheticRatioPlot()->graph(0)->data()->at(1)->value, 0.6);
        QCOMPARE(charts->realMetricsPlot()->graph(0)->dataCount(), 2);
        QCOMPARE(charts->realMetricsPlot()->graph(1)->dataCount(), 2);
        QCOMPARE(charts->realMetricsPlot()->graph(0)->data()->at(1)->value, 0.47);
        QCOMPARE(charts->siSdrPlot()->graph(0)->dataCount(), 2);
        QCOMPARE(charts->siSdrPlot()->graph(0)->data()->at(1)->value, 3.25);

        QCOMPARE(dashboard.epochTable()->rowCount(), 2);
        QCOMPARE(dashboard.epochTable()->index(1, ui::EpochTableModel::HealthColumn).data().toString(),
                 QStringLiteral("gap_not_narrowing"));
        QCOMPARE(dashboard.epochTable()->index(1, ui::EpochTableModel::SiSdrColumn).data().toString(), QStringLiteral("+3.25"));

        QVERIFY(!dashboard.healthBanner()->isHidden());
        QVERIFY2(dashboard.healthBanner()->text().contains(QString::fromUtf8(test::kGapMessage)),
                 qPrintable(dashboard.healthBanner()->text()));
        QVERIFY(dashboard.healthBanner()->text().contains(QStringLiteral("Epoch 2")));
        QVERIFY2(dashboard.etaLabel()->text().contains(QStringLiteral("43 s")), qPrintable(dashboard.etaLabel()->text()));
        QVERIFY(dashboard.etaLabel()->text().contains(QStringLiteral("epoch 2/2")));
        QVERIFY(dashboard.errorBanner()->isHidden());

        // A resumed stream rewinds: the charts are redrawn from the model.
        progress->feed(test::kStep3 + '\n');
        QCOMPARE(charts->lossPerStepPlot()->graph(0)->dataCount(), 3);
        progress->clear();
        QCOMPARE(charts->lossPerStepPlot()->graph(0)->dataCount(), 0);
        QCOMPARE(charts->siSdrPlot()->graph(0)->dataCount(), 0);
        QVERIFY(dashboard.healthBanner()->isHidden());
    }

    void buttonsFollowSettingsAndCheckpoints()
    {
        QTemporaryDir dir;
        TrainingDashboard dashboard;
        QVERIFY(!dashboard.startButton()->isEnabled()); // folders missing
        QVERIFY(!dashboard.cancelButton()->isEnabled());
        QVERIFY(!dashboard.resumeButton()->isEnabled());
        fillFolders(dashboard, dir);
        QVERIFY(dashboard.startButton()->isEnabled());
        QVERIFY(!dashboard.resumeButton()->isEnabled()); // no checkpoints yet
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("run/checkpoints/checkpoint_epoch_1.pt")), "pt"));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("run/metrics.jsonl")), test::metricsLine(1, 0.8, 0.5) + '\n'));
        Q_EMIT dashboard.settingsForm()->runFolderChosen(dir.filePath(QStringLiteral("run")));
        QVERIFY(dashboard.resumeButton()->isEnabled());
        QCOMPARE(dashboard.epochTable()->rowCount(), 1); // the run's history was loaded
        QCOMPARE(dashboard.charts()->lossPerEpochPlot()->graph(0)->dataCount(), 1);

        // Defaults are the trainer's.
        const ui::TrainingRunSettings s = dashboard.settingsForm()->settings();
        QCOMPARE(s.strategy, QStringLiteral("mixed"));
        QCOMPARE(s.syntheticRatio, 0.7);
        QCOMPARE(s.epochs, 20);
        QCOMPARE(s.batchSize, 8);
        QCOMPARE(s.device, QStringLiteral("auto"));
        QVERIFY(!dashboard.settingsForm()->ratioBox()->toolTip().isEmpty());
    }

    void runningCancellingAndCrashing()
    {
        QTemporaryDir dir;
        TrainingDashboard dashboard;
        dashboard.show();
        fillFolders(dashboard, dir);
        const QByteArray lines = test::kStep1 + '\n' + test::kStep2 + '\n' + test::kEpoch1 + '\n' + test::kStep3;
        // Waits for a file to appear so the test sees the Running state, then crashes.
        const QString go = dir.filePath(QStringLiteral("go"));
        dashboard.controller()->setCliPath(test::writeFakeCli(
            dir.path(), lines, QStringLiteral("while [ ! -e '%1' ]; do sleep 0.02; done; kill -9 $$").arg(go).toUtf8()));
        QTest::mouseClick(dashboard.startButton(), Qt::LeftButton);
        QCOMPARE(dashboard.controller()->state(), State::Running);
        QVERIFY(!dashboard.startButton()->isEnabled());
        QVERIFY(!dashboard.resumeButton()->isEnabled());
        QVERIFY(dashboard.cancelButton()->isEnabled());
        QVERIFY(!dashboard.settingsForm()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.epochTable()->rowCount(), 1, 5000);
        QVERIFY(test::writeFile(go, "1"));
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.controller()->isActive(), 5000);

        QCOMPARE(dashboard.controller()->state(), State::Failed);
        QVERIFY(!dashboard.errorBanner()->isHidden());
        QVERIFY2(dashboard.errorBanner()->text().contains(QStringLiteral("crashed")), qPrintable(dashboard.errorBanner()->text()));
        QCOMPARE(dashboard.epochTable()->rowCount(), 1); // metrics kept
        QCOMPARE(dashboard.charts()->lossPerStepPlot()->graph(0)->dataCount(), 3);
        QVERIFY(dashboard.startButton()->isEnabled());
        QVERIFY(!dashboard.cancelButton()->isEnabled());
        QVERIFY(dashboard.settingsForm()->isEnabled());
    }

    void pauseStopsTheTrainerAndContinueGoesOn()
    {
        QTemporaryDir dir;
        TrainingDashboard dashboard;
        fillFolders(dashboard, dir);
        // A trainer that counts while it runs and exits 130 on SIGTERM, like the real one.
        const QString count = dir.filePath(QStringLiteral("count"));
        dashboard.controller()->setCliPath(test::writeFakeCli(
            dir.path(), test::kStep1,
            QStringLiteral("i=0; while true; do i=$((i+1)); echo $i > '%1'; sleep 0.02; done").arg(count).toUtf8(),
            "trap 'exit 130' TERM"));
        auto counted = [&] {
            QFile f(count);
            return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt() : 0;
        };
        QTest::mouseClick(dashboard.startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(counted() > 2, 5000);
        QVERIFY(dashboard.pauseButton()->isEnabled());
        QTest::mouseClick(dashboard.pauseButton(), Qt::LeftButton);
        QCOMPARE(dashboard.controller()->state(), State::Paused);
        QVERIFY(dashboard.controller()->isActive());
        QTest::qWait(150); // a step that was under way when the signal came may still finish
        const int paused = counted();
        QTest::qWait(400);
        QCOMPARE(counted(), paused); // stopped: no progress while paused
        QTest::mouseClick(dashboard.pauseButton(), Qt::LeftButton); // now "Continue"
        QCOMPARE(dashboard.controller()->state(), State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(counted() > paused + 2, 5000);
        // A paused run can be cancelled too.
        QVERIFY(dashboard.controller()->pause());
        dashboard.controller()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.controller()->isActive(), 10000);
        QCOMPARE(dashboard.controller()->state(), State::Cancelled);
    }

    void lossWeightsReachTheTrainerAndSettingsRoundTrip()
    {
        QTemporaryDir dir;
        TrainingDashboard dashboard;
        fillFolders(dashboard, dir);
        auto* consistency = dashboard.settingsForm()->findChild<QDoubleSpinBox*>(QStringLiteral("lossWeight_consistency"));
        QVERIFY(consistency != nullptr);
        consistency->setValue(0.55);
        const ui::TrainingRunSettings settings = dashboard.settingsForm()->settings();
        QCOMPARE(settings.consistencyWeight, 0.55);
        const QStringList args = settings.arguments(false);
        const auto at = args.indexOf(QStringLiteral("--loss-weights"));
        QVERIFY(at > 0);
        QCOMPARE(args.at(at + 1), QStringLiteral("supervised=1,cycle=0.2,consistency=0.55,contrastive=0.1,si-sdr=0"));
        QVERIFY(!args.contains(QStringLiteral("--pairs")) && !args.contains(QStringLiteral("--post-filter")));

        // A post-filter run: needs the paired folder, then passes it, the flag and the SI-SDR weight.
        dashboard.settingsForm()->postFilterBox()->setChecked(true);
        QVERIFY(dashboard.settingsForm()->settings().problem().contains(QStringLiteral("paired")));
        QVERIFY(!dashboard.startButton()->isEnabled());
        dashboard.settingsForm()->pairsEdit()->setText(dir.filePath(QStringLiteral("pairs")));
        dashboard.settingsForm()->findChild<QDoubleSpinBox*>(QStringLiteral("lossWeight_si-sdr"))->setValue(0.5);
        QVERIFY(dashboard.startButton()->isEnabled());
        const ui::TrainingRunSettings postFilter = dashboard.settingsForm()->settings();
        const QStringList pfArgs = postFilter.arguments(false);
        QCOMPARE(pfArgs.at(pfArgs.indexOf(QStringLiteral("--pairs")) + 1), dir.filePath(QStringLiteral("pairs")));
        QVERIFY(pfArgs.contains(QStringLiteral("--post-filter")));
        QVERIFY(pfArgs.at(pfArgs.indexOf(QStringLiteral("--loss-weights")) + 1).endsWith(QStringLiteral(",si-sdr=0.5")));
        const auto pfBack = ui::TrainingRunSettings::fromJson(postFilter.toJson());
        QVERIFY(pfBack);
        QCOMPARE(pfBack.value().arguments(true), postFilter.arguments(true));
        dashboard.settingsForm()->setSettings(settings);
        QVERIFY(!dashboard.settingsForm()->postFilterBox()->isChecked());
        QVERIFY(dashboard.settingsForm()->pairsEdit()->text().isEmpty());

        const auto back = ui::TrainingRunSettings::fromJson(settings.toJson());
        QVERIFY(back);
        QCOMPARE(back.value().arguments(true), settings.arguments(true));
        QJsonObject broken = settings.toJson();
        broken.insert(QStringLiteral("epochs"), QStringLiteral("many"));
        const auto refused = ui::TrainingRunSettings::fromJson(broken);
        QVERIFY(!refused);
        QCOMPARE(refused.error().subject, QStringLiteral("training.epochs"));
        QJsonObject weights = settings.toJson().value(QStringLiteral("loss_weights")).toObject();
        weights.insert(QStringLiteral("cycle"), -1);
        broken = settings.toJson();
        broken.insert(QStringLiteral("loss_weights"), weights);
        QCOMPARE(ui::TrainingRunSettings::fromJson(broken).error().subject, QStringLiteral("training.loss_weights.cycle"));
    }

    void checkpointsAreListedWithTheirFigures()
    {
        QTemporaryDir dir;
        const QString run = dir.filePath(QStringLiteral("run"));
        for (const char* name : {"best.pt", "model.pt", "checkpoints/checkpoint_epoch_1.pt", "checkpoints/checkpoint_epoch_2.pt",
                                 "checkpoints/checkpoint_epoch_10.pt", "checkpoints/notes.txt"})
            QVERIFY(test::writeFile(QDir(run).filePath(QString::fromLatin1(name)), "pt"));
        const auto entries = ui::CheckpointList::entriesOf(run);
        QCOMPARE(entries.size(), 5);
        QVERIFY(entries.at(0).path.endsWith(QStringLiteral("best.pt")));
        QVERIFY(entries.at(1).path.endsWith(QStringLiteral("model.pt")));
        QCOMPARE(entries.at(2).epoch, 10); // newest epoch first, numerically
        QCOMPARE(entries.at(3).epoch, 2);
        QCOMPARE(entries.at(4).epoch, 1);

        TrainingDashboard dashboard;
        QVERIFY(test::writeFile(QDir(run).filePath(QStringLiteral("metrics.jsonl")),
                                test::metricsLine(1, 0.9, 0.6) + '\n' + test::metricsLine(2, 0.8, 0.55) + '\n'));
        dashboard.settingsForm()->runEdit()->setText(run);
        Q_EMIT dashboard.settingsForm()->runFolderChosen(run);
        ui::CheckpointList* list = dashboard.checkpoints();
        QCOMPARE(list->count(), 5);
        QSignalSpy preview(list, &ui::CheckpointList::previewRequested);
        QSignalSpy use(list, &ui::CheckpointList::useAsRestorerRequested);
        auto* previewButton = list->findChild<QPushButton*>(QStringLiteral("checkpointPreview"));
        auto* useButton = list->findChild<QPushButton*>(QStringLiteral("checkpointUse"));
        QVERIFY(!previewButton->isEnabled()); // nothing chosen yet
        list->selectRow(3); // epoch 2
        QVERIFY(previewButton->isEnabled());
        QTest::mouseClick(previewButton, Qt::LeftButton);
        QTest::mouseClick(useButton, Qt::LeftButton);
        QCOMPARE(preview.count(), 1);
        QCOMPARE(preview.at(0).at(0).toString(), entries.at(3).path);
        QCOMPARE(use.at(0).at(0).toString(), entries.at(3).path);
    }

    void comparedRunsGoOnTheEpochLossChart()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("baseline/metrics.jsonl")),
                                test::metricsLine(1, 0.9, 0.6) + '\n' + test::metricsLine(2, 0.8, 0.55) + '\n'
                                    + test::metricsLine(3, 0.7, 0.5) + '\n'));
        TrainingDashboard dashboard;
        QVERIFY(dashboard.addComparisonRun(dir.filePath(QStringLiteral("baseline"))));
        QCustomPlot* plot = dashboard.charts()->lossPerEpochPlot();
        QCOMPARE(plot->graphCount(), 4);
        QCOMPARE(plot->graph(2)->dataCount(), 3);
        QCOMPARE(plot->graph(3)->data()->at(2)->value, 0.5);
        QVERIFY(plot->graph(2)->name().startsWith(QStringLiteral("baseline")));
        QCOMPARE(dashboard.charts()->comparisonRunCount(), 1);

        QVERIFY(!dashboard.addComparisonRun(dir.filePath(QStringLiteral("missing"))));
        QVERIFY(!dashboard.errorBanner()->isHidden());
        QCOMPARE(plot->graphCount(), 4);
        dashboard.charts()->clearComparisonRuns();
        QCOMPARE(plot->graphCount(), 2);
    }

    void formatDuration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << -1.0 << QStringLiteral("–");
        QTest::newRow("seconds") << 42.5 << QStringLiteral("43 s");
        QTest::newRow("minutes") << 245.0 << QStringLiteral("4 min 05 s");
        QTest::newRow("hours") << 7620.0 << QStringLiteral("2 h 07 min");
    }

    void formatDuration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(TrainingDashboard::formatDuration(seconds), text);
    }

    void mainWindowOpensTheDashboard()
    {
        ui::MainWindow window;
        window.show();
        QVERIFY(window.trainingDashboard() == nullptr);
        auto* action = window.findChild<QAction*>(QStringLiteral("actionTrainingDashboard"));
        QVERIFY(action != nullptr);
        action->trigger();
        QVERIFY(window.trainingDashboard() != nullptr);
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("trainingDock"));
        QVERIFY(dock != nullptr);
        QVERIFY(dock->isVisible());
        QCOMPARE(dock->widget(), static_cast<QWidget*>(window.trainingDashboard()));
        action->trigger(); // again: the same dashboard
        QCOMPARE(window.findChildren<TrainingDashboard*>().size(), 1);
    }
};

QTEST_MAIN(TestTrainingDashboard)
#include "tst_training_dashboard.moc"
