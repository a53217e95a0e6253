// The "dehum" stage: finds 50/60 Hz hum (to better than 0.1 Hz), removes it by >= 30 dB, leaves
// nearby musical partials alone, and passes hum-free audio through untouched.

#include "StageRunner.h"
#include "TestSignals.h"

#include "dsp/HumRemover.h"
#include "dsp/Stft.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::dsp;
using shellac::test::runStage;

namespace {

constexpr int kRate = 44100;
constexpr int kHarmonics = 8;

/// A few amplitude-modulated harmonic tones at 220/330/440 Hz plus faint white noise (-80 dBFS),
/// faded in over 0.2 s as a real recording starts (an abrupt onset has energy at every
/// frequency, hum frequencies included, which no hum filter should be blamed for).
AudioBlock music(int channels, std::int64_t frames)
{
    std::mt19937 rng(11);
    std::normal_distribution<double> g(0.0, 1e-4);
    AudioBlock b(channels, frames);
    for (int c = 0; c < channels; ++c)
        for (std::int64_t i = 0; i < frames; ++i) {
            const double t = double(i) / kRate;
            double v = 0.12 * (1 + 0.4 * std::sin(2 * std::numbers::pi * 0.7 * t)) * std::sin(2 * std::numbers::pi * 220 * t + c)
                       + 0.08 * (1 + 0.5 * std::sin(2 * std::numbers::pi * 1.1 * t)) * std::sin(2 * std::numbers::pi * 330 * t)
                       + 0.10 * (1 + 0.3 * std::sin(2 * std::numbers::pi * 0.4 * t + 1)) * std::sin(2 * std::numbers::pi * 440 * t + 0.5);
            const double fade = t < 0.2 ? 0.5 - 0.5 * std::cos(std::numbers::pi * t / 0.2) : 1.0;
            b.channel(c)[static_cast<std::size_t>(i)] = static_cast<float>(fade * v + g(rng));
        }
    return b;
}

/// Hum at `f0` Hz: harmonic k at -40 - 3 (k-1) dBFS peak, fixed pseudo-random phases.
AudioBlock hum(int channels, std::int64_t frames, double f0)
{
    AudioBlock b(channels, frames);
    for (int c = 0; c < channels; ++c)
        for (std::int64_t i = 0; i < frames; ++i) {
            double v = 0;
            for (int k = 1; k <= kHarmonics; ++k)
                v += std::pow(10.0, (-40.0 - 3.0 * (k - 1)) / 20.0) * std::sin(2 * std::numbers::pi * k * f0 * double(i) / kRate + 0.7 * k + c);
            b.channel(c)[static_cast<std::size_t>(i)] = static_cast<float>(v);
        }
    return b;
}

AudioBlock sum(const AudioBlock& a, const AudioBlock& b)
{
    AudioBlock s = a;
    for (int c = 0; c < s.channels(); ++c)
        for (std::int64_t i = 0; i < s.frames(); ++i)
            s.channel(c)[i] += b.channel(c)[i];
    return s;
}

/// Amplitude of the component at `f` Hz over the whole channel (Hann-weighted projection).
double amplitudeAt(std::span<const float> x, double f)
{
    const std::size_t n = x.size();
    std::complex<double> acc = 0, rot = 1;
    const std::complex<double> step = std::polar(1.0, -2 * std::numbers::pi * f / kRate);
    double sumW = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double w = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * (i + 0.5) / n);
        acc += w * double(x[i]) * rot;
        rot *= step;
        sumW += w;
    }
    return 2 * std::abs(acc) / sumW;
}

double humPower(std::span<const float> x, double f0)
{
    double p = 0;
    for (int k = 1; k <= kHarmonics; ++k)
        p += std::pow(amplitudeAt(x, k * f0), 2) / 2;
    return p;
}

