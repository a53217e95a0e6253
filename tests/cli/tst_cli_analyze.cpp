// shellac-cli analyze as a user runs it (a degraded transfer in, its profile out, per file and
// pooled; unreadable files skipped with a warning; empty folders refused) and degrade --like.

#include "CliRunner.h"
#include "TestSignals.h"

#include "degrade/DegradationProfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>

using namespace shellac;
using degrade::DegradationProfile;
using test::runCli;

namespace {

constexpr int kRate = 44100;

/// Deterministic music-like material: 1.5 s lead-in, then harmonic notes with percussive
/// envelopes and rests, and decaying noise bursts (mono, about -20 dBFS RMS).
AudioBlock music(double seconds)
{
    const auto frames = std::int64_t(seconds * kRate);
    AudioBlock block;
    block.resize(1, frames, true);
    auto x = block.channel(0);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::normal_distribution<double> g(0.0, 1.0);
    const auto lead = std::int64_t(1.5 * kRate);
    for (int voice = 0; voice < 2; ++voice)
        for (std::int64_t t = lead; t < frames;) {
            const auto length = std::int64_t((0.15 + 0.6 * u(rng)) * kRate);
            if (u(rng) > 0.15) {
                const double f0 = 110.0 * std::pow(2.0, voice + 2.0 * u(rng)), decay = 0.1 + 0.5 * u(rng);
                for (int k = 1; f0 * k < 16000; ++k) {
                    std::complex<double> z = std::polar(0.12 * std::pow(double(k), -1.3), 2 * std::numbers::pi * u(rng));
                    const std::complex<double> w = std::polar(std::exp(-1.0 / (decay / std::sqrt(double(k)) * kRate)),
                                                              2 * std::numbers::pi * f0 * k / kRate);
                    for (std::int64_t i = 0; i < length && t + i < frames; ++i, z *= w)
                        x[std::size_t(t + i)] += float(std::min(1.0, double(i) / (0.008 * kRate)) * z.real());
                }
            }
            t += length;
        }
    for (std::int64_t t = lead; t < frames; t += std::int64_t((0.3 + 1.4 * u(rng)) * kRate)) {
        const double level = 0.03 * u(rng);
        for (std::int64_t i = 0; i < std::int64_t(0.12 * kRate) && t + i < frames; ++i)
            x[std::size_t(t + i)] += float(level * std::exp(-double(i) / (0.015 * kRate)) * g(rng));
    }
    return block;
}

QJsonObject parseJson(const QString& text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

} // namespace

class TestCliAnalyze : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_clean, m_realDir, m_real;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        m_clean = path(QStringLiteral("clean.wav"));
        test::writeAudio(m_clean, music(20.0), kRate);
        m_realDir = path(QStringLiteral("real"));
        QVERIFY(QDir().mkpath(m_realDir));
        m_real = QDir(m_realDir).filePath(QStringLiteral("typical.wav"));
        const auto run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), m_real, QStringLiteral("--preset"),
                                 QStringLiteral("typical78"), QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void helpAndCommandList()
    {
        const auto run = runCli({QStringLiteral("analyze"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("Usage: shellac-cli analyze FILE|DIR...")));
        for (const char* m : {"--json", "--noise-from START-END", "--quiet", "Exit status"})
            QVERIFY2(run.out.contains(QLatin1String(m)), m);
        QVERIFY(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("\n  analyze ")));
        QVERIFY(runCli({QStringLiteral("degrade"), QStringLiteral("--help")}).out.contains(QStringLiteral("--like DIR")));
        QCOMPARE(runCli({QStringLiteral("analyze")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("analyze"), m_real, QStringLiteral("--noise-from"), QStringLiteral("soon")}).exitCode, 2);
    }

    void measuresTypical78()
    {
        const auto run = runCli({QStringLiteral("analyze"), m_real, QStringLiteral("--json"), QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = parseJson(run.out);
        const QJsonArray files = json.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.first().toObject();
        QCOMPARE(file.value(QStringLiteral("path")).toString(), m_real);
        const auto profile = DegradationProfile::fromJson(file.value(QStringLiteral("profile")).toObject());
        QVERIFY2(profile.ok(), qPrintable(profile.ok() ? QString() : profile.error().message()));
        const DegradationProfile& p = profile.value();
        qInfo("typical78 measured: %.2f impulses/s (20), hiss %.2f dBFS (-45), tilt %.2f (-3), hum %.2f Hz at %.1f dBFS (50, -55), "
              "low-pass %.0f Hz (5500)",
              p.impulseRatePerS, p.hissLevelDbfs, p.hissTiltDbPerOctave, p.humFundamentalHz, p.humLevelDbfs, p.bandwidthLowPassHz);
        QVERIFY2(std::abs(p.impulseRatePerS / 20.0 - 1) <= 0.30, "impulse rate");
        QVERIFY2(std::abs(p.hissLevelDbfs + 45.0) <= 3.0, "hiss level");
        const QJsonObject measured = file.value(QStringLiteral("measured")).toObject();
        QCOMPARE(measured.value(QStringLiteral("impulse_rate_per_s")).toBool(), true);
        QCOMPARE(measured.value(QStringLiteral("wow_depth_percent")).toBool(), false);
        QCOMPARE(measured.size(), DegradationProfile{}.toJson().size() - 1); // every field but "version"
        QVERIFY(DegradationProfile::fromJson(json.value(QStringLiteral("pooled")).toObject().value(QStringLiteral("profile")).toObject()).ok());

        const auto text = runCli({QStringLiteral("analyze"), m_real, QStringLiteral("--quiet")});
        QCOMPARE(text.exitCode, 0);
        for (const char* m : {"impulses:", "per second per channel", "hiss:", "dBFS", "dB/octave", "hum:", "bandwidth:"})
            QVERIFY2(text.out.contains(QLatin1String(m)), m);
    }

    void folderSkipsUnreadableFiles()
    {
        const QString dir = path(QStringLiteral("mixed"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/sub")));
        QVERIFY(QFile::copy(m_real, dir + QStringLiteral("/sub/side-a.wav")));
        test::writeBytes(dir + QStringLiteral("/broken.wav"), "this is text, not audio");
        const auto run = runCli({QStringLiteral("analyze"), dir, QStringLiteral("--json"), QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("warning")) && run.err.contains(QStringLiteral("broken.wav")), qPrintable(run.err));
        const QJsonObject json = parseJson(run.out);
        QCOMPARE(json.value(QStringLiteral("files")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("skipped")).toArray().size(), 1);

        // Nothing readable at all: exit 1, naming the file.
        const auto none = runCli({QStringLiteral("analyze"), dir + QStringLiteral("/broken.wav"), QStringLiteral("--quiet")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("broken.wav")), qPrintable(none.err));
    }

    void emptyFolderIsAnError()
    {
        const QString dir = path(QStringLiteral("empty folder"));
        QVERIFY(QDir().mkpath(dir));
        test::writeBytes(dir + QStringLiteral("/notes.txt"), "no audio here");
        const auto run = runCli({QStringLiteral("analyze"), dir});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("empty folder")) && run.err.contains(QStringLiteral("no audio files")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void degradeLikeRealRecordings()
    {
        const QString out = path(QStringLiteral("like.wav"));
        const auto run = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), out, QStringLiteral("--like"), m_realDir,
                                 QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(test::readAudio(out).frames(), std::int64_t(20 * kRate));

        const auto printed = runCli({QStringLiteral("degrade"), QStringLiteral("--like"), m_realDir, QStringLiteral("--print-profile"),
                                     QStringLiteral("--quiet")});
        QCOMPARE(printed.exitCode, 0);
        const auto profile = DegradationProfile::fromJson(parseJson(printed.out));
        QVERIFY(profile.ok());
        QVERIFY(profile.value().impulseRatePerS > 0);
        QVERIFY(profile.value().hissLevelDbfs > -60);

        const QString never = path(QStringLiteral("never.wav"));
        const auto both = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), never, QStringLiteral("--like"), m_realDir,
                                  QStringLiteral("--preset"), QStringLiteral("light")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(QStringLiteral("only one of --profile, --preset and --like")), qPrintable(both.err));
        QVERIFY(!QFile::exists(never));

        const QString empty = path(QStringLiteral("nothing"));
        QVERIFY(QDir().mkpath(empty));
        const auto nothing = runCli({QStringLiteral("degrade"), m_clean, QStringLiteral("-o"), never, QStringLiteral("--like"), empty});
        QCOMPARE(nothing.exitCode, 1);
        QVERIFY2(nothing.err.contains(QStringLiteral("nothing")), qPrintable(nothing.err));
        QVERIFY(!QFile::exists(never));
    }
};

QTEST_GUILESS_MAIN(TestCliAnalyze)
#include "tst_cli_analyze.moc"
