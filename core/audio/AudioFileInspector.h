#pragma once

#include "audio/AudioFormat.h"
#include "audio/LevelMeter.h"
#include "common/Result.h"

namespace shellac {

class CancellationToken;
class ProgressReporter;

/// Everything `shellac-cli info` and the file list show about one file.
struct AudioFileReport {
    QString path;
    qint64 sizeBytes = 0;
    AudioFormat format;
    AudioLevels levels;
};

/// Reads a whole file once, streaming in bounded memory, and measures its levels.
///
/// Fails with the reader's message for unreadable files, for NaN/infinite samples, and with
/// "cancelled" when `cancel` is set. Runs on the calling thread; safe to call from several
/// threads at once on different files. `progress` receives "reading" fractions.
Result<AudioFileReport> inspectAudioFile(const QString& path,
                                         const CancellationToken* cancel = nullptr,
                                         ProgressReporter* progress = nullptr);

} // namespace shellac
