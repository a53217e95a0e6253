#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace shellac::eval {

/// Scale-invariant signal-to-distortion ratio in dB (Le Roux et al., 2019): the estimate is
/// projected onto the (mean-removed) reference; the rest counts as distortion. Both spans must
/// have the same length. Returns +200 dB for a perfect match, -200 dB when the estimate is
/// silent or orthogonal; never NaN.
double siSdrDb(std::span<const float> reference, std::span<const float> estimate);

/// Like siSdrDb but only over the samples where `include` is true (same length as the signals).
double siSdrDbMasked(std::span<const float> reference, std::span<const float> estimate,
                     const std::vector<bool>& include);

/// A stretch of samples in one channel: [start, start + length).
struct SampleInterval {
    int channel = 0;
    std::int64_t start = 0;  ///< frames
    std::int64_t length = 0; ///< frames
};

/// Precision/recall/F1 of a click detector against ground truth.
struct DetectionScore {
    int truePositives = 0;  ///< true clicks that some detection overlaps
    int falseNegatives = 0; ///< true clicks no detection overlaps
    int falsePositives = 0; ///< detections overlapping no true click
    double precision = 0;   ///< matching detections / all detections (1 when none)
    double recall = 0;
    double f1 = 0;
};

/// Matches detections to true clicks of the same channel when they overlap after widening both
/// by `toleranceFrames` on each side. Several detections on one true click count once as a true
/// positive (and are not false positives).
DetectionScore scoreDetections(const std::vector<SampleInterval>& truth,
                               const std::vector<SampleInterval>& detected,
                               std::int64_t toleranceFrames);

/// Mask that is true for frames of `channel` that lie at least `guardFrames` away from every
/// interval of that channel: the "click-free" regions where a restorer should change nothing.
std::vector<bool> cleanMask(const std::vector<SampleInterval>& intervals, int channel,
                            std::int64_t frames, std::int64_t guardFrames);

/// Median of values (0 for an empty list).
double median(std::vector<double> values);

} // namespace shellac::eval
