#pragma once

#include "audio/AudioBlock.h"

#include <cstdint>
#include <vector>

namespace shellac::degrade {

/// A bounded, uniformly drawn sample of a stream's audio: the stream is cut into consecutive
/// segments of `segmentFrames` (at fixed stream positions), and reservoir sampling (Vitter's
/// algorithm R, with a fixed seed) keeps at most `maxSegments` of them, each equally likely
/// whatever the stream's length. A stream shorter than one segment, or a last partial segment
/// of at least half a segment while there is room, is kept as it is.
///
/// The choice depends only on segment indices, so the kept excerpts do not depend on how the
/// stream is split into blocks. Memory: maxSegments × segmentFrames × channels floats (e.g.
/// 12 × 2.5 s at 44.1 kHz: 5.3 MB per channel). Not thread-safe; all calls on one thread.
class ExcerptReservoir {
public:
    ExcerptReservoir(std::int64_t segmentFrames, int maxSegments);

    void reset(int channels);
    void add(const AudioBlock& block);
    /// The kept excerpts, in stream order (each `segmentFrames` long, or shorter if partial).
    /// Call once at the end of the stream.
    std::vector<AudioBlock> take();

private:
    void closeSegment();

    std::int64_t m_segmentFrames;
    int m_maxSegments;
    int m_channels = 0;
    std::int64_t m_index = 0;   // index of the segment being filled
    AudioBlock m_current;
    struct Kept { std::int64_t index; AudioBlock audio; };
    std::vector<Kept> m_kept;
};

} // namespace shellac::degrade
