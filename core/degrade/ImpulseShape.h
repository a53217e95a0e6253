#pragma once

#include <vector>

namespace shellac::degrade {

/// Resonances (and the synthesizer's filters) at or above this fraction of the sample rate are
/// clamped or skipped.
inline constexpr double kMaxFrequencyFraction = 0.475;

/// The waveform of one synthetic click, pop or crackle event, peak-normalised to +1: a half-sine
/// bump of `widthFrames` samples whose peak is moved earlier (skew < 1) or later (skew > 1) by
/// warping its phase, sin(pi * ((k + 0.5) / width)^skew); a single sample when the width is at
/// most one frame. With a resonance (`resonanceHz` > 0 and `resonanceDecayMs` > 0) the bump is
/// passed through the pickup's ringing: a 2-pole low-pass with unity DC gain at that frequency
/// (clamped below kMaxFrequencyFraction × the rate) with that 1/e decay. Truncated where it has
/// fallen below −40 dB of its peak.
///
/// Units: widthFrames in samples (fractional allowed), resonanceHz in Hz, resonanceDecayMs in
/// milliseconds, sampleRate in Hz. Pure function; thread-safe.
std::vector<double> impulseShape(double widthFrames, double skew, double resonanceHz, double resonanceDecayMs,
                                 int sampleRate);

} // namespace shellac::degrade
