#pragma once

#include "audio/AudioBlock.h"

#include <vector>

namespace shellac {

/// Level of one channel over a whole stream.
struct ChannelLevels {
    double peakDb = 0;     ///< dBFS of the largest absolute sample (-inf for silence)
    double rmsDb = 0;      ///< dBFS of the mean power (a full-scale sine reads -3.01)
};

/// Levels of a whole stream.
struct AudioLevels {
    std::vector<ChannelLevels> channels;
    /// Estimated noise floor in dBFS: mean power of the quietest 10 % of 50 ms frames (power
    /// averaged over channels), ignoring frames of exact digital silence. -inf if all silent.
    double noiseFloorDb = 0;
};

/// Accumulates peak, RMS and a noise-floor estimate over a stream of blocks in bounded memory
/// (one float per 50 ms frame, ~1.4 MB for two hours). Not thread-safe.
class LevelMeter {
public:
    /// @param sampleRate Hz; sets the 50 ms analysis frame length.
    LevelMeter(int channels, int sampleRate);

    void add(const AudioBlock& block);
    AudioLevels result() const;

    /// Length of one noise-floor analysis frame in samples.
    std::int64_t frameLength() const { return m_frameLength; }

private:
    int m_channels;
    std::int64_t m_frameLength;
    std::vector<double> m_peak;
    std::vector<double> m_sumSquares;
    std::int64_t m_count = 0;
    double m_framePower = 0;      // sum over channels of squares in the current frame
    std::int64_t m_frameFill = 0; // samples of the current frame seen so far
    std::vector<float> m_framePowers;
};

} // namespace shellac
