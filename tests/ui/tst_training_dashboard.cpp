// The training dashboard under the offscreen platform: charts hold one point per step/epoch of a
// recorded stream, the health banner shows the trainer's message, buttons follow the run's state,
// a crashing fake shellac-cli shows an error while keeping the table, another run's metrics.jsonl
// can be overlaid, and MainWindow opens the dashboard from Training ▸ Dashboard.

#include "TrainingStreamFixture.h"

#include "ui/MainWindow.h"
#include "ui/training/EpochTableModel.h"
#include "ui/training/TrainingCharts.h"
#include "ui/training/TrainingDashboard.h"
#include "ui/training/TrainingProgress.h"
#include "ui/training/TrainingRunController.h"
#include "ui/training/TrainingSettingsForm.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
