#pragma once
// Private to core/ml: built only into the LibTorch plugin.

#include "ml/TorchRuntime.h"

namespace shellac::ml {

/// The plugin's implementations behind initialiseTorchRuntime, resolveDevice and
/// measureMatmulGflops (same contracts, see TorchRuntime.h); plugin code calls these directly.
RuntimeInfo initialiseLibTorch(int cpuThreads);
bool resolveTorchDevice(const QString& request, ComputeDevice& device, QString& why);
double torchMatmulGflops(ComputeDevice device, int size, int repeats);

} // namespace shellac::ml
