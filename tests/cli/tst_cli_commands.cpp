// shellac-cli as a user runs it: help, version, info (text and JSON), convert.

#include "CliRunner.h"
#include "TestSignals.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace shellac;
using test::runCli;

class TestCliCommands : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_tone; // stereo 16-bit, 2 s, 1 kHz at -6.02 dBFS peak, 1 s of -60 dBFS lead-in noise

private Q_SLOTS:
    void initTestCase()
    {
        m_tone = m_dir.filePath(QStringLiteral("tone.wav"));
        AudioBlock all(2, 0);
        AudioBlock quiet = test::sine(2, 44100, 44100, 3000, 0.001 * std::sqrt(2.0));
        all.append(quiet);
        all.append(test::sine(2, 88200, 44100, 1000, 0.5));
        test::writeAudio(m_tone, all, 44100, Container::Wav, SampleEncoding::Pcm16);
    }

    void topLevelHelpListsEveryCommand()
    {
        const auto run = runCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Usage: shellac-cli")));
        for (const char* cmd : {"info", "convert"})
            QVERIFY2(run.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(cmd))), cmd);
    }

    void subcommandHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("info") << QStringLiteral("info") << QStringList{QStringLiteral("--json"), QStringLiteral("noise floor"), QStringLiteral("Exit status")};
        QTest::newRow("convert") << QStringLiteral("convert")
                                 << QStringList{QStringLiteral("--output OUT"), QStringLiteral("--rate HZ"), QStringLiteral("--bits B"),
                                                QStringLiteral("--force"), QStringLiteral("--quiet"), QStringLiteral("Exit status")};
    }

    void subcommandHelp()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, mentions);
        for (const QStringList& args : {QStringList{command, QStringLiteral("--help")},
                                        QStringList{QStringLiteral("help"), command}}) {
            const auto run = runCli(args);
            QCOMPARE(run.exitCode, 0);
            QVERIFY(run.out.startsWith(QStringLiteral("Usage: shellac-cli ") + command));
            for (const QString& m : mentions)
                QVERIFY2(run.out.contains(m), qPrintable(m));
        }
    }

    void versionNamesLibraries()
    {
        const auto run = runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("shellac-cli " SHELLAC_VERSION)));
        QVERIFY(run.out.contains(QStringLiteral("libsndfile")));
        QVERIFY(run.out.contains(QStringLiteral("LibTorch")));
    }

    void usageErrorsExitWith2()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("info")}).exitCode, 2);
        const auto badOption = runCli({QStringLiteral("info"), QStringLiteral("--bogus"), m_tone});
        QCOMPARE(badOption.exitCode, 2);
        QVERIFY(badOption.err.contains(QStringLiteral("bogus")));
        QCOMPARE(runCli({QStringLiteral("convert"), m_tone}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("convert"), m_tone, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.wav")),
                         QStringLiteral("--rate"), QStringLiteral("1")}).exitCode, 2);
    }

    void infoText()
    {
        const auto run = runCli({QStringLiteral("info"), m_tone});
        QCOMPARE(run.exitCode, 0);
        for (const char* expected : {"format:       WAV", "subtype:      PCM_16", "sample rate:  44100 Hz",
                                     "channels:     2", "duration:     0:03.000 (132300 frames", "peak -6.02 dBFS",
                                     "noise floor:  -60.0"})
            QVERIFY2(run.out.contains(QLatin1String(expected)), qPrintable(run.out));
    }

    void infoJson()
    {
        const auto run = runCli({QStringLiteral("info"), QStringLiteral("--json"), m_tone});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject file = doc.object().value(QStringLiteral("files")).toArray().at(0).toObject();
        QCOMPARE(file.value(QStringLiteral("format")).toString(), QStringLiteral("WAV"));
        QCOMPARE(file.value(QStringLiteral("subtype")).toString(), QStringLiteral("PCM_16"));
        QCOMPARE(file.value(QStringLiteral("sample_rate")).toInt(), 44100);
        QCOMPARE(file.value(QStringLiteral("channels")).toInt(), 2);
        QCOMPARE(file.value(QStringLiteral("frames")).toInteger(), 132300);
        QCOMPARE(file.value(QStringLiteral("duration_s")).toDouble(), 3.0);
        const QJsonArray levels = file.value(QStringLiteral("levels")).toArray();
        QCOMPARE(levels.size(), 2);
        QVERIFY(std::abs(levels.at(1).toObject().value(QStringLiteral("peak_dbfs")).toDouble() + 6.02) < 0.02);
        QVERIFY(std::abs(file.value(QStringLiteral("noise_floor_dbfs")).toDouble() + 60.0) < 0.5);
    }

    void infoKeepsGoingPastABadFile()
    {
        const QString missing = m_dir.filePath(QStringLiteral("gone.wav"));
        const auto run = runCli({QStringLiteral("info"), QStringLiteral("--json"), missing, m_tone});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(missing + QStringLiteral(": file does not exist")));
        const QJsonArray files = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("error")).toString(), QStringLiteral("file does not exist"));
        QCOMPARE(files.at(1).toObject().value(QStringLiteral("channels")).toInt(), 2);
    }

    void convertResamplesAndRefusesToOverwrite()
    {
        const QString out = m_dir.filePath(QStringLiteral("tone22.flac"));
        const QStringList args{QStringLiteral("convert"), m_tone, QStringLiteral("-o"), out, QStringLiteral("--rate"),
                               QStringLiteral("22050"), QStringLiteral("--bits"), QStringLiteral("24")};
        auto run = runCli(args);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains(QStringLiteral("wrote ")));
        int rate = 0;
        QCOMPARE(test::readAudio(out, &rate).frames(), 66150);
        QCOMPARE(rate, 22050);

        run = runCli(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(out + QStringLiteral(": already exists (use --force to overwrite it)")));
        run = runCli(args + QStringList{QStringLiteral("--force"), QStringLiteral("--quiet")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
