// The "dehiss" stage: noise profile from a range or the quietest frames, SNR gain on tones in
// noise, the reduction limit as a hard floor, range validation, silence and tiny streams.

#include "StageRunner.h"
#include "TestSignals.h"

#include "dsp/Biquad.h"
#include "dsp/NoiseProfile.h"
#include "dsp/SpectralDenoiser.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::dsp;
using shellac::test::runStage;

namespace {

constexpr int kRate = 44100;

/// White or pink (Paul Kellett's filter) Gaussian noise with RMS `rms`. The pink noise is
/// high-passed at 30 Hz as the rumble stage before dehiss would (sub-30 Hz 1/f noise is not hiss:
/// with so few degrees of freedom per frame its level wanders far from any profile).
std::vector<float> noise(std::int64_t frames, double rms, bool pink, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    std::vector<double> v(static_cast<std::size_t>(frames));
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    for (double& x : v) {
        const double w = g(rng);
        if (!pink) {
            x = w;
            continue;
        }
        b0 = 0.99886 * b0 + w * 0.0555179;
        b1 = 0.99332 * b1 + w * 0.0750759;
        b2 = 0.96900 * b2 + w * 0.1538520;
        b3 = 0.86650 * b3 + w * 0.3104856;
        b4 = 0.55000 * b4 + w * 0.5329522;
        b5 = -0.7616 * b5 - w * 0.0168980;
        x = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
        b6 = w * 0.115926;
    }
    if (pink) {
        BiquadCascade hp = BiquadCascade::butterworthHighPass(4, kRate, 30.0, 1);
        std::vector<float> f(v.begin(), v.end());
        hp.process(0, f.data(), frames);
        std::copy(f.begin(), f.end(), v.begin());
    }
    double p = 0;
    for (double x : v)
        p += x * x;
    const double scale = rms / std::sqrt(p / double(frames));
    std::vector<float> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out[i] = static_cast<float>(v[i] * scale);
    return out;
}

/// Tones (a little chord with vibrato-free partials) starting at `from`, silent before.
AudioBlock tones(std::int64_t frames, std::int64_t from)
{
    AudioBlock b(1, frames);
    for (std::int64_t i = from; i < frames; ++i) {
        const double t = double(i) / kRate;
        const double env = std::min(1.0, double(i - from) / (0.05 * kRate));
        double v = 0;
        for (const auto& [f, a] : {std::pair{261.6, 0.2}, {523.2, 0.1}, {329.6, 0.12}, {1318.5, 0.05}, {3136.0, 0.02}})
            v += a * std::sin(2 * std::numbers::pi * f * t);
        b.channel(0)[i] = static_cast<float>(env * (1 + 0.3 * std::sin(2 * std::numbers::pi * 0.5 * t)) * v);
    }
    return b;
}

double powerDb(std::span<const float> x, std::size_t from = 0)
{
    double p = 0;
    for (std::size_t i = from; i < x.size(); ++i)
        p += double(x[i]) * x[i];
    return 10 * std::log10(p / double(x.size() - from));
}

} // namespace

