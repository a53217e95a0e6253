#pragma once

#include "audio/AudioBlock.h"
#include "audio/WaveformSummary.h"
#include "eval/Metrics.h"
#include "ui/editor/TimelineGestures.h"

#include <QImage>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QPainter;
class QTimer;

namespace shellac {
class SampleWindowReader;
} // namespace shellac

namespace shellac::ui {

class TimelineViewport;

/// One waveform lane of the editor: every channel of one file stacked top to bottom (stereo
/// shows both), drawn for a shared TimelineViewport so that all lanes of a document stay
/// aligned (the original, the restored take, the residual "what was removed").
///
/// Draws per pixel column the min/max envelope and, inside it, the RMS body from the file's
/// WaveformSummary at the zoom levels it serves exactly; closer in (fewer than 256 frames per
/// pixel, or 384) it reads raw samples through a SampleWindowReader, and at one frame per pixel
/// or closer draws the samples as a line (with dots from 6 px per sample). Columns the summary
/// has not reached yet are hatched, so partial results show while it fills. On top: a centre
/// line per channel, the selection (translucent), click markers, an overlay (another take of a
/// stretch of the file, outlined in a second colour), the playhead and the lane title.
/// Colours come from the widget's palette (dark and light both read well); sizes are logical
/// pixels. The columns are written into an image at the device pixel ratio on every paint
/// (crisp at 200 %; no stale cache), the rest is drawn with QPainter.
///
/// Mouse: click sets the playhead (and clears the selection), drag selects, Shift+click extends
/// the selection (or selects from the playhead), the wheel zooms around the cursor,
/// Shift+wheel or a horizontal wheel scrolls. Keys: +/- zoom around the playhead (the view's
/// centre when it is off screen), Left/Right scroll by an eighth of the width.
/// The lane calls viewport->setWidth() on resize and repaints when the viewport changes or more
/// of the summary arrives (a 30 ms timer polls it while it builds; the builder never waits).
///
/// GUI thread only. The viewport must outlive the lane.
class WaveformLane : public QWidget {
    Q_OBJECT
public:
    /// How sample values map to height within a channel.
    enum class AmplitudeScale {
        Linear,   ///< full scale (±1.0) reaches the channel's edges
        Decibels, ///< |value| from −60 dBFS (centre) to 0 dBFS (edges), sign kept
    };

    explicit WaveformLane(TimelineViewport* viewport, QWidget* parent = nullptr);
    ~WaveformLane() override;

    /// Shows `summary` (shared with other views of the same file; may still be building).
    /// Null shows an empty lane. Clears any error text. Does not change the viewport's
    /// document: the caller sets it (TimelineViewport::setDocument) for the file's length.
    void setSummary(std::shared_ptr<const WaveformSummary> summary);
    std::shared_ptr<const WaveformSummary> summary() const { return m_summary; }

    /// Shows `text` (e.g. the reader's message for a missing or broken file) instead of a
    /// waveform. An empty text goes back to the waveform. A failed summary shows its own
    /// errorMessage() without this call.
    void setErrorText(const QString& text);
    /// The text the lane shows instead of a waveform, or empty when it draws one.
    QString errorText() const;

    /// The lane's name, drawn top left ("Original", "Residual (removed)").
    void setTitle(const QString& title);
    QString title() const { return m_title; }

    /// Click markers (from the restoration report): frames [start, start + length) on
    /// `channel`, drawn as a band with a tick; a channel outside [0, channels) marks every
    /// channel. Replaces the previous markers.
    void setMarkers(std::vector<eval::SampleInterval> markers);
    const std::vector<eval::SampleInterval>& markers() const { return m_markers; }

    /// Draws `samples` (same channels as the file; frames from `startFrame` of its timeline) over
    /// the lane's waveform as the outline of their min/max envelope, or as a line of samples at
    /// close zoom: e.g. a selection preview's restored audio over the original. Null removes it.
    void setOverlay(std::shared_ptr<const AudioBlock> samples, std::int64_t startFrame);
    bool hasOverlay() const { return m_overlay != nullptr; }

    void setAmplitudeScale(AmplitudeScale scale);
    AmplitudeScale amplitudeScale() const { return m_scale; }

    /// The channel band (logical pixels, widget coordinates) channel `c` is drawn in.
    QRect channelRect(int c) const;
    /// y (logical pixels) of sample value `value` (linear, full scale 1.0) inside `band`.
    double valueToY(double value, const QRect& band) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// More of the summary arrived (`framesSummarised` frames, see WaveformSummary), or its
    /// build ended; emitted from the lane's poll timer, at most every 30 ms, in order.
    void summaryProgressed(qint64 framesSummarised);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Colours;
    int channelCount() const;
    /// The faint grid line's level, linear: 0.5 (linear scale) or −12 dBFS.
    double gridLevel() const;
    void pollSummary();
    /// Fills m_columns for `channel`: column i covers frames [first + i·fpp, first + (i+1)·fpp).
    /// Returns false (and sets m_rawError) when raw samples could not be read.
    bool fillColumns(int channel, std::int64_t first, std::int64_t fpp, int count);
    bool ensureSampleReader();
    void paintColumns(QPainter& p, const Colours& colours, const QRect& band, int x0, int count);
    void paintSamples(QPainter& p, const Colours& colours, const QRect& band, int channel);
    void paintMarkers(QPainter& p, const Colours& colours);
    void paintOverlay(QPainter& p, const Colours& colours, const QRect& band, int channel);
    void paintOverlayText(QPainter& p, const Colours& colours);

    TimelineViewport* m_viewport;
    std::shared_ptr<const WaveformSummary> m_summary;
    std::unique_ptr<SampleWindowReader> m_samples;
    QString m_errorText;
    QString m_rawError;
    QString m_title;
    std::vector<eval::SampleInterval> m_markers; // sorted by start
    std::shared_ptr<const AudioBlock> m_overlay;
    std::int64_t m_overlayStart = 0;
    AmplitudeScale m_scale = AmplitudeScale::Linear;
    QTimer* m_poll;
    std::int64_t m_lastSummarised = -1;
    std::vector<WaveformColumn> m_columns;
    QImage m_canvas; // one channel's columns at device resolution, reused between paints

    TimelineGestures m_gestures{m_viewport};
};

} // namespace shellac::ui
