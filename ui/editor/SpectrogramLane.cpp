#include "ui/editor/SpectrogramLane.h"

#include "audio/AudioFileReader.h"
#include "dsp/SpectrogramColumns.h"
#include "ui/editor/SpectrogramTileCache.h"
#include "ui/editor/TimelineViewport.h"

#include <QCache>
#include <QElapsedTimer>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace shellac::ui {

namespace {

/// A colour-mapped tile: the tile plus everything that shapes its image.
struct ImageKey {
    SpectrogramTileKey tile;
    int rows = 0;
    bool log = false;
    double minDb = 0;
    double maxDb = 0;
    friend bool operator==(const ImageKey&, const ImageKey&) = default;
};
size_t qHash(const ImageKey& key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.tile, key.rows, key.log, key.minDb, key.maxDb);
}

QString frequencyLabel(double hz)
{
    if (hz < 1000)
        return QStringLiteral("%1 Hz").arg(hz, 0, 'f', 0);
    return QStringLiteral("%1 kHz").arg(QString::number(hz / 1000, 'g', 3));
}

} // namespace

struct SpectrogramLane::Private {
    SpectrogramTileCache cache;
    QCache<ImageKey, QImage> images{16 * 1024 * 1024}; // cost: bytes (views stay < 100 MB for a 1-hour file)
    QString source;
    QString error;
    QString title;
    std::int64_t frames = 0;
    int sampleRate = 44100;
    bool log = true;
    int fftSize = dsp::SpectrogramColumns::kDefaultFftSize;
    ColourMap colours{-100.0, 0.0};
    int budgetMs = kDefaultPaintBudgetMs;
    int missing = 0;
    int rendered = 0;
    int imagesHeight = -1;
    // Row mapping for the current height / scale / bins.
    std::vector<SpectrogramTile::RowBins> rows;
    int rowsBins = -1;
    double rowsBinHz = 0;
    bool rowsLog = false;
    double rowsDpr = 0;
};

SpectrogramLane::SpectrogramLane(TimelineViewport* viewport, QWidget* parent)
    : QWidget(parent), m_viewport(viewport), d(std::make_unique<Private>())
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    connect(m_viewport, &TimelineViewport::viewChanged, this, qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::playheadChanged, this, qOverload<>(&QWidget::update));
    connect(&d->cache, &SpectrogramTileCache::tileReady, this, [this](const SpectrogramTileKey& key) {
        if (key.source == d->source)
            update();
    });
    connect(&d->cache, &SpectrogramTileCache::tileFailed, this,
            [this](const SpectrogramTileKey& key, const QString& message) {
                if (key.source != d->source)
                    return;
                d->error = message;
                update();
            });
}

SpectrogramLane::~SpectrogramLane() = default;

void SpectrogramLane::setSource(const QString& path)
{
    d->cache.cancelExcept({}); // the next paint requests what the new source needs
    d->source = path;
    d->error.clear();
    d->frames = 0;
    if (!path.isEmpty()) {
        auto reader = AudioFileReader::open(path);
        if (reader) {
            d->frames = reader.value()->format().frames;
            d->sampleRate = reader.value()->format().sampleRate;
        } else {
            d->error = reader.error().message();
        }
    }
    update();
}

QString SpectrogramLane::source() const { return d->source; }

void SpectrogramLane::reloadSource()
{
    d->cache.invalidateSource(d->source);
    const auto keys = d->images.keys();
    for (const auto& key : keys)
        if (key.tile.source == d->source)
            d->images.remove(key);
    setSource(d->source);
}

QString SpectrogramLane::errorText() const { return d->error; }

void SpectrogramLane::setTitle(const QString& title)
{
    d->title = title;
    update();
}

QString SpectrogramLane::title() const { return d->title; }

void SpectrogramLane::setLogFrequency(bool log)
{
    if (log == d->log)
        return;
    d->log = log;
    update();
}

bool SpectrogramLane::logFrequency() const { return d->log; }

void SpectrogramLane::setFftSize(int frames)
{
    const int clamped = std::clamp(frames, dsp::SpectrogramColumns::kMinFftSize, dsp::SpectrogramColumns::kMaxFftSize);
    const int snapped = 1 << int(std::lround(std::log2(double(clamped))));
    if (snapped == d->fftSize)
        return;
    d->fftSize = snapped;
    update();
}

