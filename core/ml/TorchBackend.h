#pragma once

// Torch-free on purpose: this is how the rest of Shellac reaches LibTorch without linking it.

#include "common/Result.h"
#include "ml/RestorationNetConfig.h"
#include "ml/TorchRuntime.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace shellac {
class CancellationToken;
}

namespace shellac::ml {

class NeuralModel;
class TrainingObserver;
struct TrainingOutcome;
struct TrainingSettings;

/// Everything in Shellac that runs LibTorch, behind one interface. It lives in a plugin,
/// libshellac_torch.so, that is loaded the first time a model, the trainer or the torch runtime
/// is used. Loading LibTorch (and the ~290 libraries Debian's build pulls in) takes about a
/// second of CPU; the classical restorer, the analyzer, the editor and every CLI command that
/// uses no model never pay it.
///
/// The public entry points (NeuralModel::create/load, initialiseTorchRuntime, resolveDevice,
/// measureMatmulGflops, runTraining) forward here; call those, not this.
class TorchBackend {
public:
    virtual ~TorchBackend();
    virtual RuntimeInfo initialiseRuntime(int cpuThreads) = 0;
    virtual bool resolveDevice(const QString& request, ComputeDevice& device, QString& why) = 0;
    virtual double measureMatmulGflops(ComputeDevice device, int size, int repeats) = 0;
    virtual Result<std::unique_ptr<NeuralModel>> createModel(const RestorationNetConfig& config, std::uint64_t seed) = 0;
    virtual Result<std::unique_ptr<NeuralModel>> createIdentityModel(const RestorationNetConfig& config) = 0;
    virtual Result<std::unique_ptr<NeuralModel>> loadModel(const QString& path) = 0;
    virtual Result<TrainingOutcome> runTraining(TrainingSettings settings, bool resume, TrainingObserver* observer,
                                                const CancellationToken* cancel) = 0;
};

/// Interface version the plugin must report (bump when TorchBackend or NeuralModelEngine change).
inline constexpr int kTorchBackendInterface = 1;

/// The plugin's exported entry point: returns the process-wide backend, or nullptr when
/// `interfaceVersion` or `shellacVersion` is not the one the plugin was built for.
using TorchBackendEntry = TorchBackend* (*)(int interfaceVersion, const char* shellacVersion);

/// The loaded backend. The first call loads the plugin; later calls return the same result.
/// Where it is looked for, in order: $SHELLAC_TORCH_PLUGIN (a file path) when set; next to an
/// installed executable (<bindir>/../<libdir>/shellac/libshellac_torch.so); the build tree.
/// An Error (subject: the plugin path) says what is missing, e.g. LibTorch not installed.
/// Threading: any thread; the plugin is loaded once, under a lock, and never unloaded.
Result<TorchBackend*> torchBackend();

/// Where torchBackend() finds (or would find) the plugin: the first of its candidates that is a
/// file, or an empty string when there is none. Looks at files only; loads nothing. Any thread.
QString torchPluginPath();

} // namespace shellac::ml
