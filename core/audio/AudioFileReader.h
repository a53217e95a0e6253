#pragma once

#include "audio/AudioBlock.h"
#include "audio/AudioFormat.h"
#include "common/Result.h"

#include <memory>

namespace shellac {

/// Streams audio from a file in blocks of planar float samples (libsndfile underneath).
///
/// open() checks everything that can be checked up front and fails with a message that names
/// the file and the problem: missing, a folder, unreadable, empty, damaged header, not audio,
/// no frames, sample rate outside 8–192 kHz, more than 8 channels. read() additionally rejects
/// NaN/infinite samples (possible in float files) with the position where they occur.
///
/// Integer files are scaled to [-1, 1); float files are returned unscaled.
/// The file is opened read-only; it is never modified. Not thread-safe: one reader per thread.
class AudioFileReader {
public:
    ~AudioFileReader();
    AudioFileReader(const AudioFileReader&) = delete;
    AudioFileReader& operator=(const AudioFileReader&) = delete;

    static Result<std::unique_ptr<AudioFileReader>> open(const QString& path);

    const QString& path() const;
    const AudioFormat& format() const;

    /// Reads up to `maxFrames` frames at the current position into `block` (reshaped to the
    /// file's channel count). Returns the number of frames read; 0 means end of file.
    Result<std::int64_t> read(AudioBlock& block, std::int64_t maxFrames);

    /// Moves to frame `frame` (0 = start).
    Status seek(std::int64_t frame);
    /// Current position in frames.
    std::int64_t position() const;

private:
    struct Impl;
    explicit AudioFileReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace shellac
