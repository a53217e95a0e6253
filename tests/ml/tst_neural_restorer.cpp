// NeuralRestorer: chunk seams, resampling round trips, agreement with a one-pass restore,
// length and alignment for any rate / channel count / block size, silence, mix and report.

#include "TestSignals.h"
#include "TrainingFixtures.h"
#include "ml/NeuralModel.h"
#include "ml/NeuralRestorer.h"
#include "ml/TorchRuntime.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::ml;

namespace {

std::shared_ptr<NeuralModel> identityModel()
{
    auto model = NeuralModel::createIdentity(test::tinyNetConfig());
    if (!model)
        qFatal("cannot create the identity model");
    return std::move(model).value();
}

std::shared_ptr<NeuralModel> randomModel()
{
    auto model = NeuralModel::create(test::tinyNetConfig(), 1);
    if (!model)
        qFatal("cannot create the model");
    return std::move(model).value();
}

/// Two tones (440 and 1250 Hz, channel c phase-shifted) with 20 ms raised-cosine fades at both
/// ends, so the signal stays inside every resampler's pass band, plus optional noise.
AudioBlock music(int channels, std::int64_t frames, int rate, double noise = 0.0)
{
    AudioBlock b(channels, frames);
    std::mt19937 rng(7);
    std::normal_distribution<double> n(0.0, noise);
    const double fade = 0.02 * rate;
    for (int c = 0; c < channels; ++c)
        for (std::int64_t i = 0; i < frames; ++i) {
            const double t = double(i) / rate;
            const double edge = std::min({1.0, double(i) / fade, double(frames - 1 - i) / fade});
            const double w = std::pow(std::sin(0.5 * std::numbers::pi * edge), 2);
            b.channel(c)[std::size_t(i)] = float(w * (0.3 * std::sin(2 * std::numbers::pi * 440 * t + c)
                                                      + 0.1 * std::sin(2 * std::numbers::pi * 1250 * t))
                                                 + (noise > 0 ? n(rng) : 0.0));
        }
    return b;
}

/// Streams `in` through `restorer` in blocks of `blockFrames`; fails the test on any error.
AudioBlock run(NeuralRestorer& restorer, const AudioBlock& in, int rate, std::int64_t blockFrames)
{
    AudioFormat format;
    format.sampleRate = rate;
    format.channels = in.channels();
    format.frames = in.frames();
    AudioBlock result(in.channels(), 0);
    if (Status s = restorer.prepare(format); !s) {
        QTest::qFail(qPrintable(s.error().message()), __FILE__, __LINE__);
        return result;
    }
    AudioBlock block, out;
    for (std::int64_t at = 0; at < in.frames(); at += blockFrames) {
        block.assignFrames(in, at, std::min(blockFrames, in.frames() - at));
        if (Status s = restorer.process(block, out); !s)
            QTest::qFail(qPrintable(s.error().message()), __FILE__, __LINE__);
        result.append(out);
    }
    if (Status s = restorer.finish(out); !s)
        QTest::qFail(qPrintable(s.error().message()), __FILE__, __LINE__);
    result.append(out);
    return result;
}

/// Worst channel's signal-to-difference ratio in dB between `reference` and `test` (whole
/// length).
double worstSnrDb(const AudioBlock& reference, const AudioBlock& test)
{
    double worst = std::numeric_limits<double>::infinity();
    for (int c = 0; c < reference.channels(); ++c)
        worst = std::min(worst, test::snrDb(reference.channel(c), test.channel(c), 0, std::size_t(reference.frames())));
    return worst;
}

bool allFinite(const AudioBlock& b)
{
    for (int c = 0; c < b.channels(); ++c)
        for (float v : b.channel(c))
            if (!std::isfinite(v))
                return false;
    return true;
}

} // namespace

