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
    QString torchVersion;       ///< e.g. "1.13.1"; empty when LibTorch could not be loaded
    QString unavailable;        ///< why LibTorch could not be loaded (see TorchBackend); else empty
    QString deviceName() const; ///< "cpu" or "cuda"
};

/// CPUs this process may run on (its affinity mask, so `taskset -c 0` gives 1), at least 1.
int usableCpuCount();

/// One-time LibTorch set-up for the process; loads the LibTorch plugin (TorchBackend) if it is
/// not loaded yet, so call it only where torch is about to be used.
///
/// Debian's LibTorch starts with a single intra-op thread: the first call sets it to
/// `cpuThreads` (0 = usableCpuCount(): every CPU the process may use); later calls only return
/// the current state. When the plugin cannot be loaded, `unavailable` says why and
/// `cpuThreads` is 0. Threading: any thread (the first call wins), before any torch work.
RuntimeInfo initialiseTorchRuntime(int cpuThreads = 0);

/// Chooses the device for a request: "auto" (CUDA when present, else CPU), "cpu" or "cuda".
/// Returns false and leaves `device` unchanged when the request is unknown, "cuda" is asked
/// for on a machine without it, or LibTorch cannot be loaded; `why` then says so.
bool resolveDevice(const QString& request, ComputeDevice& device, QString& why);

/// Runs a small matrix product on `device` and returns the achieved GFLOP/s, to check that a
/// fast BLAS is in use (OpenBLAS gives tens of GFLOP/s here, the reference BLAS a few); 0 when
/// LibTorch cannot be loaded.
double measureMatmulGflops(ComputeDevice device, int size = 512, int repeats = 4);

} // namespace shellac::ml
