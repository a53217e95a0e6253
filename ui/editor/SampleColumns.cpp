#include "ui/editor/SampleColumns.h"

#include <algorithm>
#include <cmath>

namespace shellac::ui {

void sampleColumns(std::span<const float> samples, std::int64_t samplesStart, double firstFrame, double framesPerPixel,
                   std::span<WaveformColumn> columns)
{
    const std::int64_t end = samplesStart + std::int64_t(samples.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const double f0 = firstFrame + double(i) * framesPerPixel;
        const auto from = std::int64_t(std::floor(f0));
        const std::int64_t to = std::max(from + 1, std::int64_t(std::ceil(f0 + framesPerPixel)));
        const std::int64_t a = std::max(from, samplesStart), b = std::min(to, end);
        if (a >= b) {
            columns[i] = {};
            continue;
        }
        float lo = samples[std::size_t(a - samplesStart)], hi = lo;
        double sq = 0;
        for (std::int64_t f = a; f < b; ++f) {
            const float v = samples[std::size_t(f - samplesStart)];
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            sq += double(v) * v;
        }
        columns[i] = {{lo, hi, float(std::sqrt(sq / double(b - a)))}, WaveformColumn::State::Ready};
    }
}

} // namespace shellac::ui
