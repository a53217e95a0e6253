#pragma once

#include <cstdint>

class QKeyEvent;
class QMouseEvent;
class QWheelEvent;

namespace shellac::ui {

class TimelineViewport;

/// The mouse and keyboard gestures every lane of the editor shares, so that the waveform, the
/// residual and the spectrogram behave the same: click sets the playhead (and clears the
/// selection), drag selects, Shift+click extends the selection (or selects from the playhead),
/// the wheel zooms around the cursor (touchpad fractions of a notch add up), Shift+wheel or a
/// horizontal wheel scrolls; +/− zoom around the playhead (the view's centre when it is off
/// screen), Left/Right scroll by an eighth of the width.
///
/// A lane forwards its events; each handler returns true when it used the event (the lane then
/// accepts it) and false for events it leaves to QWidget. Positions are the lane's logical
/// pixels, x = 0 at the viewport's first visible frame. GUI thread only; the viewport must
/// outlive this object.
class TimelineGestures {
public:
    /// Logical pixels a press must move before it becomes a drag.
    static constexpr double kDragThreshold = 3.0;

    explicit TimelineGestures(TimelineViewport* viewport) : m_viewport(viewport) {}

    bool press(QMouseEvent* event);
    bool move(QMouseEvent* event);
    bool release(QMouseEvent* event);
    /// @param laneWidth the lane's width in logical pixels (scroll steps are an eighth of it)
    bool wheel(QWheelEvent* event, int laneWidth);
    bool key(QKeyEvent* event, int laneWidth);

private:
    std::int64_t frameAtX(double x) const;

    TimelineViewport* m_viewport;
    bool m_pressed = false;
    bool m_dragging = false;
    double m_pressX = 0;
    std::int64_t m_anchorFrame = 0;
    int m_wheelRemainder = 0;
};

} // namespace shellac::ui
