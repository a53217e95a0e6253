#pragma once

#include "audio/BlockProcessor.h"
#include "audio/Resampler.h"

#include <memory>

namespace shellac {

/// BlockProcessor that converts to a fixed output sample rate with libsoxr (VHQ).
/// Passes audio through untouched when the rates already match.
class ResamplingProcessor final : public BlockProcessor {
public:
    /// @param outputRate Hz; 0 keeps the input's rate (the processor then only passes through).
    explicit ResamplingProcessor(int outputRate);

    Status prepare(const AudioFormat& input) override;
    int outputSampleRate() const override { return m_outputRate; }
    Status process(const AudioBlock& in, AudioBlock& out) override;
    Status finish(AudioBlock& out) override;

private:
    int m_requestedRate;
    int m_outputRate = 0;
    std::unique_ptr<Resampler> m_resampler; // null when no conversion is needed
};

} // namespace shellac
