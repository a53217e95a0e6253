// SpectrogramLane over SpectrogramTileCache, offscreen: the picture fills in as tiles arrive and
// shows a sine's line at its row (linear and log), cached tiles are reused, the cache keeps its
// memory bound, switching source and zooming request new tiles and cancel stale ones, the lane
// can be destroyed mid-computation, errors are shown, and the mouse drives the shared viewport.
// SHELLAC_SPECTROGRAM_PNG=path writes the chirp case's picture for a person to look at.

#include "TestSignals.h"

#include "ui/editor/SpectrogramLane.h"
#include "ui/editor/SpectrogramTileCache.h"
#include "ui/editor/TimelineViewport.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QImage>
#include <QPixmap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::ui;

namespace {

constexpr int kRate = 44100;

/// Writes a mono float file of `seconds` holding sine(s) at `frequencies` Hz, amplitude 0.5 each.
QString writeTones(const QString& path, double seconds, std::initializer_list<double> frequencies)
{
    AudioBlock block;
    block.resize(1, std::int64_t(seconds * kRate), true);
    for (double f : frequencies) {
        const AudioBlock tone = test::sine(1, block.frames(), kRate, f, 0.5);
        for (std::int64_t i = 0; i < block.frames(); ++i)
            block.channel(0)[std::size_t(i)] += tone.channel(0)[std::size_t(i)];
    }
    test::writeAudio(path, block, kRate);
    return path;
}

/// Grabs until the picture is complete (tiles arrive between grabs); returns the last image.
QImage grabComplete(SpectrogramLane& lane)
{
    QImage image = lane.grab().toImage();
    QDeadlineTimer deadline(30000);
    while (lane.missingTileCount() > 0 && !deadline.hasExpired()) {
        QTest::qWait(10);
        image = lane.grab().toImage();
    }
    return image;
}

/// The row of column x with the brightest (grey level) pixel, ignoring overlay areas.
int brightestRow(const QImage& image, int x)
{
    int best = -1;
    int bestGrey = -1;
    for (int y = 0; y < image.height(); ++y) {
        const int grey = qGray(image.pixel(x, y));
        if (grey > bestGrey) {
            bestGrey = grey;
            best = y;
        }
    }
    return best;
}

struct Fixture {
    TimelineViewport viewport;
    SpectrogramLane lane{&viewport};
    Fixture(const QString& path, std::int64_t frames, int width, int height)
    {
        viewport.setWidth(width);
        viewport.setDocument(frames, kRate);
        lane.resize(width, height);
        lane.setPaintBudgetMs(1000);
        lane.setSource(path);
    }
};

} // namespace