/// Power in narrow bands around the harmonics of `f0` (Hann-windowed FFT of the whole signal).
double bandPower(std::span<const float> x, double f0)
{
    int n = 1;
    while (n < static_cast<int>(x.size()))
        n *= 2;
    RealFft fft(n);
    std::vector<float> buf(n, 0.0f);
    for (std::size_t i = 0; i < x.size(); ++i)
        buf[i] = x[i] * static_cast<float>(0.5 - 0.5 * std::cos(2 * std::numbers::pi * (i + 0.5) / x.size()));
    std::vector<std::complex<float>> spec(fft.bins());
    fft.forward(buf.data(), spec.data());
    const double binHz = double(kRate) / n;
    double p = 0;
    for (int k = 1; k <= kHarmonics; ++k) {
        const double half = 0.5 + 0.15 * k;
        for (int b = int((k * f0 - half) / binHz); b <= int((k * f0 + half) / binHz); ++b)
            p += std::norm(spec[b]);
    }
    return p;
}

} // namespace

class TestHumRemover : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsAndRemovesHum_data()
    {
        QTest::addColumn<double>("f0");
        QTest::addColumn<double>("forced");
        QTest::addColumn<int>("channels");
        QTest::addRow("50.08 Hz auto") << 50.08 << 0.0 << 1;
        QTest::addRow("59.93 Hz auto") << 59.93 << 0.0 << 1;
        QTest::addRow("50.3 Hz forced 50") << 50.3 << 50.0 << 1;
        QTest::addRow("59.8 Hz forced 60, stereo") << 59.8 << 60.0 << 2;
        QTest::addRow("47.6 Hz forced 50 (off-speed disc)") << 47.6 << 50.0 << 1;
    }
    void findsAndRemovesHum()
    {
        QFETCH(double, f0);
        QFETCH(double, forced);
        QFETCH(int, channels);
        const std::int64_t frames = 12 * kRate;
        const AudioBlock clean = music(channels, frames);
        const AudioBlock humOnly = hum(channels, frames, f0);
        const AudioBlock in = sum(clean, humOnly);

        HumRemoverSettings settings;
        settings.forcedFundamentalHz = forced;
        HumRemover stage(settings);
        QCOMPARE(stage.name(), QStringLiteral("dehum"));
        QVERIFY(stage.prepare(kRate, channels).ok());
        QVERIFY(stage.wantsAnalysis());
        QElapsedTimer t;
        t.start();
        const AudioBlock out = runStage(stage, in, 1001);
        const double seconds = t.nsecsElapsed() / 1e9;
        QCOMPARE(out.frames(), in.frames());

        const QJsonObject r = stage.report();
        const double found = r.value("fundamental_hz").toDouble();
        qInfo("f0 %.2f Hz: found %.4f Hz (error %.4f Hz), %d harmonics, hum level %.1f dBFS; %.0f x real time",
              f0, found, found - f0, r.value("harmonics_removed").toInt(), r.value("hum_level_db").toDouble(),
              12.0 * channels / seconds);
        QVERIFY(r.value("detected").toBool());
        QVERIFY2(std::abs(found - f0) < 0.1, qPrintable(QString::number(found)));
        QVERIFY(r.value("harmonics_removed").toInt() >= 6);
        QVERIFY(r.value("harmonics_removed").toInt() <= 12);
        // -40 dBFS peak fundamental (-43 dBFS power), each harmonic 3 dB weaker: -40.05 dBFS total.
        QVERIFY2(std::abs(r.value("hum_level_db").toDouble() - (-40.05)) < 1.0, qPrintable(QString::number(r.value("hum_level_db").toDouble())));

        for (int c = 0; c < channels; ++c) {
            const double before = humPower(in.channel(c), f0);
            const double after = humPower(out.channel(c), f0);
            const double reduction = 10 * std::log10(before / after);
            // The partials next to the notches (440 Hz is 37.6 Hz from 8 x 50.3, 21.4 Hz from 7 x 59.8).
            double worstPartial = 0;
            for (double f : {220.0, 330.0, 440.0})
                worstPartial = std::max(worstPartial, std::abs(20 * std::log10(amplitudeAt(out.channel(c), f) / amplitudeAt(clean.channel(c), f))));
            qInfo("channel %d: hum reduced by %.1f dB, largest partial change %.3f dB", c, reduction, worstPartial);
            QVERIFY2(reduction >= 30.0, qPrintable(QString::number(reduction)));
            QVERIFY2(worstPartial < 0.2, qPrintable(QString::number(worstPartial)));
            // The notches start in steady state: the first second is clean as well. (Not measured
            // for 47.6 Hz, whose 7th harmonic lies 3.2 Hz from the 330 Hz tone: a 1 s window
            // cannot separate them.)
            if (f0 < 48)
                continue;
            const double startReduction = 10 * std::log10(humPower(in.channel(c).first(kRate), f0)
                                                          / humPower(out.channel(c).first(kRate), f0));
            qInfo("channel %d: hum reduced by %.1f dB in the first second", c, startReduction);
            QVERIFY2(startReduction >= 25.0, qPrintable(QString::number(startReduction)));
        }
    }

    void driftingHumIsTracked()
    {
        // 50.05 Hz +- 0.04 Hz (typical mains wander), 6 s period: the notches follow it.
        const std::int64_t frames = 12 * kRate;
        const AudioBlock clean = music(1, frames);
        AudioBlock humOnly(1, frames);
        double phase = 0;
        for (std::int64_t i = 0; i < frames; ++i) {
            const double f = 50.05 + 0.04 * std::sin(2 * std::numbers::pi * double(i) / kRate / 6.0);
            phase += 2 * std::numbers::pi * f / kRate;
            double v = 0;
            for (int k = 1; k <= kHarmonics; ++k)
                v += std::pow(10.0, (-40.0 - 3.0 * (k - 1)) / 20.0) * std::sin(k * phase + 0.7 * k);
            humOnly.channel(0)[i] = static_cast<float>(v);
        }
        const AudioBlock in = sum(clean, humOnly);
        HumRemover stage;
        QVERIFY(stage.prepare(kRate, 1).ok());
        const AudioBlock out = runStage(stage, in, 4096);
        HumRemoverSettings fixedSettings;
        fixedSettings.trackDrift = false;
        HumRemover fixed(fixedSettings);
        QVERIFY(fixed.prepare(kRate, 1).ok());
        AudioBlock fixedOut = runStage(fixed, in, 4096);
        const double found = stage.report().value("fundamental_hz").toDouble();
        QVERIFY2(std::abs(found - 50.05) < 0.1, qPrintable(QString::number(found)));
        // Hum energy = power of (output - clean music) within +-(0.5 + 0.15 k) Hz of each
        // harmonic k (the notches' small phase shifts on the music fall at the music's own
        // frequencies, outside these bands), against the hum itself in the same bands.
        AudioBlock residual = out;
        for (std::int64_t i = 0; i < frames; ++i)
            residual.channel(0)[i] -= clean.channel(0)[i];
        const double reduction = 10 * std::log10(bandPower(humOnly.channel(0), 50.05) / bandPower(residual.channel(0), 50.05));
        for (std::int64_t i = 0; i < frames; ++i)
            fixedOut.channel(0)[i] -= clean.channel(0)[i];
        const double fixedReduction = 10 * std::log10(bandPower(humOnly.channel(0), 50.05) / bandPower(fixedOut.channel(0), 50.05));
        qInfo("drifting hum without tracking: reduced by %.1f dB", fixedReduction);
        QVERIFY(reduction > fixedReduction + 5.0);
        qInfo("drifting hum: found %.3f Hz, hum reduced by %.1f dB (drift now %+.3f Hz)", found, reduction,
              stage.trackedDriftHz(0));
        QVERIFY2(reduction > 25.0, qPrintable(QString::number(reduction)));
    }

    void bassNoteNearTheMainsIsNotTakenForHum()
    {
        // A bass G1 (49.0 Hz, with harmonics, far louder than the hum) that plays in 6 s stretches
        // half of the time, over real 50 Hz hum: the hum is steady, the note is not, so the
        // detector must pick 50 Hz, not 49 Hz.
        const std::int64_t frames = 24 * kRate;
        AudioBlock bass(1, frames);
        for (std::int64_t i = 0; i < frames; ++i) {
            const double t = double(i) / kRate;
            const double gate = std::fmod(t, 12.0) < 6.0 ? 1.0 : 0.0; // analysis frames are ~3 s
            double v = 0;
            for (int k = 1; k <= 6; ++k)
                v += 0.15 / k * std::sin(2 * std::numbers::pi * 49.0 * k * t);
            bass.channel(0)[static_cast<std::size_t>(i)] = static_cast<float>(gate * v);
        }
        const AudioBlock input = sum(sum(music(1, frames), bass), hum(1, frames, 50.0));
        HumRemover stage;
        QVERIFY(stage.prepare(kRate, 1).ok());
        runStage(stage, input, 4096);
        const QJsonObject r = stage.report();
        qInfo("intermittent 49 Hz bass over 50 Hz hum: detected %s at %.3f Hz",
              r.value(QStringLiteral("detected")).toBool() ? "hum" : "nothing",
              r.value(QStringLiteral("fundamental_hz")).toDouble());
        QVERIFY(r.value(QStringLiteral("detected")).toBool());
        QVERIFY(std::abs(r.value(QStringLiteral("fundamental_hz")).toDouble() - 50.0) < 0.1);
    }

    void noHumPassesUnchanged()
    {
        const AudioBlock in = music(2, 10 * kRate);
        HumRemover stage;
        QVERIFY(stage.prepare(kRate, 2).ok());
        const AudioBlock out = runStage(stage, in, 4096);
        const QJsonObject r = stage.report();
        QCOMPARE(r.value("detected").toBool(), false);
        QCOMPARE(r.value("harmonics_removed").toInt(), 0);
        QVERIFY(std::isfinite(r.value("hum_level_db").toDouble()));
        QCOMPARE(out.frames(), in.frames());
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < in.frames(); ++i)
                QCOMPARE(out.channel(c)[i], in.channel(c)[i]); // bit-exact
    }

    void noiseAloneIsNotHum()
    {
        std::mt19937 rng(3);
        std::normal_distribution<float> g(0.0f, 0.05f);
        AudioBlock in(1, 8 * kRate);
        for (float& v : in.channel(0))
            v = g(rng);
        HumRemover stage;
        QVERIFY(stage.prepare(kRate, 1).ok());
        runStage(stage, in, 65536);
        QCOMPARE(stage.report().value("detected").toBool(), false);
    }

    void silenceShortStreamsAndExtremes()
    {
        {
            HumRemover stage;
            QVERIFY(stage.prepare(kRate, 1).ok());
            const AudioBlock out = runStage(stage, AudioBlock(1, 3 * kRate), 1000);
            for (float v : out.channel(0))
                QCOMPARE(v, 0.0f);
            QCOMPARE(stage.report().value("detected").toBool(), false);
        }
        {
            HumRemover stage;
            QVERIFY(stage.prepare(kRate, 1).ok());
            AudioBlock one(1, 1);
            one.channel(0)[0] = 0.25f;
            const AudioBlock out = runStage(stage, one, 1);
            QCOMPARE(out.frames(), std::int64_t(1));
            QCOMPARE(out.channel(0)[0], 0.25f);
        }
        {
            // Full-scale square at 50 Hz with DC offset, forced 50 Hz: finite output.
            HumRemoverSettings s;
            s.forcedFundamentalHz = 50;
            HumRemover stage(s);
            QVERIFY(stage.prepare(kRate, 1).ok());
            AudioBlock in(1, 2 * kRate);
            for (std::int64_t i = 0; i < in.frames(); ++i)
                in.channel(0)[i] = (i / 441) % 2 ? 1.0f : -0.8f;
            const AudioBlock out = runStage(stage, in, 777);
            for (float v : out.channel(0))
                QVERIFY(std::isfinite(v) && std::abs(v) < 4.0f);
            QVERIFY(stage.report().value("detected").toBool());
        }
        {
            HumRemoverSettings s;
            s.forcedFundamentalHz = 55;
            QVERIFY(!HumRemover(s).prepare(kRate, 1).ok());
        }
    }
};

QTEST_APPLESS_MAIN(TestHumRemover)
#include "tst_hum_remover.moc"