int SpectrogramLane::fftSize() const { return d->fftSize; }

void SpectrogramLane::setDbRange(double minDb, double maxDb)
{
    d->colours.setRange(minDb, maxDb);
    update();
}

const ColourMap& SpectrogramLane::colourMap() const { return d->colours; }

void SpectrogramLane::setPaintBudgetMs(int ms) { d->budgetMs = std::max(1, ms); }
int SpectrogramLane::paintBudgetMs() const { return d->budgetMs; }
SpectrogramTileCache* SpectrogramLane::cache() const { return &d->cache; }
int SpectrogramLane::missingTileCount() const { return d->missing; }
int SpectrogramLane::renderedImageCount() const { return d->rendered; }

QColor SpectrogramLane::placeholderColour() const
{
    // Neutral and mid-dark in both themes, distinct from the colour map's black.
    return QColor(0x3a, 0x3a, 0x40);
}

double SpectrogramLane::frequencyToY(double hz) const
{
    const double h = height();
    const double nyquist = d->sampleRate / 2.0;
    if (!d->log)
        return h * (1.0 - hz / nyquist);
    const double lo = std::log(kLogMinHz);
    return h * (1.0 - (std::log(std::max(hz, 1e-3)) - lo) / (std::log(nyquist) - lo));
}

double SpectrogramLane::yToFrequency(double y) const
{
    const double t = 1.0 - y / std::max(1, height());
    const double nyquist = d->sampleRate / 2.0;
    if (!d->log)
        return t * nyquist;
    const double lo = std::log(kLogMinHz);
    return std::exp(lo + t * (std::log(nyquist) - lo));
}

QSize SpectrogramLane::sizeHint() const { return {800, 220}; }
QSize SpectrogramLane::minimumSizeHint() const { return {200, 80}; }

void SpectrogramLane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_viewport->setWidth(width());
    if (height() != d->imagesHeight) {
        d->images.clear(); // images of the old height would never be hit again
        d->imagesHeight = height();
    }
}

void SpectrogramLane::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const int missingBefore = d->missing;
    if (!d->source.isEmpty() && d->error.isEmpty() && d->frames > 0) {
        painter.fillRect(rect(), placeholderColour());
        paintTiles(painter);
    } else {
        d->missing = 0;
        painter.fillRect(rect(), palette().color(QPalette::Base));
        painter.setPen(palette().color(QPalette::Text));
        const QString text = !d->error.isEmpty() ? d->error : d->source.isEmpty() ? tr("No audio") : tr("Empty file");
        painter.drawText(rect().adjusted(12, 0, -12, 0), Qt::AlignCenter | Qt::TextWordWrap, text);
    }
    paintSelectionAndPlayhead(painter);
    const QRectF titleRect = paintTitle(painter);
    if (d->error.isEmpty() && !d->source.isEmpty()) {
        paintFrequencyAxis(painter, titleRect);
        paintLegend(painter);
    }
    if ((missingBefore == 0) != (d->missing == 0))
        Q_EMIT completionChanged(d->missing == 0);
}

