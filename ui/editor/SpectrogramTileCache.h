#pragma once

#include "ui/editor/ColourMap.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace shellac {
class CancellationToken;
}

namespace shellac::ui {

/// Names one tile: kTileColumns consecutive spectrogram columns of one file at one zoom.
/// Columns form a grid anchored at frame 0: column c covers frames [c·fpp, (c+1)·fpp), and tile
/// `index` holds columns [index·kTileColumns, (index+1)·kTileColumns).
struct SpectrogramTileKey {
    QString source;                ///< the file's path
    double framesPerColumn = 1024; ///< fpp, frames per column (> 0; fractional when zoomed in)
    qint64 index = 0;              ///< tile number (>= 0)
    int fftSize = 2048;            ///< window length in frames

    /// The first frame the tile covers.
    double startFrame() const;
    friend bool operator==(const SpectrogramTileKey&, const SpectrogramTileKey&) = default;
};
size_t qHash(const SpectrogramTileKey& key, size_t seed = 0) noexcept;

/// The computed columns of one tile, in dB relative to a full-scale sine (SpectrogramColumns):
/// immutable once made, shared between the cache and whoever draws it. Drawing it is two steps:
/// rowBins() maps image rows to bins once per height and frequency scale, render() colour-maps.
struct SpectrogramTile {
    /// Which bins feed one image row: the loudest of [lo, hi] when the row spans bin centres,
    /// otherwise linear interpolation between bins lo and lo + 1 at `frac` (rows finer than bins).
    struct RowBins {
        int lo = 0;
        int hi = -1;
        float frac = 0;
    };

    int columns = 0;
    int bins = 0;          ///< values per column, fftSize/2 + 1
    double binHz = 0;      ///< Hz per bin
    int sampleRate = 0;    ///< Hz
    /// Levels in hundredths of a dB (half the memory of floats; ±327 dB), column-major:
    /// centiDb[c·bins + b].
    std::vector<qint16> centiDb;

    const qint16* column(int c) const { return centiDb.data() + std::size_t(c) * std::size_t(bins); }
    /// Level of bin `b` in column `c`, dB.
    float db(int c, int b) const { return 0.01f * column(c)[b]; }
    /// Stores dB values (columns·bins of them, column-major), rounded to 0.01 dB.
    void setDb(std::span<const float> values);
    /// Memory the tile holds, bytes.
    qint64 bytes() const { return qint64(sizeof(SpectrogramTile)) + qint64(centiDb.size() * sizeof(qint16)); }

    /// The bins feeding each of `rowCount` image rows (row 0 at the top); `rowToHz(y)` is the
    /// frequency in Hz at row coordinate y (row r spans [r, r + 1); higher y, lower frequency).
    std::vector<RowBins> rowBins(int rowCount, const std::function<double(double)>& rowToHz) const;
    /// The tile as an image of columns × rows.size() pixels (one per column and row), coloured
    /// by `colours`. Cost: columns × rows; GUI or any thread.
    QImage render(const std::vector<RowBins>& rows, const ColourMap& colours) const;
};

/// Computes spectrogram tiles on worker threads and keeps them in a memory-bounded LRU cache.
///
/// request() schedules a tile on the cache's own thread pool (one SpectrogramColumns per task);
/// tileReady() announces it on the GUI thread once tile() can return it. Each pending tile has a
/// cancellation token: cancelExcept() cancels every pending tile not in the given set (the view
/// moved on), and a cancelled tile is dropped even if its computation had finished. The cache
/// evicts least recently used tiles to stay within maxBytes(); a tile larger than the bound is
/// never kept.
///
/// Threading: GUI (owning) thread only, except that the work runs on the pool. The destructor
/// cancels everything and waits for running tasks (they stop at the next column), so destroying
/// a view mid-computation is safe.
class SpectrogramTileCache : public QObject {
    Q_OBJECT
public:
    static constexpr int kTileColumns = 256;
    static constexpr qint64 kDefaultMaxBytes = 64 * 1024 * 1024;

    /// @param maxBytes memory bound for the kept tiles, bytes
    explicit SpectrogramTileCache(qint64 maxBytes = kDefaultMaxBytes, QObject* parent = nullptr);
    ~SpectrogramTileCache() override;

    /// The tile if it is cached (and marks it recently used); null otherwise.
    std::shared_ptr<const SpectrogramTile> tile(const SpectrogramTileKey& key);
    /// Whether the tile is cached, without touching its LRU position.
    bool contains(const SpectrogramTileKey& key) const { return m_tiles.contains(key); }
    /// Schedules the tile unless it is cached or already pending; true when newly scheduled.
    bool request(const SpectrogramTileKey& key);
    /// Whether the tile is scheduled or being computed.
    bool isPending(const SpectrogramTileKey& key) const { return m_pending.contains(key); }
    /// Cancels every pending tile that is not in `keep`.
    void cancelExcept(const QSet<SpectrogramTileKey>& keep);
    /// Forgets the cached and pending tiles of `source` (the file changed on disk).
    void invalidateSource(const QString& source);
    /// Forgets every cached tile and cancels every pending one.
    void clear();

    qint64 maxBytes() const { return qint64(m_tiles.maxCost()); }
    /// Sets the memory bound, evicting least recently used tiles at once when over it.
    void setMaxBytes(qint64 bytes) { m_tiles.setMaxCost(qsizetype(bytes)); }
    /// Memory the cached tiles hold now, bytes (<= maxBytes()).
    qint64 usedBytes() const { return qint64(m_tiles.totalCost()); }
    int cachedCount() const { return int(m_tiles.count()); }
    int pendingCount() const { return int(m_pending.size()); }

    /// Worker threads (default: cores − 1, 1..4).
    void setWorkerCount(int threads) { m_pool.setMaxThreadCount(qMax(1, threads)); }
    int workerCount() const { return m_pool.maxThreadCount(); }
    /// Windows averaged per column at most, for tiles requested from now on (SpectrogramColumns).
    void setMaxWindowsPerColumn(int windows) { m_maxWindows = windows; }

    /// Since construction: tiles computed and kept, cancelled (before or during the work), failed.
    quint64 computedCount() const { return m_computed; }
    quint64 cancelledCount() const { return m_cancelled; }
    quint64 failedCount() const { return m_failed; }

Q_SIGNALS:
    /// The tile is now in the cache.
    void tileReady(const shellac::ui::SpectrogramTileKey& key);
    /// Computing the tile failed; `message` names the file and the problem.
    void tileFailed(const shellac::ui::SpectrogramTileKey& key, const QString& message);

private:
    using TilePtr = std::shared_ptr<const SpectrogramTile>;
    void finished(const SpectrogramTileKey& key, const std::shared_ptr<CancellationToken>& token,
                  const TilePtr& tile, const QString& error);

    QCache<SpectrogramTileKey, TilePtr> m_tiles;
    QHash<SpectrogramTileKey, std::shared_ptr<CancellationToken>> m_pending;
    QThreadPool m_pool;
    int m_maxWindows = 6;
    quint64 m_computed = 0;
    quint64 m_cancelled = 0;
    quint64 m_failed = 0;
};

} // namespace shellac::ui
