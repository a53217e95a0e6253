// TimelineViewport: zoom snapped to the levels the waveform summaries serve exactly, zoom around
// an anchor, fit (and re-fit when the width changes), scrolling clamped to the document,
// selection and playhead clamping, playhead paging.

#include "ui/editor/TimelineViewport.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using shellac::ui::FrameRange;
using shellac::ui::TimelineViewport;

class TestTimelineViewport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void snapsToExactLevels_data()
    {
        QTest::addColumn<double>("asked");
        QTest::addColumn<double>("snapped");
        QTest::newRow("sample zoom") << 0.3 << 0.25;
        QTest::newRow("one") << 1.0 << 1.0;
        QTest::newRow("between 2 and 3") << 2.4 << 2.0;
        QTest::newRow("between 3 and 4") << 3.6 << 4.0;
        QTest::newRow("no 384: the summaries cannot serve it") << 400.0 << 512.0;
        QTest::newRow("1000 -> 1024") << 1000.0 << 1024.0;
        QTest::newRow("too close") << 1e-6 << TimelineViewport::kMinFramesPerPixel;
        QTest::newRow("too far") << 1e12 << TimelineViewport::kMaxFramesPerPixel;
    }

    void snapsToExactLevels()
    {
        QFETCH(double, asked);
        QFETCH(double, snapped);
        QCOMPARE(TimelineViewport::snapFramesPerPixel(asked), snapped);
    }

    void everyLevelFromTheSummaryBaseUpIsWholeBlocks()
    {
        // Walk all levels: from 256 frames per pixel up each is a multiple of the summaries'
        // 256-frame blocks; between 1 and 256 each is a whole number of frames; neighbours
        // differ by at most x1.5 (x2 below two frames per pixel and from 256 to 512).
        double level = TimelineViewport::kMinFramesPerPixel;
        int count = 0;
        while (level < TimelineViewport::kMaxFramesPerPixel) {
            const double next = TimelineViewport::stepFramesPerPixel(level, 1);
            QVERIFY(next > level);
            const double allowed = level >= 2.0 && level != 256.0 ? 1.5 : 2.0;
            QVERIFY2(next / level <= allowed + 1e-12, qPrintable(QString::number(level)));
            if (next >= 256.0)
                QVERIFY2(std::fmod(next, 256.0) == 0.0, qPrintable(QString::number(next, 'f', 3)));
            else if (next >= 1.0)
                QVERIFY2(std::fmod(next, 1.0) == 0.0, qPrintable(QString::number(next, 'f', 3)));
            level = next;
            ++count;
        }
        QVERIFY(count > 80);
    }

    void stepsWalkTheLevels()
    {
        QCOMPARE(TimelineViewport::stepFramesPerPixel(256.0, 1), 512.0);
        QCOMPARE(TimelineViewport::stepFramesPerPixel(256.0, 2), 768.0);
        QCOMPARE(TimelineViewport::stepFramesPerPixel(256.0, -1), 224.0);
        QCOMPARE(TimelineViewport::stepFramesPerPixel(1024.0, 1), 1280.0);
        QCOMPARE(TimelineViewport::stepFramesPerPixel(1.0, -1), 0.5);
        QCOMPARE(TimelineViewport::stepFramesPerPixel(TimelineViewport::kMinFramesPerPixel, -3),
                 TimelineViewport::kMinFramesPerPixel);
    }

    void fitShowsTheWholeDocumentAndFollowsTheWidth()
    {
        TimelineViewport v;
        v.setWidth(1000);
        v.setDocument(44100 * 60, 44100); // one minute
        QCOMPARE(v.startFrame(), 0.0);
        QVERIFY(v.framesPerPixel() * v.width() >= 44100.0 * 60);
        QVERIFY(v.framesPerPixel() * v.width() < 44100.0 * 60 * 1.25); // the smallest level that fits
        QCOMPARE(v.visibleRange(), (FrameRange{0, 44100 * 60}));
        // A wider window (the first layout pass) re-fits instead of leaving empty space.
        v.setWidth(2000);
        QVERIFY(v.framesPerPixel() * 2000 < 44100.0 * 60 * 1.25);
        // After the user zooms, a width change keeps the zoom.
        v.zoomSteps(-4, 0.0);
        const double zoomed = v.framesPerPixel();
        v.setWidth(1500);
        QCOMPARE(v.framesPerPixel(), zoomed);
    }

    void zoomKeepsTheAnchorUnderItsPixel()
    {
        TimelineViewport v;
        v.setWidth(800);
        v.setDocument(44100 * 600, 44100);
        const double anchor = 44100.0 * 300;
        const double x = v.frameToX(anchor);
        v.zoomSteps(-6, anchor);
        QVERIFY(std::abs(v.frameToX(anchor) - x) < 1.0);
        v.zoomSteps(3, anchor);
        QVERIFY(std::abs(v.frameToX(anchor) - x) < 1.0);
    }

    void scrollingStaysInsideTheDocument()
    {
        TimelineViewport v;
        v.setWidth(100);
        v.setDocument(100'000, 44100);
        v.setView(0.0, 128.0); // shows 12 800 frames
        v.scrollByPixels(-50);
        QCOMPARE(v.startFrame(), 0.0);
        v.scrollByPixels(1e9);
        QCOMPARE(v.startFrame(), 87'200.0);
        QCOMPARE(v.visibleRange().end, std::int64_t(100'000));
        // The playhead pages the view when it leaves it.
        v.setView(0.0, 128.0);
        v.ensureVisible(50'000);
        QVERIFY(v.visibleRange().start <= 50'000 && v.visibleRange().end > 50'000);
        const double start = v.startFrame();
        v.ensureVisible(50'100); // already visible: no jump
        QCOMPARE(v.startFrame(), start);
    }

    void selectionAndPlayheadAreClampedAndOrdered()
    {
        TimelineViewport v;
        v.setDocument(1000, 8000);
        QSignalSpy selection(&v, &TimelineViewport::selectionChanged);
        QSignalSpy playhead(&v, &TimelineViewport::playheadChanged);
        v.setSelection(900, 100);
        QCOMPARE(v.selection(), (std::optional<FrameRange>(FrameRange{100, 900})));
        v.setSelection(-50, 5000);
        QCOMPARE(v.selection(), (std::optional<FrameRange>(FrameRange{0, 1000})));
        v.setSelection(300, 300); // empty: no selection
        QVERIFY(!v.selection());
        QCOMPARE(selection.count(), 3);
        v.setPlayhead(2000);
        QCOMPARE(v.playhead(), std::int64_t(1000));
        v.setPlayhead(2000); // unchanged: no signal
        QCOMPARE(playhead.count(), 1);
        v.setSelection(200, 400);
        v.zoomToSelection();
        QVERIFY(v.visibleRange().start <= 200 && v.visibleRange().end >= 400);
        QVERIFY(v.visibleRange().length() < 1000);
    }
};

QTEST_GUILESS_MAIN(TestTimelineViewport)
#include "tst_timeline_viewport.moc"
