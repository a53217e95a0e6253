#include "audio/AudioBlock.h"

#include <QTest>

using shellac::AudioBlock;

class TestAudioBlock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void interleaveRoundTrip()
    {
        const float interleaved[] = {1, -1, 2, -2, 3, -3};
        AudioBlock block(2, 0);
        block.deinterleaveFrom(interleaved, 3);
        QCOMPARE(block.frames(), 3);
        QCOMPARE(block.channel(0)[2], 3.0f);
        QCOMPARE(block.channel(1)[1], -2.0f);
        float back[6] = {};
        block.interleaveTo(back);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(back[i], interleaved[i]);
    }

    void appendKeepsEarlierFramesWhenGrowing()
    {
        AudioBlock a(2, 3);
        a.channel(0)[0] = 7;
        a.channel(1)[2] = 9;
        AudioBlock b(2, 1000);
        b.channel(1)[999] = 5;
        a.append(b);
        QCOMPARE(a.frames(), 1003);
        QCOMPARE(a.channel(0)[0], 7.0f);
        QCOMPARE(a.channel(1)[2], 9.0f);
        QCOMPARE(a.channel(1)[1002], 5.0f);
        a.append(b, 10);
        QCOMPARE(a.frames(), 1013);
    }

    void assignFramesCopiesARange()
    {
        AudioBlock source(2, 10);
        for (int i = 0; i < 10; ++i) {
            source.channel(0)[i] = float(i);
            source.channel(1)[i] = float(-i);
        }
        AudioBlock piece(1, 100); // different shape: reshaped to the source's channels
        piece.assignFrames(source, 3, 4);
        QCOMPARE(piece.channels(), 2);
        QCOMPARE(piece.frames(), 4);
        QCOMPARE(piece.channel(0)[0], 3.0f);
        QCOMPARE(piece.channel(1)[3], -6.0f);
        piece.assignFrames(source, 10, 0);
        QVERIFY(piece.isEmpty());
    }

    void dropFrontShifts()
    {
        AudioBlock a(1, 5);
        for (int i = 0; i < 5; ++i)
            a.channel(0)[i] = float(i);
        a.dropFront(2);
        QCOMPARE(a.frames(), 3);
        QCOMPARE(a.channel(0)[0], 2.0f);
        QCOMPARE(a.channel(0)[2], 4.0f);
        a.dropFront(10);
        QVERIFY(a.isEmpty());
    }

    void setFramesZeroFillsGrowth()
    {
        AudioBlock a(1, 2);
        a.channel(0)[0] = 1;
        a.channel(0)[1] = 1;
        a.setFrames(1);
        a.setFrames(4);
        QCOMPARE(a.channel(0)[0], 1.0f);
        QCOMPARE(a.channel(0)[1], 0.0f);
        QCOMPARE(a.channel(0)[3], 0.0f);
    }
};

QTEST_APPLESS_MAIN(TestAudioBlock)
#include "tst_audio_block.moc"
