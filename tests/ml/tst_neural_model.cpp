// The neural restorer's network and model file: size budget, initial state, save/load, and a
// clear error for every kind of bad model file.

#include "TestSignals.h"
#include "TrainingFixtures.h"
#include "eval/Metrics.h"
#include "ml/NeuralModel.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace shellac;
using namespace shellac::ml;

namespace {

std::vector<float> tone(std::int64_t frames, double rate)
{
    std::vector<float> x(static_cast<std::size_t>(frames));
    for (std::int64_t i = 0; i < frames; ++i)
        x[std::size_t(i)] = float(0.3 * std::sin(2 * std::numbers::pi * 440.0 * double(i) / rate)
                                  + 0.1 * std::sin(2 * std::numbers::pi * 1250.0 * double(i) / rate));
    return x;
}

} // namespace

class TestNeuralModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultNetworkFitsTheBudget()
    {
        const RestorationNetConfig config;
        auto model = NeuralModel::create(config, 1);
        QVERIFY(model.ok());
        QCOMPARE(model.value()->parameterCount(), config.parameterCount());
        QVERIFY2(config.parameterCount() <= 3'000'000, qPrintable(QString::number(config.parameterCount())));
        QCOMPARE(model.value()->sampleRate(), 44100);
        // Half a second of context each side is enough to bridge a 5 ms click with music around it.
        QVERIFY(config.contextSamples() > config.sampleRate / 2);
    }

    void parameterFormulaMatchesOtherShapes()
    {
        const RestorationNetConfig tiny = test::tinyNetConfig();
        auto model = NeuralModel::create(tiny, 1);
        QVERIFY(model.ok());
        QCOMPARE(model.value()->parameterCount(), tiny.parameterCount());
    }

    void untrainedNetworkPassesAudioThrough()
    {
        auto model = NeuralModel::create(RestorationNetConfig{}, 3);
        QVERIFY(model.ok());
        const std::vector<float> in = tone(44100, 44100);
        const std::vector<float> out = model.value()->restore(in);
        QCOMPARE(out.size(), in.size());
        // The damage mask starts at sigmoid(-2) = 0.12: the output is the input within ~-20 dB.
        QVERIFY2(eval::siSdrDb(in, out) > 15.0, qPrintable(QString::number(eval::siSdrDb(in, out))));
        QVERIFY(model.value()->restore({}).empty());
    }

    void outputLengthMatchesAnyInputLength_data()
    {
        QTest::addColumn<int>("frames");
        for (int n : {1, 15, 16, 17, 31, 32, 1000, 4097})
            QTest::addRow("%d", n) << n;
    }
    void outputLengthMatchesAnyInputLength()
    {
        QFETCH(int, frames);
        auto model = NeuralModel::create(test::tinyNetConfig(), 1);
        QVERIFY(model.ok());
        const std::vector<float> out = model.value()->restore(tone(frames, test::kTrainingRate));
        QCOMPARE(int(out.size()), frames);
        for (float v : out)
            QVERIFY(std::isfinite(v));
    }

    void saveAndLoadGiveTheSameModel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.pt"));
        auto model = NeuralModel::create(test::tinyNetConfig(), 7);
        QVERIFY(model.ok());
        model.value()->setMetadata({{QStringLiteral("note"), QStringLiteral("round trip")}});
        QVERIFY(model.value()->save(path).ok());
        auto loaded = NeuralModel::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QCOMPARE(loaded.value()->config().toJson(), test::tinyNetConfig().toJson());
        QCOMPARE(loaded.value()->metadata().value(QStringLiteral("note")).toString(), QStringLiteral("round trip"));
        const std::vector<float> in = tone(3000, test::kTrainingRate);
        QCOMPARE(loaded.value()->restore(in), model.value()->restore(in));
        // Another seed is another network: the comparison above can fail.
        auto other = NeuralModel::create(test::tinyNetConfig(), 8);
        QVERIFY(other.value()->restore(in) != model.value()->restore(in));
    }

    void badModelFilesGiveClearErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "missing" << "does not exist";
        QTest::newRow("empty") << "empty" << "empty (0 bytes)";
        QTest::newRow("text") << "text" << "not a Shellac model file";
        QTest::newRow("truncated") << "truncated" << "not a Shellac model file";
        QTest::newRow("wav file") << "wav" << "not a Shellac model file";
    }
    void badModelFilesGiveClearErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.pt"));
        QVERIFY(NeuralModel::create(test::tinyNetConfig(), 1).value()->save(good).ok());
        const QString path = dir.filePath(QStringLiteral("bad.pt"));
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (kind == u"empty")
            test::writeBytes(path, {});
        else if (kind == u"text")
            test::writeBytes(path, "not a model\n");
        else if (kind == u"truncated")
            test::writeBytes(path, bytes.left(bytes.size() / 2));
        else if (kind == u"wav")
            {
            test::writeAudio(path + QStringLiteral(".wav"), test::sine(1, 100, 8000, 440, 0.5), 8000);
            QVERIFY(QFile::rename(path + QStringLiteral(".wav"), path));
        }
        auto loaded = NeuralModel::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().subject, path);
        QVERIFY2(loaded.error().reason.contains(expected), qPrintable(loaded.error().message()));
    }

    void configErrorsNameTheField()
    {
        QJsonObject json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("hidden"), 1);
        auto parsed = RestorationNetConfig::fromJson(json);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().subject.contains(QStringLiteral("'hidden'")));
        json = RestorationNetConfig{}.toJson();
        json.remove(QStringLiteral("blocks"));
        QVERIFY(RestorationNetConfig::fromJson(json).error().subject.contains(QStringLiteral("'blocks'")));
        json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("version"), 99);
        QVERIFY(RestorationNetConfig::fromJson(json).error().reason.contains(QStringLiteral("another version")));
        json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("encoder_kernel"), 48);
        QVERIFY(RestorationNetConfig::fromJson(json).error().reason.contains(QStringLiteral("multiple of encoder_stride")));
        json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("colour"), 3);
        QVERIFY(RestorationNetConfig::fromJson(json).error().reason.contains(QStringLiteral("not a field")));
    }
};

QTEST_GUILESS_MAIN(TestNeuralModel)
#include "tst_neural_model.moc"
