#pragma once
// Test material for the impulsive-noise tests (tst_ar_model, tst_ar_declicker, tst_decrackler):
// synthetic music, transient-rich material and degradations with ground truth. Header-only,
// deterministic (std::mt19937 with fixed seeds), mono float vectors at the given rate.

#include "audio/AudioBlock.h"
#include "dsp/DspStage.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

namespace shellac::test::impulse {

using Signal = std::vector<float>;

struct TrueClick {
    std::int64_t start = 0;
    int width = 1;
    float peak = 0.0f;   // largest |sample| of the click itself
};

/// "Music": three voices of harmonic tones (6 harmonics, 1/h rolloff) with 5 Hz vibrato and
/// note envelopes (20 ms attack, exponential decay), plus a little low-passed noise (about
/// -55 dB re full scale); RMS about 0.1. Coloured enough that an AR(32) model fits it the way it
/// fits real recordings.
inline Signal music(double seconds, double rate = 44100.0, unsigned seed = 1)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const auto n = static_cast<std::size_t>(seconds * rate);
    Signal out(n, 0.0f);
    const double notes[] = {130.8, 146.8, 164.8, 174.6, 196.0, 220.0, 246.9, 261.6, 293.7, 329.6, 392.0, 440.0};
    for (int voice = 0; voice < 3; ++voice) {
        const double noteLen = 0.35 + 0.15 * voice;
        double phase[6] = {};
        double f0 = notes[rng() % 12] * (voice + 1) * 0.5 + 60.0;
        double noteStart = 0.0;
        const double vibPhase = uni(rng) * 6.28;
        for (std::size_t i = 0; i < n; ++i) {
            const double t = i / rate;
            if (t - noteStart >= noteLen) {
                noteStart = t;
                f0 = notes[rng() % 12] * (voice + 1) * 0.5 + 60.0;
            }
            const double tn = t - noteStart;
            const double env = std::min(1.0, tn / 0.02) * std::min(1.0, std::max(0.0, noteLen - tn) / 0.03) * std::exp(-tn * 2.5);
            const double f = f0 * (1.0 + 0.005 * std::sin(2 * std::numbers::pi * 5.0 * t + vibPhase));
            double s = 0.0;
            for (int h = 0; h < 6; ++h) {
                phase[h] += 2 * std::numbers::pi * f * (h + 1) / rate;
                if (phase[h] > 2 * std::numbers::pi)
                    phase[h] -= 2 * std::numbers::pi;
                s += std::sin(phase[h]) / (h + 1);
            }
            out[i] += static_cast<float>(0.06 * env * s);
        }
    }
    double lp = 0.0;
    for (auto& v : out) {
        lp = 0.7 * lp + 0.3 * gauss(rng);
        v += static_cast<float>(0.004 * lp);
    }
    return out;
}

enum class TransientKind { Drum, Pluck, Fricative };

/// Clean transient-rich material: drum hits (exponentially decaying noise burst with an
/// instantaneous onset plus a decaying 110 Hz body), Karplus-Strong plucks and speech-like
/// fricative bursts (high-passed noise, 8 ms attack), one event every 0.25 s cycling through
/// the kinds, over a -70 dB noise floor. `onsets` receives the onset frames.
inline Signal transients(double seconds, std::vector<std::int64_t>* onsets = nullptr, double rate = 44100.0,
                         unsigned seed = 7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    const auto n = static_cast<std::size_t>(seconds * rate);
    Signal out(n, 0.0f);
    for (auto& v : out)
        v = static_cast<float>(3e-4 * gauss(rng));
    const auto step = static_cast<std::size_t>(0.25 * rate);
    int kind = 0;
    for (std::size_t start = step / 2; start + step < n; start += step, kind = (kind + 1) % 3) {
        if (onsets)
            onsets->push_back(static_cast<std::int64_t>(start));
        const double amp = 0.3 + 0.4 * uni(rng);
        if (kind == 0) {                       // drum
            double lp = 0.0;
            for (std::size_t i = 0; i < step && start + i < n; ++i) {
                const double t = i / rate;
                lp = 0.5 * lp + 0.5 * gauss(rng);
                const double body = std::sin(2 * std::numbers::pi * 110.0 * t) * std::exp(-t / 0.08);
                out[start + i] += static_cast<float>(amp * (0.6 * lp * std::exp(-t / 0.03) + 0.5 * body));
            }
        } else if (kind == 1) {                // Karplus-Strong pluck
            const int period = static_cast<int>(rate / (110.0 + 330.0 * uni(rng)));
            // Initial string shape: noise, low-passed a little (a finger, not a razor blade).
            std::vector<double> line(period);
            double lpInit = 0.0;
            for (auto& v : line)
                v = lpInit = 0.5 * lpInit + (uni(rng) * 2.0 - 1.0);
            double prev = 0.0;
            for (std::size_t i = 0; i < step && start + i < n; ++i) {
                const double v = line[i % period];
                const double next = 0.996 * 0.5 * (v + prev);
                prev = v;
                line[i % period] = next;
                out[start + i] += static_cast<float>(amp * 0.8 * v);
            }
        } else {                               // fricative ("s", "sh", "t")
            double prevNoise = 0.0;
            const auto len = static_cast<std::size_t>(0.12 * rate);
            for (std::size_t i = 0; i < len && start + i < n; ++i) {
                const double t = i / rate;
                const double w = gauss(rng);
                const double hp = w - 0.8 * prevNoise;
                prevNoise = w;
                const double env = std::min(1.0, t / 0.008) * std::min(1.0, (0.12 - t) / 0.03);
                out[start + i] += static_cast<float>(amp * 0.25 * env * hp);
            }
        }
    }
    return out;
}

