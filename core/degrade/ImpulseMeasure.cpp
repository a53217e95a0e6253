#include "degrade/ImpulseMeasure.h"

#include <algorithm>
#include <cmath>

namespace shellac::degrade {

std::optional<MeasuredImpulse> measureImpulse(std::span<const float> residual, std::int64_t from, std::int64_t length,
                                              int sampleRate)
{
    if (from < 0 || length <= 0 || from + length > std::int64_t(residual.size()))
        return std::nullopt;
    const auto r = [&](std::int64_t i) { return double(residual[std::size_t(i)]); };
    std::int64_t p = from;
    for (std::int64_t i = from; i < from + length; ++i)
        if (std::abs(r(i)) > std::abs(r(p)))
            p = i;
    const double peak = std::abs(r(p));
    if (peak <= 0)
        return std::nullopt;
    const double sign = r(p) > 0 ? 1.0 : -1.0;
    const auto v = [&](std::int64_t i) { return i < from || i >= from + length ? 0.0 : std::max(0.0, sign * r(i)); };
    const double half = peak / 2;
    std::int64_t lo = p, hi = p;
    while (v(lo - 1) >= half)
        --lo;
    while (v(hi + 1) >= half)
        ++hi;
    const double left = double(lo - 1) + (half - v(lo - 1)) / std::max(1e-30, v(lo) - v(lo - 1));
    const double right = double(hi) + (v(hi) - half) / std::max(1e-30, v(hi) - v(hi + 1));
    return MeasuredImpulse{peak, sign, 1.5 * std::max(0.5, right - left) / sampleRate * 1000.0};
}

} // namespace shellac::degrade
