#pragma once

#include "audio/AudioBlock.h"
#include "audio/AudioFormat.h"
#include "common/Result.h"

namespace shellac {

/// A streaming transform over audio blocks (resampling, restoration chains, ...).
///
/// The caller calls prepare() once, then (when wantsAnalysisPass()) analyse() for every input
/// block and finishAnalysis(), then process() for each input block in order, then finish() once. A processor may hold samples back (look-ahead, filter delay) and return fewer
/// or more frames than it was given; over the whole stream it returns every output frame once.
/// Not thread-safe: one stream per instance, all calls on one thread.
class BlockProcessor {
public:
    virtual ~BlockProcessor() = default;

    /// Called before the first block with the input's format (rate in Hz, channels).
    virtual Status prepare(const AudioFormat& input) = 0;
    /// Sample rate of the output in Hz (valid after prepare()).
    virtual int outputSampleRate() const = 0;

    /// True when the processor needs to see the whole input once before processing (noise
    /// profile, hum search). The driver then feeds every block to analyse(), calls
    /// finishAnalysis(), rewinds, and starts process().
    virtual bool wantsAnalysisPass() const { return false; }
    virtual Status analyse(const AudioBlock& /*in*/) { return Status::success(); }
    virtual Status finishAnalysis() { return Status::success(); }
    /// Transforms `in` and replaces `out` with the output frames that are ready.
    virtual Status process(const AudioBlock& in, AudioBlock& out) = 0;
    /// Flushes what is held back into `out` at end of stream.
    virtual Status finish(AudioBlock& out) = 0;
};

} // namespace shellac
