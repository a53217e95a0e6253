#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"

#include <memory>

namespace shellac {

/// Streaming sample-rate conversion with libsoxr.
///
/// Feed blocks with process() and finish with flush(); the output is already aligned with the
/// input (soxr compensates its filter delay), and the total output length is
/// round(inputFrames * outRate / inRate). Quality VeryHigh is soxr's VHQ (28-bit precision,
/// ~ -170 dB aliasing, pass band to 91 % of Nyquist); High is soxr's HQ (20-bit).
/// Memory is bounded by the block size, not by the stream length.
/// Not thread-safe: one resampler per stream.
class Resampler {
public:
    enum class Quality { High, VeryHigh };

    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    /// @param inRate, outRate  Hz, both > 0
    static Result<std::unique_ptr<Resampler>> create(double inRate, double outRate, int channels,
                                                     Quality quality = Quality::VeryHigh);

    /// Converts `in` (channels() channels) and replaces `out` with the frames ready so far.
    Status process(const AudioBlock& in, AudioBlock& out);
    /// Drains the remaining frames into `out` at end of stream. The resampler must not be fed
    /// again afterwards.
    Status flush(AudioBlock& out);

    /// Whole-buffer convenience: process + flush.
    static Result<AudioBlock> convert(const AudioBlock& in, double inRate, double outRate,
                                      Quality quality = Quality::VeryHigh);

    int channels() const;
    double ratio() const; ///< outRate / inRate

private:
    struct Impl;
    explicit Resampler(std::unique_ptr<Impl> impl);
    Status run(const AudioBlock* in, AudioBlock& out);
    std::unique_ptr<Impl> d;
};

} // namespace shellac
