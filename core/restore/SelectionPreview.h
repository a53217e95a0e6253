#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"
#include "restore/RestorationSettings.h"
#include "restore/Restorer.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>

namespace shellac {

class CancellationToken;
class ProgressReporter;

/// What to preview: a frame range of a file.
struct SelectionPreviewRequest {
    QString path;
    /// The selection [startFrame, endFrame) in sample frames of the file (end exclusive);
    /// 0 <= start < end <= file frames.
    std::int64_t startFrame = 0;
    std::int64_t endFrame = 0;
    /// Audio read on each side of the selection (seconds; clamped at the file's ends), so that
    /// the AR models, filters and STFT have history and the selection's edges are restored as
    /// they would be in the whole file. At least 0.
    double contextSeconds = 1.5;
    /// Optional noise range in seconds of the file (the lead-in groove, as in
    /// DspRestorerSettings::noiseRangeSeconds). When set and the restorer wants an analysis pass,
    /// that range is fed to the analysis pass first, then the excerpt; the restorer must then
    /// have been made with its noise range at the start of its stream: use
    /// SelectionPreview::settingsForPreview().
    std::optional<std::pair<double, double>> noiseRangeSeconds;
};

/// The restored selection.
struct SelectionPreviewResult {
    /// Restored frames of exactly [startFrame, endFrame) (endFrame − startFrame frames, the
    /// file's channel count).
    AudioBlock restored;
    /// The original frames of the same range (for A/B and "what was removed").
    AudioBlock original;
    std::int64_t startFrame = 0;
    int sampleRate = 0; ///< Hz, the file's
    /// The restorer's report() over the excerpt (click positions count from the excerpt's start,
    /// which is startFrame − contextFrames(), not from the file's start).
    QJsonObject report;
    /// Frames of context actually read before the selection (less than requested at the file's start).
    std::int64_t contextFrames = 0;
};

/// "Preview on the selection": restores a frame range of a file in memory, without writing
/// anything.
///
/// Reads [start − context, end + context) (clamped to the file), runs the given fresh restorer
/// over that excerpt — with its analysis pass over the excerpt when it wants one, so that the
/// hum search and the noise profile then come from the excerpt (or, with a noise range, from
/// that range of the file followed by the excerpt), not from the whole file — and returns the
/// restored frames of exactly [start, end). Selections are bounded (kMaxSelectionSeconds) so
/// that memory stays small; longer ones are refused with a message suggesting "Restore file".
///
/// Runs on the calling thread (a worker: ui's RestoreQueue::preview()); checks `cancel` between
/// blocks (an Error whose reason is "cancelled") and reports progress in [0, 1]. The restorer
/// must be fresh (prepare() not yet called) and is used up by the call.
class SelectionPreview {
public:
    /// Longest selection a preview restores, seconds.
    static constexpr double kMaxSelectionSeconds = 60.0;

    /// Errors name the file: unreadable, an empty or inverted range, a range past the file's
    /// end, a selection longer than kMaxSelectionSeconds, the restorer's own errors, "cancelled".
    static Result<SelectionPreviewResult> run(const SelectionPreviewRequest& request, Restorer& restorer,
                                              const CancellationToken* cancel = nullptr,
                                              ProgressReporter* progress = nullptr);

    /// `settings` with the classical noise range moved to the start of the stream ([0, length)
    /// seconds), to make the restorer for a request whose noiseRangeSeconds is the original
    /// range; unchanged when there is none or the method does not use the classical chain.
    static RestorationSettings settingsForPreview(const RestorationSettings& settings);
};

} // namespace shellac
