// The LibTorch plugin is loaded on first use only: classical restoring never loads LibTorch,
// the first model does, and every later call gets the same backend.

#include "TrainingFixtures.h"

#include "ml/NeuralModel.h"
#include "ml/RestorerFactory.h"
#include "ml/TorchBackend.h"
#include "restore/Restorer.h"

#include <QFile>
#include <QTest>

using namespace shellac;

namespace {

/// Whether libtorch_cpu is mapped into this process.
bool libTorchLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps");
    return maps.readAll().contains("libtorch_cpu");
}

} // namespace

class TestTorchBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classicalRestoringNeverLoadsLibTorch()
    {
        QVERIFY(!libTorchLoaded());
        ml::RestorerFactory factory;
        RestorationSettings settings; // the classical engine
        auto restorer = factory.makeRestorer(settings);
        QVERIFY(restorer.ok());
        AudioFormat format;
        format.frames = 44100;
        QVERIFY(restorer.value()->prepare(format).ok());
        AudioBlock in(1, 4096), out;
        QVERIFY(restorer.value()->process(in, out).ok());
        QVERIFY(!libTorchLoaded());
    }

    void theFirstModelLoadsIt()
    {
        auto model = ml::NeuralModel::create(test::tinyNetConfig(), 1);
        QVERIFY2(model.ok(), model.ok() ? "" : qPrintable(model.error().message()));
        QVERIFY(libTorchLoaded());
        QCOMPARE(model.value()->restore(std::vector<float>(1600, 0.1f)).size(), std::size_t(1600));
        auto first = ml::torchBackend();
        auto again = ml::torchBackend();
        QVERIFY(first.ok() && again.ok());
        QCOMPARE(first.value(), again.value());
        QVERIFY(ml::initialiseTorchRuntime().unavailable.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTorchBackend)
#include "tst_torch_backend.moc"
