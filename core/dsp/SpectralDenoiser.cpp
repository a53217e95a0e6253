#include "dsp/SpectralDenoiser.h"

#include <algorithm>
#include <cmath>

namespace shellac::dsp {

namespace {

/// Exponential integral E1(x), x > 0 (Abramowitz & Stegun 5.1.53 / 5.1.56, |error| < 5e-5).
double expint(double x)
{
    if (x <= 1.0)
        return -std::log(x) - 0.57721566 + x * (0.99999193 + x * (-0.24991055 + x * (0.05519968 + x * (-0.00976004 + x * 0.00107857))));
    const double num = x * x + 2.334733 * x + 0.250621;
    const double den = x * x + 3.330657 * x + 1.681534;
    return std::exp(-x) / x * num / den;
}

/// v above which the log-spectral-amplitude factor exp(E1(v) / 2) rounds to 1 in float.
constexpr double kLsaUnityV = 16.0;

} // namespace

SpectralDenoiser::SpectralDenoiser(SpectralDenoiserSettings settings) : m_settings(settings) {}

SpectralDenoiser::~SpectralDenoiser() = default;

Status SpectralDenoiser::prepare(int sampleRate, int channels)
{
    if (sampleRate < 8000 || sampleRate > 192000)
        return Error{QStringLiteral("dehiss"), QStringLiteral("unsupported sample rate %1 Hz").arg(sampleRate)};
    if (channels < 1 || channels > 8)
        return Error{QStringLiteral("dehiss"), QStringLiteral("unsupported channel count %1").arg(channels)};
    if (!(m_settings.reductionLimitDb > 0.0))
        return Error{QStringLiteral("dehiss"), QStringLiteral("the reduction limit must be above 0 dB")};
    m_sampleRate = sampleRate;
    m_channels = channels;
    const double ideal = std::log2(std::max(1.0, sampleRate * m_settings.frameSeconds));
    m_frameSize = 1 << std::clamp(static_cast<int>(std::lround(ideal)), 8, 14);
    m_floor = static_cast<float>(std::pow(10.0, -m_settings.reductionLimitDb / 20.0));
    m_stft = std::make_unique<StftProcessor>(m_frameSize, channels);
    m_profile = std::make_unique<NoiseProfile>(m_frameSize, sampleRate, channels, m_settings.noiseRangeSeconds,
                                               m_settings.quietestFrames);
    m_state.assign(static_cast<std::size_t>(channels), ChannelState{});
    m_rawGain.assign(static_cast<std::size_t>(m_stft->bins()), 0.0f);
    m_power.assign(static_cast<std::size_t>(m_stft->bins()), 0.0f);
    m_callback = [this](int c, std::int64_t, std::span<std::complex<float>> spectrum) { processFrame(c, spectrum); };
    m_active = false;
    return Status::success();
}

Status SpectralDenoiser::validate(double durationSeconds) const
{
    if (!m_settings.noiseRangeSeconds)
        return Status::success();
    return NoiseProfile::validateRange(*m_settings.noiseRangeSeconds, durationSeconds);
}

void SpectralDenoiser::analyse(const AudioBlock& in)
{
    if (!m_stft)
        return;
    m_stft->analyse(in, [this](int c, std::int64_t start, std::span<std::complex<float>> spectrum) {
        m_profile->addFrame(c, start, spectrum);
    });
}

void SpectralDenoiser::finishAnalysis()
{
    if (!m_stft)
        return;
    m_stft->reset();
    m_profile->finish();
    m_active = m_profile->isValid();
    if (!m_active)
        return;
    for (int c = 0; c < m_channels; ++c) {
        ChannelState& s = m_state[static_cast<std::size_t>(c)];
        const auto p = m_profile->power(c);
        const float top = p.empty() ? 0.0f : *std::max_element(p.begin(), p.end());
        const float floor = std::max(1e-30f, top * 1e-10f);
        s.noise.resize(p.size());
        for (std::size_t b = 0; b < p.size(); ++b)
            s.noise[b] = std::max(p[b], floor);
        s.prevClean.assign(p.size(), 0.0f);
        s.gain.assign(p.size(), 1.0f);
        s.first = true;
    }
}

void SpectralDenoiser::process(const AudioBlock& in, AudioBlock& out)
{
    if (!m_active) {
        out.resize(in.channels(), 0);
        out.append(in);
        return;
    }
    m_stft->process(in, out, m_callback);
}

void SpectralDenoiser::finish(AudioBlock& out)
{
    if (!m_active) {
        out.resize(m_channels, 0);
        return;
    }
    m_stft->finish(out, m_callback);
}

void SpectralDenoiser::processFrame(int channel, std::span<std::complex<float>> spectrum)
{
    ChannelState& s = m_state[static_cast<std::size_t>(channel)];
    const std::size_t bins = spectrum.size();
    const float alpha = static_cast<float>(m_settings.decisionDirectedAlpha);
    const bool lsa = m_settings.gainRule == SpectralDenoiserSettings::GainRule::LogSpectralAmplitude;
    constexpr float xiMin = 1e-3f; // -30 dB
    for (std::size_t k = 0; k < bins; ++k) {
        const float power = std::norm(spectrum[k]);
        m_power[k] = power;
        const float gamma = std::min(power / s.noise[k], 1e6f);
        const float ml = std::max(gamma - 1.0f, 0.0f);
        float xi = s.first ? ml : alpha * s.prevClean[k] / s.noise[k] + (1.0f - alpha) * ml;
        xi = std::clamp(xi, xiMin, 1e6f);
        float g = xi / (1.0f + xi);
        if (lsa) {
            // Above v = 16, exp(E1(v) / 2) - 1 < 4e-9, under half a float ulp: g stays as it is.
            const double v = std::max(1e-8, double(g) * gamma);
            if (v < kLsaUnityV)
                g = static_cast<float>(g * std::exp(0.5 * expint(v)));
        }
        m_rawGain[k] = std::min(g, 1.0f);
    }
    // Smooth over frequency (1-2-1, weighted by power, so that the large LSA gains of nearly
    // empty bins do not lift their louder neighbours) and over time (fast attack, slower
    // release), then floor.
    for (std::size_t k = 0; k < bins; ++k) {
        const std::size_t l = k == 0 ? 1 : k - 1, r = k + 1 == bins ? bins - 2 : k + 1;
        const float wl = 0.25f * m_power[l], wc = 0.5f * m_power[k], wr = 0.25f * m_power[r];
        const float wsum = wl + wc + wr;
        float g = wsum > 1e-30f ? (wl * m_rawGain[l] + wc * m_rawGain[k] + wr * m_rawGain[r]) / wsum
                                : 0.25f * m_rawGain[l] + 0.5f * m_rawGain[k] + 0.25f * m_rawGain[r];
        if (!s.first) {
            const float prev = s.gain[k];
            g = g > prev ? 0.2f * prev + 0.8f * g : 0.5f * prev + 0.5f * g;
        }
        g = std::max(g, m_floor);
        s.gain[k] = g;
        spectrum[k] *= g;
        // Decision-directed memory: the clean estimate of the unfloored, unsmoothed gain, so
        // that the floor does not keep the a-priori SNR of pure noise artificially high.
        s.prevClean[k] = m_rawGain[k] * m_rawGain[k] * m_power[k];
    }
    s.first = false;
}

QJsonObject SpectralDenoiser::report() const
{
    const bool range = m_profile && m_profile->fromRange();
    return {{QStringLiteral("noise_profile_db"), m_profile ? m_profile->levelDb() : -300.0},
            {QStringLiteral("reduction_limit_db"), m_settings.reductionLimitDb},
            {QStringLiteral("profile_source"), range ? QStringLiteral("range") : QStringLiteral("quietest")}};
}

} // namespace shellac::dsp
