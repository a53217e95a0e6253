#include "ui/playback/AbSource.h"

#include "audio/Resampler.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace shellac::ui {

namespace {

/// Document frames read per step; small enough that a loop end or a switch is never far away
/// inside one readData() call (the switch itself is exact regardless).
constexpr std::int64_t kStepFrames = 1024;
constexpr double kHistorySeconds = 4.0;

/// `in` (any channels) in `outChannels` channels; see the class comment for the rules.
void mapChannels(const AudioBlock& in, int outChannels, AudioBlock& out)
{
    const int inChannels = in.channels();
    const std::int64_t n = in.frames();
    out.resize(outChannels, n, inChannels > 1 && inChannels < outChannels);
    if (inChannels == outChannels) {
        for (int c = 0; c < inChannels; ++c)
            std::copy_n(in.channel(c).data(), n, out.channel(c).data());
    } else if (inChannels == 1) {
        for (int k = 0; k < outChannels; ++k)
            std::copy_n(in.channel(0).data(), n, out.channel(k).data());
    } else if (inChannels < outChannels) {
        for (int c = 0; c < inChannels; ++c)
            std::copy_n(in.channel(c).data(), n, out.channel(c).data());
    } else {
        for (int k = 0; k < outChannels; ++k) {
            float* y = out.channel(k).data();
            std::fill_n(y, n, 0.0f);
            int contributors = 0;
            for (int c = k; c < inChannels; c += outChannels, ++contributors) {
                const float* x = in.channel(c).data();
                for (std::int64_t i = 0; i < n; ++i)
                    y[i] += x[i];
            }
            const float scale = 1.0f / float(contributors);
            for (std::int64_t i = 0; i < n; ++i)
                y[i] *= scale;
        }
    }
}

template <typename Int>
Int toInt(float x, double fullScale)
{
    const double v = std::nearbyint(double(x) * fullScale);
    return Int(std::clamp(v, -fullScale, fullScale - 1.0));
}

/// Writes frames [from, from + count) of `block` interleaved in `format` to `dst`.
void writeInterleaved(const AudioBlock& block, std::int64_t from, std::int64_t count,
                      const PlaybackFormat& format, char* dst)
{
    const int channels = block.channels();
    for (int c = 0; c < channels; ++c) {
        const float* x = block.channel(c).data() + from;
        switch (format.sample) {
        case PlaybackFormat::Sample::Float: {
            auto* y = reinterpret_cast<float*>(dst) + c;
            for (std::int64_t i = 0; i < count; ++i)
                y[i * channels] = x[i];
            break;
        }
        case PlaybackFormat::Sample::Int16: {
            auto* y = reinterpret_cast<std::int16_t*>(dst) + c;
            for (std::int64_t i = 0; i < count; ++i)
                y[i * channels] = toInt<std::int16_t>(x[i], 32768.0);
            break;
        }
        case PlaybackFormat::Sample::Int32: {
            auto* y = reinterpret_cast<std::int32_t*>(dst) + c;
            for (std::int64_t i = 0; i < count; ++i)
                y[i * channels] = toInt<std::int32_t>(x[i], 2147483648.0);
            break;
        }
        }
    }
}

} // namespace

AbSource::AbSource(QObject* parent) : QIODevice(parent) {}
AbSource::~AbSource() = default;

bool AbSource::open(OpenMode mode)
{
    return QIODevice::open(mode | QIODevice::Unbuffered);
}

std::int64_t AbSource::frames() const { return hasStreams() ? m_streams[0]->frames() : 0; }
int AbSource::sampleRate() const { return hasStreams() ? m_streams[0]->sampleRate() : 0; }

bool AbSource::isResampling() const
{
    return hasStreams() && m_format.sampleRate != sampleRate();
}

std::int64_t AbSource::endFrame() const
{
    return m_endFrame ? std::clamp<std::int64_t>(*m_endFrame, 0, frames()) : frames();
}

bool AbSource::atEnd() const
{
    if (!m_error.isEmpty() || !hasStreams())
        return true;
    if (m_loop)
        return false;
    if (isResampling())
        return m_flushed && m_pending[std::size_t(m_choice)].isEmpty();
    return m_position >= endFrame();
}

