#include "degrade/ImpulseShape.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace shellac::degrade {

std::vector<double> impulseShape(double widthFrames, double skew, double resonanceHz, double resonanceDecayMs,
                                 int sampleRate)
{
    constexpr double kPi = std::numbers::pi;
    const std::size_t pulse = widthFrames <= 1 ? 1 : std::size_t(std::ceil(widthFrames));
    std::vector<double> v(pulse, 1.0);
    if (pulse > 1)
        for (std::size_t k = 0; k < pulse; ++k)
            v[k] = std::sin(kPi * std::pow((double(k) + 0.5) / double(pulse), skew));
    if (resonanceHz > 0 && resonanceDecayMs > 0) {
        const double tauFrames = resonanceDecayMs / 1000.0 * sampleRate;
        const double r = std::exp(-1.0 / tauFrames);
        const double theta = 2 * kPi * std::min(resonanceHz, kMaxFrequencyFraction * sampleRate) / sampleRate;
        const double a1 = -2 * r * std::cos(theta), a2 = r * r, b0 = 1 + a1 + a2;
        v.resize(pulse + std::size_t(std::ceil(std::log(1e4) * tauFrames)) + 2, 0.0);
        double y1 = 0, y2 = 0;
        for (double& s : v) {
            const double y = b0 * s - a1 * y1 - a2 * y2;
            y2 = y1;
            y1 = y;
            s = y;
        }
    }
    double maxAbs = 0;
    for (double s : v)
        maxAbs = std::max(maxAbs, std::abs(s));
    std::size_t length = v.size();
    while (length > 1 && std::abs(v[length - 1]) < 0.01 * maxAbs)
        --length;
    v.resize(length);
    if (maxAbs > 0)
        for (double& s : v)
            s /= maxAbs;
    return v;
}

} // namespace shellac::degrade
