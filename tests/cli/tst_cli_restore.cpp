// shellac-cli restore and evaluate end to end: outputs, residual, report, folders, and the bad
// inputs of the classical-engine issue (never NaN, clear errors for impossible requests).

#include "CliRunner.h"
#include "project/ProjectFile.h"
#include "restore/RestorationSettings.h"
#include "TestSignals.h"

#include "eval/Metrics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;
using test::runCli;

namespace {

/// Music-like test material: three harmonic tones with slow amplitude envelopes.
AudioBlock music(int channels, std::int64_t frames, int rate, unsigned seed)
{
    AudioBlock b(channels, frames);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> phase(0, 6.28);
    for (int c = 0; c < channels; ++c) {
        const double p1 = phase(rng), p2 = phase(rng), p3 = phase(rng);
        for (std::int64_t i = 0; i < frames; ++i) {
            const double t = double(i) / rate;
            const double env = 0.6 + 0.4 * std::sin(2 * M_PI * 0.7 * t);
            b.channel(c)[std::size_t(i)] = float(env * (0.15 * std::sin(2 * M_PI * 220 * t + p1)
                                                        + 0.08 * std::sin(2 * M_PI * 443 * t + p2)
                                                        + 0.05 * std::sin(2 * M_PI * 1109 * t + p3)));
        }
    }
    return b;
}

/// Adds `count` short clicks (3-30 samples, amplitude 0.3-0.8) at random positions.
void addClicks(AudioBlock& b, int count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::int64_t> pos(1000, b.frames() - 1000);
    std::uniform_int_distribution<int> width(3, 30);
    std::uniform_real_distribution<float> amp(0.3f, 0.8f);
    for (int k = 0; k < count; ++k) {
        const std::int64_t at = pos(rng);
        const int w = width(rng);
        const float a = amp(rng) * (k % 2 ? 1.f : -1.f);
        for (int c = 0; c < b.channels(); ++c)
            for (int i = 0; i < w; ++i)
                b.channel(c)[std::size_t(at + i)] += a * std::exp(-3.0f * i / w);
    }
}

bool allFinite(const AudioBlock& b)
{
    for (int c = 0; c < b.channels(); ++c)
        for (float v : b.channel(c))
            if (!std::isfinite(v))
                return false;
    return true;
}

} // namespace

class TestCliRestore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& n) const { return m_dir.filePath(n); }