class TestSpectrogramLane : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString file(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void fillsProgressivelyAndShowsTheSineAtItsRow_data()
    {
        QTest::addColumn<bool>("log");
        QTest::addColumn<double>("frequency");
        QTest::addRow("linear 1 kHz") << false << 1000.0;
        QTest::addRow("linear 6 kHz") << false << 6000.0;
        QTest::addRow("log 1 kHz") << true << 1000.0;
        QTest::addRow("log 150 Hz") << true << 150.0;
    }
    void fillsProgressivelyAndShowsTheSineAtItsRow()
    {
        QFETCH(bool, log);
        QFETCH(double, frequency);
        const QString path = writeTones(file(QStringLiteral("tone.wav")), 3, {frequency});
        Fixture f(path, 3 * kRate, 600, 240); // fits at 224 frames/px: 590 of 600 px
        f.lane.setLogFrequency(log);
        f.lane.cache()->clear();
        const QImage first = f.lane.grab().toImage();
        // Nothing can have arrived yet (results come through the event loop): placeholders.
        QCOMPARE(first.pixelColor(200, 120), f.lane.placeholderColour());
        QVERIFY(f.lane.missingTileCount() > 0);
        QVERIFY(f.lane.cache()->pendingCount() > 0);

        QSignalSpy completion(&f.lane, &SpectrogramLane::completionChanged);
        const QImage image = grabComplete(f.lane);
        QCOMPARE(f.lane.missingTileCount(), 0);
        QCOMPARE(completion.count(), 1);
        QCOMPARE(completion.at(0).at(0).toBool(), true);
        const int expectedRow = int(std::lround(f.lane.frequencyToY(frequency)));
        for (int x : {100, 300, 500}) {
            const int row = brightestRow(image, x);
            QVERIFY2(std::abs(row - expectedRow) <= 2,
                     qPrintable(QStringLiteral("x %1: brightest row %2, expected %3").arg(x).arg(row).arg(expectedRow)));
            QVERIFY(qGray(image.pixel(x, row)) > 160); // about -7 dB: near the top of the -100..0 dB map
        }
        // Far from the tone the spectrum is empty (float file, no noise): the colour map's black.
        const int farRow = int(std::lround(f.lane.frequencyToY(frequency < 3000 ? 12000 : 1500)));
        QVERIFY(qGray(image.pixel(300, farRow)) < 20);
        // After the end of the file (zoomed to fit, the view is a little longer): not a placeholder.
        const int afterEnd = int(std::ceil(f.viewport.frameToX(3.0 * kRate))) + 2;
        QVERIFY(afterEnd < 600);
        QVERIFY(image.pixelColor(afterEnd, 120) != f.lane.placeholderColour());
        QVERIFY(image.pixelColor(afterEnd - 6, 120) != image.pixelColor(afterEnd, 120));
    }

    void cachedTilesAreReusedAndRemappedWithoutFfts()
    {
        const QString path = writeTones(file(QStringLiteral("reuse.wav")), 3, {1000});
        Fixture f(path, 3 * kRate, 600, 200);
        grabComplete(f.lane);
        const quint64 computed = f.lane.cache()->computedCount();
        const int rendered = f.lane.renderedImageCount();
        QVERIFY(computed >= 3); // about 600 columns: tiles 0..2
        for (int i = 0; i < 3; ++i)
            f.lane.grab();
        QCOMPARE(f.lane.cache()->computedCount(), computed);
        QCOMPARE(f.lane.renderedImageCount(), rendered);
        // A new colour range or scale re-maps the cached dB values: images, but no FFTs.
        f.lane.setDbRange(-80, -10);
        grabComplete(f.lane);
        f.lane.setLogFrequency(!f.lane.logFrequency());
        grabComplete(f.lane);
        QCOMPARE(f.lane.cache()->computedCount(), computed);
        QCOMPARE(f.lane.renderedImageCount(), 3 * rendered); // each visible tile mapped twice more
    }

    void paintSpreadsColourMappingOverItsBudget()
    {
        // 16 visible tiles of 256 x 800 pixels: mapping them all takes far more than 1 ms.
        const QString path = writeTones(file(QStringLiteral("budget.wav")), 100, {1000});
        Fixture f(path, 100 * kRate, 4096, 800);
        f.lane.setPaintBudgetMs(1);
        f.lane.grab();
        QTRY_COMPARE_WITH_TIMEOUT(f.lane.cache()->pendingCount(), 0, 60000);
        const int visible = f.lane.missingTileCount();
        QVERIFY(visible >= 14);
        QCOMPARE(f.lane.cache()->cachedCount(), visible); // all data here, none mapped yet
        f.lane.grab();
        const int firstPaint = f.lane.renderedImageCount();
        QVERIFY(firstPaint >= 1);          // every paint makes progress
        QVERIFY(firstPaint < visible);     // but stops at its budget
        QCOMPARE(f.lane.missingTileCount(), visible - firstPaint);
        grabComplete(f.lane);
        QCOMPARE(f.lane.renderedImageCount(), visible);
        QCOMPARE(f.lane.cache()->computedCount(), quint64(visible));
    }

    void cacheKeepsItsMemoryBound()
    {
        const QString path = writeTones(file(QStringLiteral("long.wav")), 60, {1000});
        Fixture f(path, 60 * kRate, 512, 120);
        f.viewport.setView(0, 64); // 32 768 frames per screen: 80 screens
        const qint64 tileBytes = qint64(sizeof(SpectrogramTile)) + 256 * 1025 * qint64(sizeof(qint16));
        f.lane.cache()->setMaxBytes(3 * tileBytes + 100);
        for (int step = 0; step < 12; ++step) {
            grabComplete(f.lane);
            QTRY_COMPARE(f.lane.cache()->pendingCount(), 0);
            QVERIFY(f.lane.cache()->usedBytes() <= f.lane.cache()->maxBytes());
            QVERIFY(f.lane.cache()->cachedCount() <= 3);
            QCOMPARE(f.lane.cache()->usedBytes(), f.lane.cache()->cachedCount() * tileBytes);
            f.viewport.scrollByPixels(512);
        }
        // Every screen needs 2 tiles and one is prefetched either side: many more than 3 were made.
        QVERIFY(f.lane.cache()->computedCount() >= 20);
        QCOMPARE(f.lane.cache()->failedCount(), quint64(0));
    }

    void switchingSourceRecomputesAndSwitchingBackIsCached()
    {
        const QString a = writeTones(file(QStringLiteral("a.wav")), 3, {1000});
        const QString b = writeTones(file(QStringLiteral("b.wav")), 3, {3000});
        Fixture f(a, 3 * kRate, 600, 200);
        f.lane.setLogFrequency(false);
        QImage image = grabComplete(f.lane);
        QVERIFY(std::abs(brightestRow(image, 300) - f.lane.frequencyToY(1000)) <= 2);
        const quint64 afterA = f.lane.cache()->computedCount();

        f.lane.setSource(b);
        QCOMPARE(f.lane.grab().toImage().pixelColor(300, 100), f.lane.placeholderColour());
        image = grabComplete(f.lane);
        QVERIFY(std::abs(brightestRow(image, 300) - f.lane.frequencyToY(3000)) <= 2);
        QVERIFY(f.lane.cache()->computedCount() >= afterA + 3);
        const quint64 afterB = f.lane.cache()->computedCount();

        f.lane.setSource(a);
        image = f.lane.grab().toImage();
        QCOMPARE(f.lane.missingTileCount(), 0); // straight from the cache
        QVERIFY(std::abs(brightestRow(image, 300) - f.lane.frequencyToY(1000)) <= 2);
        QCOMPARE(f.lane.cache()->computedCount(), afterB);
    }

    void zoomRequestsNewTilesAndCancelsStaleOnes()
    {
        const QString path = writeTones(file(QStringLiteral("zoom.wav")), 120, {440});
        Fixture f(path, 120 * kRate, 2048, 100);
        f.lane.setFftSize(16384); // slow tiles (4 MB each: let the cache hold them all)
        f.lane.cache()->setWorkerCount(1);
        f.lane.cache()->setMaxBytes(256 * 1024 * 1024);
        const double oldFpp = f.viewport.framesPerPixel();
        f.lane.grab();
        const int oldRequests = f.lane.cache()->pendingCount();
        // Zoomed to fit, the file ends inside the view: every tile up to its end, nothing prefetched.
        const double tileFrames = SpectrogramTileCache::kTileColumns * oldFpp;
        QCOMPARE(oldRequests, int(std::ceil(120.0 * kRate / tileFrames)));
        f.viewport.zoomSteps(-4, 0); // zoom in around the start
        f.lane.grab();
        const int newRequests = f.lane.cache()->pendingCount();
        QVERIFY(newRequests >= 2);
        QTRY_COMPARE_WITH_TIMEOUT(f.lane.cache()->pendingCount(), 0, 60000);
        // No result of the old zoom was delivered: each was cancelled, before or during its work.
        QCOMPARE(f.lane.cache()->cancelledCount(), quint64(oldRequests));
        QCOMPARE(f.lane.cache()->computedCount(), quint64(newRequests));
        for (qint64 t = 0; t < 9; ++t)
            QVERIFY(!f.lane.cache()->contains({path, oldFpp, t, 16384}));
        grabComplete(f.lane);
        QCOMPARE(f.lane.missingTileCount(), 0);
    }

    void destroyingTheLaneWhileTilesComputeIsSafe()
    {
        const QString path = writeTones(file(QStringLiteral("destroy.wav")), 120, {440});
        TimelineViewport viewport;
        viewport.setWidth(2048);
        viewport.setDocument(120 * kRate, kRate);
        for (int round = 0; round < 3; ++round) {
            auto* lane = new SpectrogramLane(&viewport);
            lane->resize(2048, 100);
            lane->setFftSize(16384);
            lane->setSource(path);
            lane->grab();
            QVERIFY(lane->cache()->pendingCount() > 0);
            if (round == 1)
                QTest::qWait(30); // some tiles mid-computation, some delivered
            delete lane;
            QTest::qWait(20); // stray deliveries would land now
        }
    }

    void unreadableSourceShowsItsError()
    {
        const QString missing = file(QStringLiteral("no-such-take.wav"));
        TimelineViewport viewport;
        SpectrogramLane lane(&viewport);
        lane.resize(400, 150);
        lane.setSource(missing);
        QVERIFY2(lane.errorText().contains(QStringLiteral("no-such-take.wav")), qPrintable(lane.errorText()));
        const QImage image = lane.grab().toImage();
        QCOMPARE(image.size(), QSize(400, 150));
        QCOMPARE(lane.cache()->pendingCount(), 0);
        // The message is drawn: text pixels on the palette's base colour, no placeholder.
        int textPixels = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                QVERIFY(image.pixelColor(x, y) != lane.placeholderColour());
                if (x >= 10 && x < 390) // clear of the playhead at x = 0
                    textPixels += image.pixelColor(x, y) != lane.palette().color(QPalette::Base) ? 1 : 0;
            }
        QVERIFY(textPixels > 100);
        // A readable source clears the error.
        lane.setSource(writeTones(file(QStringLiteral("fine.wav")), 1, {500}));
        QVERIFY(lane.errorText().isEmpty());
    }

    void chirpRisesAlongTheLogAxis()
    {
        // A log sweep 60 Hz -> 12 kHz over 20 s, with quieter harmonics and a noise floor.
        const double seconds = 20, f0 = 60, f1 = 12000;
        AudioBlock block(1, std::int64_t(seconds * kRate));
        std::mt19937 rng(3);
        std::normal_distribution<float> noise(0.0f, 0.0005f);
        const double k = std::log(f1 / f0) / seconds;
        for (std::int64_t i = 0; i < block.frames(); ++i) {
            const double t = double(i) / kRate;
            const double phase = 2 * std::numbers::pi * f0 * (std::exp(k * t) - 1) / k;
            double v = 0.5 * std::sin(phase) + 0.05 * std::sin(2 * phase) + 0.02 * std::sin(3 * phase);
            v += 0.1 * std::sin(2 * std::numbers::pi * 220 * t) * (t > 10 ? 1.0 : 0.0);
            block.channel(0)[std::size_t(i)] = float(v) + noise(rng);
        }
        const QString path = file(QStringLiteral("chirp.wav"));
        test::writeAudio(path, block, kRate);
        Fixture f(path, block.frames(), 900, 300);
        f.lane.setTitle(QStringLiteral("Spectrogram — Original"));
        f.viewport.setSelection(12 * kRate, 14 * kRate);
        f.viewport.setPlayhead(6 * kRate);
        const QImage image = grabComplete(f.lane);
        for (int x : {150, 300, 450, 600, 750}) {
            const double t = f.viewport.xToFrame(x + 0.5) / kRate;
            const double hz = f0 * std::exp(k * t);
            const int row = brightestRow(image, x);
            // Within 3 px plus half a bin (bins are 21.5 Hz apart, wide on a log axis at low hz).
            const double tolerance = 3 + f.lane.frequencyToY(hz) - f.lane.frequencyToY(hz + 0.5 * kRate / 2048);
            QVERIFY2(std::abs(row - f.lane.frequencyToY(hz)) <= tolerance,
                     qPrintable(QStringLiteral("x %1 (%2 Hz): row %3, expected %4")
                                    .arg(x).arg(hz).arg(row).arg(f.lane.frequencyToY(hz))));
        }
        if (const QByteArray out = qgetenv("SHELLAC_SPECTROGRAM_PNG"); !out.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(out)));
    }

    void mouseDrivesTheViewport()
    {
        const QString path = writeTones(file(QStringLiteral("mouse.wav")), 10, {1000});
        Fixture f(path, 10 * kRate, 800, 160);
        f.lane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.lane));
        const double fpp = f.viewport.framesPerPixel();
        QTest::mouseClick(&f.lane, Qt::LeftButton, {}, QPoint(200, 80));
        QCOMPARE(f.viewport.playhead(), std::int64_t(std::llround(f.viewport.xToFrame(200))));
        QTest::mousePress(&f.lane, Qt::LeftButton, {}, QPoint(100, 80));
        QTest::mouseMove(&f.lane, QPoint(300, 80));
        QTest::mouseRelease(&f.lane, Qt::LeftButton, {}, QPoint(300, 80));
        QVERIFY(f.viewport.selection().has_value());
        QCOMPARE(f.viewport.selection()->start, std::int64_t(std::llround(f.viewport.xToFrame(100))));
        QCOMPARE(f.viewport.selection()->end, std::int64_t(std::llround(f.viewport.xToFrame(300))));
        // Shift+click extends: the end farther from the click stays.
        QTest::mouseClick(&f.lane, Qt::LeftButton, Qt::ShiftModifier, QPoint(500, 80));
        QCOMPARE(f.viewport.selection()->start, std::int64_t(std::llround(f.viewport.xToFrame(100))));
        QCOMPARE(f.viewport.selection()->end, std::int64_t(std::llround(f.viewport.xToFrame(500))));

        // Wheel up zooms in around the cursor: the frame under it stays put.
        const double anchor = f.viewport.xToFrame(100);
        QWheelEvent zoomIn(QPointF(100, 80), f.lane.mapToGlobal(QPointF(100, 80)), {}, QPoint(0, 120),
                           Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&f.lane, &zoomIn);
        QCOMPARE(f.viewport.framesPerPixel(), TimelineViewport::stepFramesPerPixel(fpp, -1));
        QVERIFY(std::abs(f.viewport.frameToX(anchor) - 100) < 1.0);
        // Shift+wheel down scrolls later by an eighth of the width.
        f.viewport.setView(0, 64);
        const double start = f.viewport.startFrame();
        QWheelEvent scroll(QPointF(400, 80), f.lane.mapToGlobal(QPointF(400, 80)), {}, QPoint(0, -120),
                           Qt::NoButton, Qt::ShiftModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&f.lane, &scroll);
        QCOMPARE(f.viewport.startFrame(), start + 100 * f.viewport.framesPerPixel());
    }
};

QTEST_MAIN(TestSpectrogramLane)
#include "tst_spectrogram_lane.moc"
