// Per-pixel-column statistics of raw samples placed on the timeline (the waveform lane's close
// zooms and its overlay): whole columns, columns narrower than a frame or fractional, and
// columns the samples do not reach.

#include "ui/editor/SampleColumns.h"

#include <QTest>

#include <cmath>

using namespace shellac;
using namespace shellac::ui;

namespace {

std::vector<WaveformColumn> columnsOf(const std::vector<float>& v, std::int64_t start, double first, double fpp, int n)
{
    std::vector<WaveformColumn> c(static_cast<std::size_t>(n));
    sampleColumns(v, start, first, fpp, c);
    return c;
}

bool ready(const WaveformColumn& c) { return c.state == WaveformColumn::State::Ready; }

} // namespace

class TestSampleColumns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeColumnsTakeTheirStatistics()
    {
        // Frames 100..107 hold 0, -0.1, 0.2, -0.3, ... 0.6, -0.7.
        std::vector<float> v(8);
        for (int i = 0; i < 8; ++i)
            v[std::size_t(i)] = float((i % 2 ? -0.1 : 0.1) * i);
        // Columns of 4 frames from frame 96: [96,100) outside, [100,104), [104,108), [108,112) outside.
        const auto c = columnsOf(v, 100, 96.0, 4.0, 4);
        QVERIFY(!ready(c[0]));
        QVERIFY(ready(c[1]));
        QCOMPARE(c[1].range.min, -0.3f);
        QCOMPARE(c[1].range.max, 0.2f);
        QCOMPARE(c[1].range.rms, float(std::sqrt((0.0 + 0.01 + 0.04 + 0.09) / 4)));
        QCOMPARE(c[2].range.min, -0.7f);
        QCOMPARE(c[2].range.max, 0.6f);
        QVERIFY(!ready(c[3]));
    }

    void narrowColumnsTakeTheFrameTheyStartIn()
    {
        const std::vector<float> v{0.25f, -0.5f};
        // Four columns per frame from frame 10: columns 0..3 frame 10, 4..7 frame 11, 8 past the end.
        const auto c = columnsOf(v, 10, 10.0, 0.25, 9);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(c[std::size_t(i)].range.min, 0.25f);
            QCOMPARE(c[std::size_t(i)].range.max, 0.25f);
        }
        for (int i = 4; i < 8; ++i)
            QCOMPARE(c[std::size_t(i)].range.min, -0.5f);
        QVERIFY(!ready(c[8]));
    }

    void fractionalColumnsCoverEveryFrameTheyTouch()
    {
        // 1.5 frames per column from 0.0: column 1 covers [1.5, 3.0), i.e. frames 1 and 2.
        const std::vector<float> v{0.0f, 0.9f, -0.9f, 0.0f};
        const auto c = columnsOf(v, 0, 0.0, 1.5, 3);
        QCOMPARE(c[1].range.min, -0.9f);
        QCOMPARE(c[1].range.max, 0.9f);
        QVERIFY(!ready(columnsOf({}, 0, 0.0, 1.0, 3)[1]));
    }
};

QTEST_APPLESS_MAIN(TestSampleColumns)
#include "tst_sample_columns.moc"
