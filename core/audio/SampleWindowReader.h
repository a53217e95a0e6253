#pragma once

#include "audio/AudioBlock.h"
#include "audio/AudioFormat.h"
#include "common/Result.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace shellac {

class AudioFileReader;

/// Reads windows of raw samples from an audio file for a waveform view zoomed closer than the
/// summary's base block (WaveformSummary::kBaseBlockFrames), keeping the last window so that
/// scrolling re-reads only the frames that came into view.
///
/// Samples are planar float as AudioFileReader returns them (integer files scaled to [-1, 1)).
/// Not thread-safe: one object per thread (views use it on the GUI thread). Holds at most one
/// window (the frames last asked for), so memory follows the view's width, not the file's length.
class SampleWindowReader {
public:
    ~SampleWindowReader();
    SampleWindowReader(const SampleWindowReader&) = delete;
    SampleWindowReader& operator=(const SampleWindowReader&) = delete;

    /// Opens `path`; fails with the reader's message (file and problem).
    static Result<std::unique_ptr<SampleWindowReader>> open(const QString& path);

    const QString& path() const;
    const AudioFormat& format() const;

    /// Makes window() hold frames [start, start + count) clamped to the file (all channels),
    /// reading from the file only what the previous window did not already hold. Fails with
    /// the reader's message (file, position) on a read error; the window is then empty.
    /// Precondition: count >= 0.
    Status load(std::int64_t start, std::int64_t count);

    /// The samples of the current window, frame windowStart() first.
    const AudioBlock& window() const { return m_window; }
    /// First frame of window() (0 before the first load()).
    std::int64_t windowStart() const { return m_start; }

    /// Frames read from the file so far (all loads together), for tests and benchmarks.
    std::int64_t framesReadFromFile() const { return m_framesRead; }

private:
    explicit SampleWindowReader(std::unique_ptr<AudioFileReader> reader);
    /// Reads frames [start, end) from the file and appends them to `out`.
    Status readInto(AudioBlock& out, std::int64_t start, std::int64_t end);

    std::unique_ptr<AudioFileReader> m_reader;
    AudioBlock m_window;
    AudioBlock m_next;    // the window being assembled (swapped with m_window)
    AudioBlock m_scratch; // one read's samples
    std::int64_t m_start = 0;
    std::int64_t m_framesRead = 0;
};

} // namespace shellac
