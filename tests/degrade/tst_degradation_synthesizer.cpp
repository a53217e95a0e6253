// DegradationSynthesizer: determinism, measured levels/rates/bandwidth against the profile,
// mask/impulse-list agreement, and streaming == one-shot.

#include "degrade/DegradationSynthesizer.h"

#include "audio/Decibels.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::degrade;

namespace {

constexpr double kPi = std::numbers::pi;

DegradationProfile silentProfile()
{
    return DegradationProfile::preset(QStringLiteral("clean")).value();
}

/// Music-like test signal: a few partials with a slow envelope, different per channel.
AudioBlock music(int channels, std::int64_t frames, double rate)
{
    AudioBlock b(channels, frames);
    for (int c = 0; c < channels; ++c) {
        auto x = b.channel(c);
        for (std::int64_t i = 0; i < frames; ++i) {
            const double t = double(i) / rate;
            const double env = 0.6 + 0.4 * std::sin(2 * kPi * 0.7 * t + c);
            x[std::size_t(i)] = float(env * (0.2 * std::sin(2 * kPi * 220 * t + c) + 0.1 * std::sin(2 * kPi * 660 * t)
                                             + 0.05 * std::sin(2 * kPi * 1875 * t + 2 * c)));
        }
    }
    return b;
}

AudioBlock whiteNoise(int channels, std::int64_t frames, double amplitude, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-amplitude, amplitude);
    AudioBlock b(channels, frames);
    for (int c = 0; c < channels; ++c)
        for (float& s : b.channel(c))
            s = float(u(rng));
    return b;
}

DegradationResult degradeOk(const AudioBlock& clean, int rate, const DegradationProfile& p, const SynthesisOptions& o)
{
    auto r = DegradationSynthesizer::degrade(clean, rate, p, o);
    if (!r.ok())
        qFatal("degrade failed: %s", qPrintable(r.error().message()));
    return std::move(r).value();
}

double rmsDb(std::span<const float> x)
{
    double sum = 0;
    for (float s : x)
        sum += double(s) * s;
    return powerToDb(sum / double(x.size()));
}

/// In-place radix-2 FFT.
void fft(std::vector<std::complex<double>>& a)
{
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const std::complex<double> w = std::polar(1.0, -2 * kPi / double(len));
        for (std::size_t i = 0; i < n; i += len) {
            std::complex<double> wn = 1;
            for (std::size_t k = 0; k < len / 2; ++k) {
                const auto u = a[i + k], v = a[i + k + len / 2] * wn;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
                wn *= w;
            }
        }
    }
}

/// Long-term power spectrum (Welch, Hann, 50 % overlap), one value per bin 0..n/2.
std::vector<double> welch(std::span<const float> x, std::size_t n)
{
    std::vector<double> power(n / 2 + 1, 0.0);
    std::vector<std::complex<double>> buf(n);
    int count = 0;
    for (std::size_t start = 0; start + n <= x.size(); start += n / 2, ++count) {
        for (std::size_t k = 0; k < n; ++k)
            buf[k] = double(x[start + k]) * (0.5 - 0.5 * std::cos(2 * kPi * double(k) / double(n)));
        fft(buf);
        for (std::size_t k = 0; k <= n / 2; ++k)
            power[k] += std::norm(buf[k]);
    }
    for (double& p : power)
        p /= std::max(count, 1);
    return power;
}

/// Mean power density over [lo, hi] Hz of a Welch spectrum.
double bandPower(const std::vector<double>& spectrum, double rate, double lo, double hi)
{
    const double binHz = rate / double(2 * (spectrum.size() - 1));
    double sum = 0;
    int n = 0;
    for (std::size_t k = std::size_t(std::ceil(lo / binHz)); k <= std::size_t(hi / binHz) && k < spectrum.size(); ++k, ++n)
        sum += spectrum[k];
    return n ? sum / n : 0.0;
}

