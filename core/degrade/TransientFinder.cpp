#include "degrade/TransientFinder.h"

#include "audio/AudioBlock.h"
#include "dsp/ArDeclicker.h"

#include <algorithm>
#include <cmath>

namespace shellac::degrade {

std::vector<std::int64_t> energyFluxOnsets(std::span<const float> mono, int sampleRate)
{
    constexpr int kHistoryFrames = 8;      // 8 × 5 ms = 40 ms of context
    constexpr int kRefractoryFrames = 10;  // 50 ms between onsets
    const double riseRatio = std::pow(10.0, 9.0 / 10.0);
    const auto hop = std::max<std::int64_t>(1, std::llround(0.005 * sampleRate));
    const auto count = std::int64_t(mono.size()) / hop;
    std::vector<std::int64_t> onsets;
    if (count < 2)
        return onsets;

    std::vector<double> power(std::size_t(count), 0.0);
    double total = 0;
    for (std::int64_t k = 0; k < count; ++k) {
        double sum = 0;
        for (std::int64_t i = k * hop; i < (k + 1) * hop; ++i)
            sum += double(mono[std::size_t(i)]) * mono[std::size_t(i)];
        power[std::size_t(k)] = sum / double(hop);
        total += sum;
    }
    const double floor = std::max(1e-7, 1e-3 * total / double(count * hop));

    std::int64_t last = -kRefractoryFrames;
    for (std::int64_t k = 1; k < count; ++k) {
        const std::int64_t from = std::max<std::int64_t>(0, k - kHistoryFrames);
        double before = 0;
        for (std::int64_t j = from; j < k; ++j)
            before += power[std::size_t(j)];
        before /= double(k - from);
        const double p = power[std::size_t(k)];
        if (p < floor || p < riseRatio * before || k - last < kRefractoryFrames)
            continue;
        last = k;
        const float threshold = float(3.0 * std::sqrt(before));
        std::int64_t at = k * hop;
        for (std::int64_t i = (k - 1) * hop; i < (k + 1) * hop; ++i)
            if (std::abs(mono[std::size_t(i)]) > threshold) {
                at = i;
                break;
            }
        onsets.push_back(at);
    }
    return onsets;
}

std::vector<std::int64_t> classicalClickStarts(std::span<const float> mono, int sampleRate)
{
    std::vector<std::int64_t> starts;
    dsp::ArDeclicker declicker(dsp::perSampleDeclick(5.0));
    if (mono.empty() || !declicker.prepare(sampleRate, 1).ok())
        return starts;
    AudioBlock in(1, std::int64_t(mono.size()));
    std::ranges::copy(mono, in.channel(0).begin());
    AudioBlock out;
    declicker.process(in, out);
    declicker.finish(out);
    for (const auto& click : declicker.clicks())
        starts.push_back(click.startFrame);
    std::ranges::sort(starts);
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    return starts;
}

std::vector<std::int64_t> spreadEvenly(const std::vector<std::int64_t>& frames, std::size_t cap)
{
    if (frames.size() <= cap)
        return frames;
    std::vector<std::int64_t> kept;
    kept.reserve(cap);
    for (std::size_t k = 0; k < cap; ++k)
        kept.push_back(frames[k * frames.size() / cap]);
    return kept;
}

} // namespace shellac::degrade