qint64 AbSource::bytesAvailable() const
{
    if (atEnd())
        return QIODevice::bytesAvailable();
    const std::int64_t frames = m_loop ? m_format.sampleRate : std::max<std::int64_t>(endFrame() - m_position, 1);
    return frames * m_format.bytesPerFrame() + QIODevice::bytesAvailable();
}

Status AbSource::setStreams(std::shared_ptr<PlaybackStream> original, std::shared_ptr<PlaybackStream> restored,
                            std::shared_ptr<PlaybackStream> residual)
{
    if (!original)
        return Error{QString(), QObject::tr("nothing to play: no original recording given")};
    for (const auto& other : {restored, residual})
        if (other)
            if (Status s = checkStreamsMatch(*original, *other); !s.ok())
                return s;
    m_streams = {std::move(original), std::move(restored), std::move(residual)};
    if (!hasChoice(m_choice))
        m_choice = AbChoice::Original;
    m_loop.reset();
    m_endFrame.reset();
    seekFrame(0);
    return Status::success();
}

void AbSource::clearStreams()
{
    m_streams = {};
    m_choice = AbChoice::Original;
    m_loop.reset();
    m_endFrame.reset();
    seekFrame(0);
}

Status AbSource::setOutputFormat(const PlaybackFormat& format)
{
    if (format.channels < 1 || format.channels > 32 || format.sampleRate < 8000 || format.sampleRate > 384000)
        return Error{QString(), QObject::tr("unusable audio output format: %1 Hz, %2 channels")
                                    .arg(format.sampleRate)
                                    .arg(format.channels)};
    m_format = format;
    resetOutput();
    return Status::success();
}

bool AbSource::setChoice(AbChoice choice)
{
    if (!hasChoice(choice))
        return false;
    m_choice = choice;
    return true;
}

void AbSource::seekFrame(std::int64_t frame)
{
    m_position = std::clamp<std::int64_t>(frame, 0, frames());
    m_error.clear();
    m_endSignalled = false;
    resetOutput();
}

void AbSource::setLoop(std::optional<FrameRange> loop)
{
    if (loop) {
        loop->start = std::clamp<std::int64_t>(loop->start, 0, frames());
        loop->end = std::clamp<std::int64_t>(loop->end, 0, frames());
        if (loop->isEmpty())
            loop.reset();
    }
    m_loop = loop;
    if (m_loop && m_flushed)
        createResamplers(); // they were drained at the end; the loop goes on
}

void AbSource::setEndFrame(std::optional<std::int64_t> frame)
{
    m_endFrame = frame;
}

void AbSource::resetOutput()
{
    m_outputDelivered = 0;
    m_segments.clear();
    for (AudioBlock& pending : m_pending)
        pending.resize(m_format.channels, 0);
    createResamplers();
}

void AbSource::createResamplers()
{
    m_flushed = false;
    for (std::size_t i = 0; i < 3; ++i) {
        m_resamplers[i].reset();
        if (!isResampling() || !m_streams[i])
            continue;
        auto resampler = Resampler::create(sampleRate(), m_format.sampleRate, m_format.channels,
                                           Resampler::Quality::High);
        if (resampler.ok())
            m_resamplers[i] = std::move(resampler).value();
        else
            m_error = resampler.error().message();
    }
}

void AbSource::fail(const QString& message)
{
    m_error = message;
    Q_EMIT readFailed(message);
}

std::int64_t AbSource::pullDocument(std::int64_t count, std::int64_t& documentStart)
{
    std::int64_t stop = endFrame();
    if (m_loop) {
        if (m_position < m_loop->start || m_position >= m_loop->end)
            m_position = m_loop->start;
        stop = m_loop->end;
    }
    documentStart = m_position;
    const std::int64_t n = std::min(count, stop - m_position);
    if (n <= 0)
        return 0;
    const bool all = isResampling();
    for (std::size_t i = 0; i < 3; ++i) {
        if (!m_streams[i] || (!all && i != std::size_t(m_choice)))
            continue;
        if (Status s = m_streams[i]->read(m_position, n, m_read); !s.ok()) {
            fail(s.error().message());
            return -1;
        }
        if (m_read.frames() != n) {
            fail(QObject::tr("%1: returned %2 frames at frame %3 where %4 were expected")
                     .arg(m_streams[i]->name())
                     .arg(m_read.frames())
                     .arg(m_position)
                     .arg(n));
            return -1;
        }
        mapChannels(m_read, m_format.channels, m_mapped[i]);
    }
    m_position += n;
    if (m_loop && m_position >= m_loop->end)
        m_position = m_loop->start; // wraps sample-exactly: the next frame read is loop start
    return n;
}

