#include "degrade/DecodedAudioCache.h"

#include "audio/AudioBlock.h"
#include "audio/AudioFileReader.h"
#include "audio/Resampler.h"

#include <algorithm>

namespace shellac::degrade {

Result<std::vector<float>> decodeMono(const QString& path, int sampleRate)
{
    auto opened = AudioFileReader::open(path);
    if (!opened.ok())
        return opened.error();
    auto& reader = *opened.value();
    const AudioFormat format = reader.format();
    AudioBlock mono(1, 0);
    mono.resize(1, format.frames);
    std::int64_t written = 0;
    AudioBlock block;
    constexpr std::int64_t kBlock = 65536;
    for (;;) {
        auto got = reader.read(block, kBlock);
        if (!got.ok())
            return got.error();
        const std::int64_t n = got.value();
        if (n == 0)
            break;
        if (written + n > mono.frames())
            mono.setFrames(written + n);
        auto out = mono.channel(0);
        const float scale = 1.0f / float(block.channels());
        for (std::int64_t i = 0; i < n; ++i) {
            float sum = 0;
            for (int c = 0; c < block.channels(); ++c)
                sum += block.channel(c)[std::size_t(i)];
            out[std::size_t(written + i)] = sum * scale;
        }
        written += n;
    }
    mono.setFrames(written);
    if (written == 0)
        return Error{path, QStringLiteral("file has no audio frames")};
    if (format.sampleRate != sampleRate) {
        auto converted = Resampler::convert(mono, format.sampleRate, sampleRate, Resampler::Quality::High);
        if (!converted.ok())
            return Error{path, converted.error().message()};
        mono = std::move(converted).value();
    }
    auto ch = mono.channel(0);
    return std::vector<float>(ch.begin(), ch.end());
}

DecodedAudioCache::DecodedAudioCache(int sampleRate, double budgetMiB)
    : m_sampleRate(sampleRate), m_budgetBytes(std::size_t(std::max(0.0, budgetMiB) * 1024.0 * 1024.0))
{
}

Result<std::shared_ptr<const DecodedAudioCache::Samples>> DecodedAudioCache::get(const QString& path) const
{
    {
        std::lock_guard lock(m_mutex);
        auto it = m_entries.find(path);
        if (it != m_entries.end()) {
            m_lru.splice(m_lru.begin(), m_lru, it->position);
            return it->samples;
        }
    }
    auto decoded = decodeMono(path, m_sampleRate);
    if (!decoded.ok())
        return decoded.error();
    auto shared = std::make_shared<const Samples>(std::move(decoded).value());
    std::lock_guard lock(m_mutex);
    insertLocked(path, shared);
    return shared;
}

void DecodedAudioCache::insert(const QString& path, std::shared_ptr<const Samples> samples) const
{
    std::lock_guard lock(m_mutex);
    insertLocked(path, std::move(samples));
}

void DecodedAudioCache::insertLocked(const QString& path, std::shared_ptr<const Samples> samples) const
{
    const std::size_t bytes = samples->size() * sizeof(float);
    if (bytes > m_budgetBytes || m_entries.contains(path))
        return;
    while (m_bytes + bytes > m_budgetBytes && !m_lru.empty()) {
        const QString victim = m_lru.back();
        m_lru.pop_back();
        m_bytes -= m_entries.value(victim).samples->size() * sizeof(float);
        m_entries.remove(victim);
    }
    m_lru.push_front(path);
    m_entries.insert(path, Entry{std::move(samples), m_lru.begin()});
    m_bytes += bytes;
}

std::size_t DecodedAudioCache::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

} // namespace shellac::degrade
