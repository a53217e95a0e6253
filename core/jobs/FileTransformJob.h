#pragma once

#include "audio/AudioFileWriter.h"
#include "audio/BlockProcessor.h"
#include "common/Result.h"

namespace shellac {

class CancellationToken;
class ProgressReporter;

/// Where and how to write the result of a file transform.
struct OutputRequest {
    QString path;
    /// Encoding to write; nullopt picks encodingForOutput(container, input encoding).
    std::optional<SampleEncoding> encoding;
    OverwritePolicy overwrite = OverwritePolicy::Refuse;
    /// Optional second output: what the processor removed (input − output, sample-aligned),
    /// written with the same format and policy. Needs a processor that keeps the sample rate.
    QString residualPath;
};

/// Outcome of a successful transform.
struct FileTransformSummary {
    AudioFormat input;
    AudioFormat output;
};

/// Streams `inputPath` through `processor` into `output` in bounded memory (64 Ki-frame blocks).
///
/// The input is opened read-only and never modified; refusing to write onto the input itself.
/// The output is written atomically: on any error or cancellation the temporary file is removed
/// and the target left untouched. Errors name the file and the problem; cancellation returns an
/// Error whose reason is "cancelled". Runs on the calling thread.
Result<FileTransformSummary> transformFile(const QString& inputPath, const OutputRequest& output,
                                           BlockProcessor& processor,
                                           const CancellationToken* cancel = nullptr,
                                           ProgressReporter* progress = nullptr);

/// True when `a` and `b` name the same existing file (after resolving links).
bool isSameFile(const QString& a, const QString& b);

} // namespace shellac
