#include "dsp/HumRemover.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace shellac::dsp {

namespace {

constexpr int kTrackStep = 256;          // samples between drift updates
constexpr double kTrackLowPassHz = 5.0;  // demodulator bandwidth
constexpr double kTrackSmoothingS = 0.08;
constexpr double kTrackSettleS = 0.3;    // low-pass settling before the first update
constexpr double kMaxDriftPerHarmonicHz = 0.25;

} // namespace

HumRemover::HumRemover(HumRemoverSettings settings) : m_settings(settings) {}

HumRemover::~HumRemover() = default;

Status HumRemover::prepare(int sampleRate, int channels)
{
    if (sampleRate < 8000 || sampleRate > 192000)
        return Error{QStringLiteral("dehum"), QStringLiteral("unsupported sample rate %1 Hz").arg(sampleRate)};
    if (channels < 1 || channels > 8)
        return Error{QStringLiteral("dehum"), QStringLiteral("unsupported channel count %1").arg(channels)};
    if (m_settings.forcedFundamentalHz != 0.0 && m_settings.forcedFundamentalHz != 50.0
        && m_settings.forcedFundamentalHz != 60.0)
        return Error{QStringLiteral("dehum"),
                     QStringLiteral("mains frequency must be 50 or 60 Hz, not %1").arg(m_settings.forcedFundamentalHz)};
    m_sampleRate = sampleRate;
    m_channels = channels;
    HumDetectorSettings ds;
    ds.forcedFundamentalHz = m_settings.forcedFundamentalHz;
    ds.maxHarmonics = std::max(1, m_settings.maxHarmonics);
    ds.maxFrequencyHz = m_settings.maxFrequencyHz;
    ds.presenceDb = m_settings.presenceDb;
    m_detector = std::make_unique<HumDetector>(sampleRate, channels, ds);
    m_estimate = {};
    m_notchHz.clear();
    m_notchBandwidthHz.clear();
    m_notches.clear();
    m_trackers.clear();
    m_appliedDriftHz.clear();
    m_reference = -1;
    m_head.resize(channels, 0);
    m_headWanted = sampleRate; // 1 s
    m_active = false;
    return Status::success();
}

void HumRemover::analyse(const AudioBlock& in)
{
    if (!m_detector)
        return;
    m_detector->add(in);
    if (m_head.frames() < m_headWanted)
        m_head.append(in, m_headWanted - m_head.frames());
}

void HumRemover::finishAnalysis()
{
    if (!m_detector)
        return;
    m_estimate = m_detector->estimate();
    m_detector.reset(); // frees the long-term spectrum
    m_active = m_estimate.detected && !m_estimate.harmonics.empty();
    if (!m_active)
        return;
    const double narrowest = std::max(0.1, m_settings.notchBandwidthHz);
    const double widest = std::max(narrowest, m_settings.maxNotchBandwidthHz);
    double bestIsolation = -1e300;
    for (const HumHarmonic& h : m_estimate.harmonics) {
        // Mains harmonics are exact multiples, and f0 (fitted to all harmonics) is more precise
        // than any single interpolated peak (measured: 59.7947 Hz for a 59.8 Hz fundamental).
        const double f = h.number * m_estimate.fundamentalHz;
        if (h.isolationDb > bestIsolation) { // the cleanest one to follow
            bestIsolation = h.isolationDb;
            m_reference = static_cast<int>(m_notchHz.size());
            m_referenceNumber = h.number;
            m_referenceAmplitude = std::sqrt(2.0 * std::pow(10.0, h.levelDb / 10.0));
        }
        m_notchHz.push_back(f);
        m_notchBandwidthHz.push_back(std::clamp(1.5 * h.spreadHz, narrowest, widest));
    }
    m_notches.assign(static_cast<std::size_t>(m_channels), BiquadCascade());
    m_appliedDriftHz.assign(static_cast<std::size_t>(m_channels), 0.0);
    for (int c = 0; c < m_channels; ++c) {
        m_notches[static_cast<std::size_t>(c)].setChannels(1);
        for (std::size_t k = 0; k < m_notchHz.size(); ++k)
            m_notches[static_cast<std::size_t>(c)].add(
                BiquadCoefficients::notch(m_sampleRate, m_notchHz[k], m_notchHz[k] / m_notchBandwidthHz[k]));
    }
    m_trackers.assign(static_cast<std::size_t>(m_channels), Tracker{});
    const double w = 2.0 * std::numbers::pi * m_notchHz[static_cast<std::size_t>(m_reference)] / m_sampleRate;
    for (Tracker& t : m_trackers)
        t.step = std::polar(1.0, -w);
    primeFilters();
    m_head = AudioBlock();
}