class TestNeuralRestorer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initialiseTorchRuntime(1); }

    void identityModelLeavesNoChunkSeams_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::newRow("model rate 16 kHz") << test::kTrainingRate << 1;
        QTest::newRow("44.1 kHz stereo (resampled)") << 44100 << 2;
        QTest::newRow("22.05 kHz (resampled)") << 22050 << 1;
        QTest::newRow("48 kHz (resampled)") << 48000 << 1;
    }
    void identityModelLeavesNoChunkSeams()
    {
        QFETCH(int, rate);
        QFETCH(int, channels);
        NeuralRestorerSettings settings;
        settings.chunkSeconds = 0.25;
        settings.overlapSeconds = 0.05;
        NeuralRestorer restorer(identityModel(), settings);
        const AudioBlock in = music(channels, 4 * rate + 123, rate);
        const AudioBlock out = run(restorer, in, rate, 1000);
        QCOMPARE(out.frames(), in.frames());
        QVERIFY(restorer.report().value(QStringLiteral("chunks")).toInt() >= 19);
        const double snr = worstSnrDb(in, out);
        qInfo("identity model, %d Hz: output differs from the input by %.1f dB", rate, -snr);
        QVERIFY2(snr > 60.0, qPrintable(QStringLiteral("difference %1 dB").arg(-snr)));
    }

    void chunkedAgreesWithOnePass_data()
    {
        QTest::addColumn<double>("chunk");
        QTest::addColumn<double>("overlap");
        QTest::addColumn<double>("minimumSnr");
        // The tiny network's receptive field is 272 samples (17 ms) each side; chunk starts lie
        // on its frame grid, so beyond that distance from a chunk edge a chunk's output is the
        // one-pass output up to the per-chunk RMS scaling (which only acts through the 1e-5
        // epsilon of the channel norms): with overlaps well beyond the receptive field the
        // crossfades only ever mix two nearly identical passes.
        QTest::newRow("0.5 s chunks, 0.1 s overlap") << 0.5 << 0.1 << 60.0;
        QTest::newRow("defaults (4 s, 0.5 s)") << 4.0 << 0.5 << 60.0;
        // An overlap shorter than the receptive field: the crossfade weights the passes' edges
        // (missing context) down, but cannot hide them completely.
        QTest::newRow("0.1 s chunks, 5 ms overlap") << 0.1 << 0.005 << 40.0;
    }
    void chunkedAgreesWithOnePass()
    {
        QFETCH(double, chunk);
        QFETCH(double, overlap);
        QFETCH(double, minimumSnr);
        const int rate = test::kTrainingRate;
        auto model = randomModel();
        const AudioBlock in = music(1, 9 * rate + 37, rate, 0.02);
        const std::vector<float> whole = model->restore(in.channel(0));
        AudioBlock reference(1, in.frames());
        std::copy(whole.begin(), whole.end(), reference.channel(0).begin());
        QVERIFY(worstSnrDb(in, reference) < 40.0); // the random network does change the signal

        NeuralRestorerSettings settings;
        settings.chunkSeconds = chunk;
        settings.overlapSeconds = overlap;
        NeuralRestorer restorer(model, settings);
        const AudioBlock out = run(restorer, in, rate, 4096);
        QCOMPARE(out.frames(), in.frames());
        const double snr = worstSnrDb(reference, out);
        qInfo("random model, %g s chunks, %g s overlap: chunked vs one pass %.1f dB", chunk, overlap, -snr);
        QVERIFY2(snr > minimumSnr, qPrintable(QStringLiteral("difference %1 dB").arg(-snr)));
    }

    void keepsLengthForAnyShape_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<qint64>("frames");
        QTest::addColumn<qint64>("block");
        QTest::newRow("1 sample, model rate") << 16000 << 1 << qint64(1) << qint64(1);
        QTest::newRow("1 sample, 44.1 kHz") << 44100 << 1 << qint64(1) << qint64(1);
        QTest::newRow("3 samples, 22.05 kHz, blocks of 2") << 22050 << 1 << qint64(3) << qint64(2);
        QTest::newRow("odd, stereo, model rate") << 16000 << 2 << qint64(12345) << qint64(777);
        QTest::newRow("odd, stereo, 44.1 kHz") << 44100 << 2 << qint64(54321) << qint64(4097);
        QTest::newRow("3 channels, 48 kHz, one block") << 48000 << 3 << qint64(100001) << qint64(65536);
        QTest::newRow("ends on a chunk edge") << 16000 << 1 << qint64(16000 * 4) << qint64(1000);
    }
    void keepsLengthForAnyShape()
    {
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(qint64, frames);
        QFETCH(qint64, block);
        NeuralRestorerSettings settings;
        settings.chunkSeconds = 1.0;
        settings.overlapSeconds = 0.25;
        NeuralRestorer restorer(randomModel(), settings);
        const AudioBlock in = music(channels, frames, rate, 0.01);
        const AudioBlock out = run(restorer, in, rate, block);
        QCOMPARE(out.channels(), channels);
        QCOMPARE(out.frames(), frames);
        QVERIFY(allFinite(out));
        QCOMPARE(restorer.outputSampleRate(), rate);
    }

    void silenceStaysSilent()
    {
        NeuralRestorer restorer(randomModel());
        AudioBlock zeros;
        zeros.resize(2, 44100, /*zero=*/true);
        const AudioBlock out = run(restorer, zeros, 44100, 8192);
        QCOMPARE(out.frames(), zeros.frames());
        QVERIFY(allFinite(out));
        for (int c = 0; c < 2; ++c)
            for (float v : out.channel(c))
                QVERIFY(std::abs(v) < 1e-6f);
    }

    void mixBlendsWithTheInput()
    {
        const int rate = 44100;
        const AudioBlock in = music(2, 3 * rate + 5, rate, 0.05);
        auto model = randomModel();
        NeuralRestorerSettings settings;
        settings.mix = 0.0;
        NeuralRestorer dry(model, settings);
        const AudioBlock outDry = run(dry, in, rate, 3000);
        QCOMPARE(outDry.frames(), in.frames());
        for (int c = 0; c < 2; ++c)
            QVERIFY(std::memcmp(outDry.channel(c).data(), in.channel(c).data(), sizeof(float) * std::size_t(in.frames())) == 0);

        settings.mix = 1.0;
        NeuralRestorer wet(model, settings);
        const AudioBlock outWet = run(wet, in, rate, 3000);
        settings.mix = 0.25;
        NeuralRestorer blend(model, settings);
        const AudioBlock outBlend = run(blend, in, rate, 3000);
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < in.frames(); ++i) {
                const float expected = 0.25f * outWet.channel(c)[std::size_t(i)] + 0.75f * in.channel(c)[std::size_t(i)];
                QVERIFY(std::abs(outBlend.channel(c)[std::size_t(i)] - expected) < 1e-6f);
            }
    }

    void rejectsBadSettings()
    {
        NeuralRestorerSettings settings;
        settings.mix = 1.5;
        QVERIFY(!settings.validate().ok());
        settings.mix = 0.5;
        settings.overlapSeconds = 0.001;
        QVERIFY(!settings.validate().ok());
        settings.overlapSeconds = 1.0;
        settings.chunkSeconds = 1.5;
        QVERIFY(!settings.validate().ok());
        NeuralRestorer restorer(randomModel(), settings);
        AudioFormat format;
        format.sampleRate = 16000;
        format.channels = 1;
        QVERIFY(!restorer.prepare(format).ok());
    }

    void reportsTheRun()
    {
        auto model = randomModel();
        model->setMetadata({{QStringLiteral("epoch"), 7}});
        NeuralRestorer restorer(model);
        run(restorer, music(1, 20000, 44100), 44100, 4096);
        const QJsonObject r = restorer.report();
        QCOMPARE(r.value(QStringLiteral("method")).toString(), QStringLiteral("neural"));
        QCOMPARE(r.value(QStringLiteral("model_sample_rate")).toInt(), test::kTrainingRate);
        QCOMPARE(r.value(QStringLiteral("parameters")).toDouble(), double(model->parameterCount()));
        QCOMPARE(r.value(QStringLiteral("chunks")).toInt(), 1);
        QCOMPARE(r.value(QStringLiteral("mix")).toDouble(), 1.0);
        QCOMPARE(r.value(QStringLiteral("model_metadata_epoch")).toInt(), 7);
        QCOMPARE(r.value(QStringLiteral("resampled")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestNeuralRestorer)
#include "tst_neural_restorer.moc"
