#pragma once

#include "common/Result.h"
#include "ml/RestorationNetConfig.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace shellac::ml {

enum class ComputeDevice;
class NeuralModelAccess;
class NeuralModelEngine;

/// A trained (or freshly initialised) neural restorer: the network, its sample rate and its
/// configuration, saved together in one file.
///
/// Model file: a LibTorch archive holding "format" = "shellac-restoration-net",
/// "format_version", "config" (RestorationNetConfig JSON), "metadata" (free JSON: training run,
/// data, measured quality) and the weights. load() checks all of it: a file that is not a model,
/// is truncated, comes from a newer format or whose weights do not fit its declared
/// architecture gives an Error naming the file, never a crash.
///
/// The network runs in the LibTorch plugin (TorchBackend): create() and load() load it on first
/// use and fail with an Error naming the plugin when it is missing.
///
/// Threading: restore() and save() are const but share the network: call them from one thread
/// at a time per instance (use one instance per thread for parallel work).
class NeuralModel {
public:
    /// A new network with seeded random weights (see RestorationNetImpl for the initial state:
    /// it starts close to the identity).
    static Result<std::unique_ptr<NeuralModel>> create(const RestorationNetConfig& config, std::uint64_t seed);
    /// A network of `config`'s shape whose damage output is exactly zero (decoder weights
    /// zeroed): it passes audio through unchanged (to float rounding). For tests and as a
    /// reference (e.g. to check chunking and resampling around a model); not a restorer.
    static Result<std::unique_ptr<NeuralModel>> createIdentity(const RestorationNetConfig& config);
    /// Reads a model file onto the CPU. A training checkpoint (checkpoints/checkpoint_epoch_N.pt
    /// of a run) is read too: its network, with metadata {"checkpoint_epoch": N, "strategy": …,
    /// "settings": the run's TrainingSettings JSON}.
    static Result<std::unique_ptr<NeuralModel>> load(const QString& path);

    ~NeuralModel();
    NeuralModel(const NeuralModel&) = delete;
    NeuralModel& operator=(const NeuralModel&) = delete;

    /// Writes the model atomically (temporary file + rename): an interrupted save leaves the
    /// previous file intact.
    Status save(const QString& path) const;

    const RestorationNetConfig& config() const;
    int sampleRate() const { return config().sampleRate; }
    std::int64_t parameterCount() const;

    QJsonObject metadata() const;
    void setMetadata(const QJsonObject& metadata);

    /// Moves the weights to `device` (CPU by default after load()).
    void setDevice(ComputeDevice device);

    /// Restores mono samples at sampleRate() in one pass (no chunking: memory grows with the
    /// length, ~4 kB per input sample during the pass). Output has the same length.
    std::vector<float> restore(std::span<const float> samples) const;

    /// Wraps an engine made by the LibTorch plugin (TorchModelEngine); use create() or load().
    explicit NeuralModel(std::unique_ptr<NeuralModelEngine> engine);

private:
    friend class NeuralModelAccess;
    std::unique_ptr<NeuralModelEngine> d;
};

} // namespace shellac::ml