void HumRemover::primeFilters()
{
    // Fit a_k cos(w_k n) + b_k sin(w_k n) for every notch frequency over the first second
    // (Hann-weighted projection, so music leaks very little), then run the notches over that
    // fitted hum for n < 0 so that they start in steady state.
    const std::int64_t n = m_head.frames();
    if (n < m_sampleRate / 10)
        return; // too short to fit; the notches settle on their own
    const double bw = *std::min_element(m_notchBandwidthHz.begin(), m_notchBandwidthHz.end());
    const std::int64_t preRoll = static_cast<std::int64_t>(std::ceil(8.0 / (std::numbers::pi * bw) * m_sampleRate));
    std::vector<double> weights(static_cast<std::size_t>(n));
    double sumW = 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
        weights[static_cast<std::size_t>(i)] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * (i + 0.5) / n);
        sumW += weights[static_cast<std::size_t>(i)];
    }
    std::vector<float> synth(static_cast<std::size_t>(preRoll));
    for (int c = 0; c < m_channels; ++c) {
        const auto x = m_head.channel(c);
        std::vector<std::complex<double>> coef; // x ~ Re(coef * e^{+j w n})
        for (double f : m_notchHz) {
            const std::complex<double> step = std::polar(1.0, -2.0 * std::numbers::pi * f / m_sampleRate);
            std::complex<double> rot = 1.0, acc = 0.0;
            for (std::int64_t i = 0; i < n; ++i) {
                acc += weights[static_cast<std::size_t>(i)] * double(x[static_cast<std::size_t>(i)]) * rot;
                rot *= step;
                if ((i & 1023) == 0)
                    rot /= std::abs(rot);
            }
            coef.push_back(2.0 * acc / sumW);
        }
        std::fill(synth.begin(), synth.end(), 0.0f);
        for (std::size_t k = 0; k < m_notchHz.size(); ++k) {
            const double w = 2.0 * std::numbers::pi * m_notchHz[k] / m_sampleRate;
            const std::complex<double> step = std::polar(1.0, w);
            std::complex<double> rot = coef[k] * std::polar(1.0, -w * double(preRoll));
            for (std::int64_t i = 0; i < preRoll; ++i) {
                synth[static_cast<std::size_t>(i)] += static_cast<float>(rot.real());
                rot *= step;
            }
        }
        m_notches[static_cast<std::size_t>(c)].process(0, synth.data(), preRoll);
    }
}