void SpectrogramLane::paintTiles(QPainter& painter)
{
    // The budget counts colour-mapping only; the first tile of a paint is always mapped so that
    // every paint makes progress however slow the machine.
    qint64 mappingNs = 0;
    int mappedNow = 0;
    const double dpr = devicePixelRatioF();
    const int rowCount = std::max(1, int(std::lround(height() * dpr)));
    const double columnFrames = m_viewport->framesPerPixel() / dpr; // one column per device pixel
    const double tileFrames = columnFrames * SpectrogramTileCache::kTileColumns;
    const double endX = std::min<double>(width(), m_viewport->frameToX(double(d->frames)));
    if (endX < width()) // beyond the end of the file
        painter.fillRect(QRectF(std::max(0.0, endX), 0, width() - std::max(0.0, endX), height()),
                         palette().color(QPalette::Window));
    const double lastFrame = std::min(m_viewport->xToFrame(width()), double(d->frames));
    const auto firstTile = std::max<qint64>(0, qint64(std::floor(std::max(0.0, m_viewport->startFrame()) / tileFrames)));
    const auto lastTile = std::max(firstTile, qint64(std::floor(std::max(0.0, lastFrame - 1e-9) / tileFrames)));

    QSet<SpectrogramTileKey> keep;
    QList<SpectrogramTileKey> prefetch;
    bool budgetLeft = true;
    int missing = 0;
    painter.save();
    painter.setClipRect(QRectF(0, 0, std::max(0.0, endX), height()));
    for (qint64 t = firstTile; t <= lastTile; ++t) {
        const SpectrogramTileKey key{d->source, columnFrames, t, d->fftSize};
        keep.insert(key);
        const ImageKey imageKey{key, rowCount, d->log, d->colours.minDb(), d->colours.maxDb()};
        QImage* image = d->images.object(imageKey);
        if (!image) {
            const auto tile = d->cache.contains(key) ? d->cache.tile(key) : nullptr;
            if (!tile) {
                d->cache.request(key);
            } else if (budgetLeft && (mappedNow == 0 || mappingNs < qint64(d->budgetMs) * 1000000)) {
                QElapsedTimer clock;
                clock.start();
                if (d->rowsBins != tile->bins || d->rowsBinHz != tile->binHz || d->rowsLog != d->log ||
                    d->rowsDpr != dpr || int(d->rows.size()) != rowCount) {
                    d->rows = tile->rowBins(rowCount, [&](double y) { return yToFrequency(y / dpr); });
                    d->rowsBins = tile->bins;
                    d->rowsBinHz = tile->binHz;
                    d->rowsLog = d->log;
                    d->rowsDpr = dpr;
                }
                auto* made = new QImage(tile->render(d->rows, d->colours));
                made->setDevicePixelRatio(dpr);
                ++d->rendered;
                ++mappedNow;
                mappingNs += clock.nsecsElapsed();
                d->images.insert(imageKey, made, qsizetype(made->sizeInBytes()));
                image = d->images.object(imageKey);
            } else {
                budgetLeft = false; // data is here; it is mapped in the next paint
            }
        }
        if (image) {
            const double x = std::round(m_viewport->frameToX(key.startFrame()) * dpr) / dpr;
            painter.drawImage(QPointF(x, 0), *image);
        } else {
            ++missing;
        }
    }
    painter.restore();
    // Keep one tile either side warm for scrolling; cancel everything else.
    for (qint64 t : {firstTile - 1, lastTile + 1})
        if (t >= 0 && double(t) * tileFrames < double(d->frames)) {
            prefetch.append({d->source, columnFrames, t, d->fftSize});
            keep.insert(prefetch.back());
        }
    d->cache.cancelExcept(keep);
    for (const auto& key : std::as_const(prefetch))
        d->cache.request(key);
    d->missing = missing;
    if (!budgetLeft)
        update(); // the rest of the GUI work goes into the next paint
}

void SpectrogramLane::paintSelectionAndPlayhead(QPainter& painter)
{
    if (const auto selection = m_viewport->selection()) {
        const double x0 = m_viewport->frameToX(double(selection->start));
        const double x1 = m_viewport->frameToX(double(selection->end));
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(70);
        painter.fillRect(QRectF(x0, 0, x1 - x0, height()), fill);
        QColor edge = palette().color(QPalette::Highlight).lighter(130);
        painter.setPen(QPen(edge, 0));
        painter.drawLine(QPointF(x0, 0), QPointF(x0, height()));
        painter.drawLine(QPointF(x1, 0), QPointF(x1, height()));
    }
    const double x = m_viewport->frameToX(double(m_viewport->playhead()));
    if (x >= 0 && x <= width()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight).lighter(160), 1.5));
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
}

QRectF SpectrogramLane::paintTitle(QPainter& painter)
{
    if (d->title.isEmpty())
        return {};
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const QRectF text = QFontMetricsF(font).boundingRect(d->title).translated(8, 4 + QFontMetricsF(font).ascent());
    const QRectF box = text.adjusted(-4, -1, 4, 1);
    QColor back = palette().color(QPalette::Window);
    back.setAlpha(200);
    painter.setPen(Qt::NoPen);
    painter.setBrush(back);
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, d->title);
    painter.setFont(this->font());
    return box;
}

