#include "ml/torch/TrainingValidation.h"

#include "dsp/ArDeclicker.h"
#include "eval/Metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shellac::ml {

namespace {

std::vector<float> runNetwork(RestorationNet& net, torch::Device device, std::span<const float> samples)
{
    const torch::Tensor input = torch::from_blob(const_cast<float*>(samples.data()), {1, std::int64_t(samples.size())}, torch::kFloat).to(device);
    const torch::Tensor output = net->forward(input).restored.to(torch::kCPU).to(torch::kFloat).contiguous();
    return {output.data_ptr<float>(), output.data_ptr<float>() + output.numel()};
}

std::int64_t countClicks(std::span<const float> samples, int sampleRate)
{
    dsp::ArDeclicker declicker;
    if (!declicker.prepare(sampleRate, 1))
        return 0;
    AudioBlock in(1, std::int64_t(samples.size()));
    std::copy(samples.begin(), samples.end(), in.channel(0).begin());
    AudioBlock out;
    declicker.process(in, out);
    declicker.finish(out);
    return declicker.clicksRepaired();
}

/// Correlation of a and b over ±halfWindow samples around the strongest onsets of a.
double onsetCorrelation(std::span<const float> a, std::span<const float> b, std::int64_t halfWindow, int onsets)
{
    const std::int64_t n = std::int64_t(a.size());
    std::vector<std::pair<float, std::int64_t>> flux;
    for (std::int64_t i = 1; i < n; ++i)
        flux.emplace_back(std::abs(a[std::size_t(i)] - a[std::size_t(i - 1)]), i);
    std::sort(flux.begin(), flux.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<std::int64_t> picked;
    for (const auto& [value, i] : flux) {
        if (int(picked.size()) >= onsets)
            break;
        if (std::all_of(picked.begin(), picked.end(), [&](std::int64_t p) { return std::abs(p - i) > 4 * halfWindow; }))
            picked.push_back(i);
    }
    double sum = 0;
    int used = 0;
    for (const std::int64_t centre : picked) {
        const std::int64_t lo = std::max<std::int64_t>(0, centre - halfWindow), hi = std::min(n, centre + halfWindow);
        double ab = 0, aa = 0, bb = 0;
        for (std::int64_t i = lo; i < hi; ++i) {
            ab += double(a[std::size_t(i)]) * b[std::size_t(i)];
            aa += double(a[std::size_t(i)]) * a[std::size_t(i)];
            bb += double(b[std::size_t(i)]) * b[std::size_t(i)];
        }
        if (aa > 0 && bb > 0) {
            sum += ab / std::sqrt(aa * bb);
            ++used;
        }
    }
    return used > 0 ? sum / used : 1.0;
}

} // namespace

ValidationFigures validateNetwork(RestorationNet& net, torch::Device device,
                                  const std::vector<degrade::MixedExample>& synthetic,
                                  const std::vector<degrade::MixedExample>& real, int sampleRate)
{
    torch::NoGradGuard noGrad;
    net->eval();
    ValidationFigures figures;

    std::vector<double> gains, transients;
    for (const degrade::MixedExample& e : synthetic) {
        if (!e.error.isEmpty() || e.target.isEmpty())
            continue;
        const auto input = e.input.channel(0), target = e.target.channel(0);
        const std::vector<float> restored = runNetwork(net, device, input);
        gains.push_back(eval::siSdrDb(target, restored) - eval::siSdrDb(target, input));
        const std::vector<float> untouched = runNetwork(net, device, target);
        transients.push_back(onsetCorrelation(target, untouched, sampleRate / 200, 4));
    }
    figures.siSdrImprovementDb = eval::median(gains);
    if (!transients.empty())
        figures.transientPreservation = std::accumulate(transients.begin(), transients.end(), 0.0) / double(transients.size());

    std::int64_t before = 0, after = 0;
    for (const degrade::MixedExample& e : real) {
        if (!e.error.isEmpty())
            continue;
        const auto input = e.input.channel(0);
        before += countClicks(input, sampleRate);
        after += countClicks(runNetwork(net, device, input), sampleRate);
    }
    figures.impulseRemovalRate = before > 0 ? 1.0 - double(after) / double(before) : 0.0;
    return figures;
}

} // namespace shellac::ml
