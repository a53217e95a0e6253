// Scoring restored files: alignment of delayed outputs, shape mismatches named.

#include "TestSignals.h"

#include "eval/FileComparison.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace shellac;
using namespace shellac::eval;

namespace {

AudioBlock noise(std::int64_t frames, unsigned seed)
{
    AudioBlock b(1, frames);
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.f, 0.1f);
    for (float& v : b.channel(0))
        v = g(rng);
    return b;
}

AudioBlock delayed(const AudioBlock& in, std::int64_t lag)
{
    AudioBlock out(in.channels(), in.frames());
    for (std::int64_t i = lag; i < in.frames(); ++i)
        out.channel(0)[std::size_t(i)] = in.channel(0)[std::size_t(i - lag)];
    return out;
}

} // namespace

class TestFileComparison : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lagIsFound_data()
    {
        QTest::addColumn<int>("lag");
        QTest::newRow("0") << 0;
        QTest::newRow("1102 (afftdn)") << 1102;
        QTest::newRow("-37") << -37;
    }

    void lagIsFound()
    {
        QFETCH(int, lag);
        const AudioBlock ref = noise(44100, 3);
        const AudioBlock est = lag >= 0 ? delayed(ref, lag) : noise(1, 1);
        if (lag >= 0)
            QCOMPARE(estimateLag(ref.channel(0), est.channel(0), 4410), std::int64_t(lag));
        else
            QCOMPARE(estimateLag(delayed(ref, -lag).channel(0), ref.channel(0), 4410), std::int64_t(lag));
    }

    void alignedScoreIgnoresTheDelay()
    {
        QTemporaryDir dir;
        const AudioBlock clean = noise(44100, 11); // broadband: any misalignment shows
        test::writeAudio(dir.filePath(QStringLiteral("c.wav")), clean, 44100);
        test::writeAudio(dir.filePath(QStringLiteral("d.wav")), clean, 44100);
        AudioBlock mixed = clean;
        const AudioBlock n = noise(44100, 5);
        for (std::int64_t i = 0; i < 44100; ++i)
            mixed.channel(0)[std::size_t(i)] += n.channel(0)[std::size_t(i)] * 0.05f; // 26 dB SNR
        test::writeAudio(dir.filePath(QStringLiteral("r.wav")), delayed(mixed, 500), 44100);
        FileComparisonRequest request{QStringLiteral("x"), dir.filePath(QStringLiteral("c.wav")),
                                      dir.filePath(QStringLiteral("d.wav")), dir.filePath(QStringLiteral("r.wav")),
                                      {}, {}, 0};
        auto raw = compareFiles(request);
        QVERIFY(raw);
        request.maxLagFrames = 2000;
        auto aligned = compareFiles(request);
        QVERIFY(aligned);
        QCOMPARE(aligned.value().lagFrames, std::int64_t(500));
        qInfo("SI-SDR %.1f dB unaligned, %.1f dB aligned", raw.value().restoredSiSdrDb, aligned.value().restoredSiSdrDb);
        // Aligned: the 26 dB of added noise and the 500 frames lost off the end (~19 dB) remain.
        QVERIFY(aligned.value().restoredSiSdrDb > 17.0);
        QVERIFY(raw.value().restoredSiSdrDb < 0.0);
    }

    void mismatchedShapesAreNamed()
    {
        QTemporaryDir dir;
        test::writeAudio(dir.filePath(QStringLiteral("c.wav")), test::sine(1, 1000, 44100, 440, 0.5), 44100);
        test::writeAudio(dir.filePath(QStringLiteral("d.wav")), test::sine(1, 999, 44100, 440, 0.5), 44100);
        test::writeAudio(dir.filePath(QStringLiteral("r.wav")), test::sine(2, 1000, 48000, 440, 0.5), 48000);
        FileComparisonRequest request{QStringLiteral("x"), dir.filePath(QStringLiteral("c.wav")),
                                      dir.filePath(QStringLiteral("d.wav")), dir.filePath(QStringLiteral("r.wav")),
                                      {}, {}, 0};
        auto result = compareFiles(request);
        QVERIFY(!result);
        QVERIFY2(result.error().message().contains(QStringLiteral("has 999 frames")), qPrintable(result.error().message()));
        test::writeAudio(dir.filePath(QStringLiteral("d.wav")), test::sine(1, 1000, 44100, 440, 0.5), 44100);
        result = compareFiles(request);
        QVERIFY(!result);
        QVERIFY2(result.error().message().contains(QStringLiteral("sample rate 48000 Hz differs")), qPrintable(result.error().message()));
    }
};

QTEST_APPLESS_MAIN(TestFileComparison)
#include "tst_file_comparison.moc"
