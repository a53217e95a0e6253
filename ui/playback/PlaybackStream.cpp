#include "ui/playback/PlaybackStream.h"

#include "audio/AudioFileReader.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace shellac::ui {

namespace {

/// Copies frames [from, from + count) of `source` to frame `to` of `dest` (same channels).
void copyFrames(const AudioBlock& source, std::int64_t from, AudioBlock& dest, std::int64_t to,
                std::int64_t count)
{
    for (int c = 0; c < source.channels(); ++c)
        std::copy_n(source.channel(c).data() + from, count, dest.channel(c).data() + to);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// FileStream

struct FileStream::Impl {
    struct Chunk {
        std::int64_t index = -1;
        AudioBlock block;
        std::uint64_t lastUse = 0;
    };

    QString path;
    std::int64_t frames = 0;
    int channels = 0;
    int sampleRate = 0;

    std::mutex readerMutex; // guards reader
    std::unique_ptr<AudioFileReader> reader;

    std::mutex cacheMutex; // guards everything below
    std::condition_variable wake;
    std::vector<Chunk> cache;
    std::uint64_t useClock = 0;
    std::int64_t aheadFrom = -1; // first chunk the read-ahead thread should have ready; -1: none
    bool stopping = false;

    std::atomic<int> synchronousDecodes{0};
    std::atomic<int> readAheadDecodes{0};
    std::thread worker;

    std::int64_t chunkCount() const { return (frames + kChunkFrames - 1) / kChunkFrames; }

    Error fail(const QString& reason) const { return Error{QDir::toNativeSeparators(path), reason}; }

    /// Decodes chunk `index` from disk. Any thread; the caller holds readerMutex.
    Result<AudioBlock> decode(std::int64_t index)
    {
        // The open descriptor would still read a deleted file's data on Linux; the user should
        // know that the file they are listening to is gone.
        if (!QFileInfo::exists(path))
            return fail(QObject::tr("was deleted or moved while open"));
        const std::int64_t start = index * kChunkFrames;
        const std::int64_t wanted = std::min(kChunkFrames, frames - start);
        if (Status s = reader->seek(start); !s.ok())
            return s.error();
        AudioBlock chunk(channels, 0);
        AudioBlock piece;
        while (chunk.frames() < wanted) {
            auto got = reader->read(piece, wanted - chunk.frames());
            if (!got.ok())
                return got.error();
            if (got.value() == 0)
                return fail(QObject::tr("was truncated while open: no audio left at frame %1 "
                                        "(the header said %2 frames)")
                                .arg(start + chunk.frames())
                                .arg(frames));
            chunk.append(piece);
        }
        return chunk;
    }

    /// Copies part of a cached chunk into `out`; false when the chunk is not cached.
    /// Caller holds cacheMutex.
    bool copyCached(std::int64_t index, std::int64_t offset, std::int64_t count, AudioBlock& out,
                    std::int64_t to)
    {
        for (Chunk& chunk : cache) {
            if (chunk.index == index) {
                chunk.lastUse = ++useClock;
                copyFrames(chunk.block, offset, out, to, count);
                return true;
            }
        }
        return false;
    }

    bool isCached(std::int64_t index) const
    {
        return std::any_of(cache.begin(), cache.end(), [&](const Chunk& c) { return c.index == index; });
    }

    /// Inserts a decoded chunk, dropping the least recently used one when full.
    /// Caller holds cacheMutex.
    void insert(std::int64_t index, AudioBlock block)
    {
        if (isCached(index))
            return;
        if (int(cache.size()) >= kCachedChunks) {
            auto oldest = std::min_element(cache.begin(), cache.end(), [](const Chunk& a, const Chunk& b) {
                return a.lastUse < b.lastUse;
            });
            cache.erase(oldest);
        }
        cache.push_back(Chunk{index, std::move(block), ++useClock});
    }

    void readAheadLoop()
    {
        std::unique_lock lock(cacheMutex);
        for (;;) {
            wake.wait(lock, [&] { return stopping || aheadFrom >= 0; });
            if (stopping)
                return;
            const std::int64_t from = aheadFrom;
            aheadFrom = -1;
            for (std::int64_t index = from; index < std::min(from + kReadAheadChunks, chunkCount());
                 ++index) {
                if (stopping || aheadFrom >= 0)
                    break; // a newer request (a seek) wins
                if (isCached(index))
                    continue;
                lock.unlock();
                {
                    // Lock order everywhere: readerMutex, then cacheMutex.
                    const std::lock_guard readerLock(readerMutex);
                    bool cached = false;
                    {
                        const std::lock_guard cacheLock(cacheMutex);
                        cached = isCached(index);
                    }
                    if (!cached) {
                        auto chunk = decode(index); // an error is left for read() to report
                        if (chunk.ok()) {
                            const std::lock_guard cacheLock(cacheMutex);
                            insert(index, std::move(chunk).value());
                            ++readAheadDecodes;
                        }
                    }
                }
                lock.lock();
            }
        }
    }
};

FileStream::FileStream(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

FileStream::~FileStream()
{
    {
        const std::lock_guard lock(d->cacheMutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    if (d->worker.joinable())
        d->worker.join();
}

Result<std::shared_ptr<FileStream>> FileStream::open(const QString& path)
{
    auto reader = AudioFileReader::open(path);
    if (!reader.ok())
        return reader.error();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->reader = std::move(reader).value();
    impl->frames = impl->reader->format().frames;
    impl->channels = impl->reader->format().channels;
    impl->sampleRate = impl->reader->format().sampleRate;
    std::shared_ptr<FileStream> stream(new FileStream(std::move(impl)));
    Impl* raw = stream->d.get();
    raw->worker = std::thread([raw] { raw->readAheadLoop(); });
    return stream;
}

std::int64_t FileStream::frames() const { return d->frames; }
int FileStream::channels() const { return d->channels; }
int FileStream::sampleRate() const { return d->sampleRate; }
QString FileStream::name() const { return QDir::toNativeSeparators(d->path); }
int FileStream::synchronousDecodes() const { return d->synchronousDecodes; }
int FileStream::readAheadDecodes() const { return d->readAheadDecodes; }

Status FileStream::read(std::int64_t startFrame, std::int64_t count, AudioBlock& out)
{
    assert(startFrame >= 0 && startFrame <= d->frames && count >= 0);
    const std::int64_t n = std::min(count, d->frames - startFrame);
    out.resize(d->channels, n);
    std::int64_t done = 0;
    std::int64_t lastIndex = startFrame / kChunkFrames;
    while (done < n) {
        const std::int64_t pos = startFrame + done;
        const std::int64_t index = pos / kChunkFrames;
        const std::int64_t offset = pos % kChunkFrames;
        const std::int64_t take = std::min(n - done, kChunkFrames - offset);
        lastIndex = index;
        bool hit = false;
        {
            const std::lock_guard lock(d->cacheMutex);
            hit = d->copyCached(index, offset, take, out, done);
        }
        if (!hit) {
            // The read-ahead thread may be decoding this very chunk: wait for it, look again.
            const std::lock_guard readerLock(d->readerMutex);
            {
                const std::lock_guard lock(d->cacheMutex);
                hit = d->copyCached(index, offset, take, out, done);
            }
            if (!hit) {
                auto chunk = d->decode(index);
                if (!chunk.ok())
                    return chunk.error();
                ++d->synchronousDecodes;
                const std::lock_guard lock(d->cacheMutex);
                copyFrames(chunk.value(), offset, out, done, take);
                d->insert(index, std::move(chunk).value());
            }
        }
        done += take;
    }
    {
        const std::lock_guard lock(d->cacheMutex);
        d->aheadFrom = lastIndex + 1;
    }
    d->wake.notify_one();
    return Status::success();
}

// ---------------------------------------------------------------------------------------------
// InMemoryStream

Result<std::shared_ptr<InMemoryStream>> InMemoryStream::create(std::shared_ptr<PlaybackStream> base,
                                                               AudioBlock block,
                                                               std::int64_t startFrame,
                                                               const QString& name)
{
    assert(base);
    if (block.channels() != base->channels())
        return Error{name, QObject::tr("%1 channels, but %2 has %3")
                               .arg(block.channels())
                               .arg(base->name())
                               .arg(base->channels())};
    if (startFrame < 0 || startFrame + block.frames() > base->frames())
        return Error{name, QObject::tr("%1 frames placed at frame %2 run past the end of %3 (%4 frames)")
                               .arg(block.frames())
                               .arg(startFrame)
                               .arg(base->name())
                               .arg(base->frames())};
    std::shared_ptr<InMemoryStream> stream(new InMemoryStream);
    stream->m_length = base->frames();
    stream->m_sampleRate = base->sampleRate();
    stream->m_base = std::move(base);
    stream->m_block = std::move(block);
    stream->m_start = startFrame;
    stream->m_name = name;
    return stream;
}

Result<std::shared_ptr<InMemoryStream>> InMemoryStream::create(AudioBlock block, int sampleRate,
                                                               std::int64_t startFrame,
                                                               std::int64_t length, const QString& name)
{
    if (block.isEmpty() || block.channels() < 1)
        return Error{name, QObject::tr("holds no audio")};
    if (sampleRate <= 0)
        return Error{name, QObject::tr("invalid sample rate %1 Hz").arg(sampleRate)};
    if (startFrame < 0 || startFrame + block.frames() > length)
        return Error{name, QObject::tr("%1 frames placed at frame %2 run past the end (%3 frames)")
                               .arg(block.frames())
                               .arg(startFrame)
                               .arg(length)};
    std::shared_ptr<InMemoryStream> stream(new InMemoryStream);
    stream->m_length = length;
    stream->m_sampleRate = sampleRate;
    stream->m_block = std::move(block);
    stream->m_start = startFrame;
    stream->m_name = name;
    return stream;
}

Status InMemoryStream::read(std::int64_t startFrame, std::int64_t count, AudioBlock& out)
{
    assert(startFrame >= 0 && startFrame <= m_length && count >= 0);
    const std::int64_t n = std::min(count, m_length - startFrame);
    const std::int64_t end = startFrame + n;
    out.resize(channels(), n, !m_base);
    // Up to three parts: before the block, inside it, after it.
    const std::int64_t innerStart = std::clamp(m_start, startFrame, end);
    const std::int64_t innerEnd = std::clamp(blockEnd(), startFrame, end);
    auto fromBase = [&](std::int64_t from, std::int64_t to) -> Status {
        if (!m_base || to <= from)
            return Status::success();
        if (Status s = m_base->read(from, to - from, m_scratch); !s.ok())
            return s;
        copyFrames(m_scratch, 0, out, from - startFrame, m_scratch.frames());
        return Status::success();
    };
    if (Status s = fromBase(startFrame, innerStart); !s.ok())
        return s;
    if (innerEnd > innerStart)
        copyFrames(m_block, innerStart - m_start, out, innerStart - startFrame, innerEnd - innerStart);
    return fromBase(std::max(innerEnd, innerStart), end);
}

// ---------------------------------------------------------------------------------------------
// DifferenceStream

Status checkStreamsMatch(const PlaybackStream& reference, const PlaybackStream& other)
{
    if (other.frames() != reference.frames())
        return Error{other.name(), QObject::tr("%1 frames, but %2 has %3 (A/B needs equal lengths)")
                                       .arg(other.frames())
                                       .arg(reference.name())
                                       .arg(reference.frames())};
    if (other.channels() != reference.channels())
        return Error{other.name(), QObject::tr("%1 channels, but %2 has %3")
                                       .arg(other.channels())
                                       .arg(reference.name())
                                       .arg(reference.channels())};
    if (other.sampleRate() != reference.sampleRate())
        return Error{other.name(), QObject::tr("%1 Hz, but %2 has %3 Hz")
                                       .arg(other.sampleRate())
                                       .arg(reference.name())
                                       .arg(reference.sampleRate())};
    return Status::success();
}

Result<std::shared_ptr<DifferenceStream>> DifferenceStream::create(std::shared_ptr<PlaybackStream> a,
                                                                   std::shared_ptr<PlaybackStream> b)
{
    assert(a && b);
    if (Status s = checkStreamsMatch(*a, *b); !s.ok())
        return s.error();
    std::shared_ptr<DifferenceStream> stream(new DifferenceStream);
    stream->m_a = std::move(a);
    stream->m_b = std::move(b);
    return stream;
}

QString DifferenceStream::name() const
{
    return QStringLiteral("%1 − %2").arg(m_a->name(), m_b->name());
}

Status DifferenceStream::read(std::int64_t startFrame, std::int64_t count, AudioBlock& out)
{
    if (Status s = m_a->read(startFrame, count, out); !s.ok())
        return s;
    if (Status s = m_b->read(startFrame, count, m_scratch); !s.ok())
        return s;
    assert(m_scratch.frames() == out.frames());
    for (int c = 0; c < out.channels(); ++c) {
        float* y = out.channel(c).data();
        const float* b = m_scratch.channel(c).data();
        for (std::int64_t i = 0; i < out.frames(); ++i)
            y[i] -= b[i];
    }
    return Status::success();
}

} // namespace shellac::ui
