// `shellac-cli restore --method neural` end to end with a tiny untrained model: output shape,
// report, and the errors for bad models, --mix out of range and options of the other engine.

#include "CliRunner.h"
#include "TestSignals.h"
#include "TrainingFixtures.h"

#include "ml/NeuralModel.h"
#include "project/ProjectFile.h"
#include "restore/RestorationReport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace shellac;
using test::runCli;

class TestCliRestoreNeural : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto model = ml::NeuralModel::create(test::tinyNetConfig(), 1);
        QVERIFY(model.ok());
        model.value()->setMetadata({{QStringLiteral("epoch"), 3}});
        QVERIFY(model.value()->save(path("tiny.pt")).ok());
        // The same network marked as trained behind the classical engine (train --post-filter).
        model.value()->setMetadata({{QStringLiteral("settings"), QJsonObject{{QStringLiteral("post_filter"), true}}}});
        QVERIFY(model.value()->save(path("post-filter.pt")).ok());
        // Stereo at 44.1 kHz: another rate than the model's 16 kHz, an odd length.
        test::writeAudio(path("in.wav"), test::sine(2, 44100 * 2 + 17, 44100, 440.0, 0.3), 44100);
        QFile junk(path("junk.pt"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a model at all");
    }

    void restoresWithAModelFile()
    {
        const auto run = runCli({QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"), path("out.wav"),
                                 QStringLiteral("--method"), QStringLiteral("neural"), QStringLiteral("--model"),
                                 path("tiny.pt"), QStringLiteral("--mix"), QStringLiteral("0.8"),
                                 QStringLiteral("--residual"), path("residual.wav"), QStringLiteral("--report"),
                                 path("report.json"), QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        int inRate = 0, outRate = 0;
        const AudioBlock in = test::readAudio(path("in.wav"), &inRate);
        const AudioBlock out = test::readAudio(path("out.wav"), &outRate);
        QCOMPARE(outRate, inRate);
        QCOMPARE(out.channels(), in.channels());
        QCOMPARE(out.frames(), in.frames());
        for (int c = 0; c < out.channels(); ++c)
            for (float v : out.channel(c))
                QVERIFY(std::isfinite(v));
        QCOMPARE(test::readAudio(path("residual.wav")).frames(), in.frames());

        QFile f(path("report.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("neural"));
        QCOMPARE(report.value(QStringLiteral("model_sample_rate")).toInt(), test::kTrainingRate);
        QCOMPARE(report.value(QStringLiteral("mix")).toDouble(), 0.8);
        QCOMPARE(report.value(QStringLiteral("model_metadata_epoch")).toInt(), 3);
        QVERIFY(report.value(QStringLiteral("chunks")).toInt() >= 1);
    }

    void hybridRunsTheClassicalChainThenTheModel()
    {
        const auto run = runCli({QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"), path("hybrid.wav"),
                                 QStringLiteral("--method"), QStringLiteral("hybrid"), QStringLiteral("--model"), path("tiny.pt"),
                                 QStringLiteral("--dehiss"), QStringLiteral("off"), QStringLiteral("--report"),
                                 path("hybrid.json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("with the hybrid restorer")), qPrintable(run.err));
        const AudioBlock in = test::readAudio(path("in.wav"));
        const AudioBlock out = test::readAudio(path("hybrid.wav"));
        QCOMPARE(out.frames(), in.frames());
        QCOMPARE(out.channels(), in.channels());
        QFile f(path("hybrid.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("hybrid"));
        const QJsonArray stages = report.value(QStringLiteral("stages")).toArray();
        QCOMPARE(stages.size(), 2);
        QCOMPARE(stages[1].toObject().value(QStringLiteral("method")).toString(), QStringLiteral("neural"));
        QVERIFY(stages[0].toObject().contains(QStringLiteral("stages"))); // the classical chain's own stage list
        // The post-filter's output was checked against its input, block by block (dehiss is off:
        // no noise floor, so every block counts).
        const QJsonObject guard = report.value(QStringLiteral("guard")).toObject();
        QVERIFY(guard.value(QStringLiteral("blocks_checked")).toInt() >= 2 * 2 * 44100 / 2029);
        QVERIFY(guard.value(QStringLiteral("noise_floor_dbfs")).isNull());

        // A post-filter model (refused alone, see rejectsBadRequests) is what the hybrid is for.
        const auto postFilter = runCli({QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"), path("hybrid-pf.wav"),
                                        QStringLiteral("--method"), QStringLiteral("hybrid"), QStringLiteral("--model"),
                                        path("post-filter.pt"), QStringLiteral("--quiet")});
        QVERIFY2(postFilter.exitCode == 0, qPrintable(postFilter.err));
        QCOMPARE(test::readAudio(path("hybrid-pf.wav")).frames(), in.frames());
    }

    void aHybridReportListsTheClassicalClicks()
    {
        // The hybrid's report nests the classical chain's; its clicks are what the editor draws
        // and what evaluate scores, so readClicks() must find them there.
        AudioBlock clicky = test::sine(1, 44100 * 2, 44100, 440.0, 0.3);
        const std::vector<std::int64_t> at{20000, 50000, 71000};
        for (std::int64_t t : at)
            for (int i = 0; i < 3; ++i)
                clicky.channel(0)[std::size_t(t + i)] += 0.6f;
        test::writeAudio(path("clicky.wav"), clicky, 44100);
        const auto run = runCli({QStringLiteral("restore"), path("clicky.wav"), QStringLiteral("-o"), path("clicky-out.wav"),
                                 QStringLiteral("--method"), QStringLiteral("hybrid"), QStringLiteral("--model"),
                                 path("post-filter.pt"), QStringLiteral("--report"), path("clicky.json"), QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        auto clicks = RestorationReport::readClicks(path("clicky.json"));
        QVERIFY(clicks.ok());
        for (std::int64_t t : at)
            QVERIFY2(std::any_of(clicks.value().begin(), clicks.value().end(),
                                 [&](const eval::SampleInterval& c) { return c.start <= t && t + 3 <= c.start + c.length; }),
                     qPrintable(QStringLiteral("no click listed over %1 (%2 listed)").arg(t).arg(clicks.value().size())));
    }

    void rejectsBadRequests_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString neural = QStringLiteral("neural");
        QTest::newRow("model is not a model") << QStringList{QStringLiteral("--method"), neural, QStringLiteral("--model"), path("junk.pt")}
                                              << 1 << QStringLiteral("junk.pt: is not a Shellac model file");
        QTest::newRow("model missing") << QStringList{QStringLiteral("--method"), neural, QStringLiteral("--model"), path("none.pt")}
                                       << 1 << QStringLiteral("none.pt: model file does not exist");
        QTest::newRow("mix above 1") << QStringList{QStringLiteral("--method"), neural, QStringLiteral("--model"), path("tiny.pt"),
                                                    QStringLiteral("--mix"), QStringLiteral("1.5")}
                                     << 2 << QStringLiteral("--mix: expected a number from 0 to 1, got '1.5'");
        QTest::newRow("mix not a number") << QStringList{QStringLiteral("--method"), neural, QStringLiteral("--model"), path("tiny.pt"),
                                                         QStringLiteral("--mix"), QStringLiteral("lots")}
                                          << 2 << QStringLiteral("--mix: expected a number from 0 to 1");
        QTest::newRow("dsp option with neural") << QStringList{QStringLiteral("--method"), neural, QStringLiteral("--model"), path("tiny.pt"),
                                                               QStringLiteral("--declick"), QStringLiteral("5")}
                                                << 2 << QStringLiteral("--declick applies to --method dsp and hybrid only");
        QTest::newRow("post-filter model alone") << QStringList{QStringLiteral("--method"), neural, QStringLiteral("--model"), path("post-filter.pt")}
                                                 << 1 << QStringLiteral("post-filter.pt: this model was trained as the classical engine's post-filter");
        QTest::newRow("mix with dsp") << QStringList{QStringLiteral("--mix"), QStringLiteral("0.5")}
                                      << 2 << QStringLiteral("--mix applies to --method neural and hybrid only");
    }
    void rejectsBadRequests()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto run = runCli(QStringList{QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"), path("bad.wav"),
                                            QStringLiteral("--quiet")} + extra);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(path("bad.wav")));
    }

    void explainsAMissingDefaultModel()
    {
        const auto run = runCli({QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"), path("nomodel.wav"),
                                 QStringLiteral("--method"), QStringLiteral("neural")});
        if (run.exitCode == 0)
            QSKIP("a bundled default model exists in this build");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("no model given and no bundled default model found")), qPrintable(run.err));
    }

    void hybridPrefersTheBundledPostFilter()
    {
        // An installation with both bundled models: the hybrid takes post-filter.pt, the neural
        // method default.pt (told apart by the epoch in their metadata).
        const QString prefix = path("prefix");
        const QString models = prefix + QStringLiteral("/share/shellac/models");
        QVERIFY(QDir().mkpath(models));
        QVERIFY(QFile::copy(path("tiny.pt"), models + QStringLiteral("/default.pt"))); // epoch 3
        auto postFilter = ml::NeuralModel::create(test::tinyNetConfig(), 2);
        QVERIFY(postFilter.ok());
        postFilter.value()->setMetadata({{QStringLiteral("epoch"), 7},
                                         {QStringLiteral("settings"), QJsonObject{{QStringLiteral("post_filter"), true}}}});
        QVERIFY(postFilter.value()->save(models + QStringLiteral("/post-filter.pt")).ok());
        const auto epochUsed = [&](const QString& method) {
            const QString report = path("prefix-report.json");
            QFile::remove(report);
            const auto run = test::runInstalledCli(prefix, {QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"),
                                                            path("prefix-out.wav"), QStringLiteral("--force"), QStringLiteral("--method"),
                                                            method, QStringLiteral("--report"), report, QStringLiteral("--quiet")});
            if (run.exitCode != 0)
                qWarning("%s", qPrintable(run.err));
            QFile f(report);
            if (!f.open(QIODevice::ReadOnly))
                return -1;
            QJsonObject r = QJsonDocument::fromJson(f.readAll()).object();
            if (method == u"hybrid")
                r = r.value(QStringLiteral("stages")).toArray().at(1).toObject();
            return r.value(QStringLiteral("model_metadata_epoch")).toInt(-1);
        };
        QCOMPARE(epochUsed(QStringLiteral("hybrid")), 7);
        QCOMPARE(epochUsed(QStringLiteral("neural")), 3);

        // No --method (auto): the hybrid with the bundled post-filter, and it says so.
        const auto automatic = test::runInstalledCli(prefix, {QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"),
                                                              path("prefix-auto.wav"), QStringLiteral("--report"),
                                                              path("prefix-auto.json")});
        QVERIFY2(automatic.exitCode == 0, qPrintable(automatic.err));
        QVERIFY2(automatic.err.contains(QStringLiteral("restoring with the hybrid")) && automatic.err.contains(QStringLiteral("post-filter.pt")),
                 qPrintable(automatic.err));
        QFile autoReport(path("prefix-auto.json"));
        QVERIFY(autoReport.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(autoReport.readAll()).object().value(QStringLiteral("method")).toString(),
                 QStringLiteral("hybrid"));

        // A project whose Restore panel was never touched restores with what the panel starts
        // with (RestorerFactory::recommendedSettings()): the hybrid while a post-filter is bundled.
        Project untouched = Project::createNew();
        const QString projectPath = path("untouched.shellac");
        QVERIFY(ProjectFile::save(projectPath, untouched));
        const auto projectMethod = [&] {
            const QString report = path("prefix-project.json");
            QFile::remove(report);
            const auto run = test::runInstalledCli(prefix, {QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"),
                                                            path("prefix-project.wav"), QStringLiteral("--force"), QStringLiteral("--project"),
                                                            projectPath, QStringLiteral("--report"), report, QStringLiteral("--quiet")});
            if (run.exitCode != 0)
                qWarning("%s", qPrintable(run.err));
            return test::readJson(report).value(QStringLiteral("method")).toString();
        };
        QCOMPARE(projectMethod(), QStringLiteral("hybrid"));

        QVERIFY(QFile::remove(models + QStringLiteral("/post-filter.pt")));
        QCOMPARE(projectMethod(), QStringLiteral("dsp"));
        QCOMPARE(epochUsed(QStringLiteral("hybrid")), 3); // no post-filter: the default model
        // ... and auto falls back to the classical engine, saying why.
        const auto fallback = test::runInstalledCli(prefix, {QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"),
                                                             path("prefix-auto.wav"), QStringLiteral("--force"),
                                                             QStringLiteral("--method"), QStringLiteral("auto")});
        QVERIFY2(fallback.exitCode == 0, qPrintable(fallback.err));
        QVERIFY2(fallback.err.contains(QStringLiteral("restoring with the classical engine (dsp): no bundled post-filter model")),
                 qPrintable(fallback.err));
    }

    void benchTimesTheNeuralAndHybridRestorers()
    {
        // A standalone model gets a neural and a hybrid row; a post-filter only the hybrid's.
        const auto standalone = runCli({QStringLiteral("bench"), QStringLiteral("--seconds"), QStringLiteral("2"),
                                        QStringLiteral("--model"), path("tiny.pt")});
        QVERIFY2(standalone.exitCode == 0, qPrintable(standalone.err));
        QVERIFY2(standalone.out.contains(QStringLiteral("neural (one thread)")), qPrintable(standalone.out));
        QVERIFY2(standalone.out.contains(QStringLiteral("hybrid (one thread)")), qPrintable(standalone.out));
        const auto postFilter = runCli({QStringLiteral("bench"), QStringLiteral("--seconds"), QStringLiteral("2"),
                                        QStringLiteral("--model"), path("post-filter.pt")});
        QVERIFY2(postFilter.exitCode == 0, qPrintable(postFilter.err));
        QVERIFY2(!postFilter.out.contains(QStringLiteral("neural (one thread)")), qPrintable(postFilter.out));
        QVERIFY2(postFilter.out.contains(QStringLiteral("hybrid (one thread)")), qPrintable(postFilter.out));
    }

    void withoutTheLibTorchPluginOnlyModelsFail()
    {
        // An installation whose plugin is missing (or whose LibTorch is not installed): the
        // classical engine still works, a model gives a clear error and writes nothing.
        const QString missing = path("nowhere/libshellac_torch.so");
        qputenv("SHELLAC_TORCH_PLUGIN", missing.toUtf8());
        const auto neural = runCli({QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"), path("noplugin.wav"),
                                    QStringLiteral("--method"), QStringLiteral("neural"), QStringLiteral("--model"),
                                    path("tiny.pt"), QStringLiteral("--quiet")});
        const auto dsp = runCli({QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"), path("noplugin-dsp.wav"),
                                 QStringLiteral("--method"), QStringLiteral("dsp"), QStringLiteral("--quiet")});
        const auto version = runCli({QStringLiteral("--version")});
        // With a bundled post-filter, no --method (auto) falls back to the classical engine.
        const QString prefix = path("prefix-noplugin");
        QVERIFY(QDir().mkpath(prefix + QStringLiteral("/share/shellac/models")));
        QVERIFY(QFile::copy(path("post-filter.pt"), prefix + QStringLiteral("/share/shellac/models/post-filter.pt")));
        const auto automatic = test::runInstalledCli(prefix, {QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"),
                                                              path("noplugin-auto.wav")});
        // ... and so does a project whose Restore panel was never set (what the panel starts with).
        QVERIFY(ProjectFile::save(path("noplugin.shellac"), Project::createNew()));
        const auto project = test::runInstalledCli(prefix, {QStringLiteral("restore"), path("in.wav"), QStringLiteral("-o"),
                                                            path("noplugin-project.wav"), QStringLiteral("--project"),
                                                            path("noplugin.shellac"), QStringLiteral("--report"),
                                                            path("noplugin-project.json")});
        qunsetenv("SHELLAC_TORCH_PLUGIN");
        QVERIFY2(project.exitCode == 0, qPrintable(project.err));
        QCOMPARE(test::readJson(path("noplugin-project.json")).value(QStringLiteral("method")).toString(), QStringLiteral("dsp"));
        QVERIFY2(automatic.exitCode == 0, qPrintable(automatic.err));
        QVERIFY2(automatic.err.contains(QStringLiteral("restoring with the classical engine (dsp): ")
                                        + missing + QStringLiteral(": the LibTorch plugin")),
                 qPrintable(automatic.err));
        QVERIFY2(automatic.err.contains(QStringLiteral("with the dsp restorer")), qPrintable(automatic.err));

        QCOMPARE(neural.exitCode, 1);
        QVERIFY2(neural.err.contains(missing + QStringLiteral(": the LibTorch plugin (libshellac_torch.so) is not there")),
                 qPrintable(neural.err));
        QVERIFY(!QFile::exists(path("noplugin.wav")));
        QVERIFY2(dsp.exitCode == 0, qPrintable(dsp.err));
        QCOMPARE(test::readAudio(path("noplugin-dsp.wav")).frames(), test::readAudio(path("in.wav")).frames());
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.contains(QStringLiteral("LibTorch unavailable (") + missing), qPrintable(version.out));
    }

    void helpDescribesTheNeuralMethod()
    {
        const auto run = runCli({QStringLiteral("restore"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char* text : {"--method neural", "--model", "--mix"})
            QVERIFY2(run.out.contains(QLatin1String(text)), text);
    }
};

QTEST_GUILESS_MAIN(TestCliRestoreNeural)
#include "tst_cli_restore_neural.moc"
