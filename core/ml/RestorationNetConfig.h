#pragma once

#include "common/Result.h"

#include <QJsonObject>

#include <cstdint>

namespace shellac::ml {

/// Shape of the neural restorer (RestorationNet), saved with every model so that a model file
/// rebuilds exactly the network it was trained as.
///
/// The network is a separation network on a learned filterbank (after Conv-TasNet): a strided
/// 1-D convolution turns the waveform into frames of `encoderFilters` non-negative coefficients
/// (`encoderKernel` samples long, `encoderStride` apart); a stack of dilated depthwise-separable
/// residual blocks (dilations 1, 2, 4, … restarting after `blocksPerRepeat`) estimates a mask of
/// the damage (clicks, crackle, hiss, hum) on those frames; a transposed convolution decodes the
/// masked frames into the damage waveform, and the output is input − damage. A small embedding
/// head on the same features serves the contrastive loss during training only.
///
/// Cost per input sample ≈ (2·encoderFilters·encoderKernel + 2·encoderFilters·bottleneck +
/// blocks·2·bottleneck·hidden) / encoderStride multiply-adds.
struct RestorationNetConfig {
    static constexpr int kVersion = 1;

    int sampleRate = 44100;     ///< Hz; other rates are resampled to it and back
    int encoderFilters = 128;   ///< N: learned basis functions
    int encoderKernel = 64;     ///< samples per frame (even, a multiple of encoderStride)
    int encoderStride = 32;     ///< hop between frames, samples
    int bottleneck = 48;        ///< B: channels between blocks
    int hidden = 96;            ///< H: channels inside a block
    int blocks = 10;            ///< residual blocks in all
    int blocksPerRepeat = 10;   ///< dilation doubles within a repeat: 1 … 2^(blocksPerRepeat−1)
    int embeddingSize = 32;     ///< contrastive embedding dimension

    /// Receptive field of the mask estimator, input samples on each side of a frame.
    std::int64_t contextSamples() const;
    /// Trainable parameters of the network this config builds.
    std::int64_t parameterCount() const;

    QJsonObject toJson() const;
    /// Parses and validates; an Error names the field that is missing or out of range.
    static Result<RestorationNetConfig> fromJson(const QJsonObject& json);
    /// Error naming the first invalid field, or success.
    Status validate() const;
};

} // namespace shellac::ml
