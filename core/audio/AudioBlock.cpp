#include "audio/AudioBlock.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace shellac {

AudioBlock::AudioBlock(int channels, std::int64_t frames)
{
    resize(channels, frames, true);
}

void AudioBlock::resize(int channels, std::int64_t frames, bool zero)
{
    assert(channels >= 0 && frames >= 0);
    if (channels != m_channels) {
        m_channels = channels;
        m_frames = 0; // nothing to keep across a change of shape
        m_stride = 0;
        m_samples.clear();
    }
    reserveFrames(frames);
    m_frames = frames;
    if (zero)
        for (int c = 0; c < m_channels; ++c)
            std::fill_n(m_samples.data() + c * m_stride, m_frames, 0.0f);
}

void AudioBlock::setFrames(std::int64_t frames)
{
    assert(frames >= 0);
    reserveFrames(frames);
    for (int c = 0; c < m_channels; ++c)
        if (frames > m_frames)
            std::fill(m_samples.begin() + c * m_stride + m_frames,
                      m_samples.begin() + c * m_stride + frames, 0.0f);
    m_frames = frames;
}

void AudioBlock::reserveFrames(std::int64_t frames)
{
    if (frames <= m_stride)
        return;
    const std::int64_t newStride = std::max<std::int64_t>(frames, m_stride + m_stride / 2);
    std::vector<float> grown(static_cast<std::size_t>(newStride * m_channels), 0.0f);
    for (int c = 0; c < m_channels; ++c)
        std::copy_n(m_samples.data() + c * m_stride, m_frames, grown.data() + c * newStride);
    m_samples.swap(grown);
    m_stride = newStride;
}

std::span<float> AudioBlock::channel(int c)
{
    assert(c >= 0 && c < m_channels);
    return {m_samples.data() + c * m_stride, static_cast<std::size_t>(m_frames)};
}

std::span<const float> AudioBlock::channel(int c) const
{
    assert(c >= 0 && c < m_channels);
    return {m_samples.data() + c * m_stride, static_cast<std::size_t>(m_frames)};
}

void AudioBlock::deinterleaveFrom(const float* interleaved, std::int64_t frames)
{
    resize(m_channels, frames);
    for (int c = 0; c < m_channels; ++c) {
        float* dst = m_samples.data() + c * m_stride;
        for (std::int64_t i = 0; i < frames; ++i)
            dst[i] = interleaved[i * m_channels + c];
    }
}

void AudioBlock::interleaveTo(float* interleaved) const
{
    for (int c = 0; c < m_channels; ++c) {
        const float* src = m_samples.data() + c * m_stride;
        for (std::int64_t i = 0; i < m_frames; ++i)
            interleaved[i * m_channels + c] = src[i];
    }
}

void AudioBlock::assignFrames(const AudioBlock& source, std::int64_t start, std::int64_t count)
{
    assert(start >= 0 && count >= 0 && start + count <= source.frames());
    resize(source.channels(), count);
    for (int c = 0; c < m_channels; ++c)
        std::copy_n(source.channel(c).data() + start, count, m_samples.data() + c * m_stride);
}

void AudioBlock::append(const AudioBlock& other, std::int64_t count)
{
    if (m_channels == 0 && m_frames == 0)
        resize(other.channels(), 0);
    assert(other.channels() == m_channels);
    count = count < 0 ? other.frames() : std::min(count, other.frames());
    const std::int64_t start = m_frames;
    setFrames(m_frames + count);
    for (int c = 0; c < m_channels; ++c)
        std::copy_n(other.channel(c).data(), count, m_samples.data() + c * m_stride + start);
}

void AudioBlock::dropFront(std::int64_t frames)
{
    frames = std::clamp<std::int64_t>(frames, 0, m_frames);
    for (int c = 0; c < m_channels; ++c) {
        float* base = m_samples.data() + c * m_stride;
        std::memmove(base, base + frames, static_cast<std::size_t>(m_frames - frames) * sizeof(float));
    }
    m_frames -= frames;
}

} // namespace shellac
