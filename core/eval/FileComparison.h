#pragma once

#include "common/Result.h"
#include "eval/Metrics.h"

#include <QString>

#include <optional>
#include <span>

namespace shellac::eval {

/// Quality of one restored file against its clean original.
struct FileScore {
    QString name;                 ///< path relative to the clean folder
    double inputSiSdrDb = 0;      ///< degraded vs clean, mean over channels
    double restoredSiSdrDb = 0;   ///< restored vs clean, mean over channels
    double improvementDb() const { return restoredSiSdrDb - inputSiSdrDb; }
    /// SI-SDR of restored vs clean away from the true impulses (±2 ms): how much the restorer
    /// disturbed the parts it should leave alone. Present when a ground-truth list was given.
    std::optional<double> cleanRegionSiSdrDb;
    std::optional<DetectionScore> detection; ///< when truth and detections were both given
    /// Frames the restored file was shifted by to line up with the clean one (alignLag only):
    /// positive when the restorer delayed the audio.
    std::int64_t lagFrames = 0;
};

/// Inputs for one comparison; all audio files must have the same rate, channels and length.
struct FileComparisonRequest {
    QString name;
    QString cleanPath;
    QString degradedPath;
    QString restoredPath;
    QString truthPath;     ///< impulse list JSON (may be empty)
    QString reportPath;    ///< restoration report JSON with the detected clicks (may be empty)
    /// Largest delay (frames) to search for and undo in the restored file before scoring, for
    /// tools that add latency (FFmpeg's afftdn does); 0 compares sample by sample.
    std::int64_t maxLagFrames = 0;
};

/// Delay of `estimate` against `reference` in frames within +-maxLag, from the peak of their
/// cross-correlation (FFT, first channel). Positive: `estimate` lags behind.
std::int64_t estimateLag(std::span<const float> reference, std::span<const float> estimate, std::int64_t maxLag);

/// Reads the three files whole (evaluation material is short) and scores the restoration.
/// Errors name the file and the mismatch (rate, channels, length).
Result<FileScore> compareFiles(const FileComparisonRequest& request);

} // namespace shellac::eval
