// LibTorch set-up: threads, device choice, a fast BLAS.

#include "ml/TorchRuntime.h"

#include <QTest>

#include <thread>

using namespace shellac::ml;

class TestTorchRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usesAllCores()
    {
        const RuntimeInfo info = initialiseTorchRuntime();
        QCOMPARE(info.cpuThreads, usableCpuCount());
        QVERIFY(usableCpuCount() >= 1 && usableCpuCount() <= std::max(1, int(std::thread::hardware_concurrency())));
        QVERIFY(!info.torchVersion.isEmpty());
        QCOMPARE(info.device == ComputeDevice::Cuda, info.cudaAvailable);
    }

    void resolvesDeviceRequests()
    {
        const RuntimeInfo info = initialiseTorchRuntime();
        ComputeDevice device = ComputeDevice::Cpu;
        QString why;
        QVERIFY(resolveDevice(QStringLiteral("cpu"), device, why));
        QCOMPARE(device, ComputeDevice::Cpu);
        QVERIFY(resolveDevice(QStringLiteral("auto"), device, why));
        QCOMPARE(device, info.device);
        QVERIFY(!resolveDevice(QStringLiteral("tpu"), device, why));
        QVERIFY(why.contains(QStringLiteral("unknown device 'tpu'")));
        if (!info.cudaAvailable) {
            QVERIFY(!resolveDevice(QStringLiteral("cuda"), device, why));
            QVERIFY(why.contains(QStringLiteral("no CUDA device")));
        }
    }

    void matmulRuns()
    {
        initialiseTorchRuntime();
        const double gflops = measureMatmulGflops(ComputeDevice::Cpu, 256, 2);
        qInfo("CPU matmul: %.1f GFLOP/s", gflops);
        QVERIFY(gflops > 0.0);
    }
};

QTEST_APPLESS_MAIN(TestTorchRuntime)
#include "tst_torch_runtime.moc"
