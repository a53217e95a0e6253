#pragma once

#include "common/Result.h"

#include <complex>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace shellac::dsp {

/// A time range in seconds from the start of a recording: {start, end}, end exclusive.
using SecondsRange = std::pair<double, double>;

/// Per-bin noise power learned from STFT frames (StftProcessor analysis mode), per channel.
///
/// Two sources:
///  - a user range (e.g. the lead-in groove): mean power of the frames lying wholly inside it
///    (or, for a range shorter than a frame, of the frames centred inside it);
///  - otherwise two estimates per bin: (a), unless (b) is more than 3 dB lower:
///    (a) the quietest passages: the K frames with the least broadband level (mean log power
///        over bins, so that no band dominates the choice; digital silence excluded) are kept in
///        a bounded max-heap (K * bins floats per channel, ~0.8 MB for K = 200 and 2048-sample
///        frames); their per-bin median / ln 2 (the mean for Gaussian noise). Right when the
///        recording has a lead-in or pauses.
///    (b) minimum statistics in the spirit of Martin (2001): per bin, the power smoothed over
///        ~5 frames, its 10th percentile over the whole stream from a log-power histogram
///        (0.5 dB steps; bins * 400 counters per channel), corrected for the percentile's bias.
///        Right for music without pauses, where every bin still has moments between notes.
///    Sustained tones are then capped out of the profile (suppressTonalPeaks()).
///    If a range matched no frame at all, this automatic estimate is used.
///
/// Units: power() is in the units of the unnormalised STFT |X[k]|^2 the frames came in;
/// levelDb() converts to dBFS of time-domain power assuming StftProcessor's sqrt-Hann window.
/// Not thread-safe.
class NoiseProfile {
public:
    /// @param frameSize STFT frame length in samples, @param sampleRate Hz,
    /// @param range user range in seconds (nullopt: quietest frames), @param keepFrames K
    NoiseProfile(int frameSize, int sampleRate, int channels, std::optional<SecondsRange> range,
                 int keepFrames = 200);

    /// Offers one analysis frame of `channel` that starts at input sample `frameStart`.
    void addFrame(int channel, std::int64_t frameStart, std::span<const std::complex<float>> spectrum);
    /// Computes the profile from what was offered; call once after the last frame.
    void finish();

    /// True when a profile exists (some channel saw non-silent frames; a channel that only had
    /// digital silence has an all-zero profile).
    bool isValid() const { return m_valid; }
    /// True when the profile came from the user's range, false for the quietest frames.
    bool fromRange() const { return m_fromRange; }
    /// Noise power per bin (frameSize/2 + 1 values) of `channel`; valid after finish().
    std::span<const float> power(int channel) const;
    /// Mean noise power over channels, dBFS (a full-scale sine is -3 dBFS); -300 if none.
    double levelDb() const { return m_levelDb; }

    /// Checks `range` against a recording of `durationSeconds`: start >= 0, end > start and
    /// end <= duration (+1 ms slack). The error names the range and the duration.
    static Status validateRange(const SecondsRange& range, double durationSeconds);

    /// Caps narrow spectral peaks (sustained tones) in an automatically learned profile at
    /// 3 dB above their neighbourhood's 20th percentile; smooth noise passes unchanged.
    static void suppressTonalPeaks(std::vector<float>& profile);

    /// Histogram geometry of the minimum-statistics estimate: levels in 0.5 dB steps of
    /// 10 log10 |X|^2 from kLowestDb upwards.
    static constexpr int kLevels = 400;
    static constexpr double kLowestDb = -150.0;
    static constexpr double kStepDb = 0.5;

    /// The histogram level of `power` (|X|^2 + 1e-30): exactly
    /// clamp(int((10 log10(power) - kLowestDb) / kStepDb), 0, kLevels - 1), without a logarithm.
    static int histogramLevel(double power);

private:
    /// Sum of the natural logs of positive, normal numbers, kept as a product of mantissas
    /// and a sum of binary exponents: one logarithm per frame instead of one per bin.
    class LogSum {
    public:
        void add(double x);
        double value() const;

    private:
        double m_mantissas = 1.0;
        long long m_exponents = 0;
        int m_pending = 0;
    };
    struct Kept {
        double loudness; // mean log power over bins
        int slot;
        bool operator<(const Kept& o) const { return loudness < o.loudness; }
    };
    struct Channel {
        std::vector<double> inside, centred; // summed power: frames inside / centred in range
        int insideCount = 0, centredCount = 0;
        std::vector<Kept> heap;              // max-heap on energy
        std::vector<float> stored;            // keepFrames * bins
        std::vector<double> smoothed;         // per-bin recursively smoothed power
        std::vector<std::uint32_t> histogram; // bins * kLevels counts of smoothed log power
        bool smoothedStarted = false;
        std::vector<float> profile;
    };

    int m_frameSize;
    int m_bins;
    int m_sampleRate;
    std::optional<SecondsRange> m_range;
    int m_keep;
    std::vector<Channel> m_channels;
    bool m_valid = false;
    bool m_fromRange = false;
    double m_levelDb = -300.0;
};

} // namespace shellac::dsp
