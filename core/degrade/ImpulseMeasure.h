#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace shellac::degrade {

/// What the analyzer reads off one repaired impulse.
struct MeasuredImpulse {
    double peak = 0;       ///< largest |residual| in the interval, linear (full scale 1)
    double sign = 1;       ///< +1 or −1: the polarity of that sample
    double widthMs = 0;    ///< full width at half maximum of the residual × 1.5 (a half-sine's width), ms
};

/// Measures the impulse in residual[from, from + length) (residual = input − declicked): the peak,
/// its sign, and the width of the same-signed lobe around it at half the peak, interpolated
/// linearly between samples, times 1.5 (FWHM of a half-sine is 2/3 of its width); at least
/// 0.5 sample. nullopt when the interval is empty, outside `residual`, or holds only zeros.
/// Units: frames for `from` and `length`, Hz for `sampleRate`. Pure function; thread-safe.
std::optional<MeasuredImpulse> measureImpulse(std::span<const float> residual, std::int64_t from, std::int64_t length,
                                              int sampleRate);

} // namespace shellac::degrade
