#include "ui/editor/SpectrogramTileCache.h"

#include "dsp/SpectrogramColumns.h"
#include "jobs/CancellationToken.h"

#include <QThread>

#include <algorithm>
#include <cmath>

namespace shellac::ui {

double SpectrogramTileKey::startFrame() const
{
    return double(index) * SpectrogramTileCache::kTileColumns * framesPerColumn;
}

size_t qHash(const SpectrogramTileKey& key, size_t seed) noexcept
{
    return qHashMulti(seed, key.source, key.framesPerColumn, key.index, key.fftSize);
}

std::vector<SpectrogramTile::RowBins> SpectrogramTile::rowBins(int rowCount,
                                                              const std::function<double(double)>& rowToHz) const
{
    auto rows = std::vector<RowBins>(std::size_t(std::max(0, rowCount)));
    for (int r = 0; r < rowCount; ++r) {
        const double top = rowToHz(r) / binHz;
        const double bottom = rowToHz(r + 1) / binHz;
        RowBins& row = rows[std::size_t(r)];
        row.lo = std::max(0, int(std::ceil(bottom)));
        row.hi = std::min(bins - 1, int(std::ceil(top)) - 1);
        if (row.hi < row.lo) {
            const double centre = std::clamp(rowToHz(r + 0.5) / binHz, 0.0, double(bins - 1));
            row.lo = std::min(int(centre), bins - 2);
            row.hi = -1;
            row.frac = float(centre - row.lo);
        }
    }
    return rows;
}

void SpectrogramTile::setDb(std::span<const float> values)
{
    centiDb.resize(values.size());
    std::transform(values.begin(), values.end(), centiDb.begin(),
                   [](float db) { return qint16(std::clamp(std::lround(db * 100.0f), -32768L, 32767L)); });
}

QImage SpectrogramTile::render(const std::vector<RowBins>& rows, const ColourMap& colours) const
{
    QImage image(columns, int(rows.size()), QImage::Format_RGB32);
    const auto& table = ColourMap::table();
    for (int r = 0; r < image.height(); ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        const RowBins& row = rows[std::size_t(r)];
        for (int c = 0; c < columns; ++c) {
            const qint16* v = column(c);
            const float centi = row.hi >= row.lo ? float(*std::max_element(v + row.lo, v + row.hi + 1))
                                                 : v[row.lo] + row.frac * float(v[row.lo + 1] - v[row.lo]);
            line[c] = table[std::size_t(colours.indexFor(0.01 * centi))];
        }
    }
    return image;
}

SpectrogramTileCache::SpectrogramTileCache(qint64 maxBytes, QObject* parent)
    : QObject(parent), m_tiles(qsizetype(maxBytes)),
      m_maxWindows(dsp::SpectrogramColumns::kDefaultMaxWindowsPerColumn)
{
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount() - 1, 1, 4));
}

SpectrogramTileCache::~SpectrogramTileCache()
{
    for (const auto& token : std::as_const(m_pending))
        token->cancel();
    m_pool.clear();       // tasks not started yet never run
    m_pool.waitForDone(); // running ones stop at their next column
}

std::shared_ptr<const SpectrogramTile> SpectrogramTileCache::tile(const SpectrogramTileKey& key)
{
    const TilePtr* found = m_tiles.object(key);
    return found ? *found : nullptr;
}

bool SpectrogramTileCache::request(const SpectrogramTileKey& key)
{
    if (m_tiles.contains(key) || m_pending.contains(key))
        return false;
    auto token = std::make_shared<CancellationToken>();
    m_pending.insert(key, token);
    const int maxWindows = m_maxWindows;
    m_pool.start([this, key, token, maxWindows] {
        TilePtr tile;
        QString error;
        if (!token->isCancelled()) {
            auto opened = dsp::SpectrogramColumns::open(key.source, key.fftSize);
            if (!opened) {
                error = opened.error().message();
            } else {
                auto& columns = *opened.value();
                columns.setMaxWindowsPerColumn(maxWindows);
                auto made = std::make_shared<SpectrogramTile>();
                made->columns = kTileColumns;
                made->bins = columns.bins();
                made->binHz = columns.binHz();
                made->sampleRate = columns.format().sampleRate;
                std::vector<float> db(std::size_t(made->columns) * std::size_t(made->bins));
                const Status computed =
                    columns.compute(key.startFrame(), key.framesPerColumn, made->columns, db, token.get());
                if (computed) {
                    made->setDb(db);
                    tile = std::move(made);
                }
                else if (!token->isCancelled())
                    error = computed.error().message();
            }
        }
        // Delivered on the cache's thread; the destructor waits for this task, so `this` lives.
        QMetaObject::invokeMethod(this, [this, key, token, tile, error] { finished(key, token, tile, error); },
                                  Qt::QueuedConnection);
    });
    return true;
}

void SpectrogramTileCache::finished(const SpectrogramTileKey& key, const std::shared_ptr<CancellationToken>& token,
                                    const TilePtr& tile, const QString& error)
{
    const auto it = m_pending.constFind(key);
    if (it != m_pending.cend() && it.value() == token)
        m_pending.erase(it);
    if (token->isCancelled()) {
        ++m_cancelled;
        return;
    }
    if (!tile) {
        ++m_failed;
        Q_EMIT tileFailed(key, error);
        return;
    }
    ++m_computed;
    m_tiles.insert(key, new TilePtr(tile), qsizetype(tile->bytes()));
    Q_EMIT tileReady(key);
}

void SpectrogramTileCache::cancelExcept(const QSet<SpectrogramTileKey>& keep)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (keep.contains(it.key())) {
            ++it;
        } else {
            it.value()->cancel();
            it = m_pending.erase(it);
        }
    }
}

void SpectrogramTileCache::invalidateSource(const QString& source)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it.key().source == source) {
            it.value()->cancel();
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    const auto keys = m_tiles.keys();
    for (const auto& key : keys)
        if (key.source == source)
            m_tiles.remove(key);
}

void SpectrogramTileCache::clear()
{
    cancelExcept({});
    m_tiles.clear();
}

} // namespace shellac::ui
