#include "audio/WaveformSummary.h"

#include "audio/AudioBlock.h"
#include "audio/AudioFileReader.h"
#include "jobs/CancellationToken.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace shellac {

namespace {

std::int64_t blockFrames(int level) { return WaveformSummary::kBaseBlockFrames << level; }

std::int64_t blockCount(std::int64_t frames, int level)
{
    const std::int64_t b = blockFrames(level);
    return (frames + b - 1) / b;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/// Running statistics of one base block being filled.
struct Accumulator {
    float min = 0, max = 0;
    double sumSquares = 0;
    std::int64_t count = 0;

    void add(const float* v, std::int64_t n)
    {
        float lo = count ? min : v[0], hi = count ? max : v[0];
        double sq = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            lo = std::min(lo, v[i]);
            hi = std::max(hi, v[i]);
            sq += double(v[i]) * double(v[i]);
        }
        min = lo;
        max = hi;
        sumSquares += sq;
        count += n;
    }
    WaveformRange take()
    {
        const WaveformRange r{min, max, float(std::sqrt(sumSquares / double(count)))};
        *this = {};
        return r;
    }
};

} // namespace

/// The worker: owns the reader and the thread; writes only blocks not yet published.
struct WaveformSummary::Builder {
    std::unique_ptr<AudioFileReader> reader;
    CancellationToken token;
    std::thread thread;
    ProgressCallback onProgress;
    std::vector<Accumulator> partial;          // per channel: the base block being filled
    std::vector<std::int64_t> completeBlocks;  // per level: blocks written so far

    void run(WaveformSummary& s);
    void runSteps(WaveformSummary& s);
    /// Writes every parent block whose children are complete; at the end (`final`) also the
    /// short last block of each level.
    void propagate(WaveformSummary& s, std::int64_t totalFrames, bool final);
};

WaveformSummary::WaveformSummary(QString path, const AudioFormat& format)
    : m_path(std::move(path)), m_format(format)
{
    m_totalFrames.store(format.frames, std::memory_order_relaxed);
    int levels = 1;
    while (blockCount(format.frames, levels - 1) > 1)
        ++levels;
    m_levels.resize(std::size_t(levels));
    for (int l = 0; l < levels; ++l) {
        m_levels[std::size_t(l)].resize(std::size_t(format.channels));
        for (auto& channel : m_levels[std::size_t(l)])
            channel.resize(std::size_t(blockCount(format.frames, l)));
    }
}

WaveformSummary::~WaveformSummary()
{
    cancel();
    wait();
}

Result<std::unique_ptr<WaveformSummary>> WaveformSummary::build(const QString& path,
                                                                ProgressCallback onProgress)
{
    auto reader = AudioFileReader::open(path);
    if (!reader)
        return reader.error();
    std::unique_ptr<WaveformSummary> summary(new WaveformSummary(path, reader.value()->format()));
    summary->m_builder = std::make_unique<Builder>();
    Builder& b = *summary->m_builder;
    b.reader = std::move(reader.value());
    b.onProgress = std::move(onProgress);
    b.partial.resize(std::size_t(summary->channels()));
    b.completeBlocks.assign(summary->m_levels.size(), 0);
    WaveformSummary* self = summary.get();
    b.thread = std::thread([self] { self->m_builder->run(*self); });
    return summary;
}

void WaveformSummary::Builder::run(WaveformSummary& s)
{
    runSteps(s);
    if (onProgress)
        onProgress(s.framesSummarised());
}

void WaveformSummary::Builder::runSteps(WaveformSummary& s)
{
    const int channels = s.channels();
    const std::int64_t declared = s.m_format.frames;
    AudioBlock block;
    std::int64_t done = 0;
    auto& base = s.m_levels[0];
    while (done < declared) {
        if (token.isCancelled()) {
            s.m_state.store(int(State::Cancelled), std::memory_order_release);
            return;
        }
        auto got = reader->read(block, std::min(kReadBlockFrames, declared - done));
        if (!got) {
            s.m_error = got.error().message();
            s.m_state.store(int(State::Failed), std::memory_order_release);
            return;
        }
        const std::int64_t n = got.value();
        if (n == 0)
            break; // shorter than the header said: summarise what is there
        for (int c = 0; c < channels; ++c) {
            Accumulator& acc = partial[std::size_t(c)];
            auto& out = base[std::size_t(c)];
            std::int64_t blockIndex = done / kBaseBlockFrames; // the block being filled
            const auto samples = block.channel(c);
            for (std::int64_t i = 0; i < n;) {
                const std::int64_t take = std::min(kBaseBlockFrames - acc.count, n - i);
                acc.add(samples.data() + i, take);
                i += take;
                if (acc.count == kBaseBlockFrames)
                    out[std::size_t(blockIndex++)] = acc.take();
            }
        }
        done += n;
        completeBlocks[0] = done / kBaseBlockFrames;
        const bool atEnd = done >= declared;
        if (!atEnd) {
            propagate(s, declared, false);
            s.m_framesDone.store(done, std::memory_order_release);
            if (onProgress)
                onProgress(done);
        }
    }
    // The end: flush the short last base block, then the last block of every level.
    if (partial[0].count > 0) {
        const std::int64_t index = done / kBaseBlockFrames;
        for (int c = 0; c < channels; ++c)
            base[std::size_t(c)][std::size_t(index)] = partial[std::size_t(c)].take();
        completeBlocks[0] = index + 1;
    }
    propagate(s, done, true);
    s.m_totalFrames.store(done, std::memory_order_release);
    s.m_framesDone.store(done, std::memory_order_release);
    s.m_state.store(int(State::Complete), std::memory_order_release);
}

