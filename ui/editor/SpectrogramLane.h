#pragma once

#include "ui/editor/ColourMap.h"

#include <QString>
#include "ui/editor/TimelineGestures.h"

#include <QWidget>

#include <cstdint>
#include <memory>

namespace shellac::ui {

class SpectrogramTileCache;
class TimelineViewport;

/// The editor's spectrogram lane: a file's spectrum over time, aligned pixel for pixel with the
/// waveform lanes through the shared TimelineViewport (x = viewport.frameToX(frame); x = 0 of the
/// widget is frame viewport.startFrame()).
///
/// The picture is drawn from tiles of SpectrogramTileCache::kTileColumns columns, one column per
/// device pixel, computed on worker threads (SpectrogramTileCache) and colour-mapped here on the
/// GUI thread into cached images. A missing tile shows the neutral placeholderColour() and is
/// requested; tiles no longer visible are cancelled; each paint spends at most paintBudgetMs() on
/// colour-mapping (plus at most one tile, so that every paint makes progress; the rest follows
/// in the next paints), so the GUI never freezes, even zoomed out on an hour-long file. Changing the dB range, the frequency scale or
/// the height re-maps cached tiles without recomputing FFTs.
///
/// Overlays that do not shift the time axis: the title (top left), a frequency axis with Hz/kHz
/// labels (left edge), a dB colour legend (right edge), the selection and the playhead. Text and
/// axes use the palette (dark and light themes).
///
/// Mouse and keys as in the waveform lane: click sets the playhead (and clears the selection),
/// drag selects, Shift+click extends the selection (or selects from the playhead), the wheel
/// zooms around the cursor (viewport zoomSteps), Shift+wheel or a horizontal wheel scrolls (an
/// eighth of the width per notch); +/- zoom around the playhead, Left/Right scroll.
///
/// GUI thread only.
class SpectrogramLane : public QWidget {
    Q_OBJECT
public:
    /// Lowest frequency of the logarithmic scale, Hz.
    static constexpr double kLogMinHz = 20.0;
    /// Default colour-mapping budget per paint, milliseconds.
    static constexpr int kDefaultPaintBudgetMs = 10;

    /// @param viewport shared with the other lanes of the document; must outlive the lane.
    explicit SpectrogramLane(TimelineViewport* viewport, QWidget* parent = nullptr);
    ~SpectrogramLane() override;

    /// Shows the file at `path` (empty: none). Reads its header at once (rate, length); when it
    /// cannot be read the lane shows errorText() instead of a picture. Tiles of other sources stay
    /// cached, so switching back (Original / Restored) is immediate.
    void setSource(const QString& path);
    QString source() const;
    /// Re-reads the current source after it was rewritten on disk (drops its cached tiles).
    void reloadSource();
    /// The problem with the source (names the file), or empty.
    QString errorText() const;

    /// The lane title drawn at the top left, e.g. "Spectrogram — Restored".
    void setTitle(const QString& title);
    QString title() const;

    /// Logarithmic (kLogMinHz..Nyquist) or linear (0..Nyquist) frequency axis.
    void setLogFrequency(bool log);
    bool logFrequency() const;

    /// Window length in frames: a power of two in 256..16384 (other values are snapped to one).
    void setFftSize(int frames);
    int fftSize() const;

    /// The levels in dB spread over the colour map (relative to a full-scale sine = 0 dB).
    void setDbRange(double minDb, double maxDb);
    const ColourMap& colourMap() const;

    /// GUI-thread time one paint may spend colour-mapping tiles, ms (>= 1; see the class comment).
    void setPaintBudgetMs(int ms);
    int paintBudgetMs() const;

    /// The tile cache (counters, memory bound, worker count).
    SpectrogramTileCache* cache() const;

    /// y in logical pixels from the lane's top for a frequency in Hz, and back (current scale,
    /// the source's Nyquist frequency at y = 0).
    double frequencyToY(double hz) const;
    double yToFrequency(double y) const;

    /// Visible tiles the last paint could not draw yet (0: the picture is complete).
    int missingTileCount() const;
    /// Colour-mapped tile images made so far (GUI-thread work; cached images are reused).
    int renderedImageCount() const;
    /// The fill of parts whose tile has not arrived yet.
    QColor placeholderColour() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The picture became complete (true) or has tiles missing again (false), e.g. after a zoom.
    void completionChanged(bool complete);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Private;
    void paintTiles(QPainter& painter);
    void paintFrequencyAxis(QPainter& painter, const QRectF& titleRect);
    void paintLegend(QPainter& painter);
    void paintSelectionAndPlayhead(QPainter& painter);
    QRectF paintTitle(QPainter& painter);

    TimelineViewport* m_viewport;
    TimelineGestures m_gestures{m_viewport};
    std::unique_ptr<Private> d;
};

} // namespace shellac::ui
