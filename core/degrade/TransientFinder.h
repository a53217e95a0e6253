#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace shellac::degrade {

/// Onsets of music (drum hits, plucks, consonants) in a mono signal by a simple energy-flux
/// detector: the signal's power in 5 ms frames; frame k is an onset when its power is at least
/// 9 dB above the mean power of the 40 ms before it and above a floor (−70 dBFS, and 30 dB
/// under the mean power of the whole signal), with at most one onset per 50 ms. The onset is
/// placed at the first sample of frames k−1..k whose magnitude exceeds three times the RMS of
/// those 40 ms (else at the start of frame k). Returns frames (from the signal start), ascending.
/// Slow swells and steady tones give none. Thread-safe (pure function).
std::vector<std::int64_t> energyFluxOnsets(std::span<const float> mono, int sampleRate);

/// Starts of the clicks shellac::dsp::ArDeclicker's per-sample detector (dsp::perSampleDeclick(5))
/// repairs in a mono signal, frames from the signal start, ascending, without duplicates. Costs one declick
/// pass over the signal. Thread-safe (a declicker per call).
std::vector<std::int64_t> classicalClickStarts(std::span<const float> mono, int sampleRate);

/// At most `cap` of `frames` (ascending), spread evenly over the list (all when there are
/// `cap` or fewer), still ascending.
std::vector<std::int64_t> spreadEvenly(const std::vector<std::int64_t>& frames, std::size_t cap);

} // namespace shellac::degrade
