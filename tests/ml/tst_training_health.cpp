// Training health checks and the metrics file (no torch involved).

#include "ml/TrainingHealth.h"
#include "ml/TrainingMetrics.h"

#include <QTemporaryDir>
#include <QTest>

using namespace shellac::ml;

namespace {

std::vector<EpochMetrics> history(const std::vector<double>& supervised, const std::vector<double>& consistency,
                                  const std::vector<double>& impulseRemoval)
{
    std::vector<EpochMetrics> h;
    for (std::size_t i = 0; i < supervised.size(); ++i) {
        EpochMetrics m;
        m.epoch = int(i) + 1;
        m.supervisedLoss = supervised[i];
        m.consistencyLoss = consistency[i];
        m.impulseRemovalRate = impulseRemoval[i];
        m.realExamples = 10;
        h.push_back(m);
    }
    return h;
}

QStringList codes(const std::vector<HealthWarning>& warnings)
{
    QStringList c;
    for (const HealthWarning& w : warnings)
        c << w.code;
    return c;
}

} // namespace

class TestTrainingHealth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthyRunHasNoWarnings()
    {
        const auto h = history({3, 2.5, 2, 1.7, 1.5, 1.3}, {1, 0.95, 0.9, 0.85, 0.8, 0.78}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
        QVERIFY(assessHealth(h).empty());
    }
    void risingConsistencyIsOverfitting()
    {
        const auto h = history({3, 2.5, 2, 1.7}, {1, 1.1, 1.2, 1.3}, {0.1, 0.2, 0.3, 0.4});
        QVERIFY(codes(assessHealth(h)).contains(QStringLiteral("overfitting_to_synthetic")));
        QVERIFY(!codes(assessHealth(history({3, 2.5, 2, 1.7}, {1, 1.1, 1.05, 1.3}, {0.1, 0.2, 0.3, 0.4})))
                     .contains(QStringLiteral("overfitting_to_synthetic")));
    }
    void gapThatDoesNotNarrow()
    {
        const auto h = history({1, 1, 1, 1, 1, 1}, {3, 3.1, 3.2, 3.1, 3.2, 3.3}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
        QVERIFY(codes(assessHealth(h)).contains(QStringLiteral("gap_not_narrowing")));
    }
    void plateauSuggestsCurriculum()
    {
        const auto h = history({3, 2.5, 2, 1.7, 1.5, 1.3}, {1, 0.9, 0.8, 0.7, 0.6, 0.5}, {0.5, 0.5, 0.501, 0.502, 0.503, 0.504});
        const auto w = assessHealth(h);
        QVERIFY(codes(w).contains(QStringLiteral("real_metrics_plateau")));
        QVERIFY(w.back().message.contains(QStringLiteral("curriculum")));
    }
    void syntheticOnlyRunsSkipRealChecks()
    {
        auto h = history({1, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0});
        for (EpochMetrics& m : h)
            m.realExamples = 0;
        QVERIFY(assessHealth(h).empty());
    }
    void metricsFileRoundTripsAndTruncates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("metrics.jsonl"));
        for (const EpochMetrics& m : history({3, 2, 1}, {1, 0.5, 0.25}, {0.1, 0.2, 0.3}))
            QVERIFY(appendMetricsLine(path, m).ok());
        auto read = readMetrics(path);
        QCOMPARE(int(read.size()), 3);
        QCOMPARE(read[1].consistencyLoss, 0.5);
        QVERIFY(truncateMetrics(path, 2).ok());
        read = readMetrics(path);
        QCOMPARE(int(read.size()), 2);
        QCOMPARE(read.back().epoch, 2);
    }
};

QTEST_GUILESS_MAIN(TestTrainingHealth)
#include "tst_training_health.moc"
