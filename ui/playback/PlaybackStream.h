#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace shellac::ui {

/// Something the player can play: planar float frames (nominally [-1, 1]) with random access,
/// at a fixed rate, channel count and length. The three A/B choices (original, restored,
/// residual) are each one stream over the same document frames.
///
/// Positions and counts are in sample frames of the stream's own rate.
/// Threading: read() is called by one thread at a time (the player's, normally the GUI thread);
/// frames(), channels(), sampleRate() and name() never change after construction and may be
/// called from any thread.
class PlaybackStream {
public:
    virtual ~PlaybackStream() = default;

    /// Length in frames (> 0).
    virtual std::int64_t frames() const = 0;
    virtual int channels() const = 0;
    /// Frames per second (Hz).
    virtual int sampleRate() const = 0;
    /// What the stream is, for error messages: a file path, or "restored preview" and the like.
    virtual QString name() const = 0;

    /// Replaces `out` with frames [startFrame, startFrame + n) where n = min(count, frames() −
    /// startFrame): channels() channels, n frames (0 at the end).
    /// Precondition: 0 <= startFrame <= frames(), count >= 0.
    /// Fails with a message naming the file when the data cannot be read (e.g. the file was
    /// deleted or truncated while open); `out` is then unspecified and must not be played.
    virtual Status read(std::int64_t startFrame, std::int64_t count, AudioBlock& out) = 0;
};

/// A file on disk, decoded with core's AudioFileReader in chunks of kChunkFrames, kept in a small
/// cache (kCachedChunks chunks, least recently used dropped) that a background thread fills ahead
/// of the read position (kReadAheadChunks chunks). A read that hits the cache is a copy; a miss
/// decodes synchronously (a seek, or a disk slower than real time).
///
/// A file that is deleted, moved or truncated while open: reads that need the disk fail with
/// "…: was deleted or moved while open" or "…: was truncated while open: no audio left at frame
/// N (the header said M frames)"; chunks already cached still play. A chunk is never decoded
/// twice while it stays cached (a read that misses waits for a read-ahead of the same chunk).
/// Threading: see PlaybackStream; the read-ahead thread is internal and joined on destruction.
class FileStream final : public PlaybackStream {
public:
    static constexpr std::int64_t kChunkFrames = 32768;
    static constexpr int kCachedChunks = 16;
    static constexpr int kReadAheadChunks = 2;

    /// Opens `path` (every check AudioFileReader::open() makes) and starts the read-ahead thread.
    static Result<std::shared_ptr<FileStream>> open(const QString& path);
    ~FileStream() override;
    FileStream(const FileStream&) = delete;
    FileStream& operator=(const FileStream&) = delete;

    std::int64_t frames() const override;
    int channels() const override;
    int sampleRate() const override;
    QString name() const override; ///< the path, in native separators
    Status read(std::int64_t startFrame, std::int64_t count, AudioBlock& out) override;

    /// Chunk decodes so far: synchronous (cache misses on read()) and by the read-ahead thread.
    /// For tests and benchmarks.
    int synchronousDecodes() const;
    int readAheadDecodes() const;

private:
    struct Impl;
    explicit FileStream(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

/// An in-memory block placed at `startFrame` of a document, over a base stream: frames inside
/// [startFrame, startFrame + block.frames()) come from the block, all others from the base. This
/// is "preview the restoration of the selection": the block is the restored selection, the base
/// the original. Without a base, frames outside the block are silence and the document is
/// `length` frames long. Threading: see PlaybackStream.
class InMemoryStream final : public PlaybackStream {
public:
    /// Over `base`: the block must have the base's channel count and lie inside it
    /// (startFrame >= 0, startFrame + block.frames() <= base->frames()); the rate is the base's.
    static Result<std::shared_ptr<InMemoryStream>> create(std::shared_ptr<PlaybackStream> base,
                                                          AudioBlock block, std::int64_t startFrame,
                                                          const QString& name);
    /// Without a base: `length` frames at `sampleRate` Hz, the block at `startFrame`, silence
    /// elsewhere. Requires length >= startFrame + block.frames(), block not empty.
    static Result<std::shared_ptr<InMemoryStream>> create(AudioBlock block, int sampleRate,
                                                          std::int64_t startFrame,
                                                          std::int64_t length, const QString& name);

    std::int64_t frames() const override { return m_length; }
    int channels() const override { return m_block.channels(); }
    int sampleRate() const override { return m_sampleRate; }
    QString name() const override { return m_name; }
    Status read(std::int64_t startFrame, std::int64_t count, AudioBlock& out) override;

    /// The frames the block covers, [start, end).
    std::int64_t blockStart() const { return m_start; }
    std::int64_t blockEnd() const { return m_start + m_block.frames(); }

private:
    InMemoryStream() = default;

    std::shared_ptr<PlaybackStream> m_base;
    AudioBlock m_block;
    AudioBlock m_scratch;
    std::int64_t m_start = 0;
    std::int64_t m_length = 0;
    int m_sampleRate = 0;
    QString m_name;
};

/// a − b, frame by frame, computed on the fly: the residual ("what was removed") from the
/// original and the restored stream. Both must have the same length, channel count and rate.
/// A read error of either stream is passed on with that stream's name. Threading: see
/// PlaybackStream (it reads both streams on the caller's thread).
class DifferenceStream final : public PlaybackStream {
public:
    static Result<std::shared_ptr<DifferenceStream>> create(std::shared_ptr<PlaybackStream> a,
                                                            std::shared_ptr<PlaybackStream> b);

    std::int64_t frames() const override { return m_a->frames(); }
    int channels() const override { return m_a->channels(); }
    int sampleRate() const override { return m_a->sampleRate(); }
    QString name() const override; ///< "NAME_A − NAME_B"
    Status read(std::int64_t startFrame, std::int64_t count, AudioBlock& out) override;

private:
    DifferenceStream() = default;

    std::shared_ptr<PlaybackStream> m_a;
    std::shared_ptr<PlaybackStream> m_b;
    AudioBlock m_scratch;
};

/// Checks that `other` can be played against `reference` (A/B or difference): same length,
/// channel count and sample rate. The error names both streams and the first difference, e.g.
/// "take1.restored.wav: 441000 frames, but take1.wav has 440999".
Status checkStreamsMatch(const PlaybackStream& reference, const PlaybackStream& other);

} // namespace shellac::ui