/// Hann-windowed DTFT amplitude (peak, linear) of x at frequency f.
double toneAmplitude(std::span<const float> x, double rate, double f)
{
    std::complex<double> acc = 0;
    double wsum = 0;
    const double n = double(x.size());
    const std::complex<double> step = std::polar(1.0, -2 * kPi * f / rate);
    std::complex<double> rot = 1;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double w = 0.5 - 0.5 * std::cos(2 * kPi * double(i) / n);
        acc += double(x[i]) * w * rot;
        wsum += w;
        rot *= step;
        if ((i & 1023) == 1023)
            rot /= std::abs(rot);
    }
    return 2 * std::abs(acc) / wsum;
}

bool sameAudio(const AudioBlock& a, const AudioBlock& b)
{
    if (a.channels() != b.channels() || a.frames() != b.frames())
        return false;
    for (int c = 0; c < a.channels(); ++c)
        if (std::memcmp(a.channel(c).data(), b.channel(c).data(), a.channel(c).size_bytes()) != 0)
            return false;
    return true;
}

bool sameImpulses(const std::vector<eval::SampleInterval>& a, const std::vector<eval::SampleInterval>& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
               return x.channel == y.channel && x.start == y.start && x.length == y.length;
           });
}

} // namespace

class TestDegradationSynthesizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanPresetChangesNothing()
    {
        const AudioBlock clean = music(2, 44100, 44100);
        const auto r = degradeOk(clean, 44100, silentProfile(), {.seed = 5});
        QVERIFY(sameAudio(r.degraded, clean));
        QVERIFY(r.impulses.empty());
        QVERIFY(std::all_of(r.mask.bits.begin(), r.mask.bits.end(), [](std::uint8_t b) { return b == 0; }));
    }

    void seedDecidesOutput()
    {
        const AudioBlock clean = music(2, 3 * 44100, 44100);
        const auto profile = DegradationProfile::preset(QStringLiteral("typical78")).value();
        const auto a = degradeOk(clean, 44100, profile, {.seed = 42});
        const auto b = degradeOk(clean, 44100, profile, {.seed = 42});
        const auto c = degradeOk(clean, 44100, profile, {.seed = 43});
        QVERIFY(sameAudio(a.degraded, b.degraded));
        QVERIFY(a.mask.bits == b.mask.bits);
        QVERIFY(sameImpulses(a.impulses, b.impulses));
        QVERIFY(!sameAudio(a.degraded, c.degraded));
        QVERIFY(!sameImpulses(a.impulses, c.impulses));
        // Different, but statistically alike: same order of magnitude of impulses.
        QVERIFY(std::abs(double(a.impulses.size()) - double(c.impulses.size())) < 0.5 * double(a.impulses.size()));
    }

    void impulseCountMatchesRate_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<bool>("correlated");
        QTest::addColumn<int>("sampleRate");
        QTest::newRow("5/s mono 16k") << 5.0 << 1 << true << 16000;
        QTest::newRow("20/s stereo together 22.05k") << 20.0 << 2 << true << 22050;
        QTest::newRow("20/s stereo apart 22.05k") << 20.0 << 2 << false << 22050;
        QTest::newRow("150/s mono 8k") << 150.0 << 1 << true << 8000;
    }

    void impulseCountMatchesRate()
    {
        QFETCH(double, rate);
        QFETCH(int, channels);
        QFETCH(bool, correlated);
        QFETCH(int, sampleRate);
        DegradationProfile p = silentProfile();
        p.impulseRatePerS = rate;
        p.impulsePeakMedianDb = 0;
        p.impulseResonanceHz = 9000;
        p.impulseResonanceDecayMs = 0.1;
        p.impulsesCorrelatedAcrossChannels = correlated;
        const auto r = degradeOk(AudioBlock(channels, 60 * sampleRate), sampleRate, p, {.seed = 11});
        const double expected = rate * 60;
        for (int c = 0; c < channels; ++c) {
            const auto n = std::count_if(r.impulses.begin(), r.impulses.end(), [c](const auto& i) { return i.channel == c; });
            qInfo("channel %d: %lld impulses, expected %.0f ± %.0f", c, qlonglong(n), expected, 4 * std::sqrt(expected));
            QVERIFY(std::abs(double(n) - expected) < 4 * std::sqrt(expected)); // Poisson, 4 sigma
        }
        if (channels == 2) {
            // Together: every click is listed on both channels at the same place.
            std::vector<eval::SampleInterval> left, right;
            for (const auto& i : r.impulses)
                (i.channel == 0 ? left : right).push_back({0, i.start, i.length});
            QCOMPARE(sameImpulses(left, right), correlated);
        }
        // Sorted by start.
        QVERIFY(std::is_sorted(r.impulses.begin(), r.impulses.end(), [](const auto& a, const auto& b) { return a.start < b.start; }));
    }

    void impulsePeaksWidthsAndPolarityFollowProfile()
    {
        const int rate = 48000;
        DegradationProfile p = silentProfile();
        p.impulseRatePerS = 20;
        p.impulsePeakMedianDb = 6;
        p.impulsePeakSigmaDb = 4;
        p.impulseWidthMedianMs = 0.5;
        p.impulseWidthSigmaOctaves = 0.5;
        p.impulseWidthMinMs = 0.02;
        p.impulseWidthMaxMs = 5;
        p.impulsePositiveFraction = 0.7;
        const auto r = degradeOk(AudioBlock(1, 60 * rate), rate, p, {.seed = 3, .referenceLevelDbfs = -20.0});
        QCOMPARE(r.referenceLevelDbfs, -20.0);
        std::vector<double> peaksDb, widthsMs;
        int positive = 0;
        const auto x = r.degraded.channel(0);
        for (const auto& i : r.impulses) {
            float best = 0;
            for (std::int64_t k = i.start; k < i.start + i.length; ++k)
                if (std::abs(x[std::size_t(k)]) > std::abs(best))
                    best = x[std::size_t(k)];
            peaksDb.push_back(amplitudeToDb(std::abs(best)));
            widthsMs.push_back(double(i.length) * 1000.0 / rate);
            positive += best > 0;
        }
        const double medianPeak = eval::median(peaksDb);
        const double medianWidth = eval::median(widthsMs);
        const double positiveShare = double(positive) / double(r.impulses.size());
        qInfo("median peak %.2f dBFS (expected -14), median length %.3f ms (pulse median 0.5), positive %.3f (0.7)",
              medianPeak, medianWidth, positiveShare);
        QVERIFY(std::abs(medianPeak - (-14.0)) < 1.0);
        QVERIFY(std::abs(medianWidth - 0.5) < 0.1); // a bump loses its < -40 dB edges only
        QVERIFY(std::abs(positiveShare - 0.7) < 0.06);
    }

    void hissLevelAndTilt_data()
    {
        QTest::addColumn<double>("levelDbfs");
        QTest::addColumn<double>("tilt");
        QTest::addColumn<int>("sampleRate");
        QTest::newRow("-45 dBFS white 44.1k") << -45.0 << 0.0 << 44100;
        QTest::newRow("-45 dBFS -3 dB/oct 44.1k") << -45.0 << -3.0 << 44100;
        QTest::newRow("-30 dBFS -6 dB/oct 96k") << -30.0 << -6.0 << 96000;
        QTest::newRow("-60 dBFS +3 dB/oct 22.05k") << -60.0 << 3.0 << 22050;
        QTest::newRow("-40 dBFS -10 dB/oct 48k") << -40.0 << -10.0 << 48000;
    }

    void hissLevelAndTilt()
    {
        QFETCH(double, levelDbfs);
        QFETCH(double, tilt);
        QFETCH(int, sampleRate);
        DegradationProfile p = silentProfile();
        p.hissLevelDbfs = levelDbfs;
        p.hissTiltDbPerOctave = tilt;
        const auto r = degradeOk(AudioBlock(1, 10 * sampleRate), sampleRate, p, {.seed = 8});
        const double measured = rmsDb(r.degraded.channel(0).subspan(std::size_t(sampleRate))); // after filter start-up
        const auto spectrum = welch(r.degraded.channel(0), 8192);
        const double slope = (powerToDb(bandPower(spectrum, sampleRate, 2828, 5657)) - powerToDb(bandPower(spectrum, sampleRate, 177, 354))) / 4.0;
        qInfo("hiss %.2f dBFS (profile %.1f), slope %.2f dB/oct (profile %.1f)", measured, levelDbfs, slope, tilt);
        QVERIFY(std::abs(measured - levelDbfs) < 1.0);
        QVERIFY(std::abs(slope - tilt) < 1.0);
        QVERIFY(std::all_of(r.mask.bits.begin(), r.mask.bits.end(), [](std::uint8_t b) { return b == 0; }));
    }

    void hissChannelCorrelation()
    {
        DegradationProfile p = silentProfile();
        p.hissLevelDbfs = -40;
        p.hissChannelCorrelation = 0.6;
        const auto r = degradeOk(AudioBlock(2, 5 * 16000), 16000, p, {.seed = 2});
        double xy = 0, xx = 0, yy = 0;
        for (std::size_t i = 0; i < std::size_t(r.degraded.frames()); ++i) {
            const double x = r.degraded.channel(0)[i], y = r.degraded.channel(1)[i];
            xy += x * y;
            xx += x * x;
            yy += y * y;
        }
        const double rho = xy / std::sqrt(xx * yy);
        qInfo("channel correlation %.3f (profile 0.6)", rho);
        QVERIFY(std::abs(rho - 0.6) < 0.03);
    }

    void humFrequencyAndLevel_data()
    {
        QTest::addColumn<double>("fundamental");
        QTest::addColumn<double>("levelDbfs");
        QTest::addColumn<int>("sampleRate");
        QTest::newRow("50 Hz -40 dBFS 8k") << 50.0 << -40.0 << 8000;
        QTest::newRow("59.7 Hz -55 dBFS 11.025k") << 59.7 << -55.0 << 11025;
        QTest::newRow("60 Hz -30 dBFS 8k stereo-ish") << 60.0 << -30.0 << 8000;
    }

    void humFrequencyAndLevel()
    {
        QFETCH(double, fundamental);
        QFETCH(double, levelDbfs);
        QFETCH(int, sampleRate);
        DegradationProfile p = silentProfile();
        p.humFundamentalHz = fundamental;
        p.humLevelDbfs = levelDbfs;
        p.humHarmonicsDb = {-6, -12.5};
        const auto r = degradeOk(AudioBlock(2, 20 * sampleRate), sampleRate, p, {.seed = 9});
        const auto x = r.degraded.channel(0);
        QVERIFY(std::equal(x.begin(), x.end(), r.degraded.channel(1).begin()));
        // Find the fundamental by scanning the DTFT: coarse 0.1 Hz, then fine 0.002 Hz.
        double best = 0, bestF = 0;
        for (double f = 30; f <= 90; f += 0.1)
            if (const double a = toneAmplitude(x, sampleRate, f); a > best)
                best = a, bestF = f;
        const double coarse = bestF;
        for (double f = coarse - 0.15; f <= coarse + 0.15; f += 0.002)
            if (const double a = toneAmplitude(x, sampleRate, f); a > best)
                best = a, bestF = f;
        const double measuredDb = amplitudeToDb(best / std::sqrt(2.0)); // RMS of the sine
        qInfo("hum peak at %.3f Hz (profile %.3f), %.2f dBFS (profile %.1f)", bestF, fundamental, measuredDb, levelDbfs);
        QVERIFY(std::abs(bestF - fundamental) < 0.1);
        QVERIFY(std::abs(measuredDb - levelDbfs) < 0.5);
        const double second = amplitudeToDb(toneAmplitude(x, sampleRate, 2 * fundamental) / std::sqrt(2.0));
        const double third = amplitudeToDb(toneAmplitude(x, sampleRate, 3 * fundamental) / std::sqrt(2.0));
        QVERIFY(std::abs(second - (levelDbfs - 6)) < 0.5);
        QVERIFY(std::abs(third - (levelDbfs - 12.5)) < 0.5);
        QVERIFY(toneAmplitude(x, sampleRate, 4 * fundamental) < 1e-3 * best); // no 4th harmonic asked for
    }

    void rumbleLevelAndCorner()
    {
        const int rate = 8000;
        DegradationProfile p = silentProfile();
        p.rumbleLevelDbfs = -40;
        p.rumbleCornerHz = 20;
        const auto r = degradeOk(AudioBlock(1, 30 * rate), rate, p, {.seed = 4});
        const double measured = rmsDb(r.degraded.channel(0).subspan(std::size_t(rate)));
        const auto spectrum = welch(r.degraded.channel(0), 16384);
        const double pass = bandPower(spectrum, rate, 3, 12), stop = bandPower(spectrum, rate, 80, 160);
        qInfo("rumble %.2f dBFS (profile -40), 80-160 Hz is %.1f dB below 3-12 Hz", measured, powerToDb(pass / stop));
        QVERIFY(std::abs(measured - (-40.0)) < 1.0);
        QVERIFY(powerToDb(pass / stop) > 40); // 4th order: 24 dB/oct above 20 Hz
    }

    void bandwidthFromLongTermSpectrum_data()
    {
        QTest::addColumn<double>("lowPassHz");
        QTest::addColumn<double>("highPassHz");
        QTest::addColumn<int>("sampleRate");
        QTest::newRow("5.5 kHz at 44.1k") << 5500.0 << 0.0 << 44100;
        QTest::newRow("4 kHz + 150 Hz high-pass at 48k") << 4000.0 << 150.0 << 48000;
        QTest::newRow("2.5 kHz + 60 Hz at 16k") << 2500.0 << 60.0 << 16000;
        QTest::newRow("above Nyquist: no low-pass") << 9000.0 << 0.0 << 16000;
    }

    void bandwidthFromLongTermSpectrum()
    {
        QFETCH(double, lowPassHz);
        QFETCH(double, highPassHz);
        QFETCH(int, sampleRate);
        DegradationProfile p = silentProfile();
        p.bandwidthLowPassHz = lowPassHz;
        p.bandwidthHighPassHz = highPassHz;
        const AudioBlock clean = whiteNoise(1, 20 * sampleRate, 0.5, 77);
        const auto r = degradeOk(clean, sampleRate, p, {.seed = 1});
        const std::size_t n = 8192;
        const auto in = welch(clean.channel(0), n), out = welch(r.degraded.channel(0), n);
        const double binHz = double(sampleRate) / double(n);
        std::vector<double> gainDb(in.size());
        for (std::size_t k = 1; k < in.size(); ++k)
            gainDb[k] = powerToDb(out[k] / in[k]);
        // Pass-band reference: around the geometric middle of the band.
        const double mid = std::sqrt(std::max(highPassHz, 50.0) * std::min(lowPassHz, sampleRate / 2.0));
        double ref = 0;
        int count = 0;
        for (std::size_t k = std::size_t(mid / 1.2 / binHz); k <= std::size_t(mid * 1.2 / binHz); ++k, ++count)
            ref += gainDb[k];
        ref /= count;
        QVERIFY(std::abs(ref) < 0.5);
        // Smoothed gain (5 bins) so single-bin estimation noise does not decide the crossing.
        const auto smooth = [&](std::size_t k) {
            double s = 0;
            for (std::size_t j = k - 2; j <= k + 2; ++j)
                s += gainDb[std::min(j, gainDb.size() - 1)];
            return s / 5;
        };
        if (lowPassHz < 0.475 * sampleRate) {
            std::size_t k = std::size_t(mid / binHz);
            while (k + 3 < gainDb.size() && smooth(k) > ref - 3)
                ++k;
            const double measured = double(k) * binHz;
            qInfo("low-pass -3 dB at %.0f Hz (profile %.0f)", measured, lowPassHz);
            QVERIFY(std::abs(measured - lowPassHz) < 0.15 * lowPassHz);
            QVERIFY(smooth(std::size_t(std::min(2 * lowPassHz, 0.45 * sampleRate) / binHz)) < ref - 12); // a real roll-off
        } else {
            const double top = smooth(std::size_t(0.45 * sampleRate / binHz));
            qInfo("gain at 0.45 x rate: %.2f dB (no low-pass expected)", top - ref);
            QVERIFY(std::abs(top - ref) < 0.5);
        }
        if (highPassHz > 0) {
            std::size_t k = std::size_t(mid / binHz);
            while (k > 3 && smooth(k) > ref - 3)
                --k;
            const double measured = double(k) * binHz;
            qInfo("high-pass -3 dB at %.0f Hz (profile %.0f)", measured, highPassHz);
            QVERIFY(std::abs(measured - highPassHz) < 0.15 * highPassHz + binHz);
        }
    }

    void hornResonanceBoostsItsBand()
    {
        const int rate = 22050;
        DegradationProfile p = silentProfile();
        p.hornResonances = {{1000, 6, 4}};
        const AudioBlock clean = whiteNoise(1, 20 * rate, 0.5, 5);
        const auto r = degradeOk(clean, rate, p, {.seed = 1});
        const auto in = welch(clean.channel(0), 8192), out = welch(r.degraded.channel(0), 8192);
        const auto gainAt = [&](double f) { return powerToDb(bandPower(out, rate, f * 0.99, f * 1.01) / bandPower(in, rate, f * 0.99, f * 1.01)); };
        qInfo("gain at 1 kHz %.2f dB, at 4 kHz %.2f dB", gainAt(1000), gainAt(4000));
        QVERIFY(std::abs(gainAt(1000) - 6) < 0.5);
        QVERIFY(std::abs(gainAt(4000)) < 0.5);
    }

    void wowModulatesPitch()
    {
        const int rate = 16000;
        DegradationProfile p = silentProfile();
        p.wowDepthPercent = 1.0;
        p.wowRateHz = 2.0;
        AudioBlock tone(1, 4 * rate);
        for (std::int64_t i = 0; i < tone.frames(); ++i)
            tone.channel(0)[std::size_t(i)] = float(0.5 * std::sin(2 * kPi * 1000 * double(i) / rate));
        const auto r = degradeOk(tone, rate, p, {.seed = 6});
        // Instantaneous frequency from upward zero crossings, averaged over 10 periods.
        std::vector<double> crossings;
        const auto x = r.degraded.channel(0);
        for (std::size_t i = std::size_t(rate / 2); i + 1 < x.size(); ++i)
            if (x[i] <= 0 && x[i + 1] > 0)
                crossings.push_back(double(i) + x[i] / (x[i] - x[i + 1]));
        double lo = 1e9, hi = 0;
        for (std::size_t k = 10; k < crossings.size(); k += 10) {
            const double f = 10.0 * rate / (crossings[k] - crossings[k - 10]);
            lo = std::min(lo, f);
            hi = std::max(hi, f);
        }
        const double depth = (hi - lo) / (hi + lo) * 100;
        qInfo("pitch between %.2f and %.2f Hz: depth %.3f %% (profile 1 %%)", lo, hi, depth);
        QVERIFY(std::abs(depth - 1.0) < 0.15);
    }

    void realNoiseIsLoopedAtItsLevel()
    {
        const int rate = 16000;
        DegradationProfile p = silentProfile();
        p.realNoiseGainDb = -6;
        p.realNoiseGainSpreadDb = 0;
        const AudioBlock noise = whiteNoise(1, rate / 2, 0.1, 99); // 0.5 s, looped 20 times below
        const double noiseDb = rmsDb(noise.channel(0));
        const auto r = degradeOk(AudioBlock(2, 10 * rate), rate, p, {.seed = 12, .realNoise = &noise});
        const double measured = rmsDb(r.degraded.channel(0));
        qInfo("real noise %.2f dBFS (source %.2f - 6)", measured, noiseDb);
        QVERIFY(std::abs(measured - (noiseDb - 6)) < 0.5);
        QVERIFY(std::equal(r.degraded.channel(0).begin(), r.degraded.channel(0).end(), r.degraded.channel(1).begin()));
        // No loop click: with a smooth source (a tone that does not fit the loop length), the
        // crossfades keep every step between samples close to the tone's own largest step.
        const AudioBlock tone = [&] {
            AudioBlock b(1, rate / 2);
            for (std::int64_t i = 0; i < b.frames(); ++i)
                b.channel(0)[std::size_t(i)] = float(0.1 * std::sin(2 * kPi * 103.7 * double(i) / rate));
            return b;
        }();
        const auto looped = degradeOk(AudioBlock(1, 10 * rate), rate, p, {.seed = 12, .realNoise = &tone});
        const float toneStep = float(0.1 * 2 * kPi * 103.7 / rate * dbToAmplitude(-6));
        float maxStep = 0;
        for (std::size_t i = 1; i < std::size_t(looped.degraded.frames()); ++i)
            maxStep = std::max(maxStep, std::abs(looped.degraded.channel(0)[i] - looped.degraded.channel(0)[i - 1]));
        qInfo("largest step %.5f, tone's own %.5f", double(maxStep), double(toneStep));
        QVERIFY(maxStep < 2.5f * toneStep);

        const AudioBlock tooShort = whiteNoise(1, rate / 20, 0.1, 1);
        QVERIFY(!DegradationSynthesizer::degrade(AudioBlock(1, rate), rate, p, {.realNoise = &tooShort}).ok());
    }

    void maskAndImpulseListAgree()
    {
        const int rate = 44100;
        DegradationProfile p = DegradationProfile::preset(QStringLiteral("typical78")).value();
        p.bandwidthLowPassHz = 0; // keep the music untouched so that degraded - clean is the noise
        p.bandwidthHighPassHz = 0;
        p.hornResonances.clear();
        p.wowDepthPercent = 0;
        p.popFraction = 0.2;
        const AudioBlock noise = whiteNoise(2, rate, 0.01, 21);
        const AudioBlock clean = music(2, 10 * rate, rate);
        const SynthesisOptions options{.seed = 7, .referenceLevelDbfs = -20.0, .realNoise = &noise};
        const auto a = degradeOk(clean, rate, p, options);
        DegradationProfile continuous = p;
        continuous.impulseRatePerS = 0;
        continuous.crackleRatePerS = 0;
        const auto b = degradeOk(AudioBlock(2, clean.frames()), rate, continuous, options);

        QVERIFY(a.impulses.size() > 300);
        std::int64_t crackleFrames = 0;
        for (int c = 0; c < 2; ++c) {
            const auto mask = a.mask.channel(c);
            std::vector<bool> covered(mask.size(), false);
            for (const auto& i : a.impulses) {
                if (i.channel != c)
                    continue;
                QVERIFY(i.length > 0 && i.start >= 0 && i.start + i.length <= clean.frames());
                float maxDiff = 0;
                for (std::int64_t k = i.start; k < i.start + i.length; ++k) {
                    QVERIFY2(mask[std::size_t(k)] & ArtifactMask::kImpulse, "impulse interval outside the mask");
                    covered[std::size_t(k)] = true;
                    maxDiff = std::max(maxDiff, std::abs(a.degraded.channel(c)[std::size_t(k)] - clean.channel(c)[std::size_t(k)]
                                                         - b.degraded.channel(c)[std::size_t(k)]));
                }
                QVERIFY(maxDiff > 1e-4f); // every listed impulse is really there
            }
            float outside = 0;
            for (std::size_t k = 0; k < mask.size(); ++k) {
                QVERIFY2(bool(mask[k] & ArtifactMask::kImpulse) == covered[k], "mask marks an impulse no interval lists");
                crackleFrames += (mask[k] & ArtifactMask::kCrackle) != 0;
                if (mask[k] == ArtifactMask::kClean)
                    outside = std::max(outside, std::abs(a.degraded.channel(c)[k] - clean.channel(c)[k] - b.degraded.channel(c)[k]));
            }
            qInfo("channel %d: max |degraded - clean - continuous noise| outside the mask = %g", c, double(outside));
            QVERIFY(outside < 1e-6f);
        }
        const double crackleShare = double(crackleFrames) / double(2 * clean.frames());
        qInfo("crackle covers %.1f %% of the samples", 100 * crackleShare);
        QVERIFY(crackleShare > 0.01 && crackleShare < 0.9);
        // The continuous noise really is there (hiss -45, hum -55, rumble, real noise).
        QVERIFY(rmsDb(b.degraded.channel(0)) > -46 && rmsDb(b.degraded.channel(0)) < -35);
    }

    void streamingEqualsOneShot_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("correlated");
        QTest::addColumn<int>("blockPattern");
        QTest::newRow("heavy, blocks of 1") << QStringLiteral("heavy") << true << 1;
        QTest::newRow("heavy, blocks of 37") << QStringLiteral("heavy") << true << 37;
        QTest::newRow("heavy apart, random blocks") << QStringLiteral("heavy") << false << 0;
        QTest::newRow("typical78, blocks of 4096") << QStringLiteral("typical78") << true << 4096;
        QTest::newRow("typical78 apart, random blocks") << QStringLiteral("typical78") << false << 0;
    }

    void streamingEqualsOneShot()
    {
        QFETCH(QString, preset);
        QFETCH(bool, correlated);
        QFETCH(int, blockPattern);
        const int rate = 16000;
        DegradationProfile p = DegradationProfile::preset(preset).value();
        p.impulsesCorrelatedAcrossChannels = correlated;
        const AudioBlock clean = music(2, 3 * rate + 123, rate);
        const AudioBlock noise = whiteNoise(2, rate / 4, 0.02, 8);
        const auto oneShot = degradeOk(clean, rate, p, {.seed = 1234, .referenceLevelDbfs = -18.0, .realNoise = &noise});

        DegradationSynthesizer synth(p, 1234);
        QVERIFY(synth.setRealNoise(noise).ok());
        QVERIFY(synth.prepare(rate, 2, -18.0).ok());
        AudioBlock streamed(2, 0), in, out;
        std::vector<std::uint8_t> maskBits[2];
        std::vector<eval::SampleInterval> impulses;
        ArtifactMask mask;
        std::mt19937 sizes(5);
        std::int64_t at = 0;
        while (at < clean.frames()) {
            const std::int64_t n = std::min<std::int64_t>(blockPattern > 0 ? blockPattern : std::int64_t(sizes() % 5000), clean.frames() - at);
            in.resize(2, n);
            for (int c = 0; c < 2; ++c)
                std::copy_n(clean.channel(c).begin() + at, n, in.channel(c).begin());
            if (n % 2) {
                synth.process(in, in, mask, impulses); // in place
                streamed.append(in);
            } else {
                synth.process(in, out, mask, impulses);
                streamed.append(out);
            }
            QCOMPARE(mask.frames, n);
            for (int c = 0; c < 2; ++c)
                maskBits[c].insert(maskBits[c].end(), mask.channel(c).begin(), mask.channel(c).end());
            at += n;
        }
        QCOMPARE(synth.position(), clean.frames());
        synth.finish(impulses);
        QVERIFY(sameAudio(streamed, oneShot.degraded));
        for (int c = 0; c < 2; ++c)
            QVERIFY(std::equal(maskBits[c].begin(), maskBits[c].end(), oneShot.mask.channel(c).begin()));
        QVERIFY(sameImpulses(impulses, oneShot.impulses));
        QVERIFY(!impulses.empty());
    }

    void rejectsWhatItCannotDo()
    {
        const auto p = DegradationProfile::preset(QStringLiteral("light")).value();
        auto r = DegradationSynthesizer::degrade(AudioBlock(1, 100), 4000, p);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(QStringLiteral("4000 Hz")));
        r = DegradationSynthesizer::degrade(AudioBlock(9, 100), 44100, p);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(QStringLiteral("channel count 9")));
        DegradationProfile bad = p;
        bad.hissTiltDbPerOctave = 40;
        r = DegradationSynthesizer::degrade(AudioBlock(1, 100), 44100, bad);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(QStringLiteral("\"hiss_tilt_db_per_octave\"")));
        QVERIFY(DegradationSynthesizer::degrade(AudioBlock(1, 0), 44100, p).ok()); // empty is fine
    }

    void referenceLevelFollowsProgramme()
    {
        const AudioBlock loud = music(1, 44100, 44100);
        const double power = DegradationSynthesizer::meanPower(loud);
        QVERIFY(std::abs(DegradationSynthesizer::referenceLevelDbfs(power) - powerToDb(power)) < 1e-12);
        QCOMPARE(DegradationSynthesizer::referenceLevelDbfs(0.0), DegradationSynthesizer::kMinReferenceLevelDbfs);
        const auto r = degradeOk(loud, 44100, DegradationProfile::preset(QStringLiteral("light")).value(), {});
        QCOMPARE(r.referenceLevelDbfs, powerToDb(power));
    }
};

QTEST_GUILESS_MAIN(TestDegradationSynthesizer)
#include "tst_degradation_synthesizer.moc"
