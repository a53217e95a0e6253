#include "ui/editor/TimeRuler.h"

#include "ui/editor/TimelineViewport.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace shellac::ui {

namespace {

/// Steps from one second up, with their minor divisions.
struct Step {
    double seconds;
    int minor;
};
constexpr std::array<Step, 13> kLongSteps{{{1, 5}, {2, 4}, {5, 5}, {10, 5}, {15, 3}, {30, 3}, {60, 6},
                                           {120, 4}, {300, 5}, {600, 5}, {900, 3}, {1800, 3}, {3600, 6}}};

} // namespace

TimeRuler::TimeRuler(TimelineViewport* viewport, QWidget* parent) : QWidget(parent), m_viewport(viewport)
{
    Q_ASSERT(viewport);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_viewport, &TimelineViewport::viewChanged, this, qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::playheadChanged, this, qOverload<>(&QWidget::update));
}

double TimeRuler::majorStepSeconds(double secondsPerPixel, double minPixels)
{
    const double wanted = std::max(1e-9, secondsPerPixel * minPixels);
    if (wanted < 1.0) {
        // 1, 2, 5 × 10^k, k from −6 (a microsecond: sample zoom at 192 kHz) to −1.
        for (int k = -6; k < 0; ++k)
            for (const double m : {1.0, 2.0, 5.0}) {
                const double step = m * std::pow(10.0, k);
                if (step >= wanted * (1 - 1e-9))
                    return step;
            }
        return 1.0;
    }
    for (const Step& s : kLongSteps)
        if (s.seconds >= wanted)
            return s.seconds;
    return 3600.0 * std::ceil(wanted / 3600.0);
}

int TimeRuler::minorDivisions(double stepSeconds)
{
    for (const Step& s : kLongSteps)
        if (std::abs(s.seconds - stepSeconds) < 1e-9)
            return s.minor;
    if (stepSeconds >= 1.0)
        return 6;
    const double lead = stepSeconds / std::pow(10.0, std::floor(std::log10(stepSeconds) + 1e-9));
    return std::lround(lead) == 2 ? 4 : 5;
}

int TimeRuler::decimalsForStep(double stepSeconds)
{
    if (stepSeconds >= 1.0 - 1e-9)
        return 0;
    const int digits = int(std::ceil(-std::log10(stepSeconds) - 1e-9));
    return std::max(3, digits);
}

QString TimeRuler::formatTime(double seconds, int decimals)
{
    const auto scale = std::int64_t(std::llround(std::pow(10.0, decimals)));
    const std::int64_t units = std::llround(std::max(0.0, seconds) * double(scale));
    const std::int64_t wholeSeconds = units / scale;
    const QString head = QStringLiteral("%1:%2").arg(wholeSeconds / 60).arg(wholeSeconds % 60, 2, 10, QLatin1Char('0'));
    if (decimals <= 0)
        return head;
    return head + QLatin1Char('.') + QStringLiteral("%1").arg(units % scale, decimals, 10, QLatin1Char('0'));
}

double TimeRuler::minLabelSpacing() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("00:00.000")) + 16.0;
}

QSize TimeRuler::sizeHint() const { return {640, fontMetrics().height() + 14}; }
QSize TimeRuler::minimumSizeHint() const { return {120, fontMetrics().height() + 10}; }

void TimeRuler::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Window));
    const QColor text = pal.color(QPalette::WindowText);
    const int rate = std::max(1, m_viewport->sampleRate());
    const double fpp = m_viewport->framesPerPixel();

    if (const auto sel = m_viewport->selection()) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlpha(90);
        p.fillRect(QRectF(QPointF(m_viewport->frameToX(double(sel->start)), 0),
                          QPointF(m_viewport->frameToX(double(sel->end)), height())),
                   band);
    }

    const double step = majorStepSeconds(fpp / rate, minLabelSpacing());
    const int minor = minorDivisions(step);
    const int decimals = decimalsForStep(step);
    const double firstSecond = std::max(0.0, m_viewport->startFrame() / rate);
    const double lastSecond = std::min(double(m_viewport->frameCount()) / rate,
                                       (m_viewport->startFrame() + width() * fpp) / rate);
    const double minorStep = step / minor;
    const auto firstMinor = std::int64_t(std::floor(firstSecond / minorStep));
    QColor minorColour = text;
    minorColour.setAlpha(110);
    const int h = height();
    const int labelTop = 2;
    for (std::int64_t i = firstMinor; double(i) * minorStep <= lastSecond + 1e-12; ++i) {
        const double t = double(i) * minorStep;
        const double x = std::floor(m_viewport->frameToX(t * rate)) + 0.5;
        const bool major = i % minor == 0;
        p.setPen(major ? text : minorColour);
        p.drawLine(QPointF(x, major ? h * 0.45 : h * 0.75), QPointF(x, h));
        if (major) {
            p.drawText(QPointF(x + 3, labelTop + fontMetrics().ascent()), formatTime(t, decimals));
        }
    }
    p.setPen(minorColour);
    p.drawLine(QPointF(0, h - 0.5), QPointF(width(), h - 0.5));

    // The playhead: a downward triangle on the bottom edge.
    const double px = std::floor(m_viewport->frameToX(double(m_viewport->playhead()))) + 0.5;
    if (px >= -6 && px <= width() + 6) {
        const double s = std::max(4.0, h * 0.22);
        const QPointF tri[3] = {{px - s, h - s * 1.2}, {px + s, h - s * 1.2}, {px, double(h)}};
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(text);
        p.drawPolygon(tri, 3);
    }
}

void TimeRuler::setPlayheadAt(double x)
{
    const auto f = std::llround(m_viewport->xToFrame(x));
    m_viewport->setPlayhead(std::clamp<std::int64_t>(f, 0, m_viewport->frameCount()));
}

void TimeRuler::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        setPlayheadAt(event->position().x());
        event->accept();
    }
}

void TimeRuler::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton) {
        setPlayheadAt(event->position().x());
        event->accept();
    }
}

} // namespace shellac::ui