void WaveformSummary::Builder::propagate(WaveformSummary& s, std::int64_t totalFrames, bool final)
{
    const int channels = s.channels();
    for (std::size_t l = 1; l < s.m_levels.size(); ++l) {
        const std::int64_t childFrames = blockFrames(int(l) - 1);
        const std::int64_t children = completeBlocks[l - 1];
        const std::int64_t target = final ? blockCount(totalFrames, int(l)) : children / 2;
        for (std::int64_t j = completeBlocks[l]; j < target; ++j) {
            for (int c = 0; c < channels; ++c) {
                const auto& child = s.m_levels[l - 1][std::size_t(c)];
                const WaveformRange a = child[std::size_t(2 * j)];
                WaveformRange r = a;
                if (2 * j + 1 < children) {
                    const WaveformRange b = child[std::size_t(2 * j + 1)];
                    // Frames in the second child: a whole block unless it is the file's last.
                    const double nb = double(std::min(childFrames, totalFrames - (2 * j + 1) * childFrames));
                    const double na = double(childFrames);
                    r.min = std::min(a.min, b.min);
                    r.max = std::max(a.max, b.max);
                    r.rms = float(std::sqrt((double(a.rms) * a.rms * na + double(b.rms) * b.rms * nb) / (na + nb)));
                }
                s.m_levels[l][std::size_t(c)][std::size_t(j)] = r;
            }
        }
        completeBlocks[l] = std::max(completeBlocks[l], target);
    }
}

bool WaveformSummary::servesExactly(double framesPerColumn)
{
    if (!(framesPerColumn >= double(kBaseBlockFrames)) || framesPerColumn > 1e15)
        return false;
    const auto whole = std::int64_t(framesPerColumn);
    return double(whole) == framesPerColumn && whole % kBaseBlockFrames == 0;
}

std::int64_t WaveformSummary::frames() const { return m_totalFrames.load(std::memory_order_acquire); }

WaveformSummary::State WaveformSummary::state() const
{
    return State(m_state.load(std::memory_order_acquire));
}

QString WaveformSummary::errorMessage() const { return isFailed() ? m_error : QString(); }

std::int64_t WaveformSummary::framesSummarised() const
{
    return m_framesDone.load(std::memory_order_acquire);
}

WaveformRange WaveformSummary::combine(int level, int channel, std::int64_t start, std::int64_t end) const
{
    const std::int64_t b = blockFrames(level);
    const std::int64_t total = frames();
    const auto& blocks = m_levels[std::size_t(level)][std::size_t(channel)];
    WaveformRange r{};
    double sumSquares = 0;
    bool first = true;
    for (std::int64_t j = start / b; j * b < end; ++j) {
        const WaveformRange& x = blocks[std::size_t(j)];
        const double n = double(std::min(b, total - j * b));
        r.min = first ? x.min : std::min(r.min, x.min);
        r.max = first ? x.max : std::max(r.max, x.max);
        sumSquares += double(x.rms) * x.rms * n;
        first = false;
    }
    r.rms = float(std::sqrt(sumSquares / double(end - start)));
    return r;
}

std::int64_t WaveformSummary::query(int channel, std::int64_t startFrame, std::int64_t framesPerColumn,
                                    std::span<WaveformColumn> out) const
{
    if (!servesExactly(double(framesPerColumn)))
        throw std::invalid_argument("WaveformSummary::query: frames per column must be a positive multiple of 256");
    if (channel < 0 || channel >= channels())
        throw std::invalid_argument("WaveformSummary::query: no such channel");
    // The level: the largest block that divides the column, capped at the top level.
    int level = 0;
    while (level + 1 < levelCount() && framesPerColumn % blockFrames(level + 1) == 0)
        ++level;
    const std::int64_t b = blockFrames(level);
    const std::int64_t first = floorDiv(startFrame, b) * b;
    const bool complete = isComplete();
    const std::int64_t total = frames();
    const std::int64_t done = complete ? total : framesSummarised();
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::int64_t f0 = first + std::int64_t(i) * framesPerColumn;
        const std::int64_t begin = std::max<std::int64_t>(0, f0);
        const std::int64_t end = std::min(total, f0 + framesPerColumn);
        WaveformColumn& col = out[i];
        if (end <= begin) {
            col = WaveformColumn{{}, WaveformColumn::State::Outside};
        } else if (!complete && end > done) {
            col = WaveformColumn{{}, WaveformColumn::State::Pending};
        } else {
            col = WaveformColumn{combine(level, channel, begin, end), WaveformColumn::State::Ready};
        }
    }
    return first;
}

std::optional<WaveformRange> WaveformSummary::rangeOf(int channel, std::int64_t start, std::int64_t end) const
{
    const std::int64_t total = frames();
    if (channel < 0 || channel >= channels() || start < 0 || end > total || end <= start)
        return std::nullopt;
    if (start % kBaseBlockFrames != 0 || (end % kBaseBlockFrames != 0 && end != total))
        return std::nullopt;
    if (!isComplete() && end > framesSummarised())
        return std::nullopt;
    return combine(0, channel, start, end);
}

std::size_t WaveformSummary::memoryBytes() const
{
    std::size_t bytes = 0;
    for (const auto& level : m_levels)
        for (const auto& channel : level)
            bytes += channel.capacity() * sizeof(WaveformRange);
    return bytes;
}

void WaveformSummary::cancel()
{
    if (m_builder)
        m_builder->token.cancel();
}

void WaveformSummary::wait()
{
    if (m_builder && m_builder->thread.joinable())
        m_builder->thread.join();
}

} // namespace shellac