enum class ClickShape { Decaying, Bipolar, Noisy };

/// Adds one click of `width` samples and peak `amplitude` (linear) at `start`; returns the truth.
inline TrueClick addClick(Signal& x, std::int64_t start, int width, double amplitude, ClickShape shape,
                          std::mt19937& rng)
{
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<double> c(static_cast<std::size_t>(width));
    for (int i = 0; i < width; ++i) {
        const double u = width == 1 ? 0.5 : static_cast<double>(i) / (width - 1);
        // Real scratch clicks are broadband: a step-like onset followed by the pickup's ringing
        // (a few kHz) or a burst of noise. Smooth low-frequency "thumps" are pop territory.
        const double ring = std::cos(2 * std::numbers::pi * 4000.0 / 44100.0 * i);
        switch (shape) {
        case ClickShape::Decaying: c[i] = std::exp(-3.0 * u) * (0.5 + 0.5 * ring); break;
        case ClickShape::Bipolar: {
            const double cycles = std::max(1.0, width / 12.0);
            c[i] = width < 3 ? (i == 0 ? 1.0 : -0.7) : std::sin(2 * std::numbers::pi * cycles * u + 0.3) * (1.0 - 0.5 * u);
            break;
        }
        case ClickShape::Noisy: c[i] = gauss(rng) * (0.6 + 0.4 * std::sin(std::numbers::pi * u)); break;
        }
    }
    double peak = 0.0;
    for (double v : c)
        peak = std::max(peak, std::abs(v));
    for (int i = 0; i < width; ++i)
        x[start + i] += static_cast<float>(amplitude * c[i] / peak);
    return {start, width, static_cast<float>(amplitude)};
}

/// Dense crackle: Poisson arrivals at `ratePerSecond`, widths 1..20 samples (mostly short),
/// peak amplitudes uniform in [minAmp, maxAmp] with random sign, decaying shapes.
inline std::vector<TrueClick> addCrackle(Signal& x, double ratePerSecond, double minAmp, double maxAmp,
                                         double rate = 44100.0, unsigned seed = 11)
{
    std::mt19937 rng(seed);
    std::exponential_distribution<double> gap(ratePerSecond / rate);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    std::vector<TrueClick> truth;
    double pos = 100.0;
    while (true) {
        pos += gap(rng);
        const int width = 1 + static_cast<int>(std::pow(uni(rng), 2.5) * 19.0);
        if (pos + width + 100 >= x.size())
            break;
        const double amp = (minAmp + (maxAmp - minAmp) * uni(rng)) * (uni(rng) < 0.5 ? -1.0 : 1.0);
        truth.push_back(addClick(x, static_cast<std::int64_t>(pos), width, amp,
                                 uni(rng) < 0.6 ? ClickShape::Decaying : ClickShape::Bipolar, rng));
    }
    return truth;
}

/// Runs a mono signal through `stage` (prepared by the caller) in blocks of `blockSize` frames;
/// returns the whole output.
inline Signal runStage(dsp::DspStage& stage, const Signal& x, std::int64_t blockSize)
{
    Signal y;
    y.reserve(x.size());
    AudioBlock in(1, 0), out;
    for (std::size_t pos = 0; pos < x.size(); pos += static_cast<std::size_t>(blockSize)) {
        const auto n = std::min<std::size_t>(static_cast<std::size_t>(blockSize), x.size() - pos);
        in.resize(1, static_cast<std::int64_t>(n));
        std::copy_n(x.data() + pos, n, in.channel(0).data());
        stage.process(in, out);
        y.insert(y.end(), out.channel(0).begin(), out.channel(0).end());
    }
    stage.finish(out);
    if (out.channels() > 0)
        y.insert(y.end(), out.channel(0).begin(), out.channel(0).end());
    return y;
}

inline double powerDb(const Signal& a, std::size_t begin, std::size_t end)
{
    double s = 0.0;
    for (std::size_t i = begin; i < end; ++i)
        s += double(a[i]) * a[i];
    return 10.0 * std::log10(s / double(std::max<std::size_t>(1, end - begin)) + 1e-30);
}

/// 10*log10(power(reference) / power(reference - test)) over the whole signals.
inline double snr(const Signal& reference, const Signal& test)
{
    double s = 0.0, e = 0.0;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        s += double(reference[i]) * reference[i];
        const double d = double(reference[i]) - test[i];
        e += d * d;
    }
    return 10.0 * std::log10((s + 1e-30) / (e + 1e-30));
}

} // namespace shellac::test::impulse
