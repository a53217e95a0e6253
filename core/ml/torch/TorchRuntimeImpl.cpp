#include "ml/torch/TorchRuntimeImpl.h"

#include <torch/torch.h>

#include <chrono>
#include <mutex>

namespace shellac::ml {

RuntimeInfo initialiseLibTorch(int cpuThreads)
{
    static std::once_flag once;
    std::call_once(once, [cpuThreads] {
        const int threads = cpuThreads > 0 ? cpuThreads : usableCpuCount();
        at::set_num_threads(threads);
    });
    RuntimeInfo info;
    info.cpuThreads = at::get_num_threads();
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.device = info.cudaAvailable ? ComputeDevice::Cuda : ComputeDevice::Cpu;
    info.torchVersion = QStringLiteral("%1.%2.%3").arg(TORCH_VERSION_MAJOR).arg(TORCH_VERSION_MINOR).arg(TORCH_VERSION_PATCH);
    return info;
}

bool resolveTorchDevice(const QString& request, ComputeDevice& device, QString& why)
{
    const QString r = request.trimmed().toLower();
    const bool cuda = torch::cuda::is_available();
    if (r == u"auto") {
        device = cuda ? ComputeDevice::Cuda : ComputeDevice::Cpu;
        return true;
    }
    if (r == u"cpu") {
        device = ComputeDevice::Cpu;
        return true;
    }
    if (r == u"cuda") {
        if (!cuda) {
            why = QStringLiteral("CUDA was requested but no CUDA device is available "
                                 "(this LibTorch build or machine has none); use --device cpu or auto");
            return false;
        }
        device = ComputeDevice::Cuda;
        return true;
    }
    why = QStringLiteral("unknown device '%1' (use auto, cpu or cuda)").arg(request);
    return false;
}

double torchMatmulGflops(ComputeDevice device, int size, int repeats)
{
    torch::NoGradGuard noGrad;
    const auto dev = device == ComputeDevice::Cuda ? torch::kCUDA : torch::kCPU;
    auto a = torch::randn({size, size}, torch::TensorOptions().device(dev));
    auto b = torch::randn({size, size}, torch::TensorOptions().device(dev));
    auto c = torch::matmul(a, b); // warm-up
    if (device == ComputeDevice::Cuda)
        torch::cuda::synchronize();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i)
        c = torch::matmul(a, b);
    if (device == ComputeDevice::Cuda)
        torch::cuda::synchronize();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double flops = 2.0 * size * size * double(size) * repeats;
    return seconds > 0 ? flops / seconds / 1e9 : 0.0;
}

} // namespace shellac::ml
