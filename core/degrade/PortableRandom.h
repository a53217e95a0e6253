#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace shellac::degrade {

/// Random draws that are the same on every platform and standard library: mt19937_64 is
/// specified bit for bit, the std:: distributions are not, so the draws are made here.
/// Used wherever a seed must reproduce the same audio or the same analysis (the synthesizer,
/// the click-detection calibration). Not thread-safe: one instance per stream.
class PortableRandom {
public:
    PortableRandom() = default;
    explicit PortableRandom(std::uint64_t seed) : m_engine(seed) {}

    /// Uniform in the open interval (0, 1).
    double uniform() { return (double(m_engine() >> 11) + 0.5) * 0x1p-53; }

    /// Standard normal (Marsaglia's polar method; the second value of each pair is kept for the
    /// next call).
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * f;
        m_hasSpare = true;
        return u * f;
    }

    /// Standard normal truncated to ±limit (redrawn beyond).
    double truncatedNormal(double limit)
    {
        for (;;) {
            const double x = normal();
            if (std::abs(x) <= limit)
                return x;
        }
    }

    /// Exponential with mean 1.
    double exponential() { return -std::log(uniform()); }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace shellac::degrade