void SpectrogramLane::paintFrequencyAxis(QPainter& painter, const QRectF& titleRect)
{
    const double nyquist = d->sampleRate / 2.0;
    QList<double> ticks;
    if (d->log) {
        for (double decade = 10; decade < nyquist; decade *= 10)
            for (double m : {1.0, 2.0, 5.0})
                if (m * decade >= kLogMinHz && m * decade < nyquist)
                    ticks.append(m * decade);
    } else {
        const double pxPerHz = height() / nyquist;
        double step = 10;
        for (double m = 10; m < 1e6; m *= 10)
            for (double f : {1.0, 2.0, 5.0})
                if (step == 10 && f * m * pxPerHz >= 32)
                    step = f * m;
        for (double hz = step; hz < nyquist; hz += step)
            ticks.append(hz);
    }
    const QFontMetricsF metrics(font());
    QColor back = palette().color(QPalette::Window);
    back.setAlpha(170);
    const QColor text = palette().color(QPalette::WindowText);
    double lastY = 1e9;
    for (double hz : std::as_const(ticks)) {
        const double y = frequencyToY(hz);
        if (y < metrics.height() / 2 || y > height() - metrics.height() / 2 || lastY - y < metrics.height() + 2)
            continue;
        const QString label = frequencyLabel(hz);
        const QRectF box(6, y - metrics.height() / 2, metrics.horizontalAdvance(label) + 6, metrics.height());
        if (box.intersects(titleRect))
            continue;
        lastY = y;
        painter.setPen(QPen(text, 0));
        painter.drawLine(QPointF(0, y), QPointF(5, y));
        painter.setPen(Qt::NoPen);
        painter.setBrush(back);
        painter.drawRoundedRect(box, 2, 2);
        painter.setPen(text);
        painter.drawText(box, Qt::AlignCenter, label);
    }
}

void SpectrogramLane::paintLegend(QPainter& painter)
{
    const QFontMetricsF metrics(font());
    const double barHeight = std::min(160.0, height() - 2 * metrics.height() - 12);
    if (barHeight < 30)
        return;
    const QString top = QStringLiteral("%1 dB").arg(d->colours.maxDb(), 0, 'f', 0);
    const QString bottom = QStringLiteral("%1 dB").arg(d->colours.minDb(), 0, 'f', 0);
    const double labelWidth = std::max(metrics.horizontalAdvance(top), metrics.horizontalAdvance(bottom));
    const double barWidth = 10;
    const QRectF box(width() - labelWidth - barWidth - 18, 6, labelWidth + barWidth + 12,
                     barHeight + metrics.height() + 6);
    QColor back = palette().color(QPalette::Window);
    back.setAlpha(190);
    painter.setPen(Qt::NoPen);
    painter.setBrush(back);
    painter.drawRoundedRect(box, 3, 3);
    const QRectF bar(box.left() + 4, box.top() + metrics.height() / 2 + 3, barWidth, barHeight);
    QImage gradient(1, ColourMap::kEntries, QImage::Format_RGB32);
    for (int i = 0; i < ColourMap::kEntries; ++i)
        gradient.setPixel(0, ColourMap::kEntries - 1 - i, ColourMap::table()[std::size_t(i)]);
    painter.drawImage(bar, gradient);
    const QColor text = palette().color(QPalette::WindowText);
    painter.setPen(QPen(text, 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar);
    // Labels every 20 dB (or at the ends only when crowded).
    const double span = d->colours.maxDb() - d->colours.minDb();
    const double step = barHeight * 20 / span >= metrics.height() + 2 ? 20 : span;
    for (double db = d->colours.maxDb(); db >= d->colours.minDb() - 1e-9; db -= step) {
        const double y = bar.top() + (d->colours.maxDb() - db) / span * barHeight;
        painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 3, y));
        const QString label = QStringLiteral("%1 dB").arg(db, 0, 'f', 0);
        painter.drawText(QRectF(bar.right() + 5, y - metrics.height() / 2, labelWidth + 4, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
    }
}

void SpectrogramLane::mousePressEvent(QMouseEvent* event)
{
    if (m_gestures.press(event))
        event->accept();
    else
        QWidget::mousePressEvent(event);
}

void SpectrogramLane::mouseMoveEvent(QMouseEvent* event)
{
    if (m_gestures.move(event))
        event->accept();
    else
        QWidget::mouseMoveEvent(event);
}

void SpectrogramLane::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_gestures.release(event))
        event->accept();
    else
        QWidget::mouseReleaseEvent(event);
}

void SpectrogramLane::wheelEvent(QWheelEvent* event)
{
    m_gestures.wheel(event, width());
    event->accept();
}

void SpectrogramLane::keyPressEvent(QKeyEvent* event)
{
    if (m_gestures.key(event, width()))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

} // namespace shellac::ui
