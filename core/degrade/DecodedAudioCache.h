#pragma once

#include "common/Result.h"

#include <QHash>
#include <QString>

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

namespace shellac::degrade {

/// Decodes a whole file, mixed to mono (mean of the channels, any channel count) and resampled
/// with shellac::Resampler (high quality) to `sampleRate` Hz. Fails with an Error whose subject
/// is the file (unreadable, not audio, no frames). Thread-safe (no shared state).
Result<std::vector<float>> decodeMono(const QString& path, int sampleRate);

/// A bounded least-recently-used cache of decodeMono() results, keyed by path.
///
/// Holds at most budgetMiB (2^20 bytes) of samples (4 bytes per frame); a file larger than the
/// budget is decoded for each use and never kept. Callers hold shared pointers, so an entry that
/// is evicted stays valid for whoever still uses it.
///
/// Threading: every method is thread-safe (one mutex; decoding runs outside it, so two threads
/// asking for the same missing file may both decode it, and the first insert wins).
class DecodedAudioCache {
public:
    using Samples = std::vector<float>;

    /// @param sampleRate Hz every file is resampled to; @param budgetMiB cache bound (<= 0: none)
    DecodedAudioCache(int sampleRate, double budgetMiB);

    int sampleRate() const { return m_sampleRate; }

    /// The decoded audio of `path`, from the cache or decoded now (and cached when it fits).
    Result<std::shared_ptr<const Samples>> get(const QString& path) const;

    /// Adds already decoded audio (e.g. from a scan that decoded every file to check it); does
    /// nothing when `path` is cached or `samples` is larger than the budget.
    void insert(const QString& path, std::shared_ptr<const Samples> samples) const;

    /// Bytes of samples held now (<= the budget).
    std::size_t bytes() const;

private:
    struct Entry {
        std::shared_ptr<const Samples> samples;
        std::list<QString>::iterator position;
    };
    void insertLocked(const QString& path, std::shared_ptr<const Samples> samples) const;

    int m_sampleRate;
    std::size_t m_budgetBytes;
    mutable std::mutex m_mutex;
    mutable std::list<QString> m_lru; ///< most recent first
    mutable QHash<QString, Entry> m_entries;
    mutable std::size_t m_bytes = 0;
};

} // namespace shellac::degrade