private Q_SLOTS:
    void restoresClicksWritesResidualAndReport()
    {
        const int rate = 44100;
        const AudioBlock clean = music(2, rate * 4, rate, 1);
        AudioBlock clicked = clean;
        addClicks(clicked, 40, 2);
        test::writeAudio(path(QStringLiteral("in.wav")), clicked, rate, Container::Wav, SampleEncoding::Float32);

        const auto run = runCli({QStringLiteral("restore"), QStringLiteral("--method"), QStringLiteral("dsp"), path(QStringLiteral("in.wav")), QStringLiteral("-o"),
                                 path(QStringLiteral("out.wav")), QStringLiteral("--residual"), path(QStringLiteral("res.wav")),
                                 QStringLiteral("--report"), path(QStringLiteral("report.json")), QStringLiteral("--dehiss"),
                                 QStringLiteral("off")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const AudioBlock out = test::readAudio(path(QStringLiteral("out.wav")));
        const AudioBlock res = test::readAudio(path(QStringLiteral("res.wav")));
        QCOMPARE(out.frames(), clicked.frames());
        QCOMPARE(res.frames(), clicked.frames());
        for (int c = 0; c < 2; ++c) {
            const double before = eval::siSdrDb(clean.channel(c), clicked.channel(c));
            const double after = eval::siSdrDb(clean.channel(c), out.channel(c));
            qInfo("channel %d: SI-SDR %.1f dB -> %.1f dB", c, before, after);
            QVERIFY2(after > before + 10.0, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
            for (std::int64_t i = 0; i < out.frames(); i += 97) // residual = input - output
                QVERIFY(std::abs(res.channel(c)[std::size_t(i)] - (clicked.channel(c)[std::size_t(i)] - out.channel(c)[std::size_t(i)])) < 1e-5f);
        }
        const QJsonObject report = test::readJson(path(QStringLiteral("report.json")));
        QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("dsp"));
        QCOMPARE(report.value(QStringLiteral("sample_rate")).toInt(), rate);
        QVERIFY(report.value(QStringLiteral("realtime_factor")).toDouble() > 0);
        QStringList stageNames;
        for (const QJsonValue& s : report.value(QStringLiteral("stages")).toArray())
            stageNames << s.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(stageNames.contains(QStringLiteral("declick")), qPrintable(stageNames.join(u',')));
        QVERIFY(!stageNames.contains(QStringLiteral("dehiss")));
    }

    void projectSettingsChooseTheRestorer()
    {
        // What the GUI's Restore panel is set to (e.g. after "Use as restorer") drives batch runs.
        const QString in = path(QStringLiteral("project-in.wav"));
        test::writeAudio(in, music(1, 44100, 44100, 5), 44100);
        Project project = Project::createNew();
        RestorationSettings settings;
        settings.dsp.declickSensitivity.reset();
        settings.dsp.dehissReductionDb.reset();
        project.settings.insert(QStringLiteral("restore"), settings.toJson());
        const QString projectPath = path(QStringLiteral("sides.shellac"));
        QVERIFY(ProjectFile::save(projectPath, project));
        const auto run = runCli({QStringLiteral("restore"), in, QStringLiteral("-o"), path(QStringLiteral("project-out.wav")),
                                 QStringLiteral("--project"), projectPath, QStringLiteral("--report"),
                                 path(QStringLiteral("project-report.json"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("restoring with the project's settings: ") + settings.summary()), qPrintable(run.err));
        QStringList stageNames;
        for (const QJsonValue& s : test::readJson(path(QStringLiteral("project-report.json"))).value(QStringLiteral("stages")).toArray())
            stageNames << s.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(!stageNames.contains(QStringLiteral("declick")) && !stageNames.contains(QStringLiteral("dehiss")),
                 qPrintable(stageNames.join(u',')));
        QVERIFY(stageNames.contains(QStringLiteral("decrackle")));

        // Options that would contradict the project are refused; a broken project names itself.
        const auto conflict = runCli({QStringLiteral("restore"), in, QStringLiteral("-o"), path(QStringLiteral("conflict.wav")),
                                      QStringLiteral("--project"), projectPath, QStringLiteral("--declick"), QStringLiteral("7")});
        QCOMPARE(conflict.exitCode, 2);
        QVERIFY2(conflict.err.contains(QStringLiteral("--declick cannot be combined with --project")), qPrintable(conflict.err));
        const QString broken = path(QStringLiteral("broken.shellac"));
        test::writeBytes(broken, "{ not json");
        const auto bad = runCli({QStringLiteral("restore"), in, QStringLiteral("-o"), path(QStringLiteral("bad.wav")),
                                 QStringLiteral("--project"), broken});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(broken), qPrintable(bad.err));
        QVERIFY(!QFile::exists(path(QStringLiteral("bad.wav"))));
    }

    void folderModeKeepsLayoutAndReportsFailures()
    {
        const QString in = path(QStringLiteral("album"));
        QDir().mkpath(in + QStringLiteral("/side-b"));
        test::writeAudio(in + QStringLiteral("/a.wav"), music(1, 44100, 44100, 3), 44100);
        test::writeAudio(in + QStringLiteral("/side-b/b.flac"), music(1, 22050, 22050, 4), 22050, Container::Flac,
                         SampleEncoding::Pcm16);
        test::writeBytes(in + QStringLiteral("/broken.wav"), "not audio\n");
        const QString out = path(QStringLiteral("album-restored"));
        const auto run = runCli({QStringLiteral("restore"), QStringLiteral("--method"), QStringLiteral("dsp"), in, QStringLiteral("-o"), out, QStringLiteral("-q")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("broken.wav: not an audio file")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("restored 2 of 3 files")));
        QCOMPARE(test::readAudio(out + QStringLiteral("/a.wav")).frames(), 44100);
        int rate = 0;
        QCOMPARE(test::readAudio(out + QStringLiteral("/side-b/b.flac"), &rate).frames(), 22050);
        QCOMPARE(rate, 22050);
        QVERIFY(!QFile::exists(out + QStringLiteral("/broken.wav")));
    }

    void awkwardSignalsGiveFiniteOutput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("silence") << QStringLiteral("silence");
        QTest::newRow("full-scale square") << QStringLiteral("square");
        QTest::newRow("DC offset") << QStringLiteral("dc");
        QTest::newRow("clipped") << QStringLiteral("clipped");
        QTest::newRow("1 sample") << QStringLiteral("one");
    }

    void awkwardSignalsGiveFiniteOutput()
    {
        QFETCH(QString, kind);
        const int rate = 44100;
        AudioBlock b(1, kind == u"one" ? 1 : rate * 2);
        auto ch = b.channel(0);
        for (std::size_t i = 0; i < ch.size(); ++i) {
            const double s = std::sin(2 * M_PI * 100 * double(i) / rate);
            if (kind == u"square")
                ch[i] = s >= 0 ? 1.0f : -1.0f;
            else if (kind == u"dc")
                ch[i] = float(0.5 + 0.1 * s);
            else if (kind == u"clipped")
                ch[i] = float(std::clamp(3.0 * s, -1.0, 1.0));
            else if (kind == u"one")
                ch[i] = 0.25f;
        }
        const QString in = path(kind + QStringLiteral("-in.wav"));
        const QString out = path(kind + QStringLiteral("-out.wav"));
        test::writeAudio(in, b, rate, Container::Wav, SampleEncoding::Float32);
        const auto run = runCli({QStringLiteral("restore"), QStringLiteral("--method"), QStringLiteral("dsp"), in, QStringLiteral("-o"), out, QStringLiteral("-q")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const AudioBlock restored = test::readAudio(out);
        QCOMPARE(restored.frames(), b.frames());
        QVERIFY(allFinite(restored));
        if (kind == u"silence")
            for (float v : restored.channel(0))
                QCOMPARE(v, 0.0f);
    }

    void impossibleRequestsAreRefused_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("noise range outside the file") << QStringList{QStringLiteral("--noise-from"), QStringLiteral("5-7")} << 1
                                                      << QStringLiteral("--noise-from: the range 5-7 s ends after the end of the recording (1.000 s)");
        QTest::newRow("noise range without dehiss") << QStringList{QStringLiteral("--noise-from"), QStringLiteral("0-0.5"),
                                                                   QStringLiteral("--dehiss"), QStringLiteral("off")}
                                                    << 2 << QStringLiteral("only makes sense with dehiss on");
        QTest::newRow("reversed range") << QStringList{QStringLiteral("--noise-from"), QStringLiteral("0.8-0.2")} << 2
                                        << QStringLiteral("0 <= START < END");
        QTest::newRow("everything off") << QStringList{QStringLiteral("--declick"), QStringLiteral("off"), QStringLiteral("--decrackle"),
                                                       QStringLiteral("off"), QStringLiteral("--dehum"), QStringLiteral("off"),
                                                       QStringLiteral("--dehiss"), QStringLiteral("off"), QStringLiteral("--rumble"),
                                                       QStringLiteral("off")}
                                        << 2 << QStringLiteral("nothing to do");
        QTest::newRow("sensitivity out of range") << QStringList{QStringLiteral("--declick"), QStringLiteral("11")} << 2
                                                  << QStringLiteral("--declick: must be between 1 and 10");
        QTest::newRow("not a number") << QStringList{QStringLiteral("--rumble"), QStringLiteral("low")} << 2
                                      << QStringLiteral("expected a number or 'off'");
        QTest::newRow("pulses neither on nor off") << QStringList{QStringLiteral("--pulses"), QStringLiteral("yes")} << 2
                                                   << QStringLiteral("--pulses: expected 'on' or 'off', got 'yes'");
        QTest::newRow("pulses without declick") << QStringList{QStringLiteral("--pulses"), QStringLiteral("on"),
                                                               QStringLiteral("--declick"), QStringLiteral("off")}
                                                << 2 << QStringLiteral("--pulses: needs the declick stage");
        QTest::newRow("unknown method") << QStringList{QStringLiteral("--method"), QStringLiteral("magic")} << 2
                                        << QStringLiteral("unknown --method 'magic'");
    }

    void impossibleRequestsAreRefused()
    {
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const QString in = path(QStringLiteral("short.wav"));
        if (!QFile::exists(in))
            test::writeAudio(in, music(1, 44100, 44100, 9), 44100);
        const QString out = path(QStringLiteral("refused.wav"));
        const auto run = runCli(QStringList{QStringLiteral("restore"), in, QStringLiteral("-o"), out} + options);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
    }

    void interruptedRestoreLeavesNothing()
    {
        // A long file, stopped with SIGTERM (as Ctrl+C or a closing terminal would) while it is
        // being restored: exit status 130, no output, no residual, no temporary file.
        const QString dir = path(QStringLiteral("interrupt"));
        QDir().mkpath(dir);
        const QString in = dir + QStringLiteral("/long.wav");
        test::writeAudio(in, music(2, 44100 * 120, 44100, 21), 44100, Container::Wav, SampleEncoding::Pcm16);
        QProcess process;
        process.start(QStringLiteral(SHELLAC_CLI_PATH),
                      {QStringLiteral("restore"), QStringLiteral("--method"), QStringLiteral("dsp"), in, QStringLiteral("-o"), dir + QStringLiteral("/out.wav"),
                       QStringLiteral("--residual"), dir + QStringLiteral("/res.wav")});
        QVERIFY(process.waitForStarted());
        // Wait until it reports progress, so that the outputs' temporary files exist.
        QByteArray progress;
        QTRY_VERIFY_WITH_TIMEOUT((progress += process.readAllStandardError()).contains("processing"), 20000);
        process.terminate();
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("long.wav")});
    }

    void evaluateScoresARestoration()
    {
        const QString base = path(QStringLiteral("eval"));
        for (const char* d : {"clean", "degraded", "restored"})
            QDir().mkpath(base + QLatin1Char('/') + QLatin1String(d));
        const AudioBlock clean = music(1, 44100 * 2, 44100, 5);
        AudioBlock degraded = clean;
        addClicks(degraded, 20, 6);
        test::writeAudio(base + QStringLiteral("/clean/x.wav"), clean, 44100);
        test::writeAudio(base + QStringLiteral("/degraded/x.wav"), degraded, 44100);
        auto restore = runCli({QStringLiteral("restore"), QStringLiteral("--method"), QStringLiteral("dsp"), base + QStringLiteral("/degraded"), QStringLiteral("-o"),
                               base + QStringLiteral("/restored"), QStringLiteral("-q")});
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
        const auto run = runCli({QStringLiteral("evaluate"), QStringLiteral("--clean"), base + QStringLiteral("/clean"),
                                 QStringLiteral("--degraded"), base + QStringLiteral("/degraded"), QStringLiteral("--restored"),
                                 base + QStringLiteral("/restored"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject median = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("median")).toObject();
        QVERIFY2(median.value(QStringLiteral("improvement_db")).toDouble() > 10.0, qPrintable(run.out));
        QCOMPARE(median.value(QStringLiteral("files_made_worse")).toInt(), 0);

        const auto table = runCli({QStringLiteral("evaluate"), QStringLiteral("--clean"), base + QStringLiteral("/clean"),
                                   QStringLiteral("--degraded"), base + QStringLiteral("/degraded"), QStringLiteral("--restored"),
                                   base + QStringLiteral("/restored")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QStringLiteral("MEDIAN (1 files)")));
        QCOMPARE(runCli({QStringLiteral("evaluate"), QStringLiteral("--clean"), base}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRestore)
#include "tst_cli_restore.moc"
