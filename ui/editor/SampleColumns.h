#pragma once

#include "audio/WaveformSummary.h"

#include <cstdint>
#include <span>

namespace shellac::ui {

/// Per-pixel-column statistics of raw samples, as WaveformSummary::query() gives them from a
/// summary: `samples` are one channel covering timeline frames [samplesStart,
/// samplesStart + samples.size()); column i of `columns` covers frames
/// [firstFrame + i · framesPerPixel, firstFrame + (i + 1) · framesPerPixel) and gets the min,
/// max and RMS of the samples in it (State::Ready), or State::Outside when none fall in it. A
/// column narrower than a frame takes the frame it starts in, so that close zooms draw the
/// samples as a line. Units: frames (fractional for the view); framesPerPixel > 0.
/// Pure function; thread-safe.
void sampleColumns(std::span<const float> samples, std::int64_t samplesStart, double firstFrame, double framesPerPixel,
                   std::span<WaveformColumn> columns);

} // namespace shellac::ui
