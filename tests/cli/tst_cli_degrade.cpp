// shellac-cli degrade as a user runs it: presets and profile files, seeds, the mask and impulse
// outputs, a recorded noise source, and the errors (bad profile field, usage, overwriting).

#include "CliRunner.h"
#include "TestSignals.h"

#include "audio/Decibels.h"
#include "degrade/DegradationProfile.h"
#include "restore/RestorationReport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;
using degrade::DegradationProfile;
using test::runCli;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

double rmsDb(std::span<const float> x)
{
    double sum = 0;
    for (float s : x)
        sum += double(s) * s;
    return powerToDb(sum / double(x.size()));
}

} // namespace

class TestCliDegrade : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_clean; // stereo 16-bit 44.1 kHz, 5 s of a 440 Hz tone at -13 dBFS RMS

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        m_clean = path(QStringLiteral("clean.wav"));
        test::writeAudio(m_clean, test::sine(2, 5 * 44100, 44100, 440, 0.3), 44100, Container::Wav, SampleEncoding::Pcm16);
    }

    void helpListsEveryOption()
    {
        const auto run = runCli({QStringLiteral("degrade"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("Usage: shellac-cli degrade IN -o OUT")));
        for (const char* m : {"--output OUT", "--profile P.json", "--preset NAME", "--seed N", "--mask MASK.wav",
                              "--impulses FILE.json", "--noise-file NOISE.wav", "--print-profile", "--force", "typical78", "Exit status"})
            QVERIFY2(run.out.contains(QLatin1String(m)), m);
        QVERIFY(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("\n  degrade ")));
    }

    void presetWithGroundTruth()
    {
        const QString out = path(QStringLiteral("typical.wav")), mask = path(QStringLiteral("typical_mask.wav")),
                      impulses = path(QStringLiteral("typical.json"));
        const auto run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out, QStringLiteral("--preset"),
                                 QStringLiteral("typical78"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--mask"),
                                 mask, QStringLiteral("--impulses"), impulses});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("seed 3")));

        int rate = 0, maskRate = 0;
        const AudioBlock clean = test::readAudio(m_clean);
        const AudioBlock degraded = test::readAudio(out, &rate);
        QCOMPARE(rate, 44100);
        QCOMPARE(degraded.channels(), 2);
        QCOMPARE(degraded.frames(), clean.frames());
        QVERIFY(rmsDb(degraded.channel(0)) > -20); // the music is still there

        const QJsonObject json = QJsonDocument::fromJson(fileBytes(impulses)).object();
        QCOMPARE(json.value(QStringLiteral("sample_rate")).toInt(), 44100);
        const auto list = readImpulseList(impulses);
        QVERIFY(list.ok());
        const double expected = 20 * 5; // typical78: 20 clicks/s per channel, 5 s
        for (int c = 0; c < 2; ++c) {
            const auto n = std::count_if(list.value().begin(), list.value().end(), [c](const auto& i) { return i.channel == c; });
            qInfo("channel %d: %lld impulses (expected about %.0f)", c, qlonglong(n), expected);
            QVERIFY(std::abs(double(n) - expected) < 4 * std::sqrt(expected));
        }

        const AudioBlock maskAudio = test::readAudio(mask, &maskRate);
        QCOMPARE(maskRate, 44100);
        QCOMPARE(maskAudio.channels(), 2);
        QCOMPARE(maskAudio.frames(), clean.frames());
        for (int c = 0; c < 2; ++c)
            for (float v : maskAudio.channel(c))
                QVERIFY(v == 0.0f || v == 0.25f || v == 0.5f || v == 0.75f);
        for (const auto& i : list.value())
            for (std::int64_t k = i.start; k < i.start + i.length; ++k)
                QVERIFY((int(std::lround(maskAudio.channel(i.channel)[std::size_t(k)] * 4)) & 1) == 1);
    }

    void seedDecidesOutput()
    {
        // A printed preset is a complete profile file that degrades exactly like the preset.
        const auto printed = runCli({QStringLiteral("degrade"), QStringLiteral("--preset"), QStringLiteral("heavy"), QStringLiteral("--print-profile")});
        QCOMPARE(printed.exitCode, 0);
        const auto parsed = DegradationProfile::fromJson(QJsonDocument::fromJson(printed.out.toUtf8()).object());
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value() == DegradationProfile::preset(QStringLiteral("heavy")).value());
        const QString printedPath = path(QStringLiteral("heavy.json"));
        test::writeBytes(printedPath, printed.out.toUtf8());

        const auto degradeWith = [&](const QString& name, const QString& seed, bool fromFile = false) {
            const QString out = path(name);
            const auto run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out,
                                     fromFile ? QStringLiteral("--profile") : QStringLiteral("--preset"),
                                     fromFile ? printedPath : QStringLiteral("heavy"), QStringLiteral("--seed"), seed, QStringLiteral("--quiet")});
            if (run.exitCode != 0)
                qWarning("%s", qPrintable(run.err));
            return fileBytes(out);
        };
        const QByteArray a = degradeWith(QStringLiteral("a.wav"), QStringLiteral("17"));
        const QByteArray c = degradeWith(QStringLiteral("c.wav"), QStringLiteral("18"));
        const QByteArray d = degradeWith(QStringLiteral("d.wav"), QStringLiteral("17"), true);
        QVERIFY(a.size() > 800000);
        QVERIFY(a != c);
        QVERIFY(a == d); // same seed, two runs (preset and printed profile): identical bytes
    }

    void profileFileWithRecordedNoise()
    {
        // A profile that only adds a recorded noise source at -6 dB.
        DegradationProfile p = DegradationProfile::preset(QStringLiteral("clean")).value();
        p.realNoiseGainDb = -6;
        const QString profile = path(QStringLiteral("noise_only.json"));
        QVERIFY(p.save(profile).ok());
        // Mono white noise at another rate, 2 s: converted to 44.1 kHz and looped.
        AudioBlock noise(1, 2 * 22050);
        std::mt19937 rng(1);
        std::uniform_real_distribution<float> u(-0.05f, 0.05f);
        for (float& s : noise.channel(0))
            s = u(rng);
        const QString noisePath = path(QStringLiteral("surface.wav"));
        test::writeAudio(noisePath, noise, 22050);
        const QString out = path(QStringLiteral("noisy.wav"));
        const auto run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out, QStringLiteral("--profile"), profile,
                                 QStringLiteral("--noise-file"), noisePath, QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const AudioBlock clean = test::readAudio(m_clean), degraded = test::readAudio(out);
        std::vector<float> added(std::size_t(clean.frames()));
        for (std::size_t i = 0; i < added.size(); ++i)
            added[i] = degraded.channel(1)[i] - clean.channel(1)[i];
        const double expected = rmsDb(noise.channel(0)) - 6;
        qInfo("added noise %.2f dBFS (expected %.2f)", rmsDb(added), expected);
        QVERIFY(std::abs(rmsDb(added) - expected) < 1.0);
    }

    void badProfileNamesFileAndField()
    {
        QJsonObject json = DegradationProfile::preset(QStringLiteral("typical78")).value().toJson();
        json.insert(QStringLiteral("impulse_rate_per_s"), -3);
        const QString profile = path(QStringLiteral("bad profile.json"));
        QFile f(profile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(json).toJson());
        f.close();
        const QString out = path(QStringLiteral("never.wav"));
        const auto run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out, QStringLiteral("--profile"), profile});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("bad profile.json")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("field \"impulse_rate_per_s\" must be between 0 and 2000, got -3")), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));

        const auto missing = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out, QStringLiteral("--profile"),
                                     path(QStringLiteral("nowhere.json"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("nowhere.json")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no degradation") << QStringList{} << QStringLiteral("no degradation given");
        QTest::newRow("both") << QStringList{QStringLiteral("--preset"), QStringLiteral("light"), QStringLiteral("--profile"), QStringLiteral("x.json")}
                              << QStringLiteral("not both");
        QTest::newRow("unknown preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("mint")} << QStringLiteral("unknown --preset 'mint'");
        QTest::newRow("bad seed") << QStringList{QStringLiteral("--preset"), QStringLiteral("light"), QStringLiteral("--seed"), QStringLiteral("-1")}
                                  << QStringLiteral("--seed must be a whole number");
        QTest::newRow("lossy mask") << QStringList{QStringLiteral("--preset"), QStringLiteral("light"), QStringLiteral("--mask"), QStringLiteral("m.ogg")}
                                    << QStringLiteral("--mask needs a lossless format");
    }

    void usageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        const QString out = path(QStringLiteral("usage.wav"));
        const auto run = runCli(QStringList{QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out} + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
    }

    void noOutputIsAUsageError()
    {
        const auto run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("--preset"), QStringLiteral("light")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("no output file given")));
    }

    void neverOverwritesWithoutForce()
    {
        const QString out = path(QStringLiteral("exists.wav"));
        test::writeBytes(out, "keep me");
        const QStringList args{QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out, QStringLiteral("--preset"), QStringLiteral("light"),
                               QStringLiteral("--quiet")};
        auto run = runCli(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("already exists (use --force to overwrite it)")));
        QCOMPARE(fileBytes(out), QByteArray("keep me"));

        // An existing impulse list is protected too, before anything is written.
        const QString out2 = path(QStringLiteral("fresh.wav")), impulses = path(QStringLiteral("exists.json"));
        test::writeBytes(impulses, "{}");
        run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out2, QStringLiteral("--preset"), QStringLiteral("light"),
                      QStringLiteral("--impulses"), impulses});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("exists.json")));
        QVERIFY(!QFile::exists(out2));

        run = runCli(args + QStringList{QStringLiteral("--force")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(test::readAudio(out).frames(), std::int64_t(5 * 44100));

        // Never onto the input.
        const QByteArray original = fileBytes(m_clean);
        run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), m_clean, QStringLiteral("--preset"), QStringLiteral("light"),
                      QStringLiteral("--force")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("never overwrites an original")));
        QCOMPARE(fileBytes(m_clean), original);
    }
};

QTEST_GUILESS_MAIN(TestCliDegrade)
#include "tst_cli_degrade.moc"
