// The LibTorch plugin's entry point (libshellac_torch.so): the TorchBackend that the rest of
// Shellac loads on first use (ml/TorchBackend.cpp).

#include "ml/Trainer.h"
#include "ml/TorchBackend.h"
#include "ml/torch/TorchModelEngine.h"
#include "ml/torch/TorchRuntimeImpl.h"
#include "ml/torch/TrainingRun.h"

#include <cstring>

namespace shellac::ml {
namespace {

class LibTorchBackend final : public TorchBackend {
public:
    RuntimeInfo initialiseRuntime(int cpuThreads) override { return initialiseLibTorch(cpuThreads); }
    bool resolveDevice(const QString& request, ComputeDevice& device, QString& why) override
    {
        return resolveTorchDevice(request, device, why);
    }
    double measureMatmulGflops(ComputeDevice device, int size, int repeats) override
    {
        return torchMatmulGflops(device, size, repeats);
    }
    Result<std::unique_ptr<NeuralModel>> createModel(const RestorationNetConfig& config, std::uint64_t seed) override
    {
        return createTorchModel(config, seed);
    }
    Result<std::unique_ptr<NeuralModel>> createIdentityModel(const RestorationNetConfig& config) override
    {
        return createIdentityTorchModel(config);
    }
    Result<std::unique_ptr<NeuralModel>> loadModel(const QString& path) override { return loadTorchModel(path); }
    Result<TrainingOutcome> runTraining(TrainingSettings settings, bool resume, TrainingObserver* observer,
                                        const CancellationToken* cancel) override
    {
        return runTorchTraining(std::move(settings), resume, observer, cancel);
    }
};

} // namespace
} // namespace shellac::ml

extern "C" __attribute__((visibility("default"))) shellac::ml::TorchBackend*
shellac_torch_backend(int interfaceVersion, const char* shellacVersion)
{
    if (interfaceVersion != shellac::ml::kTorchBackendInterface || shellacVersion == nullptr
        || std::strcmp(shellacVersion, SHELLAC_VERSION) != 0)
        return nullptr;
    static shellac::ml::LibTorchBackend backend;
    return &backend;
}