void HumRemover::track(int channel, const float* x, std::int64_t n)
{
    Tracker& t = m_trackers[static_cast<std::size_t>(channel)];
    const double a = 1.0 - std::exp(-2.0 * std::numbers::pi * kTrackLowPassHz / m_sampleRate);
    for (std::int64_t i = 0; i < n; ++i) {
        std::complex<double> z = double(x[i]) * t.rot;
        t.rot *= t.step;
        for (auto& lp : t.lp) {
            lp += a * (z - lp);
            z = lp;
        }
        if (++t.sinceUpdate < kTrackStep)
            continue;
        t.sinceUpdate = 0;
        t.rot /= std::abs(t.rot);
        t.samples += kTrackStep;
        const std::complex<double> now = t.lp[3];
        // Only while the reference harmonic is clearly there (its demodulated amplitude is A/2).
        const bool present = std::abs(now) > 0.25 * m_referenceAmplitude / 2.0;
        if (t.samples >= kTrackSettleS * m_sampleRate && present && t.havePrev) {
            const double inst = std::arg(now * std::conj(t.prev)) * m_sampleRate / (2.0 * std::numbers::pi * kTrackStep);
            const double beta = kTrackStep / (kTrackSmoothingS * m_sampleRate);
            const double limit = kMaxDriftPerHarmonicHz * m_referenceNumber;
            t.deviationHz = std::clamp(t.deviationHz + beta * (inst - t.deviationHz), -limit, limit);
        }
        t.prev = now;
        t.havePrev = present;
    }
}

void HumRemover::retune(int channel)
{
    const double drift = m_trackers[static_cast<std::size_t>(channel)].deviationHz / m_referenceNumber;
    double& applied = m_appliedDriftHz[static_cast<std::size_t>(channel)];
    if (std::abs(drift - applied) < 1e-4)
        return;
    applied = drift;
    auto& stages = m_notches[static_cast<std::size_t>(channel)].stages();
    for (std::size_t k = 0; k < stages.size(); ++k) {
        const int number = m_estimate.harmonics[k].number;
        const double f = std::clamp(m_notchHz[k] + number * drift, 1.0, 0.49 * m_sampleRate);
        stages[k].setCoefficients(BiquadCoefficients::notch(m_sampleRate, f, f / m_notchBandwidthHz[k]));
    }
}

double HumRemover::trackedDriftHz(int channel) const
{
    if (!m_active || channel < 0 || channel >= static_cast<int>(m_trackers.size()))
        return 0.0;
    return m_trackers[static_cast<std::size_t>(channel)].deviationHz / m_referenceNumber;
}

void HumRemover::process(const AudioBlock& in, AudioBlock& out)
{
    out.resize(in.channels(), 0);
    out.append(in);
    if (!m_active)
        return;
    for (int c = 0; c < m_channels; ++c) {
        float* x = out.channel(c).data();
        if (!m_settings.trackDrift) {
            m_notches[static_cast<std::size_t>(c)].process(0, x, out.frames());
            continue;
        }
        // In pieces of the tracker's step, so that each retune takes effect right away.
        std::int64_t pos = 0;
        while (pos < out.frames()) {
            const Tracker& t = m_trackers[static_cast<std::size_t>(c)];
            const std::int64_t n = std::min<std::int64_t>(kTrackStep - t.sinceUpdate, out.frames() - pos);
            track(c, x + pos, n); // on the input, before the notches
            m_notches[static_cast<std::size_t>(c)].process(0, x + pos, n);
            retune(c);
            pos += n;
        }
    }
}

void HumRemover::finish(AudioBlock& out)
{
    out.resize(m_channels, 0);
}

QJsonObject HumRemover::report() const
{
    QJsonArray harmonics;
    for (const HumHarmonic& h : m_estimate.harmonics)
        harmonics.append(QJsonObject{{QStringLiteral("number"), h.number},
                                     {QStringLiteral("frequency_hz"), h.frequencyHz},
                                     {QStringLiteral("level_db"), h.levelDb},
                                     {QStringLiteral("prominence_db"), h.prominenceDb},
                                     {QStringLiteral("unsteadiness_db"), h.unsteadinessDb}});
    return {{QStringLiteral("detected"), m_estimate.detected},
            {QStringLiteral("fundamental_hz"), m_estimate.fundamentalHz},
            {QStringLiteral("harmonics_removed"), m_active ? static_cast<int>(m_notchHz.size()) : 0},
            {QStringLiteral("hum_level_db"), m_estimate.levelDb},
            {QStringLiteral("harmonics"), harmonics}};
}

} // namespace shellac::dsp
