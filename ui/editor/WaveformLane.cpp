#include "ui/editor/WaveformLane.h"

#include "audio/SampleWindowReader.h"
#include "ui/editor/SampleColumns.h"
#include "ui/editor/TimelineViewport.h"

#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace shellac::ui {

namespace {

constexpr int kPollMs = 30;
constexpr double kDotsFromPixels = 6.0; // pixels per sample from which samples get dots
constexpr double kFloorDb = -60.0;      // the centre line in the dB scale

QColor blend(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

/// Every colour the lane draws with, derived from the palette so that dark and light themes
/// both read well.
struct WaveformLane::Colours {
    QColor background, envelope, rms, centre, grid, pending, selection, selectionEdge, playhead, marker,
        markerBand, overlay, text, label, labelBack;

    explicit Colours(const QPalette& pal)
    {
        background = pal.color(QPalette::Base);
        const bool dark = background.lightness() < 128;
        const QColor accent = pal.color(QPalette::Highlight);
        text = pal.color(QPalette::Text);
        envelope = blend(accent, background, dark ? 0.15 : 0.0);
        rms = dark ? blend(accent, QColor(Qt::white), 0.45) : blend(accent, QColor(Qt::black), 0.35);
        centre = withAlpha(text, 90);
        grid = withAlpha(text, 28);
        pending = withAlpha(text, 40);
        selection = withAlpha(accent, dark ? 70 : 55);
        selectionEdge = withAlpha(accent, 200);
        playhead = text;
        marker = dark ? QColor(255, 128, 64) : QColor(208, 52, 24);
        markerBand = withAlpha(marker, 70);
        overlay = dark ? QColor(120, 230, 150) : QColor(0, 140, 60); // green: apart from accent and markers
        label = withAlpha(text, 200);
        labelBack = withAlpha(pal.color(QPalette::Window), 190);
    }
};

WaveformLane::WaveformLane(TimelineViewport* viewport, QWidget* parent)
    : QWidget(parent), m_viewport(viewport), m_poll(new QTimer(this))
{
    Q_ASSERT(viewport);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &WaveformLane::pollSummary);
    connect(m_viewport, &TimelineViewport::viewChanged, this, qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::playheadChanged, this, qOverload<>(&QWidget::update));
}

WaveformLane::~WaveformLane() = default;

void WaveformLane::setSummary(std::shared_ptr<const WaveformSummary> summary)
{
    m_summary = std::move(summary);
    m_samples.reset();
    m_rawError.clear();
    m_errorText.clear();
    m_lastSummarised = -1;
    if (m_summary && !m_summary->isFinished())
        m_poll->start();
    else
        m_poll->stop();
    update();
}

void WaveformLane::setErrorText(const QString& text)
{
    m_errorText = text;
    update();
}

QString WaveformLane::errorText() const
{
    if (!m_errorText.isEmpty())
        return m_errorText;
    if (m_summary && m_summary->isFailed())
        return m_summary->errorMessage();
    return m_rawError;
}

void WaveformLane::setTitle(const QString& title)
{
    m_title = title;
    update();
}

void WaveformLane::setMarkers(std::vector<eval::SampleInterval> markers)
{
    std::sort(markers.begin(), markers.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    m_markers = std::move(markers);
    update();
}

void WaveformLane::setAmplitudeScale(AmplitudeScale scale)
{
    m_scale = scale;
    update();
}

double WaveformLane::gridLevel() const
{
    return m_scale == AmplitudeScale::Decibels ? std::pow(10.0, -12.0 / 20.0) : 0.5;
}

int WaveformLane::channelCount() const { return m_summary ? std::max(1, m_summary->channels()) : 1; }

QRect WaveformLane::channelRect(int c) const
{
    const int n = channelCount();
    const int gap = 1;
    const int h = std::max(1, (height() - (n - 1) * gap) / n);
    return QRect(0, c * (h + gap), width(), h);
}

double WaveformLane::valueToY(double value, const QRect& band) const
{
    const double mid = band.top() + band.height() / 2.0;
    const double half = std::max(1.0, band.height() / 2.0 - 1.0);
    double frac = std::clamp(value, -1.0, 1.0);
    if (m_scale == AmplitudeScale::Decibels) {
        const double mag = std::abs(value);
        const double db = mag > 0 ? 20.0 * std::log10(mag) : kFloorDb;
        frac = std::copysign(std::clamp((db - kFloorDb) / -kFloorDb, 0.0, 1.0), value);
    }
    return mid - frac * half;
}

QSize WaveformLane::sizeHint() const { return {640, 80 * channelCount() + 8}; }
QSize WaveformLane::minimumSizeHint() const { return {120, 24 * channelCount()}; }

void WaveformLane::pollSummary()
{
    if (!m_summary) {
        m_poll->stop();
        return;
    }
    const bool finished = m_summary->isFinished();
    const std::int64_t done = m_summary->framesSummarised();
    if (done != m_lastSummarised || finished) {
        m_lastSummarised = done;
        update();
        Q_EMIT summaryProgressed(qint64(done));
    }
    if (finished)
        m_poll->stop();
}

bool WaveformLane::ensureSampleReader()
{
    if (m_samples)
        return true;
    if (!m_rawError.isEmpty() || !m_summary)
        return false;
    auto opened = SampleWindowReader::open(m_summary->path());
    if (!opened) {
        m_rawError = opened.error().message();
        return false;
    }
    m_samples = std::move(opened.value());
    return true;
}

bool WaveformLane::fillColumns(int channel, std::int64_t first, std::int64_t fpp, int count)
{
    m_columns.resize(std::size_t(count));
    if (WaveformSummary::servesExactly(double(fpp))) {
        m_summary->query(channel, first, fpp, m_columns);
        return true;
    }
    // Closer than the summary serves: statistics of the raw samples, read once per paint.
    if (!ensureSampleReader())
        return false;
    // Unchanged windows cost nothing; a scroll reads only the new frames.
    if (Status s = m_samples->load(first, std::int64_t(count) * fpp); !s) {
        m_rawError = s.error().message();
        return false;
    }
    sampleColumns(m_samples->window().channel(channel), m_samples->windowStart(), double(first), double(fpp), m_columns);
    return true;
}

void WaveformLane::paintColumns(QPainter& p, const Colours& colours, const QRect& band, int x0, int count)
{
    // One-pixel-wide columns are written straight into an image at device resolution and
    // blitted once: the raster engine's per-rectangle spans cost ~10x more for 3200 thin bars.
    const qreal dpr = devicePixelRatioF();
    const QSize size(int(std::ceil(band.width() * dpr)), int(std::ceil(band.height() * dpr)));
    if (m_canvas.size() != size)
        m_canvas = QImage(size, QImage::Format_ARGB32_Premultiplied);
    m_canvas.fill(Qt::transparent);
    const QRgb envelope = colours.envelope.rgba(); // opaque: premultiplied is the same value
    const QRgb body = colours.rms.rgba();
    const int w = size.width(), h = size.height();
    const auto toRow = [&](double y) { return (y - band.top()) * dpr; };
    uchar* const bits = m_canvas.bits(); // once: scanLine() would check for a detach per row
    const qsizetype stride = m_canvas.bytesPerLine();
    QVector<QRect> pending;
    for (int i = 0; i < count; ++i) {
        const WaveformColumn& col = m_columns[std::size_t(i)];
        const int x = x0 + i;
        if (col.state == WaveformColumn::State::Pending) {
            if (!pending.isEmpty() && pending.back().right() + 1 == x)
                pending.back().setRight(x);
            else
                pending.append(QRect(x, band.top(), 1, band.height()));
            continue;
        }
        if (col.state != WaveformColumn::State::Ready)
            continue;
        const int xa = std::max(0, int(std::floor(x * dpr)));
        const int xb = std::min(w, int(std::floor((x + 1) * dpr)));
        if (xb <= xa)
            continue;
        const int top = std::clamp(int(std::floor(toRow(valueToY(col.range.max, band)))), 0, h - 1);
        const int bottom = std::clamp(int(std::ceil(toRow(valueToY(col.range.min, band)))), top + 1, h); // quiet: 1 px
        const int rmsTop = std::max(top, int(std::lround(toRow(valueToY(col.range.rms, band)))));
        const int rmsBottom = std::min(bottom, int(std::lround(toRow(valueToY(-col.range.rms, band)))));
        for (int y = top; y < bottom; ++y) {
            auto* row = reinterpret_cast<QRgb*>(bits + std::ptrdiff_t(y) * stride);
            const QRgb c = y >= rmsTop && y < rmsBottom ? body : envelope;
            for (int d = xa; d < xb; ++d)
                row[d] = c;
        }
    }
    m_canvas.setDevicePixelRatio(dpr);
    p.drawImage(band.topLeft(), m_canvas);
    if (!pending.isEmpty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(QBrush(colours.pending, Qt::BDiagPattern));
        p.drawRects(pending);
    }
}

void WaveformLane::paintSamples(QPainter& p, const Colours& colours, const QRect& band, int channel)
{
    if (!ensureSampleReader())
        return;
    const double fpp = m_viewport->framesPerPixel();
    const auto first = std::int64_t(std::floor(m_viewport->startFrame())) - 1;
    const auto count = std::int64_t(std::ceil(width() * fpp)) + 3;
    if (Status s = m_samples->load(first, count); !s) {
        m_rawError = s.error().message();
        return;
    }
    const auto samples = m_samples->window().channel(channel);
    const std::int64_t w0 = m_samples->windowStart();
    QPolygonF line;
    line.reserve(qsizetype(samples.size()));
    for (std::size_t i = 0; i < samples.size(); ++i)
        line.append(QPointF(m_viewport->frameToX(double(w0) + double(i) + 0.5), valueToY(samples[i], band)));
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setBrush(Qt::NoBrush);
    QPen pen(colours.envelope, 1.0);
    pen.setCosmetic(true); // the fast stroker; 1 logical px at any scaling
    p.setPen(pen);
    p.drawPolyline(line);
    if (1.0 / fpp >= kDotsFromPixels) {
        p.setPen(Qt::NoPen);
        p.setBrush(colours.rms);
        for (const QPointF& pt : line)
            p.drawEllipse(pt, 2.5, 2.5);
    }
    p.restore();
}

void WaveformLane::paintMarkers(QPainter& p, const Colours& colours)
{
    if (m_markers.empty())
        return;
    const FrameRange visible = m_viewport->visibleRange();
    const int n = channelCount();
    for (const eval::SampleInterval& m : m_markers) {
        if (m.start > visible.end)
            break;
        if (m.start + m.length < visible.start)
            continue;
        double x0 = m_viewport->frameToX(double(m.start));
        double x1 = m_viewport->frameToX(double(m.start + m.length));
        // A band over the channel only where the click is wide enough to see what it covers;
        // at overview zoom (hundreds of clicks per screen) ticks alone, or they hide the audio.
        const bool band = x1 - x0 >= 3.0;
        if (x1 - x0 < 2.0) { // at overview zoom a click is narrower than a pixel: keep 2 px
            const double mid = 0.5 * (x0 + x1);
            x0 = mid - 1.0;
            x1 = mid + 1.0;
        }
        const bool all = m.channel < 0 || m.channel >= n;
        for (int c = all ? 0 : m.channel; c < (all ? n : m.channel + 1); ++c) {
            const QRect rect = channelRect(c);
            if (band)
                p.fillRect(QRectF(x0, rect.top(), x1 - x0, rect.height()), colours.markerBand);
            const double tick = std::min(8.0, rect.height() / 4.0);
            p.fillRect(QRectF(x0, rect.top(), x1 - x0, tick), colours.marker);
            p.fillRect(QRectF(x0, rect.bottom() + 1 - tick, x1 - x0, tick), colours.marker);
        }
    }
}

void WaveformLane::paintOverlayText(QPainter& p, const Colours& colours)
{
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    p.setFont(small);
    const QFontMetrics fm(small);
    const int n = channelCount();
    auto label = [&](const QString& text, QPoint at, bool right) {
        QRect r = fm.boundingRect(text).adjusted(-3, -1, 3, 1);
        r.moveTopLeft(right ? QPoint(at.x() - r.width(), at.y()) : at);
        p.fillRect(r, colours.labelBack);
        p.setPen(colours.label);
        p.drawText(r, Qt::AlignCenter, text);
    };
    for (int c = 0; c < n; ++c) {
        const QRect band = channelRect(c);
        if (band.height() >= 3 * fm.height()) {
            // Amplitude scale at the right edge: full scale and a middle level.
            const bool db = m_scale == AmplitudeScale::Decibels;
            label(db ? QStringLiteral("0 dB") : QStringLiteral("1.0"), QPoint(width() - 2, band.top() + 2), true);
            const double y = valueToY(gridLevel(), band);
            label(db ? QStringLiteral("\u221212") : QStringLiteral("0.5"), QPoint(width() - 2, int(y) - fm.height() / 2), true);
        }
        if (n > 1) {
            const QString name = n == 2 ? (c == 0 ? tr("L") : tr("R")) : QString::number(c + 1);
            label(name, QPoint(2, band.bottom() - fm.height() - 2), false);
        }
    }
    if (!m_title.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        const QFontMetrics bfm(bold);
        QRect r = bfm.boundingRect(m_title).adjusted(-4, -2, 4, 2);
        r.moveTopLeft(QPoint(2, 2));
        p.fillRect(r, colours.labelBack);
        p.setPen(colours.text);
        p.drawText(r, Qt::AlignCenter, m_title);
    }
}

void WaveformLane::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const Colours colours(palette());
    p.fillRect(rect(), colours.background);
    const QString error = errorText();
    if (!error.isEmpty() || !m_summary) {
        p.setPen(error.isEmpty() ? colours.centre : colours.text);
        p.drawText(rect().adjusted(12, 8, -12, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   error.isEmpty() ? tr("No audio") : error);
        paintOverlayText(p, colours);
        return;
    }
    const auto sel = m_viewport->selection();

    const double fpp = m_viewport->framesPerPixel();
    const int n = channelCount();
    for (int c = 0; c < n; ++c) {
        const QRect band = channelRect(c);
        p.setPen(colours.grid);
        for (const double sign : {1.0, -1.0}) {
            const double y = valueToY(sign * gridLevel(), band);
            p.drawLine(QPointF(0, y), QPointF(width(), y));
        }
        if (fpp > 1.0) {
            const auto whole = std::int64_t(fpp);
            const std::int64_t c0 = std::int64_t(std::floor(m_viewport->startFrame() / fpp));
            // Column i covers [(c0 + i)·fpp, …): it starts less than a pixel left of x = i.
            const int x0 = int(std::lround(double(c0) - m_viewport->startFrame() / fpp));
            const int count = width() + 2;
            if (fillColumns(c, c0 * whole, whole, count))
                paintColumns(p, colours, band, x0, count);
        }
        p.setPen(colours.centre);
        const double mid = valueToY(0.0, band);
        p.drawLine(QPointF(0, mid), QPointF(width(), mid));
        if (fpp <= 1.0)
            paintSamples(p, colours, band, c);
        paintOverlay(p, colours, band, c);
        if (c + 1 < n) {
            p.setPen(colours.grid);
            p.drawLine(QPointF(0, band.bottom() + 1), QPointF(width(), band.bottom() + 1));
        }
    }
    if (!m_rawError.isEmpty()) {
        p.setPen(colours.text);
        p.drawText(rect().adjusted(12, 8, -12, -8), Qt::AlignCenter | Qt::TextWordWrap, m_rawError);
    }
    paintMarkers(p, colours);
    if (sel) { // over the waveform, so that the selected part of it is tinted too
        p.fillRect(QRectF(QPointF(m_viewport->frameToX(double(sel->start)), 0),
                          QPointF(m_viewport->frameToX(double(sel->end)), height())),
                   colours.selection);
        p.setPen(colours.selectionEdge);
        for (const std::int64_t f : {sel->start, sel->end}) {
            const double x = std::floor(m_viewport->frameToX(double(f))) + 0.5;
            p.drawLine(QPointF(x, 0), QPointF(x, height()));
        }
    }
    const double px = std::floor(m_viewport->frameToX(double(m_viewport->playhead()))) + 0.5;
    if (px >= -1 && px <= width() + 1) {
        p.setPen(QPen(colours.playhead, 1));
        p.drawLine(QPointF(px, 0), QPointF(px, height()));
    }
    paintOverlayText(p, colours);
}

void WaveformLane::setOverlay(std::shared_ptr<const AudioBlock> samples, std::int64_t startFrame)
{
    m_overlay = std::move(samples);
    m_overlayStart = startFrame;
    update();
}

void WaveformLane::paintOverlay(QPainter& p, const Colours& colours, const QRect& band, int channel)
{
    if (!m_overlay || channel >= m_overlay->channels() || m_overlay->frames() == 0)
        return;
    // Only the columns the overlay covers (plus one each side for the join).
    const double fpp = m_viewport->framesPerPixel();
    const int x0 = std::max(0, int(std::floor(m_viewport->frameToX(double(m_overlayStart)))) - 1);
    const int x1 = std::min(width(), int(std::ceil(m_viewport->frameToX(double(m_overlayStart + m_overlay->frames())))) + 1);
    if (x1 <= x0)
        return;
    std::vector<WaveformColumn> columns(std::size_t(x1 - x0));
    sampleColumns(m_overlay->channel(channel), m_overlayStart, m_viewport->xToFrame(x0), fpp, columns);
    QPolygonF upper, lower;
    const auto flush = [&] {
        if (upper.size() == 1) { // a lone column: a short vertical stroke
            upper << upper.front() + QPointF(0.0, 0.01);
            lower << lower.front() + QPointF(0.0, 0.01);
        }
        p.drawPolyline(upper);
        p.drawPolyline(lower);
        upper.clear();
        lower.clear();
    };
    p.setPen(QPen(colours.overlay, 1.5));
    p.setRenderHint(QPainter::Antialiasing, true);
    for (int i = 0; i < x1 - x0; ++i) {
        const WaveformColumn& r = columns[std::size_t(i)];
        if (r.state != WaveformColumn::State::Ready) {
            if (!upper.isEmpty())
                flush();
            continue;
        }
        const double x = x0 + i + 0.5;
        upper << QPointF(x, valueToY(r.range.max, band));
        lower << QPointF(x, valueToY(r.range.min, band));
    }
    if (!upper.isEmpty())
        flush();
    p.setRenderHint(QPainter::Antialiasing, false);
}

void WaveformLane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_viewport->setWidth(width());
}

void WaveformLane::mousePressEvent(QMouseEvent* event)
{
    if (m_gestures.press(event))
        event->accept();
    else
        QWidget::mousePressEvent(event);
}

void WaveformLane::mouseMoveEvent(QMouseEvent* event)
{
    if (m_gestures.move(event))
        event->accept();
    else
        QWidget::mouseMoveEvent(event);
}

void WaveformLane::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_gestures.release(event))
        event->accept();
    else
        QWidget::mouseReleaseEvent(event);
}

void WaveformLane::wheelEvent(QWheelEvent* event)
{
    m_gestures.wheel(event, width());
    event->accept();
}

void WaveformLane::keyPressEvent(QKeyEvent* event)
{
    if (m_gestures.key(event, width()))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

} // namespace shellac::ui
