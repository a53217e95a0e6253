#include "ml/torch/RestorationNet.h"

namespace shellac::ml {

namespace nn = torch::nn;

ChannelNormImpl::ChannelNormImpl(int channels)
{
    m_gain = register_parameter("gain", torch::ones({1, channels, 1}));
    m_bias = register_parameter("bias", torch::zeros({1, channels, 1}));
}

torch::Tensor ChannelNormImpl::forward(const torch::Tensor& x)
{
    const torch::Tensor mean = x.mean(1, /*keepdim=*/true);
    const torch::Tensor var = (x - mean).pow(2).mean(1, true);
    return (x - mean) * torch::rsqrt(var + 1e-5) * m_gain + m_bias;
}

SeparableBlockImpl::SeparableBlockImpl(int bottleneck, int hidden, int dilation)
{
    m_expand = register_module("expand", nn::Conv1d(nn::Conv1dOptions(bottleneck, hidden, 1)));
    m_act1 = register_module("act1", nn::PReLU());
    m_norm1 = register_module("norm1", ChannelNorm(hidden));
    m_depthwise = register_module("depthwise", nn::Conv1d(nn::Conv1dOptions(hidden, hidden, 3)
                                                               .groups(hidden)
                                                               .dilation(dilation)
                                                               .padding(dilation)));
    m_act2 = register_module("act2", nn::PReLU());
    m_norm2 = register_module("norm2", ChannelNorm(hidden));
    m_project = register_module("project", nn::Conv1d(nn::Conv1dOptions(hidden, bottleneck, 1)));
}

torch::Tensor SeparableBlockImpl::forward(const torch::Tensor& x)
{
    torch::Tensor y = m_norm1(m_act1(m_expand(x)));
    y = m_norm2(m_act2(m_depthwise(y)));
    return x + m_project(y);
}

RestorationNetImpl::RestorationNetImpl(const RestorationNetConfig& config)
    : m_config(config)
{
    const int n = config.encoderFilters, b = config.bottleneck;
    m_encoder = register_module("encoder", nn::Conv1d(nn::Conv1dOptions(1, n, config.encoderKernel)
                                                           .stride(config.encoderStride)
                                                           .bias(false)));
    m_inputNorm = register_module("input_norm", ChannelNorm(n));
    m_inputProject = register_module("input_project", nn::Conv1d(nn::Conv1dOptions(n, b, 1)));
    m_blocks = register_module("blocks", nn::Sequential());
    for (int i = 0; i < config.blocks; ++i)
        m_blocks->push_back(SeparableBlock(b, config.hidden, 1 << (i % config.blocksPerRepeat)));
    m_maskAct = register_module("mask_act", nn::PReLU());
    m_maskHead = register_module("mask_head", nn::Conv1d(nn::Conv1dOptions(b, n, 1)));
    m_decoder = register_module("decoder", nn::ConvTranspose1d(nn::ConvTranspose1dOptions(n, 1, config.encoderKernel)
                                                                    .stride(config.encoderStride)
                                                                    .bias(false)));
    m_embeddingHead = register_module("embedding_head", nn::Conv1d(nn::Conv1dOptions(b, config.embeddingSize, 1)));

    // Start close to the identity: the damage mask begins near 0 (sigmoid(−2) ≈ 0.12), so an
    // untrained network passes its input through and training only has to learn the damage.
    torch::NoGradGuard noGrad;
    m_maskHead->bias.fill_(-2.0);
}

RestorationOutput RestorationNetImpl::forward(const torch::Tensor& input)
{
    TORCH_CHECK(input.dim() == 2, "RestorationNet expects [batch, samples]");
    const std::int64_t length = input.size(1);
    const std::int64_t k = m_config.encoderKernel, s = m_config.encoderStride;

    const torch::Tensor rms = torch::sqrt(input.pow(2).mean(1, true) + 1e-8);
    const torch::Tensor x = input / rms;

    // Left pad (k − s) so every sample lies in k / s frames; right pad to a whole frame.
    const std::int64_t left = k - s;
    const std::int64_t frames = std::max<std::int64_t>(1, (length + s - 1) / s);
    const std::int64_t padded = (frames - 1) * s + k; // >= left + length
    const torch::Tensor xp = torch::constant_pad_nd(x, {left, padded - left - length}).unsqueeze(1);

    const torch::Tensor coefficients = torch::relu(m_encoder(xp));
    torch::Tensor features = m_inputProject(m_inputNorm(coefficients));
    features = m_blocks->forward(features);
    const torch::Tensor mask = torch::sigmoid(m_maskHead(m_maskAct(features)));
    const torch::Tensor damage = m_decoder(coefficients * mask).squeeze(1).narrow(1, left, length);

    return {(x - damage) * rms, features};
}

torch::Tensor RestorationNetImpl::embed(const torch::Tensor& features, const std::vector<std::int64_t>& rows,
                                        const std::vector<std::int64_t>& samples)
{
    TORCH_CHECK(rows.size() == samples.size(), "embed: rows and samples differ in length");
    const std::int64_t frames = features.size(2);
    std::vector<std::int64_t> frameIndex(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        frameIndex[i] = std::clamp<std::int64_t>(frameOfSample(samples[i]), 0, frames - 1);
    const auto options = torch::TensorOptions().dtype(torch::kLong).device(features.device());
    const torch::Tensor r = torch::tensor(rows, options);
    const torch::Tensor f = torch::tensor(frameIndex, options);
    // [anchors, bottleneck] → 1×1 conv as a matrix product with the head's weight.
    const torch::Tensor picked = features.index({r, torch::indexing::Slice(), f});
    const torch::Tensor z = torch::addmm(m_embeddingHead->bias, picked, m_embeddingHead->weight.squeeze(2).t());
    return torch::nn::functional::normalize(z, torch::nn::functional::NormalizeFuncOptions().dim(1));
}

std::int64_t RestorationNetImpl::frameOfSample(std::int64_t sample) const
{
    const std::int64_t k = m_config.encoderKernel, s = m_config.encoderStride;
    // Frame f spans padded samples [f·s, f·s + k), i.e. input samples [f·s − (k − s), f·s + s).
    return (sample + (k - s) - k / 2 + s / 2) / s;
}

std::int64_t countParameters(const torch::nn::Module& module)
{
    std::int64_t count = 0;
    for (const torch::Tensor& p : module.parameters())
        count += p.numel();
    return count;
}

} // namespace shellac::ml
