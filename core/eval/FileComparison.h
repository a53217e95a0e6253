#pragma once

#include "common/Result.h"
#include "eval/Metrics.h"

#include <QString>

#include <optional>

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
};

/// Inputs for one comparison; all audio files must have the same rate, channels and length.
struct FileComparisonRequest {
    QString name;
    QString cleanPath;
    QString degradedPath;
    QString restoredPath;
    QString truthPath;     ///< impulse list JSON (may be empty)
    QString reportPath;    ///< restoration report JSON with the detected clicks (may be empty)
};

/// Reads the three files whole (evaluation material is short) and scores the restoration.
/// Errors name the file and the mismatch (rate, channels, length).
Result<FileScore> compareFiles(const FileComparisonRequest& request);

} // namespace shellac::eval
