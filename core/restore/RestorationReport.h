#pragma once

#include "common/Result.h"
#include "eval/Metrics.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace shellac {

/// The JSON report `shellac-cli restore --report` writes, and what the GUI shows:
///
///     { "version": 1, "input": PATH, "output": PATH, "method": "dsp",
///       "sample_rate": HZ, "channels": N, "duration_s": S, "processing_s": S, "realtime_factor": X,
///       "stages": [ { "name": "declick", ...stage keys... }, ... ] }
///
/// The declick stage's "clicks" array holds [channel, start_frame, length_frames] triples.
/// Units are in the key names (_s seconds, _hz, _db dBFS or dB, _frames).
struct RestorationReport {
    static constexpr int kVersion = 1;

    /// Assembles the report from a restorer's own report() and the run's facts.
    static QJsonObject make(const QString& input, const QString& output, const QJsonObject& restorerReport,
                            int sampleRate, int channels, std::int64_t frames, double processingSeconds);

    /// Fails when a report could not be written to `path` (folder missing or not writable,
    /// path is a folder, or the file exists and `replace` is false): check before long work.
    static Status checkDestination(const QString& path, bool replace);

    /// Writes `report` to `path` atomically (temporary file + rename), pretty-printed.
    static Status write(const QString& path, const QJsonObject& report);

    /// Reads the click list back from a report file: every stage's "clicks", also those of a
    /// nested chain (the hybrid's classical stages); empty when no declick stage ran.
    static Result<std::vector<eval::SampleInterval>> readClicks(const QString& path);
};

/// Reads a ground-truth impulse list: {"sample_rate": HZ, "impulses": [{"channel": C,
/// "start": FRAME, "length": FRAMES}, ...]} (the format `shellac-cli degrade --impulses` writes).
Result<std::vector<eval::SampleInterval>> readImpulseList(const QString& path);

/// Writes an impulse list in the format readImpulseList() reads, atomically.
Status writeImpulseList(const QString& path, int sampleRate, const std::vector<eval::SampleInterval>& impulses);

} // namespace shellac
