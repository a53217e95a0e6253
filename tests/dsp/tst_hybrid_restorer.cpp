// HybridRestorer: two restorers chained in one stream give exactly what running them one after
// the other over the whole signal gives, with the first one's analysis pass on the input.

#include "StageRunner.h"
#include "TestSignals.h"
#include "dsp/DspRestorer.h"
#include "restore/HybridRestorer.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;

namespace {

constexpr int kRate = 44100;

AudioBlock noisyMusic(std::int64_t frames)
{
    AudioBlock b = test::sine(2, frames, kRate, 330.0, 0.3);
    std::mt19937 rng(5);
    std::normal_distribution<float> hiss(0.0f, 0.01f);
    for (int c = 0; c < 2; ++c) {
        auto x = b.channel(c);
        for (std::int64_t i = 0; i < frames; ++i)
            x[std::size_t(i)] += hiss(rng) + (i % 9973 == 500 ? 0.5f : 0.0f) + 0.02f * float(std::sin(2 * M_PI * 50.0 * double(i) / kRate));
    }
    return b;
}

/// First stage: dehum + dehiss (both learn from an analysis pass over the input).
dsp::DspRestorerSettings firstStage()
{
    dsp::DspRestorerSettings s;
    s.rumbleCornerHz.reset();
    s.decrackleLevel.reset();
    s.declickSensitivity.reset();
    return s;
}

/// Second stage: declick only (streaming, no analysis pass: like the neural post-filter).
dsp::DspRestorerSettings secondStage()
{
    dsp::DspRestorerSettings s;
    s.rumbleCornerHz.reset();
    s.decrackleLevel.reset();
    s.humMode = dsp::HumMode::Off;
    s.dehissReductionDb.reset();
    return s;
}

} // namespace

class TestHybridRestorer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chainEqualsTwoPasses_data()
    {
        QTest::addColumn<int>("block");
        QTest::newRow("small blocks") << 1000;
        QTest::newRow("large blocks") << 65536;
    }
    void chainEqualsTwoPasses()
    {
        QFETCH(int, block);
        const AudioBlock in = noisyMusic(3 * kRate + 123);
        dsp::DspRestorer a1(firstStage()), b1(secondStage());
        const AudioBlock twoPasses = [&] {
            AudioBlock mid = test::runRestorer(a1, in, kRate, block);
            return test::runRestorer(b1, mid, kRate, block);
        }();
        QVERIFY(a1.wantsAnalysisPass());  // (known after prepare())
        QVERIFY(!b1.wantsAnalysisPass());
        HybridRestorer hybrid(std::make_unique<dsp::DspRestorer>(firstStage()), std::make_unique<dsp::DspRestorer>(secondStage()));
        const AudioBlock chained = test::runRestorer(hybrid, in, kRate, block);
        QCOMPARE(chained.frames(), in.frames());
        QCOMPARE(chained.channels(), in.channels());
        for (int c = 0; c < in.channels(); ++c)
            for (std::int64_t i = 0; i < in.frames(); ++i)
                QCOMPARE(chained.channel(c)[std::size_t(i)], twoPasses.channel(c)[std::size_t(i)]);
        const QJsonObject report = hybrid.report();
        QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("hybrid"));
        QCOMPARE(report.value(QStringLiteral("stages")).toArray().size(), 2);
        QCOMPARE(hybrid.outputSampleRate(), kRate);
    }

    void secondStageMayNotNeedAnAnalysisPass()
    {
        HybridRestorer hybrid(std::make_unique<dsp::DspRestorer>(secondStage()), std::make_unique<dsp::DspRestorer>(firstStage()));
        AudioFormat format;
        format.sampleRate = kRate;
        format.channels = 1;
        const Status s = hybrid.prepare(format);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().reason.contains(QStringLiteral("analysis pass")), qPrintable(s.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestHybridRestorer)
#include "tst_hybrid_restorer.moc"
