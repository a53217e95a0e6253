#pragma once

#include "audio/AudioBlock.h"
#include "audio/Resampler.h"
#include "ml/TorchRuntime.h"
#include "restore/Restorer.h"

#include <cstdint>
#include <memory>

namespace shellac::ml {

class NeuralModel;

/// How NeuralRestorer runs its model.
struct NeuralRestorerSettings {
    /// Wet/dry balance, 0..1: output = mix·restored + (1 − mix)·input. 0 gives the input back
    /// bit-exact, 1 the network's output alone.
    double mix = 1.0;
    /// Audio per forward pass, seconds (rounded to whole encoder frames at the model's rate;
    /// at least 2·overlapSeconds).
    /// Memory during a pass grows with it (~4 kB per model-rate sample and channel).
    double chunkSeconds = 4.0;
    /// Overlap of consecutive chunks, seconds (rounded to whole encoder frames, at least one):
    /// the two passes are crossfaded over it with a raised cosine, so chunk edges leave no seam.
    /// Must be at least 0.005 s and at most half of chunkSeconds.
    double overlapSeconds = 0.5;
    /// Where the network runs (the model is moved there by the restorer's constructor).
    ComputeDevice device = ComputeDevice::Cpu;

    /// Error naming the first setting out of range, or success.
    Status validate() const;
};

/// The neural Restorer (method "neural"): runs a NeuralModel over a stream of any sample rate
/// and channel count in bounded memory.
///
/// Each channel is restored on its own by the mono model. When the input rate differs from the
/// model's, the stream is resampled to the model rate and back with libsoxr (VHQ, delay
/// compensated), so output frame i is still input frame i and the output has exactly as many
/// frames as the input. The model-rate stream is cut into chunks of chunkSeconds that overlap
/// by overlapSeconds; chunk starts fall on the network's frame grid, so away from chunk edges
/// a chunk's output equals a whole-file pass (the network's frames are independent beyond its
/// receptive field, RestorationNetConfig::contextSamples()); in each overlap the two passes
/// are crossfaded with sin²/cos² weights (they sum to 1).
///
/// Latency and memory: one chunk plus the overlap per channel at the model rate, plus the
/// resamplers' filter delay; nothing grows with the stream length. process() runs at most
/// ceil(block frames / (chunk − overlap)) forward passes, so the driver's per-block progress and
/// cancellation checks stay responsive.
///
/// Threading: not thread-safe (one stream per instance); the model must not be used by another
/// thread while this restorer runs (NeuralModel::restore() is single-threaded per instance).
class NeuralRestorer final : public Restorer {
public:
    /// @param model a loaded (or created) model; shared so that a GUI can keep one in memory for
    ///        several files in turn. Precondition: not null.
    NeuralRestorer(std::shared_ptr<NeuralModel> model, NeuralRestorerSettings settings = {});
    ~NeuralRestorer() override;

    QString method() const override { return QStringLiteral("neural"); }
    Status prepare(const AudioFormat& input) override;
    Status process(const AudioBlock& in, AudioBlock& out) override;
    Status finish(AudioBlock& out) override;
    /// {"method": "neural", "model_sample_rate": HZ, "parameters": N, "chunks": N (forward
    /// passes per channel), "chunk_s", "overlap_s", "mix", "device", "resampled": bool,
    /// "model_metadata_epoch": N (absent when the model's metadata has none),
    /// "model_metadata": {...}}.
    QJsonObject report() const override;

    const NeuralRestorerSettings& settings() const { return m_settings; }

private:
    /// Restores the first `frames` frames of m_pending in one pass per channel, crossfades the
    /// head with m_tail and appends the finished frames to m_ready. Unless `last`, keeps the
    /// chunk's final overlap as the new m_tail and its input in m_pending for the next chunk.
    void runChunk(std::int64_t frames, bool last);
    /// Converts m_ready back to the input rate (into m_wet); `flush` drains the resampler.
    Status convertReady(bool flush);
    /// Writes mix·wet + (1 − mix)·dry for the frames ready into `out`; at end of stream
    /// (`final`) pads the wet side with the dry input or trims it so the output length equals
    /// the input length.
    void writeOutput(AudioBlock& out, bool final);

    std::shared_ptr<NeuralModel> m_model;
    NeuralRestorerSettings m_settings;
    int m_channels = 0;
    std::int64_t m_chunkFrames = 0;   ///< model-rate frames per pass
    std::int64_t m_overlapFrames = 0; ///< model-rate frames shared by consecutive passes
    std::unique_ptr<Resampler> m_toModel;   ///< input rate → model rate; null when equal
    std::unique_ptr<Resampler> m_fromModel; ///< model rate → input rate; null when equal
    AudioBlock m_modelIn;  ///< scratch: resampled input
    AudioBlock m_pending;  ///< model-rate input from the current chunk's start on
    AudioBlock m_tail;     ///< previous chunk's restored overlap (frames = m_pending's first ones)
    AudioBlock m_ready;    ///< finished model-rate output, not yet converted back
    AudioBlock m_converted; ///< scratch: m_ready at the input rate
    AudioBlock m_wet;      ///< restored input-rate frames not yet emitted
    AudioBlock m_dry;      ///< input frames not yet emitted (aligned with m_wet's first frame)
    std::int64_t m_inputFrames = 0;
    std::int64_t m_outputFrames = 0;
    std::int64_t m_chunks = 0;
};

} // namespace shellac::ml
