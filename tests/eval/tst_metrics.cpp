// Evaluation metrics against hand-computed values.

#include "TestSignals.h"

#include "eval/Metrics.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;
using namespace shellac::eval;

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void siSdrOfKnownNoise()
    {
        const AudioBlock s = test::sine(1, 48000, 48000, 440, 0.5); // power 0.125
        std::vector<float> noisy(48000);
        std::mt19937 rng(1);
        std::normal_distribution<float> n(0.f, std::sqrt(0.00125f)); // power 0.00125 -> 20 dB
        for (std::size_t i = 0; i < noisy.size(); ++i)
            noisy[i] = s.channel(0)[i] + n(rng);
        const double v = siSdrDb(s.channel(0), noisy);
        QVERIFY2(std::abs(v - 20.0) < 0.3, qPrintable(QString::number(v)));
    }

    void siSdrIsScaleInvariantAndBounded()
    {
        const AudioBlock s = test::sine(1, 1000, 8000, 300, 0.5);
        std::vector<float> scaled(s.channel(0).begin(), s.channel(0).end());
        for (float& v : scaled)
            v *= 0.1f;
        QVERIFY(siSdrDb(s.channel(0), scaled) > 140.0); // float rounding only
        std::vector<float> silent(1000, 0.0f);
        QCOMPARE(siSdrDb(s.channel(0), silent), -200.0);
        QCOMPARE(siSdrDb(silent, silent), -200.0);
    }

    void maskedSiSdrIgnoresExcludedSamples()
    {
        const AudioBlock s = test::sine(1, 1000, 8000, 300, 0.5);
        std::vector<float> est(s.channel(0).begin(), s.channel(0).end());
        est[500] = 20.0f; // a click with more energy than the whole sine
        std::vector<bool> include(1000, true);
        include[500] = false;
        QVERIFY(siSdrDb(s.channel(0), est) < 0.0);
        QCOMPARE(siSdrDbMasked(s.channel(0), est, include), 200.0);
    }

    void detectionScores()
    {
        const std::vector<SampleInterval> truth{{0, 100, 5}, {0, 1000, 1}, {1, 100, 5}, {0, 5000, 50}};
        const std::vector<SampleInterval> detected{{0, 102, 2}, {0, 1003, 2}, {0, 5010, 3}, {0, 5040, 2},
                                                   {0, 9000, 4}, {1, 400, 2}};
        const DetectionScore s = scoreDetections(truth, detected, 3);
        QCOMPARE(s.truePositives, 3);  // 100, 1000 (within tolerance), 5000 (two detections)
        QCOMPARE(s.falseNegatives, 1); // channel 1 at 100
        QCOMPARE(s.falsePositives, 2); // 9000 and channel 1 at 400
        QVERIFY(std::abs(s.precision - 4.0 / 6.0) < 1e-9);
        QVERIFY(std::abs(s.recall - 0.75) < 1e-9);

        const DetectionScore none = scoreDetections({}, {}, 3);
        QCOMPARE(none.precision, 1.0);
        QCOMPARE(none.recall, 1.0);
    }

    void cleanMaskAndMedian()
    {
        const auto mask = cleanMask({{0, 10, 2}, {1, 0, 5}}, 0, 20, 3);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(bool(mask[std::size_t(i)]), i < 7 || i >= 15);
        QCOMPARE(median({3, 1, 2}), 2.0);
        QCOMPARE(median({4, 1, 3, 2}), 2.5);
        QCOMPARE(median({}), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
