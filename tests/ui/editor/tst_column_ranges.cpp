// Per-pixel-column min/max of a span of samples placed on the timeline (the waveform lane's
// overlay): whole columns, columns narrower than a frame, and columns the span does not reach.

#include "ui/editor/ColumnRanges.h"

#include <QTest>

using namespace shellac::ui;

class TestColumnRanges : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeColumnsTakeTheirMinimumAndMaximum()
    {
        // Frames 100..107 hold 0, 1, ..., 7 (times 0.1, alternating sign).
        std::vector<float> v(8);
        for (int i = 0; i < 8; ++i)
            v[std::size_t(i)] = float((i % 2 ? -0.1 : 0.1) * i);
        // Columns of 4 frames from frame 96: [96,100) empty, [100,104), [104,108), [108,112) empty.
        const auto r = columnRanges(v, 100, 96.0, 4.0, 4);
        QCOMPARE(r.size(), std::size_t(4));
        QVERIFY(r[0].empty);
        QVERIFY(!r[1].empty);
        QCOMPARE(r[1].low, -0.3f);
        QCOMPARE(r[1].high, 0.2f);
        QCOMPARE(r[2].low, -0.7f);
        QCOMPARE(r[2].high, 0.6f);
        QVERIFY(r[3].empty);
    }

    void narrowColumnsTakeTheFrameTheyStartIn()
    {
        const std::vector<float> v{0.25f, -0.5f};
        // Four columns per frame from frame 10: columns 0..3 frame 10, 4..7 frame 11, 8 past the end.
        const auto r = columnRanges(v, 10, 10.0, 0.25, 9);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(r[std::size_t(i)].low, 0.25f);
            QCOMPARE(r[std::size_t(i)].high, 0.25f);
        }
        for (int i = 4; i < 8; ++i)
            QCOMPARE(r[std::size_t(i)].low, -0.5f);
        QVERIFY(r[8].empty);
    }

    void fractionalColumnsCoverEveryFrameTheyTouch()
    {
        // 1.5 frames per column from 0.0: column 1 covers [1.5, 3.0), i.e. frames 1 and 2.
        const std::vector<float> v{0.0f, 0.9f, -0.9f, 0.0f};
        const auto r = columnRanges(v, 0, 0.0, 1.5, 3);
        QCOMPARE(r[1].low, -0.9f);
        QCOMPARE(r[1].high, 0.9f);
        QVERIFY(columnRanges({}, 0, 0.0, 1.0, 3)[1].empty);
        QVERIFY(columnRanges(v, 0, 0.0, 1.0, 0).empty());
    }
};

QTEST_APPLESS_MAIN(TestColumnRanges)
#include "tst_column_ranges.moc"
