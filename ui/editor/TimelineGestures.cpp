#include "ui/editor/TimelineGestures.h"

#include "ui/editor/TimelineViewport.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace shellac::ui {

std::int64_t TimelineGestures::frameAtX(double x) const
{
    return std::clamp<std::int64_t>(std::llround(m_viewport->xToFrame(x)), 0, m_viewport->frameCount());
}

bool TimelineGestures::press(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const double x = event->position().x();
    const std::int64_t f = frameAtX(x);
    m_pressed = true;
    m_pressX = x;
    m_dragging = bool(event->modifiers() & Qt::ShiftModifier);
    if (m_dragging) {
        // Extend: keep the selection's end farther from the click (or start at the playhead).
        const auto sel = m_viewport->selection();
        m_anchorFrame = sel ? (std::abs(f - sel->start) > std::abs(f - sel->end) ? sel->start : sel->end)
                            : m_viewport->playhead();
        m_viewport->setSelection(m_anchorFrame, f);
    } else {
        m_anchorFrame = f;
    }
    return true;
}

bool TimelineGestures::move(QMouseEvent* event)
{
    if (!m_pressed)
        return false;
    const double x = event->position().x();
    m_dragging = m_dragging || std::abs(x - m_pressX) >= kDragThreshold;
    if (m_dragging)
        m_viewport->setSelection(m_anchorFrame, frameAtX(x));
    return true;
}

bool TimelineGestures::release(QMouseEvent* event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return false;
    m_pressed = false;
    if (!m_dragging) {
        m_viewport->clearSelection();
        m_viewport->setPlayhead(m_anchorFrame);
    }
    m_dragging = false;
    return true;
}

bool TimelineGestures::wheel(QWheelEvent* event, int laneWidth)
{
    const QPoint delta = event->angleDelta();
    const bool horizontal = std::abs(delta.x()) > std::abs(delta.y());
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const int d = horizontal ? delta.x() : delta.y();
        m_viewport->scrollByPixels(-double(d) / 120.0 * laneWidth / 8.0);
    } else {
        m_wheelRemainder += delta.y();
        const int steps = m_wheelRemainder / 120; // touchpads send fractions of a notch
        m_wheelRemainder -= steps * 120;
        if (steps != 0)
            m_viewport->zoomSteps(-steps, m_viewport->xToFrame(event->position().x()));
    }
    return true;
}

bool TimelineGestures::key(QKeyEvent* event, int laneWidth)
{
    const FrameRange visible = m_viewport->visibleRange();
    const std::int64_t playhead = m_viewport->playhead();
    const double anchor = playhead >= visible.start && playhead <= visible.end ? double(playhead)
                                                                                : m_viewport->xToFrame(laneWidth / 2.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: m_viewport->zoomSteps(-1, anchor); return true;
    case Qt::Key_Minus: m_viewport->zoomSteps(1, anchor); return true;
    case Qt::Key_Left: m_viewport->scrollByPixels(-laneWidth / 8.0); return true;
    case Qt::Key_Right: m_viewport->scrollByPixels(laneWidth / 8.0); return true;
    default: return false;
    }
}

} // namespace shellac::ui
