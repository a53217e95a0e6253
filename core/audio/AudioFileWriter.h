#pragma once

#include "audio/AudioBlock.h"
#include "audio/AudioFormat.h"
#include "common/Result.h"

#include <memory>

namespace shellac {

/// What to do when the output path already exists.
enum class OverwritePolicy { Refuse, Replace };

/// What an output file should hold. frames is ignored (the writer counts what it gets).
struct AudioWriteSpec {
    Container container = Container::Wav;
    SampleEncoding encoding = SampleEncoding::Pcm24;
    int sampleRate = 44100; ///< Hz
    int channels = 1;
};

/// Writes audio atomically: samples go to a hidden temporary file next to the target
/// (".NAME.XXXXXX.part"), and commit() renames it over the target in one step. Until commit()
/// the target is untouched; destroying the writer without commit() (error, cancel) deletes the
/// temporary file, so no half-written output is ever left behind.
///
/// Samples beyond full scale are clipped when writing integer encodings (never wrapped).
/// Not thread-safe: one writer per thread.
class AudioFileWriter {
public:
    ~AudioFileWriter();
    AudioFileWriter(const AudioFileWriter&) = delete;
    AudioFileWriter& operator=(const AudioFileWriter&) = delete;

    /// Checks the destination (folder exists and is writable, target not a folder, not existing
    /// unless `policy` is Replace, extension/encoding/rate/channels valid) and opens the
    /// temporary file.
    static Result<std::unique_ptr<AudioFileWriter>> create(const QString& path,
                                                           const AudioWriteSpec& spec,
                                                           OverwritePolicy policy);

    /// The checks create() makes before opening anything, for callers that want to fail before
    /// doing expensive work (e.g. the CLI before restoring a whole file).
    static Status checkDestination(const QString& path, OverwritePolicy policy);

    /// Appends a block; its channel count must equal spec().channels.
    Status write(const AudioBlock& block);
    /// Finishes the file and renames it onto the target path.
    Status commit();
    /// Deletes the temporary file; the target stays as it was. Safe to call more than once.
    void discard();

    const QString& targetPath() const;
    const QString& temporaryPath() const;
    std::int64_t framesWritten() const;

private:
    struct Impl;
    explicit AudioFileWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace shellac
