#include "ui/editor/ColumnRanges.h"

#include <algorithm>
#include <cmath>

namespace shellac::ui {

std::vector<ColumnRange> columnRanges(std::span<const float> samples, std::int64_t samplesStart, double firstFrame,
                                      double framesPerPixel, int columns)
{
    std::vector<ColumnRange> ranges(std::size_t(std::max(0, columns)));
    const std::int64_t end = samplesStart + std::int64_t(samples.size());
    for (int i = 0; i < columns; ++i) {
        const double f0 = firstFrame + i * framesPerPixel;
        const auto from = std::int64_t(std::floor(f0));
        const std::int64_t to = std::max(from + 1, std::int64_t(std::ceil(f0 + framesPerPixel)));
        const std::int64_t a = std::max(from, samplesStart), b = std::min(to, end);
        if (a >= b)
            continue;
        const auto first = samples.begin() + (a - samplesStart), last = samples.begin() + (b - samplesStart);
        const auto [lo, hi] = std::minmax_element(first, last);
        ranges[std::size_t(i)] = {*lo, *hi, false};
    }
    return ranges;
}

} // namespace shellac::ui
