#pragma once

#include <QObject>

#include <cstdint>
#include <optional>

namespace shellac::ui {

/// A frame range [start, end) of a document, in sample frames (end exclusive).
struct FrameRange {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t length() const { return end - start; }
    bool isEmpty() const { return end <= start; }
    friend bool operator==(const FrameRange&, const FrameRange&) = default;
};

/// What part of a document the editor's lanes show, shared by every lane of one document so
/// that the waveform, the residual and the spectrogram stay aligned: the first visible frame,
/// the zoom (frames per pixel), the lanes' width in pixels, the selection and the playhead.
///
/// Zoom is snapped to levels the waveform summaries serve exactly (snapFramesPerPixel()):
/// whole frames per pixel of the forms 2^k, 1.25·2^k, 1.5·2^k and 1.75·2^k, where from 512
/// frames per pixel up (and at 256) every level is a multiple of the summaries' 256-frame
/// blocks, so each pixel covers whole blocks (384, 640 and 896 are left out for that reason;
/// everything below 256 is drawn from raw samples), and 1/2, 1/4, … 1/32
/// below one frame per pixel (samples drawn individually). Neighbouring levels differ by at
/// most ×1.5 (mostly ×1.14–×1.25; ×2 from 256 to 512): wheel zoom feels smooth and "fit" fills most of the width.
///
/// All positions are in sample frames of the document's own rate; x is in logical pixels from
/// the lanes' left edge. GUI thread only.
class TimelineViewport : public QObject {
    Q_OBJECT
public:
    /// Smallest and largest zoom, frames per pixel.
    static constexpr double kMinFramesPerPixel = 1.0 / 32.0;
    static constexpr double kMaxFramesPerPixel = double(1 << 30);

    explicit TimelineViewport(QObject* parent = nullptr);

    /// The zoom level nearest to `framesPerPixel` among the exact levels (see class comment),
    /// clamped to [kMinFramesPerPixel, kMaxFramesPerPixel].
    static double snapFramesPerPixel(double framesPerPixel);
    /// The next exact level above (`steps` > 0, zooming out) or below (< 0, zooming in).
    static double stepFramesPerPixel(double framesPerPixel, int steps);

    /// Sets the document's length and rate and shows all of it ("zoom to fit").
    void setDocument(std::int64_t frames, int sampleRate);
    std::int64_t frameCount() const { return m_frames; }
    int sampleRate() const { return m_sampleRate; }

    /// Width of the lanes in logical pixels (views call this from resizeEvent()); keeps the
    /// first visible frame and the zoom, except that a view fitted to the whole document is
    /// fitted again to the new width.
    void setWidth(int pixels);
    int width() const { return m_width; }

    /// First visible frame (may be fractional at sample zoom) and frames per pixel.
    double startFrame() const { return m_start; }
    double framesPerPixel() const { return m_framesPerPixel; }
    /// The frames the lanes currently show, clamped to the document.
    FrameRange visibleRange() const;

    /// Shows `framesPerPixel` (snapped) from `startFrame` on, clamped so that the view stays
    /// inside the document where it can.
    void setView(double startFrame, double framesPerPixel);
    /// Zooms by `steps` levels (positive: out) keeping `anchorFrame` under the same pixel.
    void zoomSteps(int steps, double anchorFrame);
    /// Shows the whole document.
    void zoomToFit();
    /// Shows the selection (with 5 % margin each side); no-op without a selection.
    void zoomToSelection();
    /// Scrolls by `pixels` (positive: later in time).
    void scrollByPixels(double pixels);
    /// Scrolls so that `frame` is visible, paging when it leaves the view (playhead follow).
    void ensureVisible(std::int64_t frame);

    double frameToX(double frame) const { return (frame - m_start) / m_framesPerPixel; }
    double xToFrame(double x) const { return m_start + x * m_framesPerPixel; }

    /// The selected frames, clamped to the document; nullopt when nothing is selected.
    std::optional<FrameRange> selection() const { return m_selection; }
    /// Selects [a, b) in either order; an empty range clears the selection.
    void setSelection(std::int64_t a, std::int64_t b);
    void clearSelection();

    /// The playback position in frames.
    std::int64_t playhead() const { return m_playhead; }
    void setPlayhead(std::int64_t frame);

Q_SIGNALS:
    /// The visible range, zoom or width changed.
    void viewChanged();
    void selectionChanged();
    void playheadChanged(std::int64_t frame);

private:
    std::int64_t clampFrame(std::int64_t frame) const;
    /// setView() without forgetting that the view is fitted; true when anything changed.
    bool applyView(double startFrame, double framesPerPixel);

    std::int64_t m_frames = 0;
    int m_sampleRate = 44100;
    int m_width = 800;
    double m_start = 0.0;
    double m_framesPerPixel = 1024.0;
    std::optional<FrameRange> m_selection;
    std::int64_t m_playhead = 0;
    bool m_fitted = true; ///< zoomToFit() is in force: a width change fits again
};

} // namespace shellac::ui
