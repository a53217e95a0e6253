#include "restore/PostFilterGuard.h"

#include <algorithm>
#include <cmath>

namespace shellac {

namespace {
constexpr double kUnknownFloorDb = -290.0;
}

PostFilterGuard::PostFilterGuard(PostFilterGuardSettings settings) : m_settings(settings) {}

void PostFilterGuard::prepare(int channels, int sampleRate, double noiseFloorDbfs)
{
    m_channels = channels;
    m_block = std::max<std::int64_t>(16, std::llround(m_settings.blockSeconds * sampleRate));
    m_in.resize(channels, 0);
    m_filtered.resize(channels, 0);
    m_previousGain.assign(std::size_t(channels), 1.0);
    m_currentGain.assign(std::size_t(channels), 1.0);
    m_nextGain.assign(std::size_t(channels), 1.0);
    m_haveCurrent = false;
    m_checked = m_limited = m_dropped = 0;
    setNoiseFloor(noiseFloorDbfs);
}

void PostFilterGuard::setNoiseFloor(double noiseFloorDbfs)
{
    m_floorKnown = std::isfinite(noiseFloorDbfs) && noiseFloorDbfs > kUnknownFloorDb;
    m_floorDb = noiseFloorDbfs;
    m_floorPower = m_floorKnown ? std::pow(10.0, (noiseFloorDbfs + m_settings.noiseBlockMarginDb) / 10.0) : 0.0;
}

double PostFilterGuard::blockGain(int channel, std::int64_t offset, std::int64_t frames)
{
    const float* x = m_in.channel(channel).data() + offset;
    const float* y = m_filtered.channel(channel).data() + offset;
    double xx = 0.0, yy = 0.0, xy = 0.0;
    for (std::int64_t i = 0; i < frames; ++i) {
        xx += double(x[i]) * x[i];
        yy += double(y[i]) * y[i];
        xy += double(x[i]) * y[i];
    }
    ++m_checked;
    if (frames == 0 || xx / double(frames) <= m_floorPower || xx == 0.0)
        return 1.0;   // (nearly) only noise: the post-filter's business
    const double correlation = yy > 0.0 ? xy / std::sqrt(xx * yy) : 0.0;
    const double span = m_settings.trustedCorrelation - m_settings.distrustedCorrelation;
    const double gain = std::clamp((correlation - m_settings.distrustedCorrelation) / span, 0.0, 1.0);
    m_limited += gain < 1.0;
    m_dropped += gain == 0.0;
    return gain;
}

void PostFilterGuard::pushInput(const AudioBlock& in)
{
    m_in.append(in);
}

void PostFilterGuard::pushOutput(const AudioBlock& filtered, AudioBlock& out)
{
    m_filtered.append(filtered);
    out.resize(m_channels, 0);
    while (std::min(m_in.frames(), m_filtered.frames()) >= 2 * m_block)
        emitBlock(m_block, m_block, out);
}

void PostFilterGuard::finish(AudioBlock& out)
{
    out.resize(m_channels, 0);
    std::int64_t rest = std::min(m_in.frames(), m_filtered.frames());
    while (rest > 0) {
        const std::int64_t now = rest > m_block ? m_block : rest;
        emitBlock(now, rest - now, out);
        rest -= now;
    }
}

void PostFilterGuard::emitBlock(std::int64_t frames, std::int64_t following, AudioBlock& out)
{
    const std::int64_t nextFrames = std::min(following, m_block);
    for (int c = 0; c < m_channels; ++c) {
        const auto i = std::size_t(c);
        if (!m_haveCurrent)
            m_previousGain[i] = m_currentGain[i] = blockGain(c, 0, frames);
        m_nextGain[i] = nextFrames > 0 ? blockGain(c, frames, nextFrames) : m_currentGain[i];
    }
    m_haveCurrent = true;
    const std::int64_t start = out.frames();
    out.setFrames(start + frames);
    for (int c = 0; c < m_channels; ++c) {
        const auto i = std::size_t(c);
        const double from = std::min(m_previousGain[i], m_currentGain[i]);
        const double to = std::min(m_currentGain[i], m_nextGain[i]);
        const float* x = m_in.channel(c).data();
        const float* y = m_filtered.channel(c).data();
        float* o = out.channel(c).data() + start;
        for (std::int64_t k = 0; k < frames; ++k) {
            const double g = from + (to - from) * (double(k) + 0.5) / double(frames);
            o[k] = g >= 1.0 ? y[k] : static_cast<float>(x[k] + g * (double(y[k]) - x[k]));
        }
        m_previousGain[i] = m_currentGain[i];
        m_currentGain[i] = m_nextGain[i];
    }
    m_in.dropFront(frames);
    m_filtered.dropFront(frames);
}

QJsonObject PostFilterGuard::report() const
{
    return {{QStringLiteral("blocks_checked"), qint64(m_checked)},
            {QStringLiteral("blocks_limited"), qint64(m_limited)},
            {QStringLiteral("blocks_dropped"), qint64(m_dropped)},
            {QStringLiteral("noise_floor_dbfs"), m_floorKnown ? QJsonValue(m_floorDb) : QJsonValue()}};
}

} // namespace shellac