class TestSpectralDenoiser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void improvesSnr_data()
    {
        QTest::addColumn<bool>("pink");
        QTest::addColumn<bool>("useRange");
        QTest::addColumn<int>("rule");
        const int lsa = int(SpectralDenoiserSettings::GainRule::LogSpectralAmplitude);
        const int wiener = int(SpectralDenoiserSettings::GainRule::Wiener);
        QTest::addRow("white, range, LSA") << false << true << lsa;
        QTest::addRow("white, quietest, LSA") << false << false << lsa;
        QTest::addRow("pink, range, LSA") << true << true << lsa;
        QTest::addRow("pink, quietest, LSA") << true << false << lsa;
        QTest::addRow("white, quietest, Wiener") << false << false << wiener;
    }
    void improvesSnr()
    {
        QFETCH(bool, pink);
        QFETCH(bool, useRange);
        QFETCH(int, rule);
        // 2 s noise-only lead-in, then 10 s of tones at 20 dB SNR.
        const std::int64_t leadIn = 2 * kRate, frames = 12 * kRate;
        const AudioBlock clean = tones(frames, leadIn);
        const double signalDb = powerDb(clean.channel(0), leadIn);
        const double noiseRms = std::pow(10.0, (signalDb - 20.0) / 20.0);
        const std::vector<float> n = noise(frames, noiseRms, pink, 5);
        AudioBlock in = clean;
        for (std::int64_t i = 0; i < frames; ++i)
            in.channel(0)[i] += n[static_cast<std::size_t>(i)];

        SpectralDenoiserSettings s;
        s.gainRule = SpectralDenoiserSettings::GainRule(rule);
        if (useRange)
            s.noiseRangeSeconds = SecondsRange{0.0, 1.9};
        SpectralDenoiser stage(s);
        QCOMPARE(stage.name(), QStringLiteral("dehiss"));
        QVERIFY(stage.prepare(kRate, 1).ok());
        QVERIFY(stage.validate(12.0).ok());
        QElapsedTimer t;
        t.start();
        const AudioBlock out = runStage(stage, in, 1023, 10000);
        const double seconds = t.nsecsElapsed() / 1e9;
        QCOMPARE(out.frames(), in.frames());

        const double before = test::snrDb(clean.channel(0), in.channel(0), leadIn, frames);
        const double after = test::snrDb(clean.channel(0), out.channel(0), leadIn, frames);
        const QJsonObject r = stage.report();
        const double learnt = r.value("noise_profile_db").toDouble();
        const double trueDb = 20 * std::log10(noiseRms);
        qInfo("SNR %.1f -> %.1f dB (+%.1f dB); noise %.2f dBFS learnt %.2f dBFS (%s); %.0f x real time",
              before, after, after - before, trueDb, learnt, qPrintable(r.value("profile_source").toString()),
              12.0 / seconds);
        QVERIFY2(after - before >= 6.0, qPrintable(QString::number(after - before)));
        QCOMPARE(r.value("profile_source").toString(), useRange ? QStringLiteral("range") : QStringLiteral("quietest"));
        QCOMPARE(r.value("reduction_limit_db").toDouble(), 12.0);
        QVERIFY2(std::abs(learnt - trueDb) < 1.0, qPrintable(QString("%1 vs %2").arg(learnt).arg(trueDb)));
    }

    void pureNoiseIsLoweredByTheLimit_data()
    {
        QTest::addColumn<double>("limit");
        QTest::addColumn<bool>("pink");
        for (double l : {6.0, 12.0, 20.0}) {
            QTest::addRow("white, %g dB", l) << l << false;
            QTest::addRow("pink, %g dB", l) << l << true;
        }
    }
    void pureNoiseIsLoweredByTheLimit()
    {
        QFETCH(double, limit);
        QFETCH(bool, pink);
        const std::vector<float> n = noise(8 * kRate, 0.01, pink, 9);
        AudioBlock in(1, std::int64_t(n.size()));
        std::copy(n.begin(), n.end(), in.channel(0).begin());
        SpectralDenoiserSettings s;
        s.reductionLimitDb = limit;
        SpectralDenoiser stage(s);
        QVERIFY(stage.prepare(kRate, 1).ok());
        const AudioBlock out = runStage(stage, in, 4096, 10000);
        const double attenuation = powerDb(in.channel(0), kRate) - powerDb(out.channel(0), kRate);
        qInfo("limit %.0f dB: noise lowered by %.2f dB", limit, attenuation);
        QVERIFY2(attenuation > limit - 2.0, qPrintable(QString::number(attenuation)));
        QVERIFY2(attenuation <= limit + 0.2, qPrintable(QString::number(attenuation)));
        for (float v : out.channel(0))
            QVERIFY(std::isfinite(v));
    }

    void histogramLevelIsTheDefinition()
    {
        // The minimum-statistics histogram files each bin's smoothed power by level without a
        // logarithm; it must agree with the definition everywhere, also next to every boundary.
        using dsp::NoiseProfile;
        const auto definition = [](double power) {
            const double db = 10.0 * std::log10(power);
            return std::clamp(static_cast<int>((db - NoiseProfile::kLowestDb) / NoiseProfile::kStepDb), 0,
                              NoiseProfile::kLevels - 1);
        };
        std::mt19937_64 rng(5);
        std::uniform_real_distribution<double> exponent(-32.0, 12.0);
        for (int i = 0; i < 200000; ++i) {
            const double power = std::pow(10.0, exponent(rng));
            QCOMPARE(NoiseProfile::histogramLevel(power), definition(power));
        }
        for (int level = 0; level < NoiseProfile::kLevels; ++level) {
            const double edge = std::pow(10.0, (NoiseProfile::kLowestDb + level * NoiseProfile::kStepDb) / 10.0);
            double power = std::nextafter(std::nextafter(edge, 0.0), 0.0);
            for (int step = 0; step < 5; ++step, power = std::nextafter(power, 1e300))
                QCOMPARE(NoiseProfile::histogramLevel(power), definition(power));
        }
        QCOMPARE(NoiseProfile::histogramLevel(1e-30), 0);
        QCOMPARE(NoiseProfile::histogramLevel(1e300), NoiseProfile::kLevels - 1);
    }

    void rangeValidation()
    {
        const Status ok = NoiseProfile::validateRange({0.5, 2.0}, 10.0);
        QVERIFY(ok.ok());
        const Status outside = NoiseProfile::validateRange({8.0, 12.0}, 10.0);
        QVERIFY(!outside.ok());
        const QString msg = outside.error().message();
        QVERIFY2(msg.contains("8.00") && msg.contains("12.00") && msg.contains("10.00"), qPrintable(msg));
        QVERIFY(!NoiseProfile::validateRange({-1.0, 2.0}, 10.0).ok());
        QVERIFY(!NoiseProfile::validateRange({3.0, 2.0}, 10.0).ok());
        SpectralDenoiserSettings s;
        s.noiseRangeSeconds = SecondsRange{20.0, 21.0};
        SpectralDenoiser stage(s);
        const Status st = stage.validate(10.0);
        QVERIFY(!st.ok());
        qInfo("%s", qPrintable(st.error().message()));
        QVERIFY(SpectralDenoiser().validate(10.0).ok()); // no range: nothing to check
    }

    void sustainedTonesAreNotLearnedAsNoise()
    {
        // No quiet passage at all: the quietest frames still hold the chord (at about -17 dBFS).
        // The tonal peaks must not enter the profile: it has to stay far below the music (the
        // sine window's leakage skirts around the notes still lift it some dB above the true
        // -50 dBFS hiss), and the result must be cleaner than the input, not duller.
        const std::int64_t frames = 10 * kRate;
        const AudioBlock clean = tones(frames, 0);
        const std::vector<float> n = noise(frames, std::pow(10.0, -50.0 / 20.0), false, 9);
        AudioBlock in = clean;
        for (std::int64_t i = 0; i < frames; ++i)
            in.channel(0)[i] += n[static_cast<std::size_t>(i)];
        SpectralDenoiser stage;
        QVERIFY(stage.prepare(kRate, 1).ok());
        const AudioBlock out = runStage(stage, in, 4096, 10000);
        const double learnt = stage.report().value(QStringLiteral("noise_profile_db")).toDouble();
        const double snrBefore = test::snrDb(clean.channel(0), in.channel(0), kRate, frames - kRate);
        const double snrAfter = test::snrDb(clean.channel(0), out.channel(0), kRate, frames - kRate);
        qInfo("tones over -50 dBFS hiss, no quiet passage: profile %.1f dBFS, SNR %.1f -> %.1f dB",
              learnt, snrBefore, snrAfter);
        const double musicDb = powerDb(clean.channel(0));
        QVERIFY2(learnt < musicDb - 20.0, qPrintable(QStringLiteral("%1 vs music %2").arg(learnt).arg(musicDb)));
        QVERIFY2(learnt < -38.0, qPrintable(QString::number(learnt)));
        QVERIFY2(snrAfter > snrBefore + 5.0, qPrintable(QStringLiteral("%1 -> %2").arg(snrBefore).arg(snrAfter)));
    }

    void silenceInSilenceOut()
    {
        {
            SpectralDenoiser stage; // only digital silence: no profile, pass-through
            QVERIFY(stage.prepare(kRate, 2).ok());
            const AudioBlock out = runStage(stage, AudioBlock(2, 3 * kRate), 999, 10000);
            QCOMPARE(out.frames(), std::int64_t(3 * kRate));
            for (int c = 0; c < 2; ++c)
                for (float v : out.channel(c))
                    QCOMPARE(v, 0.0f);
            QVERIFY(std::isfinite(stage.report().value("noise_profile_db").toDouble()));
        }
        {
            // Profile from a noisy lead-in, then digital silence, DC and a full-scale square.
            const std::vector<float> n = noise(kRate, 0.01, false, 2);
            AudioBlock in(1, 4 * kRate);
            std::copy(n.begin(), n.end(), in.channel(0).begin());
            for (std::int64_t i = 2 * kRate; i < 3 * kRate; ++i)
                in.channel(0)[i] = 0.5f;
            for (std::int64_t i = 3 * kRate; i < 4 * kRate; ++i)
                in.channel(0)[i] = (i / 100) % 2 ? 1.0f : -1.0f;
            SpectralDenoiserSettings s;
            s.noiseRangeSeconds = SecondsRange{0.0, 1.0};
            SpectralDenoiser stage(s);
            QVERIFY(stage.prepare(kRate, 1).ok());
            const AudioBlock out = runStage(stage, in, 512, 10000);
            QCOMPARE(out.frames(), in.frames());
            for (float v : out.channel(0))
                QVERIFY(std::isfinite(v) && std::abs(v) < 2.0f);
            // The silent second stays (almost exactly) silent away from its edges.
            for (std::int64_t i = kRate + 4096; i < 2 * kRate - 4096; ++i)
                QVERIFY(std::abs(out.channel(0)[i]) < 1e-6f);
            // DC and the loud square pass nearly unchanged (far above the noise).
            QVERIFY(std::abs(out.channel(0)[2 * kRate + kRate / 2] - 0.5f) < 0.01f);
        }
    }

    void oneSampleStream()
    {
        SpectralDenoiser stage;
        QVERIFY(stage.prepare(kRate, 1).ok());
        AudioBlock one(1, 1);
        one.channel(0)[0] = 0.3f;
        const AudioBlock out = runStage(stage, one, 1, 10000);
        QCOMPARE(out.frames(), std::int64_t(1));
        QVERIFY(std::isfinite(out.channel(0)[0]));
    }

    void stereoChannelsIndependent()
    {
        // Left: noise, right: silence. The right stays silent; the left is lowered.
        const std::vector<float> n = noise(3 * kRate, 0.02, false, 4);
        AudioBlock in(2, 3 * kRate);
        std::copy(n.begin(), n.end(), in.channel(0).begin());
        SpectralDenoiser stage;
        QVERIFY(stage.prepare(kRate, 2).ok());
        const AudioBlock out = runStage(stage, in, 3000, 10000);
        for (float v : out.channel(1))
            QCOMPARE(v, 0.0f);
        QVERIFY(powerDb(out.channel(0)) < powerDb(in.channel(0)) - 8.0);
    }
};

QTEST_APPLESS_MAIN(TestSpectralDenoiser)
#include "tst_spectral_denoiser.moc"
