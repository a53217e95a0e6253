#pragma once
// Private to core/ml: includes LibTorch. Never include this from outside core/ml (the
// architecture test enforces it); the public face of the network is ml/NeuralModel.h.

#include "ml/RestorationNetConfig.h"

#include <torch/torch.h>

#include <vector>

namespace shellac::ml {

/// Layer norm over the channel axis of each frame ([batch, channels, frames]): unlike a global
/// norm it does not depend on the other frames, so chunked inference equals whole-file inference.
class ChannelNormImpl : public torch::nn::Module {
public:
    explicit ChannelNormImpl(int channels);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::Tensor m_gain;
    torch::Tensor m_bias;
};
TORCH_MODULE(ChannelNorm);

/// 1×1 conv B→H, PReLU, norm, dilated depthwise conv (kernel 3), PReLU, norm, 1×1 conv H→B;
/// added to its input.
class SeparableBlockImpl : public torch::nn::Module {
public:
    SeparableBlockImpl(int bottleneck, int hidden, int dilation);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv1d m_expand{nullptr};
    torch::nn::PReLU m_act1{nullptr};
    ChannelNorm m_norm1{nullptr};
    torch::nn::Conv1d m_depthwise{nullptr};
    torch::nn::PReLU m_act2{nullptr};
    ChannelNorm m_norm2{nullptr};
    torch::nn::Conv1d m_project{nullptr};
};
TORCH_MODULE(SeparableBlock);

/// What one forward pass gives.
struct RestorationOutput {
    torch::Tensor restored; ///< [batch, samples], same scale as the input
    torch::Tensor features; ///< [batch, bottleneck, frames] after the blocks (for the embedding)
};

/// The network RestorationNetConfig describes. Input [batch, samples] at config.sampleRate, any
/// length; each row is scaled to unit RMS inside (the output is scaled back), so the result
/// does not depend on the recording level. Frame f covers input samples
/// [f·stride − (kernel − stride), f·stride + stride) (see frameOfSample()).
///
/// Threading: like any torch module, one forward at a time per instance.
class RestorationNetImpl : public torch::nn::Module {
public:
    explicit RestorationNetImpl(const RestorationNetConfig& config);

    RestorationOutput forward(const torch::Tensor& input);

    /// L2-normalised artifact embeddings [anchors, embeddingSize] of `features` (from forward())
    /// at the given (row, sample) positions.
    torch::Tensor embed(const torch::Tensor& features, const std::vector<std::int64_t>& rows,
                        const std::vector<std::int64_t>& samples);

    /// The frame whose centre is nearest to input sample `sample`.
    std::int64_t frameOfSample(std::int64_t sample) const;

    const RestorationNetConfig& config() const { return m_config; }

private:
    RestorationNetConfig m_config;
    torch::nn::Conv1d m_encoder{nullptr};
    ChannelNorm m_inputNorm{nullptr};
    torch::nn::Conv1d m_inputProject{nullptr};
    torch::nn::Sequential m_blocks{nullptr};
    torch::nn::PReLU m_maskAct{nullptr};
    torch::nn::Conv1d m_maskHead{nullptr};
    torch::nn::ConvTranspose1d m_decoder{nullptr};
    torch::nn::Conv1d m_embeddingHead{nullptr};
};
TORCH_MODULE(RestorationNet);

/// Trainable parameters of a module.
std::int64_t countParameters(const torch::nn::Module& module);

} // namespace shellac::ml
