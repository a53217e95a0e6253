#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QString>

namespace shellac::dsp {

/// One step of the classical restoration chain (rumble filter, dehum, declick, decrackle,
/// dehiss). Stages are chained by DspRestorer; each works on all channels of a stream,
/// channels independently unless the stage says otherwise.
///
/// Call order for one stream, all on one thread:
///   prepare(rate, channels)
///   [ analyse(block)... finishAnalysis() ]   only when wantsAnalysis() is true: the whole
///                                            input, in order, before any process()
///   process(block)... finish()               may hold samples back (look-ahead, overlap) and
///                                            return fewer frames than given; over the stream
///                                            it returns exactly as many frames as it got,
///                                            time-aligned with the input (no added delay).
/// Memory must not grow with stream length (bounded by block size and look-ahead).
class DspStage {
public:
    virtual ~DspStage() = default;

    /// Short machine name used in reports and option names ("declick", "dehiss", ...).
    virtual QString name() const = 0;

    /// @param sampleRate Hz (8000..192000), @param channels 1..8
    virtual Status prepare(int sampleRate, int channels) = 0;

    /// True when the stage needs a first pass over the whole input (noise profile, hum search).
    virtual bool wantsAnalysis() const { return false; }
    virtual void analyse(const AudioBlock& /*in*/) {}
    virtual void finishAnalysis() {}

    /// Transforms `in` and replaces `out` with the frames that are ready (same channel count).
    virtual void process(const AudioBlock& in, AudioBlock& out) = 0;
    /// End of stream: replaces `out` with everything still held back.
    virtual void finish(AudioBlock& out) = 0;

    /// What the stage found and did, as JSON for the restoration report (units in key names:
    /// "_hz", "_db", "_frames", "_s").
    virtual QJsonObject report() const = 0;
};

} // namespace shellac::dsp
