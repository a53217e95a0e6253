#pragma once

#include "audio/AudioBlock.h"

#include <complex>
#include <vector>

namespace shellac::dsp {

/// Normalised second-order section coefficients (a0 == 1):
///   H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2).
/// The factory functions follow R. Bristow-Johnson's "Audio EQ Cookbook". All frequencies are
/// in Hz, `sampleRate` in Hz, and `frequency` must lie in (0, sampleRate / 2).
struct BiquadCoefficients {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;

    static BiquadCoefficients highPass(double sampleRate, double frequency, double q);
    static BiquadCoefficients lowPass(double sampleRate, double frequency, double q);
    /// Band-reject; -3 dB bandwidth = frequency / q Hz.
    static BiquadCoefficients notch(double sampleRate, double frequency, double q);
    /// Bell with `gainDb` dB at `frequency` and unity far away.
    static BiquadCoefficients peaking(double sampleRate, double frequency, double q, double gainDb);

    /// Complex response at `frequency` Hz.
    std::complex<double> response(double sampleRate, double frequency) const;
};

/// One biquad in transposed direct form II with double-precision state, one state per channel.
/// Processes float samples in place. Not thread-safe; one stream per instance.
class Biquad {
public:
    Biquad() = default;
    Biquad(const BiquadCoefficients& coefficients, int channels);

    /// Changes the coefficients, keeping the state (for slow parameter changes).
    void setCoefficients(const BiquadCoefficients& coefficients) { m_k = coefficients; }
    const BiquadCoefficients& coefficients() const { return m_k; }
    /// Sets the channel count and clears the state.
    void setChannels(int channels);
    int channels() const { return static_cast<int>(m_state.size()); }
    void reset();

    /// Filters `count` samples of `channel` in place (float in/out).
    void process(int channel, float* samples, std::int64_t count);
    /// Filters `count` samples of `channel` in place at double precision.
    void process(int channel, double* samples, std::int64_t count);
    /// Filters one sample of `channel`.
    double processSample(int channel, double x)
    {
        State& s = m_state[static_cast<std::size_t>(channel)];
        const double y = m_k.b0 * x + s.s1;
        s.s1 = m_k.b1 * x - m_k.a1 * y + s.s2;
        s.s2 = m_k.b2 * x - m_k.a2 * y;
        return y;
    }

private:
    struct State {
        double s1 = 0, s2 = 0;
    };
    BiquadCoefficients m_k;
    std::vector<State> m_state;
};

/// A chain of biquads applied one after another at double precision (no rounding to float
/// between sections). Zero latency: output sample n depends on input samples <= n only.
/// Not thread-safe; one stream per instance.
class BiquadCascade {
public:
    BiquadCascade() = default;

    /// Butterworth high-pass of even `order` (2, 4, 6, 8, ...) with -3 dB at `cornerHz` Hz.
    static BiquadCascade butterworthHighPass(int order, double sampleRate, double cornerHz, int channels);
    /// Butterworth low-pass of even `order` with -3 dB at `cornerHz` Hz.
    static BiquadCascade butterworthLowPass(int order, double sampleRate, double cornerHz, int channels);

    void add(const BiquadCoefficients& coefficients);
    void setChannels(int channels);
    void reset();
    int sections() const { return static_cast<int>(m_sections.size()); }
    const std::vector<Biquad>& stages() const { return m_sections; }
    std::vector<Biquad>& stages() { return m_sections; }

    /// Filters every channel of `block` in place (block.channels() == channels()).
    void process(AudioBlock& block);
    /// Filters `count` samples of `channel` in place.
    void process(int channel, float* samples, std::int64_t count);

    /// Complex response of the whole chain at `frequency` Hz.
    std::complex<double> response(double sampleRate, double frequency) const;

private:
    std::vector<Biquad> m_sections;
    std::vector<double> m_scratch;
    int m_channels = 1;
};

} // namespace shellac::dsp
