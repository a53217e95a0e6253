#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace shellac {

/// A block of audio in planar (one contiguous run per channel) 32-bit float samples,
/// nominally in [-1, 1] (full scale). The unit every reader, writer and restorer exchanges.
///
/// Capacity only grows, so reusing one block across a streaming loop allocates once.
/// Not thread-safe; move it between threads instead of sharing it.
class AudioBlock {
public:
    AudioBlock() = default;
    AudioBlock(int channels, std::int64_t frames);

    /// Sets the shape; contents are unspecified afterwards unless `zero` is true.
    void resize(int channels, std::int64_t frames, bool zero = false);
    /// Shrinks or grows the frame count, keeping the first min(old, new) frames of each channel.
    void setFrames(std::int64_t frames);

    int channels() const { return m_channels; }
    std::int64_t frames() const { return m_frames; }
    bool isEmpty() const { return m_frames == 0; }

    std::span<float> channel(int c);
    std::span<const float> channel(int c) const;

    /// Copies `frames` interleaved frames (channels() samples each) into this block.
    void deinterleaveFrom(const float* interleaved, std::int64_t frames);
    /// Writes frames() interleaved frames to `interleaved` (channels() * frames() floats).
    void interleaveTo(float* interleaved) const;

    /// Becomes a copy of frames [start, start + count) of `source` (all its channels), reusing
    /// this block's storage: the way to cut a stream into pieces without allocating per piece.
    void assignFrames(const AudioBlock& source, std::int64_t start, std::int64_t count);

    /// Appends the first `count` frames of `other` (all when count < 0); same channel count.
    void append(const AudioBlock& other, std::int64_t count = -1);
    /// Removes the first `frames` frames, shifting the rest to the front.
    void dropFront(std::int64_t frames);

private:
    void reserveFrames(std::int64_t frames);

    int m_channels = 0;
    std::int64_t m_frames = 0;
    std::int64_t m_stride = 0; // allocated frames per channel
    std::vector<float> m_samples;
};

} // namespace shellac
