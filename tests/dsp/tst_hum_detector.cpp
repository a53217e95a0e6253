// HumDetector's steadiness measure: how much of a line's mean-over-quietest-frame the noise in
// its bin explains (backgroundUnsteadinessDb), so that a steady line under loud damage is told
// from a line that really wavers.

#include "dsp/HumDetector.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::dsp;

namespace {

constexpr int kRate = 44100;
constexpr double kSeconds = 12.0; // 7 half-overlapping frames of 2.97 s

/// A 50 Hz line of `amplitude` (linear peak) whose level drops by `swingDb` for the second half
/// (0 for a steady line), plus white noise of standard deviation `noise`; mono.
AudioBlock line(double amplitude, double swingDb, double noise, std::uint32_t seed)
{
    const auto frames = std::int64_t(kSeconds * kRate);
    AudioBlock block(1, frames);
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    auto x = block.channel(0);
    for (std::int64_t i = 0; i < frames; ++i) {
        const bool low = i >= frames / 2;
        const double a = amplitude * std::pow(10.0, (low ? -swingDb : 0.0) / 20.0);
        x[std::size_t(i)] = float(a * std::sin(2 * std::numbers::pi * 50.0 * double(i) / kRate) + noise * g(rng));
    }
    return block;
}

HumHarmonic fundamental(const AudioBlock& audio)
{
    HumDetectorSettings settings;
    settings.forcedFundamentalHz = 50;
    settings.maxHarmonics = 1;
    HumDetector detector(kRate, 1, settings);
    detector.add(audio);
    const HumEstimate e = detector.estimate();
    if (e.harmonics.empty() || e.harmonics.front().number != 1)
        qFatal("no fundamental measured");
    return e.harmonics.front();
}

/// White-noise standard deviation that puts a Hann-windowed line of `amplitude` `snrDb` over the
/// noise power of one bin: line (A N / 4)^2 against noise sigma^2 N 3/8, N = the detector's frame.
double noiseFor(double amplitude, double snrDb)
{
    const double n = HumDetector(kRate, 1).fftSize();
    return std::sqrt(amplitude * amplitude * n / 6.0 / std::pow(10.0, snrDb / 10.0));
}

/// Hum at `f0` Hz (harmonics 1..8 at -50 - 2 (k - 1) dBFS peak) plus a steady partial of the
/// music at `partialHz`, `partialDb` dBFS peak, and faint white noise; mono.
AudioBlock humWithPartial(double f0, double partialHz, double partialDb)
{
    const auto frames = std::int64_t(kSeconds * kRate);
    AudioBlock block(1, frames);
    std::mt19937 rng(3);
    std::normal_distribution<double> g(0.0, 1e-4);
    auto x = block.channel(0);
    const double partial = std::pow(10.0, partialDb / 20.0);
    for (std::int64_t i = 0; i < frames; ++i) {
        const double t = double(i) / kRate;
        double v = partial * std::sin(2 * std::numbers::pi * partialHz * t);
        for (int k = 1; k <= 8; ++k)
            v += std::pow(10.0, (-50.0 - 2.0 * (k - 1)) / 20.0) * std::sin(2 * std::numbers::pi * k * f0 * t + 0.9 * k);
        x[std::size_t(i)] = float(v + g(rng));
    }
    return block;
}

} // namespace

class TestHumDetector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanLineIsSteadyAndNeedsNoAllowance()
    {
        const HumHarmonic h = fundamental(line(0.01, 0.0, 1e-5, 1));
        qInfo("unsteadiness %.3f dB, background explains %.3f dB", h.unsteadinessDb, h.backgroundUnsteadinessDb);
        QVERIFY(std::abs(h.frequencyHz - 50.0) < 0.05);
        QVERIFY(h.unsteadinessDb < 0.1);
        QVERIFY(h.backgroundUnsteadinessDb >= 0.0 && h.backgroundUnsteadinessDb < 0.05);
    }

    void noisyLineIsExplainedByItsBackground()
    {
        // A steady line 14 dB over its bin's noise: over 24 noise draws it reads ~2 dB
        // unsteady, and the background's share must account for that on average.
        const double amplitude = 0.01, noise = noiseFor(amplitude, 14.0);
        double raw = 0, explained = 0, worstExcess = -100;
        constexpr int kDraws = 24;
        for (int seed = 1; seed <= kDraws; ++seed) {
            const HumHarmonic h = fundamental(line(amplitude, 0.0, noise, std::uint32_t(seed)));
            raw += h.unsteadinessDb / kDraws;
            explained += h.backgroundUnsteadinessDb / kDraws;
            worstExcess = std::max(worstExcess, h.unsteadinessDb - h.backgroundUnsteadinessDb);
        }
        qInfo("mean unsteadiness %.2f dB, explained by the background %.2f dB, worst excess %.2f dB", raw, explained,
              worstExcess);
        QVERIFY(raw > 1.0);           // the noise alone makes the line look unsteady...
        QVERIFY(std::abs(raw - explained) < 0.7); // ...and the allowance says by how much
        QVERIFY(worstExcess < 3.0);   // the analyzer's limit holds for every draw
    }

    void waveringLineExceedsWhatTheBackgroundExplains()
    {
        // A line 20 dB over its bin's noise that drops by 10 dB for the last 6 s: a note held
        // under the music, not mains hum. (Nearer the noise, 14 dB, the low half drowns in it
        // and no 7-frame statistic can tell it from a steady line.)
        const double amplitude = 0.01, noise = noiseFor(amplitude, 20.0);
        double leastExcess = 100;
        for (int seed = 1; seed <= 6; ++seed) {
            const HumHarmonic h = fundamental(line(amplitude, 10.0, noise, std::uint32_t(seed)));
            leastExcess = std::min(leastExcess, h.unsteadinessDb - h.backgroundUnsteadinessDb);
            QVERIFY2(h.unsteadinessDb - h.backgroundUnsteadinessDb > 3.0,
                     qPrintable(QStringLiteral("seed %1: unsteadiness %2 dB, background %3 dB")
                                    .arg(seed)
                                    .arg(h.unsteadinessDb)
                                    .arg(h.backgroundUnsteadinessDb)));
        }
        qInfo("least excess over the background's share %.2f dB", leastExcess);
    }

    void forcedFundamentalIgnoresAPartialNearAHighHarmonic()
    {
        // Hum of a disc played a little fast (50.3 Hz) and a loud steady note 0.6 Hz above its
        // 16th harmonic, where hum itself has nothing. The forced search considers 20 harmonics
        // (they are all notched when removing), but the note must not pull the fundamental.
        const double f0 = 50.3;
        HumDetectorSettings settings;
        settings.forcedFundamentalHz = 50;
        HumDetector detector(kRate, 1, settings);
        detector.add(humWithPartial(f0, 16 * f0 + 0.6, -30.0));
        const HumEstimate e = detector.estimate();
        qInfo("fundamental %.3f Hz (true %.3f) from %zu harmonics", e.fundamentalHz, f0, e.harmonics.size());
        QVERIFY(e.detected);
        QVERIFY2(std::abs(e.fundamentalHz - f0) < 0.005, qPrintable(QString::number(e.fundamentalHz, 'f', 3)));
    }
};

QTEST_APPLESS_MAIN(TestHumDetector)
#include "tst_hum_detector.moc"
