#pragma once

#include <QString>

namespace shellac::ml {

/// Where tensors run.
enum class ComputeDevice { Cpu, Cuda };

/// What the device request "auto" | "cpu" | "cuda" resolves to on this machine.
struct RuntimeInfo {
    ComputeDevice device = ComputeDevice::Cpu;
    int cpuThreads = 1;         ///< LibTorch intra-op threads in use
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    QString torchVersion;       ///< e.g. "1.13.1"
    QString deviceName() const; ///< "cpu" or "cuda"
};

/// CPUs this process may run on (its affinity mask, so `taskset -c 0` gives 1), at least 1.
int usableCpuCount();

/// One-time LibTorch set-up for the process.
///
/// Debian's LibTorch starts with a single intra-op thread: initialise() sets it to `cpuThreads`
/// (0 = usableCpuCount(): every CPU the process may use). Call it once at start-up, before any torch work, from the main
/// thread; later calls only return the current state.
RuntimeInfo initialiseTorchRuntime(int cpuThreads = 0);

/// Chooses the device for a request: "auto" (CUDA when present, else CPU), "cpu" or "cuda".
/// Returns false and leaves `device` unchanged when the request is unknown or "cuda" is asked
/// for on a machine without it; `why` then says so.
bool resolveDevice(const QString& request, ComputeDevice& device, QString& why);

/// Runs a small matrix product on `device` and returns the achieved GFLOP/s, to check that a
/// fast BLAS is in use (OpenBLAS gives tens of GFLOP/s here, the reference BLAS a few).
double measureMatmulGflops(ComputeDevice device, int size = 512, int repeats = 4);

} // namespace shellac::ml
