#pragma once

#include <cmath>
#include <limits>

namespace shellac {

/// Linear amplitude (1.0 = full scale) to dBFS; 0 gives -infinity.
inline double amplitudeToDb(double amplitude)
{
    return amplitude > 0.0 ? 20.0 * std::log10(amplitude) : -std::numeric_limits<double>::infinity();
}

/// Mean power (mean of squared full-scale samples) to dBFS; 0 gives -infinity.
/// A full-scale sine has power 0.5, i.e. -3.01 dBFS RMS (AES17 would call that 0 dBFS; we do not).
inline double powerToDb(double power)
{
    return power > 0.0 ? 10.0 * std::log10(power) : -std::numeric_limits<double>::infinity();
}

/// dB to linear amplitude factor.
inline double dbToAmplitude(double db) { return std::pow(10.0, db / 20.0); }

} // namespace shellac
