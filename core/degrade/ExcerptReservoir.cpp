#include "degrade/ExcerptReservoir.h"

#include "degrade/SeedMixing.h"

#include <algorithm>

namespace shellac::degrade {

ExcerptReservoir::ExcerptReservoir(std::int64_t segmentFrames, int maxSegments)
    : m_segmentFrames(std::max<std::int64_t>(1, segmentFrames)), m_maxSegments(std::max(1, maxSegments))
{
}

void ExcerptReservoir::reset(int channels)
{
    m_channels = channels;
    m_index = 0;
    m_current.resize(channels, 0);
    m_kept.clear();
}

void ExcerptReservoir::add(const AudioBlock& block)
{
    std::int64_t at = 0;
    while (at < block.frames()) {
        const std::int64_t n = std::min(block.frames() - at, m_segmentFrames - m_current.frames());
        AudioBlock part;
        part.assignFrames(block, at, n);
        m_current.append(part);
        at += n;
        if (m_current.frames() == m_segmentFrames)
            closeSegment();
    }
}

void ExcerptReservoir::closeSegment()
{
    const std::int64_t k = m_index++;
    if (k < m_maxSegments) {
        m_kept.push_back({k, m_current});
    } else {
        const auto j = std::int64_t(splitmix64(std::uint64_t(k) * 0x5851F42D4C957F2Dull) % std::uint64_t(k + 1));
        if (j < m_maxSegments)
            m_kept[std::size_t(j)] = {k, m_current};
    }
    m_current.resize(m_channels, 0);
}

std::vector<AudioBlock> ExcerptReservoir::take()
{
    if (m_current.frames() > 0 && (m_index == 0 || (m_current.frames() * 2 >= m_segmentFrames && m_index < m_maxSegments)))
        m_kept.push_back({m_index, m_current});
    std::sort(m_kept.begin(), m_kept.end(), [](const Kept& a, const Kept& b) { return a.index < b.index; });
    std::vector<AudioBlock> out;
    out.reserve(m_kept.size());
    for (Kept& k : m_kept)
        out.push_back(std::move(k.audio));
    m_kept.clear();
    m_current.resize(m_channels, 0);
    return out;
}

} // namespace shellac::degrade
