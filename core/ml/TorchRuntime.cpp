#include "ml/TorchRuntime.h"

#include "ml/TorchBackend.h"

#include <sched.h>

#include <algorithm>
#include <thread>

namespace shellac::ml {

QString RuntimeInfo::deviceName() const
{
    return device == ComputeDevice::Cuda ? QStringLiteral("cuda") : QStringLiteral("cpu");
}

int usableCpuCount()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

RuntimeInfo initialiseTorchRuntime(int cpuThreads)
{
    Result<TorchBackend*> backend = torchBackend();
    if (!backend) {
        RuntimeInfo none;
        none.cpuThreads = 0;
        none.unavailable = backend.error().message();
        return none;
    }
    return backend.value()->initialiseRuntime(cpuThreads);
}

bool resolveDevice(const QString& request, ComputeDevice& device, QString& why)
{
    Result<TorchBackend*> backend = torchBackend();
    if (!backend) {
        why = backend.error().message();
        return false;
    }
    return backend.value()->resolveDevice(request, device, why);
}

double measureMatmulGflops(ComputeDevice device, int size, int repeats)
{
    Result<TorchBackend*> backend = torchBackend();
    return backend ? backend.value()->measureMatmulGflops(device, size, repeats) : 0.0;
}

} // namespace shellac::ml
