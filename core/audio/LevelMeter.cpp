#include "audio/LevelMeter.h"

#include "audio/Decibels.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace shellac {

LevelMeter::LevelMeter(int channels, int sampleRate)
    : m_channels(channels),
      m_frameLength(std::max<std::int64_t>(1, sampleRate / 20)),
      m_peak(static_cast<std::size_t>(channels), 0.0),
      m_sumSquares(static_cast<std::size_t>(channels), 0.0)
{
}

void LevelMeter::add(const AudioBlock& block)
{
    assert(block.channels() == m_channels);
    const std::int64_t n = block.frames();
    for (int c = 0; c < m_channels; ++c) {
        const auto samples = block.channel(c);
        double peak = m_peak[static_cast<std::size_t>(c)];
        double sum = 0;
        for (float s : samples) {
            peak = std::max(peak, double(std::abs(s)));
            sum += double(s) * s;
        }
        m_peak[static_cast<std::size_t>(c)] = peak;
        m_sumSquares[static_cast<std::size_t>(c)] += sum;
    }
    m_count += n;

    for (std::int64_t i = 0; i < n; ++i) {
        for (int c = 0; c < m_channels; ++c) {
            const double s = block.channel(c)[static_cast<std::size_t>(i)];
            m_framePower += s * s;
        }
        if (++m_frameFill == m_frameLength) {
            m_framePowers.push_back(static_cast<float>(m_framePower / double(m_frameLength * m_channels)));
            m_framePower = 0;
            m_frameFill = 0;
        }
    }
}

AudioLevels LevelMeter::result() const
{
    AudioLevels levels;
    for (int c = 0; c < m_channels; ++c) {
        ChannelLevels ch;
        ch.peakDb = amplitudeToDb(m_peak[static_cast<std::size_t>(c)]);
        ch.rmsDb = powerToDb(m_count > 0 ? m_sumSquares[static_cast<std::size_t>(c)] / double(m_count) : 0.0);
        levels.channels.push_back(ch);
    }

    std::vector<float> powers;
    powers.reserve(m_framePowers.size() + 1);
    std::copy_if(m_framePowers.begin(), m_framePowers.end(), std::back_inserter(powers),
                 [](float p) { return p > 0.0f; });
    // A trailing partial frame counts when the stream is shorter than one frame.
    if (powers.empty() && m_frameFill > 0 && m_framePower > 0)
        powers.push_back(static_cast<float>(m_framePower / double(m_frameFill * m_channels)));
    if (powers.empty()) {
        levels.noiseFloorDb = powerToDb(0.0);
        return levels;
    }
    const std::size_t quietCount = std::max<std::size_t>(1, powers.size() / 10);
    std::nth_element(powers.begin(), powers.begin() + static_cast<std::ptrdiff_t>(quietCount - 1), powers.end());
    const double sum = std::accumulate(powers.begin(), powers.begin() + static_cast<std::ptrdiff_t>(quietCount), 0.0);
    levels.noiseFloorDb = powerToDb(sum / double(quietCount));
    return levels;
}

} // namespace shellac
