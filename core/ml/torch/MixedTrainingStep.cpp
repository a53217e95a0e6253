#include "ml/torch/MixedTrainingStep.h"

#include "ml/torch/RestorationLosses.h"

#include <ATen/autocast_mode.h>

#include <cmath>

namespace shellac::ml {

namespace {

using degrade::ExampleKind;
using degrade::MixedExample;

torch::Tensor stackChannel0(const std::vector<MixedExample>& batch, const std::vector<std::int64_t>& rows,
                            AudioBlock MixedExample::*member, torch::Device device)
{
    std::vector<torch::Tensor> parts;
    for (const std::int64_t r : rows) {
        const AudioBlock& block = batch[std::size_t(r)].*member;
        const auto samples = block.channel(0);
        parts.push_back(torch::from_blob(const_cast<float*>(samples.data()), {std::int64_t(samples.size())}, torch::kFloat).clone());
    }
    return torch::stack(parts).to(device);
}

torch::Tensor indexTensor(const std::vector<std::int64_t>& rows, torch::Device device)
{
    return torch::tensor(rows, torch::TensorOptions().dtype(torch::kLong)).to(device);
}

struct LossTerms {
    torch::Tensor total;
    StepLosses values;
};

LossTerms computeLosses(RestorationNet& net, const std::vector<MixedExample>& batch, const StepOptions& options)
{
    std::vector<std::int64_t> all(batch.size()), synthetic, real;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        all[i] = std::int64_t(i);
        (batch[i].kind == ExampleKind::Synthetic ? synthetic : real).push_back(std::int64_t(i));
    }
    const torch::Tensor input = stackChannel0(batch, all, &MixedExample::input, options.device);
    const torch::Tensor scale = torch::sqrt(input.pow(2).mean(1, true) + 1e-8); // per-example input RMS

    RestorationOutput out;
    {
        const bool autocast = options.mixedPrecision && options.device.is_cuda();
        if (autocast) {
            at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
            at::autocast::set_enabled(true);
        }
        out = net->forward(input);
        if (autocast) {
            at::autocast::set_enabled(false);
            at::autocast::clear_cache();
        }
    }
    const torch::Tensor restored = out.restored.to(torch::kFloat) / scale;
    const torch::Tensor x = input / scale;

    LossTerms terms;
    terms.total = torch::zeros({}, input.options());
    StepLosses& v = terms.values;
    v.syntheticCount = int(synthetic.size());
    v.realCount = int(real.size());

    if (!synthetic.empty()) {
        const torch::Tensor rows = indexTensor(synthetic, options.device);
        const torch::Tensor s = scale.index_select(0, rows);
        const torch::Tensor y = restored.index_select(0, rows);
        const torch::Tensor target = stackChannel0(batch, synthetic, &MixedExample::target, options.device) / s;
        const torch::Tensor supervised = losses::supervised(y, target, options.weights.siSdr).mean();
        terms.total = terms.total + options.weights.supervised * supervised;
        v.supervised = supervised.item<double>();
        const bool haveArtifacts = std::all_of(synthetic.begin(), synthetic.end(),
                                               [&](std::int64_t r) { return !batch[std::size_t(r)].artifact.isEmpty(); });
        if (options.cycleConsistency && haveArtifacts && options.weights.cycle > 0) {
            const torch::Tensor artifact = stackChannel0(batch, synthetic, &MixedExample::artifact, options.device) / s;
            const torch::Tensor cycle = losses::cycle(y, artifact, x.index_select(0, rows)).mean();
            terms.total = terms.total + options.weights.cycle * cycle;
            v.cycle = cycle.item<double>();
        }
    }
    if (!real.empty()) {
        const torch::Tensor rows = indexTensor(real, options.device);
        const torch::Tensor y = restored.index_select(0, rows);
        const torch::Tensor xr = x.index_select(0, rows);
        const torch::Tensor consistency = losses::consistency(y, xr).total().mean();
        terms.total = terms.total + options.weights.consistency * consistency;
        v.consistency = consistency.item<double>();
        if (options.teacher != nullptr && options.weights.pseudo > 0) {
            torch::Tensor pseudoTarget;
            {
                torch::NoGradGuard noGrad;
                pseudoTarget = (*options.teacher)->forward(input.index_select(0, rows)).restored / scale.index_select(0, rows);
            }
            const torch::Tensor pseudo = losses::supervised(y, pseudoTarget).mean();
            terms.total = terms.total + options.weights.pseudo * pseudo;
            v.pseudo = pseudo.item<double>();
        }
    }
    if (options.contrastive && options.weights.contrastive > 0) {
        std::vector<std::int64_t> rows, samples, labels;
        for (std::size_t i = 0; i < batch.size(); ++i)
            for (const degrade::ContrastiveAnchor& a : batch[i].anchors) {
                if (int(rows.size()) >= options.maxAnchors)
                    break;
                rows.push_back(std::int64_t(i));
                samples.push_back(a.frame);
                labels.push_back(std::int64_t(a.label));
            }
        if (!rows.empty()) {
            const torch::Tensor z = net->embed(out.features.to(torch::kFloat), rows, samples);
            const torch::Tensor contrastive = losses::contrastive(z, labels);
            terms.total = terms.total + options.weights.contrastive * contrastive;
            v.contrastive = contrastive.item<double>();
        }
    }
    v.total = terms.total.item<double>();
    v.finite = std::isfinite(v.total);
    return terms;
}

} // namespace

StepLosses trainWithMixedData(RestorationNet& net, torch::optim::Optimizer& optimizer,
                              const std::vector<MixedExample>& batch, const StepOptions& options)
{
    net->train();
    optimizer.zero_grad();
    LossTerms terms = computeLosses(net, batch, options);
    if (!terms.values.finite)
        return terms.values;
    terms.total.backward();
    const double norm = torch::nn::utils::clip_grad_norm_(net->parameters(), options.gradientClip);
    if (!std::isfinite(norm)) {
        optimizer.zero_grad();
        terms.values.finite = false;
        return terms.values;
    }
    optimizer.step();
    return terms.values;
}

StepLosses evaluateMixedBatch(RestorationNet& net, const std::vector<MixedExample>& batch, const StepOptions& options)
{
    torch::NoGradGuard noGrad;
    net->eval();
    return computeLosses(net, batch, options).values;
}

} // namespace shellac::ml
