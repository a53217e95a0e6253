#include "ml/torch/RestorationLosses.h"

#include <cmath>

namespace shellac::ml::losses {

namespace F = torch::nn::functional;

namespace {

constexpr double kTiny = 1e-10;

torch::Tensor magnitude(const torch::Tensor& signal, std::int64_t fftSize)
{
    const torch::Tensor window = torch::hann_window(fftSize, signal.options());
    const torch::Tensor spectrum = torch::stft(signal, fftSize, fftSize / 4, fftSize, window,
                                               /*normalized=*/false, /*onesided=*/true, /*return_complex=*/true);
    return torch::view_as_real(spectrum).pow(2).sum(-1).clamp_min(kTiny).sqrt(); // [batch, bins, frames]
}

/// Band energies in dB over time, [batch, bands], from a 1024-point magnitude spectrogram.
torch::Tensor bandLevelsDb(const torch::Tensor& signal, int bands)
{
    const std::int64_t fftSize = std::min<std::int64_t>(1024, std::int64_t(1) << std::int64_t(std::floor(std::log2(double(signal.size(1))))));
    const torch::Tensor power = magnitude(signal, fftSize).pow(2).mean(2); // [batch, bins]
    const std::int64_t bins = power.size(1);
    std::vector<torch::Tensor> levels;
    for (int b = 0; b < bands; ++b) {
        // Log-spaced edges from bin 1 to the last bin.
        const auto edge = [&](int i) {
            return std::int64_t(std::round(std::pow(double(bins - 1), double(i) / bands)));
        };
        const std::int64_t lo = std::max<std::int64_t>(1, edge(b));
        const std::int64_t hi = std::max(lo + 1, edge(b + 1));
        levels.push_back(10.0 * torch::log10(power.narrow(1, lo, std::min(hi, bins) - lo).mean(1) + kTiny));
    }
    return torch::stack(levels, 1);
}

} // namespace

torch::Tensor multiResolutionStft(const torch::Tensor& output, const torch::Tensor& target)
{
    torch::Tensor total = torch::zeros({output.size(0)}, output.options());
    int used = 0;
    for (const std::int64_t fftSize : {512, 1024, 2048}) {
        if (output.size(1) < fftSize)
            continue;
        const torch::Tensor y = magnitude(output, fftSize);
        const torch::Tensor t = magnitude(target, fftSize);
        // Signals are at unit input RMS, where a white signal's magnitude is ~sqrt(0.375·N) per
        // bin (Hann window, Parseval). Floors at -20 dB (convergence) and -40 dB (log distance)
        // of that keep silent targets (lead-in grooves, pauses) from dominating the batch.
        const double binLevel = std::sqrt(0.375 * double(fftSize));
        const double cells = double(y.size(1) * y.size(2));
        const double convergenceFloor = 0.1 * binLevel * std::sqrt(cells);
        // kTiny inside the root: its gradient at a perfect match (pseudo-targets!) would be inf.
        const torch::Tensor convergence = ((y - t).pow(2).sum({1, 2}) + kTiny).sqrt() / (t.pow(2).sum({1, 2}) + convergenceFloor * convergenceFloor).sqrt();
        const double logFloor = 1e-2 * binLevel;
        const torch::Tensor logDistance = (torch::log(y + logFloor) - torch::log(t + logFloor)).abs().mean({1, 2});
        total = total + convergence + logDistance;
        ++used;
    }
    return used > 0 ? total / used : total;
}

torch::Tensor waveformL1(const torch::Tensor& output, const torch::Tensor& target)
{
    return (output - target).abs().mean(1);
}

torch::Tensor siSdrDb(const torch::Tensor& output, const torch::Tensor& target)
{
    const double floor = 1e-8 * double(target.size(1)); // 1e-8 of a unit-RMS signal's energy
    const torch::Tensor alpha = (output * target).sum(1, true) / (target.pow(2).sum(1, true) + floor);
    const torch::Tensor projection = alpha * target;
    const torch::Tensor signal = projection.pow(2).sum(1) + floor;
    const torch::Tensor error = (projection - output).pow(2).sum(1) + floor;
    return 10.0 * torch::log10(signal / error);
}

torch::Tensor supervised(const torch::Tensor& output, const torch::Tensor& target, double siSdrWeight)
{
    torch::Tensor loss = multiResolutionStft(output, target) + waveformL1(output, target);
    if (siSdrWeight > 0)
        loss = loss - siSdrWeight * siSdrDb(output, target) / 10.0;
    return loss;
}

torch::Tensor cycle(const torch::Tensor& output, const torch::Tensor& artifact, const torch::Tensor& input)
{
    return supervised(output + artifact, input);
}

torch::Tensor impulseEnergy(const torch::Tensor& signal, const torch::Tensor& reference)
{
    const auto secondDifference = [](const torch::Tensor& x) {
        return x.narrow(1, 2, x.size(1) - 2) - 2 * x.narrow(1, 1, x.size(1) - 2) + x.narrow(1, 0, x.size(1) - 2);
    };
    const torch::Tensor activity =
        F::avg_pool1d(secondDifference(reference.detach()).abs().unsqueeze(1),
                      F::AvgPool1dFuncOptions(1025).stride(1).padding(512).count_include_pad(false))
            .squeeze(1);
    const torch::Tensor excess = torch::relu(secondDifference(signal).abs() - 4.0 * activity);
    return excess.pow(2).mean(1) / (activity.pow(2).mean(1) + kTiny);
}

ConsistencyTerms consistency(const torch::Tensor& output, const torch::Tensor& input)
{
    ConsistencyTerms terms;
    terms.impulses = impulseEnergy(output, input) / (impulseEnergy(input, input).detach() + 0.01);
    terms.envelope = torch::relu((bandLevelsDb(output, 24) - bandLevelsDb(input, 24).detach()).abs() - 3.0).mean(1) / 10.0;
    const torch::Tensor energyDb = 10.0 * torch::log10((output.pow(2).mean(1) + kTiny) / (input.pow(2).mean(1).detach() + kTiny));
    terms.energy = torch::relu(energyDb.abs() - 1.0) / 10.0;
    return terms;
}

torch::Tensor contrastive(const torch::Tensor& embeddings, const std::vector<std::int64_t>& labels, double temperature)
{
    const std::int64_t n = embeddings.size(0);
    TORCH_CHECK(std::int64_t(labels.size()) == n, "contrastive: one label per embedding");
    if (n < 2)
        return embeddings.sum() * 0.0;
    const torch::Tensor label = torch::tensor(labels, torch::TensorOptions().dtype(torch::kLong)).to(embeddings.device());
    const torch::Tensor self = torch::eye(n, torch::TensorOptions().dtype(torch::kBool).device(embeddings.device()));
    const torch::Tensor logits = (embeddings.matmul(embeddings.t()) / temperature).masked_fill(self, -1e9);
    const torch::Tensor logProbability = logits - torch::logsumexp(logits, 1, true);
    const torch::Tensor positive = label.unsqueeze(0).eq(label.unsqueeze(1)).logical_and(self.logical_not());
    const torch::Tensor positives = positive.sum(1);
    const torch::Tensor has = positives.gt(0);
    if (!has.any().item<bool>())
        return embeddings.sum() * 0.0;
    const torch::Tensor perAnchor = -(logProbability * positive.to(logits.dtype())).sum(1) / positives.clamp_min(1).to(logits.dtype());
    return perAnchor.masked_select(has).mean();
}

} // namespace shellac::ml::losses
