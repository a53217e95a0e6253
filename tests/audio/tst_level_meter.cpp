// Peak, RMS and noise floor numbers.

#include "TestSignals.h"

#include "audio/LevelMeter.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;

class TestLevelMeter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sineLevels()
    {
        LevelMeter meter(2, 44100);
        const AudioBlock s = test::sine(2, 44100, 44100, 1000, 0.5);
        meter.add(s);
        const AudioLevels l = meter.result();
        QCOMPARE(l.channels.size(), std::size_t(2));
        QVERIFY(std::abs(l.channels[0].peakDb - (-6.02)) < 0.01);
        QVERIFY(std::abs(l.channels[1].rmsDb - (-9.03)) < 0.01);
    }

    void noiseFloorComesFromTheQuietPassage()
    {
        // 1 s of -20 dBFS-ish music over 9 s, with a 2 s "lead-in" of -60 dBFS RMS noise first.
        const int rate = 44100;
        std::mt19937 rng(7);
        std::normal_distribution<float> gauss(0.0f, 0.001f); // RMS 0.001 = -60 dBFS
        AudioBlock all(1, 0);
        AudioBlock leadIn(1, 2 * rate);
        for (float& v : leadIn.channel(0))
            v = gauss(rng);
        all.append(leadIn);
        AudioBlock music = test::sine(1, 9 * rate, rate, 440, 0.14);
        for (float& v : music.channel(0))
            v += gauss(rng);
        all.append(music);

        LevelMeter meter(1, rate);
        // Feed in uneven pieces to exercise frame bookkeeping across blocks.
        AudioBlock piece;
        for (std::int64_t pos = 0; pos < all.frames(); pos += 7777) {
            const std::int64_t n = std::min<std::int64_t>(7777, all.frames() - pos);
            piece.assignFrames(all, pos, n);
            meter.add(piece);
        }
        const double floorDb = meter.result().noiseFloorDb;
        QVERIFY2(std::abs(floorDb - (-60.0)) < 1.0, qPrintable(QString::number(floorDb)));
    }

    void digitalSilenceIsIgnoredButAllSilentIsMinusInfinity()
    {
        LevelMeter silentOnly(1, 8000);
        silentOnly.add(AudioBlock(1, 8000));
        QVERIFY(std::isinf(silentOnly.result().noiseFloorDb));
        QVERIFY(std::isinf(silentOnly.result().channels[0].peakDb));

        LevelMeter mixed(1, 8000);
        mixed.add(AudioBlock(1, 8000)); // 1 s digital silence
        mixed.add(test::sine(1, 8000, 8000, 100, 0.01));
        const double floorDb = mixed.result().noiseFloorDb;
        QVERIFY(std::isfinite(floorDb));
        QVERIFY(std::abs(floorDb - (-43.0)) < 0.5); // sine RMS 0.01/sqrt(2)
    }

    void shorterThanOneFrame()
    {
        LevelMeter meter(1, 44100);
        meter.add(test::sine(1, 10, 44100, 1000, 0.5));
        QVERIFY(std::isfinite(meter.result().noiseFloorDb));
    }
};

QTEST_APPLESS_MAIN(TestLevelMeter)
#include "tst_level_meter.moc"
