#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace shellac::ui {

/// The smallest and largest sample value within one pixel column (linear, full scale 1.0).
struct ColumnRange {
    float low = 0.0f;
    float high = 0.0f;
    bool empty = true; ///< no sample of the span falls in the column
};

/// Min/max per pixel column of `samples`, one channel that covers timeline frames
/// [samplesStart, samplesStart + samples.size()). Column i covers frames
/// [firstFrame + i · framesPerPixel, firstFrame + (i + 1) · framesPerPixel); a column narrower
/// than a frame takes the frame it starts in, so that close zooms draw the samples as a line.
/// Units: frames (fractional for the view); framesPerPixel > 0. Pure function; thread-safe.
std::vector<ColumnRange> columnRanges(std::span<const float> samples, std::int64_t samplesStart, double firstFrame,
                                      double framesPerPixel, int columns);

} // namespace shellac::ui
