// libsoxr resampling: quality of a round trip, streaming equals one-shot, exact lengths.

#include "TestSignals.h"

#include "audio/Resampler.h"

#include <QTest>

#include <cmath>

using namespace shellac;

class TestResampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void toneSurvivesRoundTripAbove90dB()
    {
        const double rate = 44100;
        const std::int64_t frames = 44100 * 2;
        const AudioBlock original = test::sine(1, frames, rate, 1000.0, 0.5);
        auto down = Resampler::convert(original, rate, 22050);
        QVERIFY(down);
        QCOMPARE(down.value().frames(), frames / 2);
        auto up = Resampler::convert(down.value(), 22050, rate);
        QVERIFY(up);
        QCOMPARE(up.value().frames(), frames);
        // Away from the edges, where the filters see the signal start and stop.
        const std::size_t edge = 4410;
        const double snr = test::snrDb(original.channel(0), up.value().channel(0), edge, std::size_t(frames) - edge);
        qInfo("1 kHz round trip 44.1k -> 22.05k -> 44.1k: SNR %.1f dB", snr);
        QVERIFY2(snr > 90.0, qPrintable(QString::number(snr)));
    }

    void streamingEqualsOneShot()
    {
        const AudioBlock original = test::sine(2, 30011, 48000, 440, 0.4);
        auto whole = Resampler::convert(original, 48000, 44100);
        QVERIFY(whole);

        auto streaming = Resampler::create(48000, 44100, 2);
        QVERIFY(streaming);
        AudioBlock collected(2, 0);
        AudioBlock piece;
        AudioBlock out;
        std::int64_t pos = 0;
        const std::int64_t sizes[] = {1, 999, 64, 4096, 17};
        for (int i = 0; pos < original.frames(); ++i) {
            const std::int64_t n = std::min(sizes[i % 5], original.frames() - pos);
            piece.assignFrames(original, pos, n);
            QVERIFY(streaming.value()->process(piece, out));
            collected.append(out);
            pos += n;
        }
        QVERIFY(streaming.value()->flush(out));
        collected.append(out);
        QCOMPARE(collected.frames(), whole.value().frames());
        for (int c = 0; c < 2; ++c)
            QVERIFY(test::snrDb(whole.value().channel(c), collected.channel(c), 0, std::size_t(collected.frames())) > 120);
    }

    void lengthsFollowTheRatio_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::newRow("44.1k->48k") << 44100.0 << 48000.0;
        QTest::newRow("96k->44.1k") << 96000.0 << 44100.0;
        QTest::newRow("8k->192k") << 8000.0 << 192000.0;
    }

    void lengthsFollowTheRatio()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        const AudioBlock in = test::sine(1, std::int64_t(from), from, 300, 0.5); // 1 s
        auto out = Resampler::convert(in, from, to, Resampler::Quality::High);
        QVERIFY(out);
        QVERIFY(std::abs(out.value().frames() - std::int64_t(to)) <= 1);
    }

    void invalidRatesAreRefused()
    {
        QVERIFY(!Resampler::create(0, 44100, 1));
        QVERIFY(!Resampler::create(44100, -1, 1));
        QVERIFY(!Resampler::create(44100, 48000, 0));
    }
};

QTEST_APPLESS_MAIN(TestResampler)
#include "tst_resampler.moc"
