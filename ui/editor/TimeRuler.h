#pragma once

#include <QString>
#include <QWidget>

#include <cstdint>

namespace shellac::ui {

class TimelineViewport;

/// The time ruler above an editor's lanes, for the same TimelineViewport: major ticks with
/// "m:ss" or "m:ss.mmm" labels at a step that keeps labels apart (1 µs … 1 h), minor ticks
/// between them, the selection as a band and the playhead as a marker. Click or drag sets the
/// playhead. Colours from the palette; sizes in logical pixels.
///
/// The ruler does not set the viewport's width (the lanes do); place it at the lanes' x and
/// width. GUI thread only; the viewport must outlive the ruler.
class TimeRuler : public QWidget {
    Q_OBJECT
public:
    explicit TimeRuler(TimelineViewport* viewport, QWidget* parent = nullptr);

    /// The major tick step in seconds for `secondsPerPixel`: the smallest "nice" step (1, 2, 5
    /// × 10^k below a second; 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30, 60 min) whose ticks lie
    /// at least `minPixels` logical pixels apart.
    static double majorStepSeconds(double secondsPerPixel, double minPixels);
    /// Minor ticks per major step for a step returned by majorStepSeconds() (2 to 6).
    static int minorDivisions(double stepSeconds);
    /// "m:ss" (decimals 0) or "m:ss.mmm" with `decimals` digits after the point (3 for
    /// milliseconds); minutes are not wrapped into hours ("75:00"). Rounds to the last digit.
    /// Precondition: seconds >= 0.
    static QString formatTime(double seconds, int decimals);
    /// Digits a label needs for `stepSeconds`: 0 from one second up, else 3 or more.
    static int decimalsForStep(double stepSeconds);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    /// Pixels a label needs, so that labels never touch.
    double minLabelSpacing() const;
    void setPlayheadAt(double x);

    TimelineViewport* m_viewport;
};

} // namespace shellac::ui