void AbSource::recordSegment(std::int64_t documentStart, std::int64_t documentFrames, std::int64_t outputFrames)
{
    const std::int64_t outputStart = m_segments.empty()
        ? 0 : m_segments.back().outputStart + m_segments.back().outputFrames;
    if (!m_segments.empty() && !isResampling()) {
        Segment& last = m_segments.back();
        if (last.documentStart + last.documentFrames == documentStart) {
            last.documentFrames += documentFrames;
            last.outputFrames += outputFrames;
            return;
        }
    }
    m_segments.push_back(Segment{outputStart, outputFrames, documentStart, documentFrames});
    const auto history = std::int64_t(kHistorySeconds * m_format.sampleRate);
    while (m_segments.size() > 1
           && m_segments.front().outputStart + m_segments.front().outputFrames < outputStart - history)
        m_segments.pop_front();
}

std::int64_t AbSource::documentFrameAt(std::int64_t outputFrame) const
{
    if (m_segments.empty())
        return m_position;
    if (outputFrame < m_segments.front().outputStart)
        return m_segments.front().documentStart;
    for (auto it = m_segments.rbegin(); it != m_segments.rend(); ++it) {
        if (outputFrame >= it->outputStart && outputFrame < it->outputStart + it->outputFrames) {
            const std::int64_t offset = outputFrame - it->outputStart;
            return it->documentStart + (it->outputFrames == it->documentFrames
                                            ? offset
                                            : offset * it->documentFrames / it->outputFrames);
        }
    }
    return m_position;
}

qint64 AbSource::readData(char* data, qint64 maxSize)
{
    if (!hasStreams() || !m_error.isEmpty())
        return 0;
    const int bpf = m_format.bytesPerFrame();
    const std::int64_t wanted = maxSize / bpf;
    std::int64_t produced = 0;
    bool ended = false;

    if (!isResampling()) {
        while (produced < wanted) {
            std::int64_t documentStart = 0;
            const std::int64_t n = pullDocument(std::min(wanted - produced, kStepFrames), documentStart);
            if (n <= 0) {
                ended = n == 0;
                break;
            }
            writeInterleaved(m_mapped[std::size_t(m_choice)], 0, n, m_format, data + produced * bpf);
            recordSegment(documentStart, n, n);
            produced += n;
        }
    } else {
        AudioBlock& chosen = m_pending[std::size_t(m_choice)];
        while (chosen.frames() < wanted && !m_flushed) {
            std::int64_t documentStart = 0;
            const std::int64_t n = pullDocument(kStepFrames, documentStart);
            if (n < 0)
                break;
            std::int64_t outputFrames = 0;
            for (std::size_t i = 0; i < 3; ++i) {
                if (!m_resamplers[i])
                    continue;
                const Status s = n > 0 ? m_resamplers[i]->process(m_mapped[i], m_resampled)
                                       : m_resamplers[i]->flush(m_resampled);
                if (!s.ok()) {
                    fail(s.error().message());
                    return 0;
                }
                m_pending[i].append(m_resampled);
                outputFrames = m_resampled.frames();
            }
            m_flushed = n == 0;
            recordSegment(documentStart, n, outputFrames);
        }
        produced = std::min(wanted, chosen.frames());
        writeInterleaved(chosen, 0, produced, m_format, data);
        for (std::size_t i = 0; i < 3; ++i)
            if (m_resamplers[i])
                m_pending[i].dropFront(produced);
        ended = produced == 0 && m_flushed;
    }

    m_outputDelivered += produced;
    if (ended && produced == 0 && !m_endSignalled) {
        m_endSignalled = true;
        Q_EMIT endReached();
    }
    return produced * bpf;
}

qint64 AbSource::writeData(const char*, qint64)
{
    return -1; // read-only
}

} // namespace shellac::ui
