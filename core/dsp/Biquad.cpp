#include "dsp/Biquad.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace shellac::dsp {

namespace {

struct Raw {
    double b0, b1, b2, a0, a1, a2;
};

BiquadCoefficients normalise(const Raw& r)
{
    return {r.b0 / r.a0, r.b1 / r.a0, r.b2 / r.a0, r.a1 / r.a0, r.a2 / r.a0};
}

struct Prewarp {
    double cosw, alpha;
};

Prewarp prewarp(double sampleRate, double frequency, double q)
{
    assert(frequency > 0 && frequency < sampleRate / 2 && q > 0);
    const double w = 2.0 * std::numbers::pi * frequency / sampleRate;
    return {std::cos(w), std::sin(w) / (2.0 * q)};
}

// Flushes tiny states to zero so that decaying filters never reach denormals.
inline void flush(double& v)
{
    if (std::abs(v) < 1e-30)
        v = 0.0;
}

} // namespace

BiquadCoefficients BiquadCoefficients::highPass(double sampleRate, double frequency, double q)
{
    const auto [c, a] = prewarp(sampleRate, frequency, q);
    return normalise({(1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + a, -2 * c, 1 - a});
}

BiquadCoefficients BiquadCoefficients::lowPass(double sampleRate, double frequency, double q)
{
    const auto [c, a] = prewarp(sampleRate, frequency, q);
    return normalise({(1 - c) / 2, 1 - c, (1 - c) / 2, 1 + a, -2 * c, 1 - a});
}

BiquadCoefficients BiquadCoefficients::notch(double sampleRate, double frequency, double q)
{
    const auto [c, a] = prewarp(sampleRate, frequency, q);
    return normalise({1, -2 * c, 1, 1 + a, -2 * c, 1 - a});
}

BiquadCoefficients BiquadCoefficients::peaking(double sampleRate, double frequency, double q, double gainDb)
{
    const auto [c, a] = prewarp(sampleRate, frequency, q);
    const double A = std::pow(10.0, gainDb / 40.0);
    return normalise({1 + a * A, -2 * c, 1 - a * A, 1 + a / A, -2 * c, 1 - a / A});
}

std::complex<double> BiquadCoefficients::response(double sampleRate, double frequency) const
{
    const double w = 2.0 * std::numbers::pi * frequency / sampleRate;
    const std::complex<double> z1 = std::polar(1.0, -w);
    const std::complex<double> z2 = z1 * z1;
    return (b0 + b1 * z1 + b2 * z2) / (1.0 + a1 * z1 + a2 * z2);
}

Biquad::Biquad(const BiquadCoefficients& coefficients, int channels) : m_k(coefficients)
{
    setChannels(channels);
}

void Biquad::setChannels(int channels)
{
    m_state.assign(static_cast<std::size_t>(std::max(channels, 1)), State{});
}

void Biquad::reset()
{
    std::fill(m_state.begin(), m_state.end(), State{});
}

void Biquad::process(int channel, float* samples, std::int64_t count)
{
    State s = m_state[static_cast<std::size_t>(channel)];
    const BiquadCoefficients k = m_k;
    for (std::int64_t i = 0; i < count; ++i) {
        const double x = samples[i];
        const double y = k.b0 * x + s.s1;
        s.s1 = k.b1 * x - k.a1 * y + s.s2;
        s.s2 = k.b2 * x - k.a2 * y;
        samples[i] = static_cast<float>(y);
    }
    flush(s.s1);
    flush(s.s2);
    m_state[static_cast<std::size_t>(channel)] = s;
}

void Biquad::process(int channel, double* samples, std::int64_t count)
{
    State s = m_state[static_cast<std::size_t>(channel)];
    const BiquadCoefficients k = m_k;
    for (std::int64_t i = 0; i < count; ++i) {
        const double x = samples[i];
        const double y = k.b0 * x + s.s1;
        s.s1 = k.b1 * x - k.a1 * y + s.s2;
        s.s2 = k.b2 * x - k.a2 * y;
        samples[i] = y;
    }
    flush(s.s1);
    flush(s.s2);
    m_state[static_cast<std::size_t>(channel)] = s;
}

namespace {

// Q of the sections of an even-order Butterworth filter.
std::vector<double> butterworthQs(int order)
{
    assert(order >= 2 && order % 2 == 0);
    std::vector<double> qs;
    for (int k = 1; k <= order / 2; ++k)
        qs.push_back(1.0 / (2.0 * std::cos((2.0 * k - 1.0) * std::numbers::pi / (2.0 * order))));
    return qs;
}

} // namespace

BiquadCascade BiquadCascade::butterworthHighPass(int order, double sampleRate, double cornerHz, int channels)
{
    BiquadCascade cascade;
    cascade.m_channels = channels;
    for (double q : butterworthQs(order))
        cascade.add(BiquadCoefficients::highPass(sampleRate, cornerHz, q));
    return cascade;
}

BiquadCascade BiquadCascade::butterworthLowPass(int order, double sampleRate, double cornerHz, int channels)
{
    BiquadCascade cascade;
    cascade.m_channels = channels;
    for (double q : butterworthQs(order))
        cascade.add(BiquadCoefficients::lowPass(sampleRate, cornerHz, q));
    return cascade;
}

void BiquadCascade::add(const BiquadCoefficients& coefficients)
{
    m_sections.emplace_back(coefficients, m_channels);
}

void BiquadCascade::setChannels(int channels)
{
    m_channels = channels;
    for (Biquad& b : m_sections)
        b.setChannels(channels);
}

void BiquadCascade::reset()
{
    for (Biquad& b : m_sections)
        b.reset();
}

void BiquadCascade::process(AudioBlock& block)
{
    for (int c = 0; c < block.channels(); ++c)
        process(c, block.channel(c).data(), block.frames());
}

void BiquadCascade::process(int channel, float* samples, std::int64_t count)
{
    if (m_sections.empty() || count <= 0)
        return;
    constexpr std::int64_t chunk = 2048; // stays in L1 while every section runs over it
    m_scratch.resize(static_cast<std::size_t>(std::min(count, chunk)));
    for (std::int64_t at = 0; at < count; at += chunk) {
        const std::int64_t n = std::min(chunk, count - at);
        std::copy_n(samples + at, n, m_scratch.data());
        for (Biquad& b : m_sections)
            b.process(channel, m_scratch.data(), n);
        for (std::int64_t i = 0; i < n; ++i)
            samples[at + i] = static_cast<float>(m_scratch[static_cast<std::size_t>(i)]);
    }
}

std::complex<double> BiquadCascade::response(double sampleRate, double frequency) const
{
    std::complex<double> h = 1.0;
    for (const Biquad& b : m_sections)
        h *= b.coefficients().response(sampleRate, frequency);
    return h;
}

} // namespace shellac::dsp
