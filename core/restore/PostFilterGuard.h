#pragma once

#include "audio/AudioBlock.h"

#include <QJsonObject>

#include <cstdint>
#include <vector>

namespace shellac {

/// Tuning of PostFilterGuard. Dimensionless unless the name gives a unit.
struct PostFilterGuardSettings {
    /// Block over which the post-filter's output is compared with its input, seconds (rounded to
    /// samples: 2029 at 44.1 kHz).
    double blockSeconds = 0.046;
    /// Correlation of output with input (per block) at and above which the post-filter's change
    /// is kept whole. Removing noise 20 dB below the music leaves about 0.995.
    double trustedCorrelation = 0.99;
    /// Correlation at and below which the change is dropped (the block keeps its input).
    double distrustedCorrelation = 0.95;
    /// Blocks whose input power is less than this many dB above the noise floor are mostly
    /// noise: there the post-filter may change them as much as it likes.
    double noiseBlockMarginDb = 12.0;
};

/// Keeps the hybrid's post-filter from rewriting the music. A network trained to remove what
/// the classical engine leaves is trusted for small corrections; where, in a block clearly
/// above the recording's noise floor, its output stops resembling its input (correlation
/// below trustedCorrelation), the correction is scaled down, to nothing at
/// distrustedCorrelation. Measured reason: the bundled post-filter removed most of a loud
/// orchestral bass-drum passage (correlation 0.2-0.5 with its input; -10 dB SI-SDR for that
/// file), while its useful corrections in music leave correlations above 0.99.
///
/// Per channel and block b of the stream: g_b = clamp((corr_b - distrusted) / (trusted -
/// distrusted), 0, 1), or 1 when the block's mean power is below noise floor + margin. The
/// per-sample gain runs linearly from min(g_{b-1}, g_b) at the block's start to min(g_b,
/// g_{b+1}) at its end (never above g_b, no step at block edges); output = input + gain ·
/// (post-filter output − input).
///
/// Streaming: pushInput() takes the post-filter's input, pushOutput() its output for the same
/// frames (it may lag behind); guarded frames are released one block after both are there,
/// the rest by finish(). Output frames = input frames. Memory: a few blocks per channel.
/// Not thread-safe; one stream per instance, all calls on one thread.
class PostFilterGuard {
public:
    explicit PostFilterGuard(PostFilterGuardSettings settings = {});

    /// `noiseFloorDbfs`: the recording's noise power, dBFS (e.g. the dehiss stage's profile
    /// level); -infinity (or anything below -290) when unknown: then every block is checked.
    void prepare(int channels, int sampleRate, double noiseFloorDbfs);
    /// The floor can be learnt after prepare() (an analysis pass); before the first push.
    void setNoiseFloor(double noiseFloorDbfs);
    void pushInput(const AudioBlock& in);
    /// Appends the post-filter's output and writes the frames now guarded to `out` (resized).
    void pushOutput(const AudioBlock& filtered, AudioBlock& out);
    /// Releases every remaining frame (input and output must have the same length by now).
    void finish(AudioBlock& out);

    /// {"blocks_checked": N, "blocks_limited": N (gain < 1), "blocks_dropped": N (gain 0),
    ///  "noise_floor_dbfs": double or null}
    QJsonObject report() const;

private:
    /// g of frames [offset, offset + frames) of `channel` (counts it in the report).
    double blockGain(int channel, std::int64_t offset, std::int64_t frames);
    /// Releases the first `frames` frames into `out`; `following` frames are there after them
    /// (the next block's gain comes from the first m_block of those; none: the block's own).
    void emitBlock(std::int64_t frames, std::int64_t following, AudioBlock& out);

    PostFilterGuardSettings m_settings;
    int m_channels = 0;
    std::int64_t m_block = 0;
    double m_floorPower = 0.0;   ///< linear; blocks below floor * margin are exempt
    bool m_floorKnown = false;
    double m_floorDb = 0.0;
    AudioBlock m_in, m_filtered; ///< not yet released, aligned: frame 0 of both is the same
    std::vector<double> m_previousGain, m_currentGain, m_nextGain;
    bool m_haveCurrent = false;
    std::int64_t m_checked = 0, m_limited = 0, m_dropped = 0;
};

} // namespace shellac
