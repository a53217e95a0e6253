// `shellac-cli train`: option errors, folder errors, and the JSON-lines progress a parent
// process (the GUI's training dashboard) reads.

#include "CliRunner.h"
#include "TrainingFixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using shellac::test::runCli;

class TestCliTrain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList base(const QString& run) const
    {
        return {QStringLiteral("train"), QStringLiteral("--clean"), m_dir.filePath(QStringLiteral("clean")), QStringLiteral("--degraded"),
                m_dir.filePath(QStringLiteral("degraded")), QStringLiteral("--out"), m_dir.filePath(run), QStringLiteral("--threads"),
                QStringLiteral("1")};
    }

private Q_SLOTS:
    void initTestCase() { shellac::test::writeTrainingFixtures(m_dir.path()); }

    void optionErrorsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("strategy") << QStringList{"--strategy", "magic"} << "--strategy: 'magic'";
        QTest::newRow("ratio") << QStringList{"--synthetic-ratio", "1.5"} << "--synthetic-ratio";
        QTest::newRow("epochs") << QStringList{"--epochs", "x"} << "--epochs: 'x' is not a whole number";
        QTest::newRow("batch") << QStringList{"--batch", "0"} << "--batch";
        QTest::newRow("weights") << QStringList{"--loss-weights", "foo=1"} << "--loss-weights: 'foo=1'";
        QTest::newRow("negative weight") << QStringList{"--loss-weights", "si-sdr=-1"} << "--loss-weights: 'si-sdr=-1'";
        QTest::newRow("progress") << QStringList{"--progress", "xml"} << "--progress: 'xml'";
        QTest::newRow("device") << QStringList{"--device", "tpu"} << "tpu";
        QTest::newRow("post-filter without pairs") << QStringList{"--post-filter"} << "--post-filter: needs --pairs";
    }
    void optionErrorsAreUsageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        const auto r = runCli(base(QStringLiteral("opt")) + extra);
        QVERIFY2(r.exitCode == 2 || r.exitCode == 1, qPrintable(r.err));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("opt/model.pt"))));
    }

    void missingFoldersAreNamed()
    {
        const auto noClean = runCli({QStringLiteral("train"), QStringLiteral("--degraded"), m_dir.path(), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("r"))});
        QCOMPARE(noClean.exitCode, 2);
        QVERIFY2(noClean.err.contains(QStringLiteral("--clean")), qPrintable(noClean.err));
        QStringList args = base(QStringLiteral("r"));
        args[2] = m_dir.filePath(QStringLiteral("nowhere"));
        const auto missing = runCli(args);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("nowhere")) && missing.err.contains(QStringLiteral("does not exist")),
                 qPrintable(missing.err));
        const auto noPairs = runCli(base(QStringLiteral("r")) + QStringList{"--pairs", m_dir.filePath(QStringLiteral("no-pairs"))});
        QCOMPARE(noPairs.exitCode, 1);
        QVERIFY2(noPairs.err.contains(QStringLiteral("no-pairs")) && noPairs.err.contains(QStringLiteral("--pairs folder does not exist")),
                 qPrintable(noPairs.err));
    }

    void jsonProgressForTheDashboard()
    {
        const auto r = runCli(base(QStringLiteral("json")) + QStringList{"--epochs", "1", "--steps-per-epoch", "2", "--batch", "2",
                                                                         "--segment", "0.5", "--progress", "json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList types;
        QJsonObject lastStep, epoch, done;
        for (const QString& line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
            QVERIFY2(doc.isObject(), qPrintable(line)); // stdout is nothing but JSON lines
            const QString type = doc.object().value(QStringLiteral("type")).toString();
            types << type;
            if (type == u"step")
                lastStep = doc.object();
            else if (type == u"epoch")
                epoch = doc.object();
            else if (type == u"done")
                done = doc.object();
        }
        QCOMPARE(types.count(QStringLiteral("step")), 2);
        QCOMPARE(types.count(QStringLiteral("epoch")), 1);
        QCOMPARE(types.last(), QStringLiteral("done"));
        QCOMPARE(lastStep.value(QStringLiteral("step")).toInt(), 2);
        QVERIFY(lastStep.value(QStringLiteral("supervised")).toDouble() > 0);
        QVERIFY(lastStep.contains(QStringLiteral("consistency")) && lastStep.contains(QStringLiteral("eta_s")));
        QVERIFY(epoch.contains(QStringLiteral("si_sdr_improvement_db")));
        QCOMPARE(done.value(QStringLiteral("epochs_completed")).toInt(), 1);
        QVERIFY(QFile::exists(done.value(QStringLiteral("model")).toString()));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("json/checkpoints/checkpoint_epoch_1.pt"))));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
