#include "eval/Metrics.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace shellac::eval {

namespace {

constexpr double kCeilingDb = 200.0;

double siSdrImpl(std::span<const float> reference, std::span<const float> estimate,
                 const std::vector<bool>* include)
{
    assert(reference.size() == estimate.size());
    const std::size_t n = reference.size();
    double count = 0;
    double meanRef = 0;
    double meanEst = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (include && !(*include)[i])
            continue;
        meanRef += reference[i];
        meanEst += estimate[i];
        ++count;
    }
    if (count == 0)
        return -kCeilingDb;
    meanRef /= count;
    meanEst /= count;
    double dot = 0;
    double refEnergy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (include && !(*include)[i])
            continue;
        const double r = reference[i] - meanRef;
        dot += r * (estimate[i] - meanEst);
        refEnergy += r * r;
    }
    if (refEnergy <= 0)
        return -kCeilingDb;
    const double alpha = dot / refEnergy;
    double target = 0;
    double noise = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (include && !(*include)[i])
            continue;
        const double t = alpha * (reference[i] - meanRef);
        const double e = (estimate[i] - meanEst) - t;
        target += t * t;
        noise += e * e;
    }
    if (target <= 0)
        return -kCeilingDb;
    if (noise <= 0)
        return kCeilingDb;
    return std::clamp(10.0 * std::log10(target / noise), -kCeilingDb, kCeilingDb);
}

} // namespace

double siSdrDb(std::span<const float> reference, std::span<const float> estimate)
{
    return siSdrImpl(reference, estimate, nullptr);
}

double siSdrDbMasked(std::span<const float> reference, std::span<const float> estimate,
                     const std::vector<bool>& include)
{
    assert(include.size() == reference.size());
    return siSdrImpl(reference, estimate, &include);
}

DetectionScore scoreDetections(const std::vector<SampleInterval>& truth,
                               const std::vector<SampleInterval>& detected,
                               std::int64_t toleranceFrames)
{
    const auto overlaps = [&](const SampleInterval& a, const SampleInterval& b) {
        if (a.channel != b.channel)
            return false;
        const std::int64_t aStart = a.start - toleranceFrames;
        const std::int64_t aEnd = a.start + std::max<std::int64_t>(a.length, 1) + toleranceFrames;
        const std::int64_t bEnd = b.start + std::max<std::int64_t>(b.length, 1);
        return aStart < bEnd && b.start < aEnd;
    };
    // Sort detections by (channel, start) so each truth interval scans a small window.
    std::vector<SampleInterval> sorted = detected;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.channel != b.channel ? a.channel < b.channel : a.start < b.start;
    });
    std::vector<bool> used(sorted.size(), false);
    DetectionScore score;
    for (const SampleInterval& t : truth) {
        bool hit = false;
        auto it = std::lower_bound(sorted.begin(), sorted.end(), t, [&](const auto& d, const auto& key) {
            if (d.channel != key.channel)
                return d.channel < key.channel;
            return d.start + std::max<std::int64_t>(d.length, 1) + toleranceFrames <= key.start;
        });
        for (; it != sorted.end() && it->channel == t.channel
               && it->start < t.start + std::max<std::int64_t>(t.length, 1) + toleranceFrames;
             ++it) {
            if (overlaps(t, *it)) {
                hit = true;
                used[std::size_t(it - sorted.begin())] = true;
            }
        }
        hit ? ++score.truePositives : ++score.falseNegatives;
    }
    score.falsePositives = int(std::count(used.begin(), used.end(), false));
    // Precision is over detections (several may match one true click), recall over true clicks.
    const int detections = int(sorted.size());
    score.precision = detections > 0 ? double(detections - score.falsePositives) / detections : 1.0;
    const int actual = score.truePositives + score.falseNegatives;
    score.recall = actual > 0 ? double(score.truePositives) / actual : 1.0;
    score.f1 = score.precision + score.recall > 0
                   ? 2.0 * score.precision * score.recall / (score.precision + score.recall)
                   : 0.0;
    return score;
}

std::vector<bool> cleanMask(const std::vector<SampleInterval>& intervals, int channel,
                            std::int64_t frames, std::int64_t guardFrames)
{
    std::vector<bool> mask(std::size_t(std::max<std::int64_t>(frames, 0)), true);
    for (const SampleInterval& iv : intervals) {
        if (iv.channel != channel)
            continue;
        const std::int64_t from = std::clamp<std::int64_t>(iv.start - guardFrames, 0, frames);
        const std::int64_t to = std::clamp<std::int64_t>(iv.start + iv.length + guardFrames, 0, frames);
        std::fill(mask.begin() + from, mask.begin() + to, false);
    }
    return mask;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    if (values.size() % 2)
        return values[mid];
    const double upper = values[mid];
    const double lower = *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid));
    return 0.5 * (lower + upper);
}

} // namespace shellac::eval
