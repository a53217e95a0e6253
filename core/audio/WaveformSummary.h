#pragma once

#include "audio/AudioFormat.h"
#include "common/Result.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace shellac {

/// Level statistics of a run of frames in one channel, linear full scale (1.0 = 0 dBFS).
struct WaveformRange {
    float min = 0;  ///< smallest sample
    float max = 0;  ///< largest sample
    float rms = 0;  ///< square root of the mean power
};

/// One pixel column of a WaveformSummary::query() answer.
struct WaveformColumn {
    enum class State : std::uint8_t {
        Ready,   ///< `range` holds the exact statistics of the column's frames
        Pending, ///< the column lies (partly) beyond what the builder has summarised so far
        Outside, ///< the column lies wholly before frame 0 or at/after the end of the file
    };
    WaveformRange range;
    State state = State::Outside;
};

/// A multi-resolution {min, max, rms} summary of one audio file, per channel, built in the
/// background so that a waveform view can draw an hour of audio without holding its samples.
///
/// Level L holds one WaveformRange per block of kBaseBlockFrames · 2^L frames (256, 512, 1024,
/// … frames), up to the level where one block covers the whole file; the last block of each
/// level may be shorter. Storage is float: 12 bytes per block and channel, about twice the base
/// level in total (a 60-minute 44.1 kHz stereo file: ~30 MB, see memoryBytes()).
///
/// Building: build() opens the file (header only, on the calling thread, so a missing or broken
/// file fails at once with the reader's message) and starts one worker thread that streams the
/// file in kReadBlockFrames blocks. The summarised part grows as a prefix [0, framesSummarised());
/// queries answer it exactly and mark the rest Pending, so views can draw partial results while
/// the summary fills. A read error during the build (damaged data, NaN samples) ends it with
/// state() Failed and errorMessage(); the prefix summarised until then stays queryable.
///
/// Threading: one writer (the worker) and any number of reader threads. Every const method may
/// be called from any thread at any time; none of them blocks or takes a lock (the worker
/// publishes progress through atomics with release/acquire ordering), so a GUI polling progress
/// never slows the builder. The destructor cancels the worker and joins it: no thread outlives
/// the object.
class WaveformSummary {
public:
    /// Frames per block of level 0.
    static constexpr std::int64_t kBaseBlockFrames = 256;
    /// Frames the builder reads per step (also its progress granularity).
    static constexpr std::int64_t kReadBlockFrames = 64 * 1024;

    enum class State {
        Building,  ///< the worker is running
        Complete,  ///< every frame is summarised
        Failed,    ///< the build stopped on a read error (errorMessage())
        Cancelled, ///< cancel() stopped the build before the end
    };

    ~WaveformSummary();
    WaveformSummary(const WaveformSummary&) = delete;
    WaveformSummary& operator=(const WaveformSummary&) = delete;

    /// Called on the worker thread after each published step with framesSummarised(), and
    /// once more when the build ends (check state()). It must return quickly and never wait
    /// for the GUI (post a queued event, set a flag); the builder waits for it to return.
    using ProgressCallback = std::function<void(std::int64_t framesSummarised)>;

    /// Opens `path` and starts summarising it on a worker thread. Fails (nothing started) with
    /// the reader's message when the file cannot be opened as audio. `onProgress` is optional;
    /// views may poll framesSummarised() instead.
    static Result<std::unique_ptr<WaveformSummary>> build(const QString& path,
                                                          ProgressCallback onProgress = {});

    /// True when query() can answer columns of `framesPerColumn` frames exactly: a positive
    /// multiple of kBaseBlockFrames. TimelineViewport's levels 2^k (k ≥ 8) and 3·2^(k−1) (k ≥ 9)
    /// qualify; closer zoom (fewer frames per column, or 384) needs raw samples
    /// (SampleWindowReader).
    static bool servesExactly(double framesPerColumn);

    const QString& path() const { return m_path; }
    /// The file's format as its header states it; format().frames is the declared length (the
    /// summary's own length is frames(), which differs only for a file shorter than declared).
    const AudioFormat& format() const { return m_format; }
    int channels() const { return m_format.channels; }
    /// Length of the summarised file in frames: the declared length until the build ends, then
    /// the number of frames actually read.
    std::int64_t frames() const;

    State state() const;
    bool isComplete() const { return state() == State::Complete; }
    bool isFailed() const { return state() == State::Failed; }
    /// True once the worker has stopped (complete, failed or cancelled).
    bool isFinished() const { return state() != State::Building; }
    /// The read error, naming the file and the position; empty unless isFailed().
    QString errorMessage() const;

    /// Frames summarised so far, a prefix of the file (frames() when complete). Grows in steps
    /// of kReadBlockFrames; cheap enough to poll from a GUI timer.
    std::int64_t framesSummarised() const;

    /// Fills `out` with consecutive columns of `framesPerColumn` frames of `channel`, the first
    /// starting at `startFrame` rounded down to the block grid of the level that serves the
    /// zoom (a multiple of the largest power of two ≥ kBaseBlockFrames that divides
    /// framesPerColumn, capped at the top level). Returns that first frame, so callers that want
    /// columns aligned to the zoom pass startFrame as a multiple of framesPerColumn.
    /// A column is Ready when all its frames inside the file are summarised (the last column of
    /// the file covers only the frames that exist), Pending otherwise, Outside when it holds no
    /// frame of the file. startFrame may be negative (columns before 0 are Outside).
    /// Preconditions (else std::invalid_argument): servesExactly(framesPerColumn),
    /// 0 <= channel < channels(). Cost: O(out.size()) block look-ups (three at most per column
    /// for the viewport's levels). Any thread.
    std::int64_t query(int channel, std::int64_t startFrame, std::int64_t framesPerColumn,
                       std::span<WaveformColumn> out) const;

    /// Exact statistics of frames [start, end) of `channel` when both ends are multiples of
    /// kBaseBlockFrames (or end == frames()) and the range is summarised; nullopt otherwise.
    /// For tests and for level readouts. Any thread.
    std::optional<WaveformRange> rangeOf(int channel, std::int64_t start, std::int64_t end) const;

    /// Number of levels (level 0 has blocks of kBaseBlockFrames frames).
    int levelCount() const { return int(m_levels.size()); }
    /// Bytes the summary holds (all levels and channels), fixed when build() returns.
    std::size_t memoryBytes() const;

    /// Asks the worker to stop after its current block; returns at once. Any thread.
    void cancel();
    /// Blocks until the worker has stopped (complete, failed or cancelled). Call it from the
    /// owner's thread only (one waiter at a time).
    void wait();

private:
    struct Builder;
    WaveformSummary(QString path, const AudioFormat& format);

    /// Statistics of frames [start, end) from whole blocks of `level`: start must be on the
    /// level's grid, end on it or at the end of the file; the blocks must be published.
    WaveformRange combine(int level, int channel, std::int64_t start, std::int64_t end) const;

    QString m_path;
    AudioFormat m_format;
    /// m_levels[level][channel][block]; sized once in the constructor, never reallocated.
    std::vector<std::vector<std::vector<WaveformRange>>> m_levels;

    std::atomic<std::int64_t> m_framesDone{0};  // published prefix (release by the worker)
    std::atomic<std::int64_t> m_totalFrames{0}; // final length once the build ends
    std::atomic<int> m_state{int(State::Building)};
    QString m_error; // written by the worker before it publishes State::Failed

    std::unique_ptr<Builder> m_builder;
};

} // namespace shellac
