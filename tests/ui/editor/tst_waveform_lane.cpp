// The waveform lane and the time ruler, offscreen: real pixels of rendered lanes (a full-scale
// sine fills its channel, silence draws only the centre line, partial summaries, markers,
// selection, an overlaid take, sample zoom, 200 % scaling) and the mouse gestures on a shared
// viewport.

#include "TestSignals.h"

#include "audio/WaveformSummary.h"
#include "ui/editor/TimeRuler.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/editor/WaveformLane.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <numbers>
#include <semaphore>

using namespace shellac;
using namespace shellac::ui;

namespace {

constexpr int kRate = 44100;
constexpr std::int64_t kFrames = 10 * kRate;
constexpr int kWidth = 400;
constexpr int kHeight = 200;

/// A palette whose colours the checks below can tell apart: white base, pure blue accent.
QPalette testPalette()
{
    QPalette pal;
    pal.setColor(QPalette::Base, Qt::white);
    pal.setColor(QPalette::Window, QColor(240, 240, 240));
    pal.setColor(QPalette::Text, Qt::black);
    pal.setColor(QPalette::WindowText, Qt::black);
    pal.setColor(QPalette::Highlight, QColor(0, 0, 255));
    return pal;
}

bool isWave(QRgb c) { return qRed(c) < 80 && qGreen(c) < 80 && qBlue(c) > 120; }
bool isInk(QRgb c) { return std::min({qRed(c), qGreen(c), qBlue(c)}) < 200; }
bool isMarker(QRgb c) { return qRed(c) > 150 && qGreen(c) < 120 && qBlue(c) < 100; }
bool isSelection(QRgb c) { return qRed(c) > 180 && qRed(c) < 225 && qBlue(c) > 245; }
bool isOverlay(QRgb c) { return qGreen(c) > 90 && qGreen(c) > qRed(c) + 40 && qGreen(c) > qBlue(c) + 40; }

/// Whether column x of `img` has an overlay pixel within 2 rows of y.
bool overlayNear(const QImage& img, int x, double y)
{
    for (int dy = -2; dy <= 2; ++dy)
        if (isOverlay(img.pixel(x, std::clamp(int(std::lround(y)) + dy, 0, img.height() - 1))))
            return true;
    return false;
}

QImage render(QWidget& w, qreal dpr = 1.0)
{
    QImage image(w.size() * dpr, QImage::Format_RGB32);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::magenta);
    w.render(&image);
    return image.convertToFormat(QImage::Format_RGB32);
}

void sendMouse(QWidget& w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent e(type, pos, w.mapToGlobal(pos), Qt::LeftButton, buttons, modifiers);
    QApplication::sendEvent(&w, &e);
}

void sendWheel(QWidget& w, QPointF pos, QPoint angle, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWheelEvent e(pos, w.mapToGlobal(pos), QPoint(), angle, Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&w, &e);
}

/// On scope exit lets a test-paused summary builder run on (so that it can be joined).
struct Resume {
    std::atomic<bool>& hold;
    std::counting_semaphore<8>& proceed;
    ~Resume()
    {
        hold.store(false);
        proceed.release();
    }
};

} // namespace

class TestWaveformLane : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path; // stereo: channel 0 a full-scale 2 kHz sine, channel 1 digital silence
    AudioBlock m_samples;
    std::shared_ptr<WaveformSummary> m_summary;

    struct Fixture {
        TimelineViewport viewport;
        WaveformLane lane{&viewport};
    };
    std::unique_ptr<Fixture> makeLane(std::shared_ptr<const WaveformSummary> summary)
    {
        auto f = std::make_unique<Fixture>();
        f->viewport.setDocument(kFrames, kRate);
        f->lane.setPalette(testPalette());
        f->lane.setSummary(std::move(summary));
        f->lane.resize(kWidth, kHeight);
        f->lane.show();
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("stereo.wav");
        m_samples.resize(2, kFrames, true);
        for (std::int64_t i = 0; i < kFrames; ++i)
            m_samples.channel(0)[std::size_t(i)] = float(std::sin(2 * std::numbers::pi * 2000.0 * double(i) / kRate));
        test::writeAudio(m_path, m_samples, kRate);
        auto built = WaveformSummary::build(m_path);
        QVERIFY(built.ok());
        built.value()->wait();
        QVERIFY(built.value()->isComplete());
        m_summary = std::move(built.value());
    }

    void resizeSetsTheViewportWidth()
    {
        auto f = makeLane(m_summary);
        QCOMPARE(f->viewport.width(), kWidth);
        f->lane.resize(kWidth + 37, kHeight);
        QCoreApplication::processEvents();
        QCOMPARE(f->viewport.width(), kWidth + 37);
    }

    void fullScaleFillsItsChannelAndSilenceOnlyTheCentreLine_data()
    {
        QTest::addColumn<double>("framesPerPixel");
        QTest::addRow("128 (raw samples)") << 128.0;
        QTest::addRow("192 (raw samples)") << 192.0;
        QTest::addRow("512 (summary)") << 512.0;
        QTest::addRow("768 (summary)") << 768.0;
        QTest::addRow("1024 (summary)") << 1024.0;
    }

    void fullScaleFillsItsChannelAndSilenceOnlyTheCentreLine()
    {
        QFETCH(double, framesPerPixel);
        auto f = makeLane(m_summary);
        f->viewport.setView(1000.5, framesPerPixel); // an unaligned start
        QCOMPARE(f->viewport.framesPerPixel(), framesPerPixel);
        const QImage img = render(f->lane);
        const QRect loud = f->lane.channelRect(0);
        const QRect silent = f->lane.channelRect(1);
        QVERIFY(loud.bottom() < silent.top());
        const int silentMid = int(f->lane.valueToY(0.0, silent));
        for (int x = 40; x < 340; x += 7) {
            int top = -1, bottom = -1;
            for (int y = loud.top(); y <= loud.bottom(); ++y)
                if (isWave(img.pixel(x, y))) {
                    if (top < 0)
                        top = y;
                    bottom = y;
                }
            QVERIFY2(top >= 0 && top <= loud.top() + 2, qPrintable(QStringLiteral("x %1 top %2").arg(x).arg(top)));
            QVERIFY2(bottom >= loud.bottom() - 2, qPrintable(QStringLiteral("x %1 bottom %2").arg(x).arg(bottom)));
            for (int y = silent.top(); y <= silent.bottom(); ++y)
                if (isInk(img.pixel(x, y)))
                    QVERIFY2(std::abs(y - silentMid) <= 1,
                             qPrintable(QStringLiteral("ink at x %1 y %2 (centre %3)").arg(x).arg(y).arg(silentMid)));
        }
    }

    void rendersAtTwoHundredPercent()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(0, 1024);
        const QImage img = render(f->lane, 2.0);
        QCOMPARE(img.width(), 2 * kWidth);
        const QRect loud = f->lane.channelRect(0);
        int top = img.height(), bottom = -1;
        for (int y = 0; y < 2 * (loud.bottom() + 1); ++y)
            if (isWave(img.pixel(2 * 200, y))) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        QVERIFY2(top <= 2 * loud.top() + 4 && bottom >= 2 * loud.bottom() - 4,
                 qPrintable(QStringLiteral("device rows %1-%2").arg(top).arg(bottom)));
    }

    void sampleZoomDrawsTheSamples()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(5000, 1.0 / 8); // 8 px per sample: a line with dots
        const QImage img = render(f->lane);
        const QRect loud = f->lane.channelRect(0);
        int hits = 0;
        for (std::int64_t frame = 5002; frame < 5040; ++frame) {
            const int x = int(f->viewport.frameToX(double(frame) + 0.5));
            const int y = int(std::lround(f->lane.valueToY(m_samples.channel(0)[std::size_t(frame)], loud)));
            bool found = false;
            for (int dy = -2; dy <= 2 && !found; ++dy)
                for (int dx = -1; dx <= 1 && !found; ++dx)
                    found = isWave(img.pixel(x + dx, std::clamp(y + dy, 0, kHeight - 1)));
            hits += found;
        }
        QCOMPARE(hits, 38);
    }

    void partialSummaryDrawsWhatIsThere()
    {
        std::counting_semaphore<8> stepped(0), proceed(0);
        std::atomic<bool> hold{true};
        auto built = WaveformSummary::build(m_path, [&](std::int64_t done) {
            if (hold.load() && done == WaveformSummary::kReadBlockFrames) {
                stepped.release();
                proceed.acquire();
            }
        });
        QVERIFY(built.ok());
        std::shared_ptr<WaveformSummary> summary = std::move(built.value());
        auto f = makeLane(summary);
        const Resume resume{hold, proceed}; // a failed check must not leave the builder waiting
        f->viewport.setView(0, 1024);
        stepped.acquire();
        const QImage partial = render(f->lane);
        const int edge = int(WaveformSummary::kReadBlockFrames / 1024); // 64 columns summarised
        const int mid = int(f->lane.valueToY(0.9, f->lane.channelRect(0)));
        for (int x = 2; x < edge - 1; ++x)
            QVERIFY2(isWave(partial.pixel(x, mid)), qPrintable(QString::number(x)));
        for (int x = edge + 1; x < kWidth - 40; ++x)
            QVERIFY2(!isWave(partial.pixel(x, mid)), qPrintable(QString::number(x)));
        QSignalSpy progressed(&f->lane, &WaveformLane::summaryProgressed);
        hold.store(false);
        proceed.release();
        summary->wait();
        QTRY_VERIFY(!progressed.isEmpty() && progressed.last().at(0).toLongLong() == kFrames);
        const QImage full = render(f->lane);
        for (int x = edge + 1; x < kWidth - 40; ++x)
            QVERIFY2(isWave(full.pixel(x, mid)), qPrintable(QString::number(x)));
    }

    void markersAppearAtTheirFrames()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(0, 1024);
        f->lane.setMarkers({{0, 200'000, 40}, {-1, 300'000, 3000}});
        const QImage img = render(f->lane);
        const QRect b0 = f->lane.channelRect(0), b1 = f->lane.channelRect(1);
        const int x1 = int(f->viewport.frameToX(200'020.0));
        QVERIFY(isMarker(img.pixel(x1, b0.top() + 1)));
        QVERIFY(isMarker(img.pixel(x1, b0.bottom() - 1)));
        QVERIFY(!isMarker(img.pixel(x1, b1.top() + 1)));     // channel 0 only
        QVERIFY(!isMarker(img.pixel(x1 - 4, b0.top() + 1))); // and narrow
        QVERIFY(!isMarker(img.pixel(x1 + 4, b0.top() + 1)));
        const int x2 = int(f->viewport.frameToX(301'500.0));
        QVERIFY(isMarker(img.pixel(x2, b0.top() + 1)));
        QVERIFY(isMarker(img.pixel(x2, b1.top() + 1)));      // every channel
    }

    void selectionIsShaded()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(0, 1024);
        f->viewport.setSelection(102'400, 204'800); // x 100 … 200
        const QImage img = render(f->lane);
        const int y = f->lane.channelRect(1).top() + 12; // silent channel, away from lines
        for (int x = 103; x < 198; x += 5)
            QVERIFY2(isSelection(img.pixel(x, y)), qPrintable(QString::number(x)));
        for (const int x : {60, 97, 203, 300})
            QVERIFY2(!isSelection(img.pixel(x, y)) && !isInk(img.pixel(x, y)), qPrintable(QString::number(x)));
    }

    void overlayIsOutlinedWhereItLies()
    {
        // A take of seconds 2..4 at half the level (channel 0) and silence (channel 1) over the
        // file's full-scale sine: outlined at +-0.5 and on channel 1's centre, only there.
        auto f = makeLane(m_summary);
        auto take = std::make_shared<AudioBlock>(2, 2 * kRate);
        take->resize(2, 2 * kRate, true);
        for (std::int64_t i = 0; i < take->frames(); ++i)
            take->channel(0)[std::size_t(i)] = 0.5f * m_samples.channel(0)[std::size_t(2 * kRate + i)];
        f->lane.setOverlay(take, 2 * kRate);
        QVERIFY(f->lane.hasOverlay());
        const QImage img = render(f->lane);
        const QRect b0 = f->lane.channelRect(0), b1 = f->lane.channelRect(1);
        const int first = int(std::ceil(f->viewport.frameToX(2.0 * kRate))) + 1;
        const int last = int(std::floor(f->viewport.frameToX(4.0 * kRate))) - 1;
        for (int x = first; x <= last; ++x) {
            QVERIFY2(overlayNear(img, x, f->lane.valueToY(0.5, b0)), qPrintable(QString::number(x)));
            QVERIFY2(overlayNear(img, x, f->lane.valueToY(-0.5, b0)), qPrintable(QString::number(x)));
            QVERIFY2(overlayNear(img, x, f->lane.valueToY(0.0, b1)), qPrintable(QString::number(x)));
        }
        for (int x : {first - 6, last + 6, 10, kWidth - 10})
            for (int y = 0; y < kHeight; ++y)
                QVERIFY2(!isOverlay(img.pixel(x, y)), qPrintable(QStringLiteral("x %1, y %2").arg(x).arg(y)));
        f->lane.setOverlay(nullptr, 0);
        QVERIFY(!f->lane.hasOverlay());
        const QImage cleared = render(f->lane);
        for (int y = 0; y < kHeight; ++y)
            QVERIFY(!isOverlay(cleared.pixel((first + last) / 2, y)));
    }

    void wheelZoomKeepsTheFrameUnderTheCursor_data()
    {
        QTest::addColumn<int>("notches");
        QTest::addColumn<double>("expectedFpp");
        QTest::addRow("in one") << 1 << 256.0; // no 384: the summaries cannot serve it
        QTest::addRow("in two") << 2 << 224.0;
        QTest::addRow("out one") << -1 << 768.0;
    }

    void wheelZoomKeepsTheFrameUnderTheCursor()
    {
        QFETCH(int, notches);
        QFETCH(double, expectedFpp);
        auto f = makeLane(m_summary);
        f->viewport.setView(100'000, 512);
        QCOMPARE(f->viewport.startFrame(), 100'000.0);
        const QPointF cursor(150, 50);
        const double frame = f->viewport.xToFrame(cursor.x());
        sendWheel(f->lane, cursor, QPoint(0, 120 * notches));
        QCOMPARE(f->viewport.framesPerPixel(), expectedFpp);
        QCOMPARE(f->viewport.xToFrame(cursor.x()), frame);
    }

    void shiftWheelScrolls()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(100'000, 512);
        sendWheel(f->lane, QPointF(150, 50), QPoint(0, -120), Qt::ShiftModifier);
        QCOMPARE(f->viewport.framesPerPixel(), 512.0);
        QCOMPARE(f->viewport.startFrame(), 100'000 + kWidth / 8.0 * 512);
        sendWheel(f->lane, QPointF(150, 50), QPoint(120, 0)); // horizontal wheel: back
        QCOMPARE(f->viewport.startFrame(), 100'000.0);
    }

    void dragSelectsAndShiftClickExtends()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(0, 1024);
        sendMouse(f->lane, QEvent::MouseButtonPress, {100, 50}, Qt::LeftButton);
        sendMouse(f->lane, QEvent::MouseMove, {150, 60}, Qt::LeftButton);
        sendMouse(f->lane, QEvent::MouseMove, {200, 60}, Qt::LeftButton);
        sendMouse(f->lane, QEvent::MouseButtonRelease, {200, 60}, Qt::NoButton);
        QVERIFY(f->viewport.selection().has_value());
        QCOMPARE(f->viewport.selection()->start, std::int64_t(102'400));
        QCOMPARE(f->viewport.selection()->end, std::int64_t(204'800));
        const std::int64_t playhead = f->viewport.playhead();
        sendMouse(f->lane, QEvent::MouseButtonPress, {300, 50}, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(f->lane, QEvent::MouseButtonRelease, {300, 50}, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(f->viewport.selection()->start, std::int64_t(102'400));
        QCOMPARE(f->viewport.selection()->end, std::int64_t(307'200));
        QCOMPARE(f->viewport.playhead(), playhead); // selecting does not move the playhead
    }

    void clickSetsThePlayheadAndClearsTheSelection()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(0, 1024);
        f->viewport.setSelection(1000, 2000);
        sendMouse(f->lane, QEvent::MouseButtonPress, {250, 50}, Qt::LeftButton);
        sendMouse(f->lane, QEvent::MouseMove, {251, 50}, Qt::LeftButton); // a jitter, not a drag
        sendMouse(f->lane, QEvent::MouseButtonRelease, {251, 50}, Qt::NoButton);
        QCOMPARE(f->viewport.playhead(), std::int64_t(250 * 1024));
        QVERIFY(!f->viewport.selection().has_value());
        const QImage img = render(f->lane);
        const int y = f->lane.channelRect(1).top() + 12;
        QVERIFY(isInk(img.pixel(250, y)));  // the playhead line
        QVERIFY(!isInk(img.pixel(246, y)));
    }

    void keysZoomAroundThePlayheadAndScroll()
    {
        auto f = makeLane(m_summary);
        f->viewport.setView(100'000, 512);
        f->viewport.setPlayhead(150'000);
        const double x = f->viewport.frameToX(150'000.0);
        QTest::keyClick(&f->lane, Qt::Key_Plus);
        QCOMPARE(f->viewport.framesPerPixel(), 256.0);
        QCOMPARE(f->viewport.frameToX(150'000.0), x);
        QTest::keyClick(&f->lane, Qt::Key_Minus);
        QTest::keyClick(&f->lane, Qt::Key_Minus);
        QCOMPARE(f->viewport.framesPerPixel(), 768.0);
        const double start = f->viewport.startFrame();
        QTest::keyClick(&f->lane, Qt::Key_Right);
        QCOMPARE(f->viewport.startFrame(), start + kWidth / 8.0 * 768);
    }

    void darkPaletteKeepsTheWaveformReadable()
    {
        auto f = makeLane(m_summary);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::Text, QColor(225, 225, 225));
        dark.setColor(QPalette::Highlight, QColor(61, 142, 201));
        f->lane.setPalette(dark);
        f->viewport.setView(0, 1024);
        const QImage img = render(f->lane);
        const QRect loud = f->lane.channelRect(0);
        const auto luminance = [](QRgb c) { return 0.2126 * qRed(c) + 0.7152 * qGreen(c) + 0.0722 * qBlue(c); };
        const QRgb background = img.pixel(200, f->lane.channelRect(1).top() + 12);
        QVERIFY(luminance(background) < 50);                               // the dark base, not white
        const QRgb envelope = img.pixel(200, int(f->lane.valueToY(0.95, loud)));
        const QRgb body = img.pixel(200, int(f->lane.valueToY(0.1, loud)));
        QVERIFY2(luminance(envelope) - luminance(background) > 60, qPrintable(QString::number(luminance(envelope))));
        QVERIFY2(luminance(body) - luminance(envelope) > 30, qPrintable(QString::number(luminance(body))));
    }

    void errorTextReplacesTheWaveform()
    {
        auto f = makeLane(nullptr);
        f->lane.setErrorText(QStringLiteral("/music/side-a.wav: file not found"));
        QCOMPARE(f->lane.errorText(), QStringLiteral("/music/side-a.wav: file not found"));
        const QImage img = render(f->lane);
        int ink = 0, wave = 0;
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x) {
                ink += isInk(img.pixel(x, y));
                wave += isWave(img.pixel(x, y));
            }
        QVERIFY(ink > 50); // the message is drawn
        QCOMPARE(wave, 0);
        f->lane.setSummary(m_summary);
        QVERIFY(f->lane.errorText().isEmpty());
    }

    void rulerLabelsAndSteps()
    {
        QCOMPARE(TimeRuler::formatTime(83.4567, 3), QStringLiteral("1:23.457"));
        QCOMPARE(TimeRuler::formatTime(3600.0, 0), QStringLiteral("60:00"));
        QCOMPARE(TimeRuler::formatTime(59.9996, 3), QStringLiteral("1:00.000"));
        QCOMPARE(TimeRuler::formatTime(0.00012, 5), QStringLiteral("0:00.00012"));
        QCOMPARE(TimeRuler::majorStepSeconds(0.01, 100), 1.0);
        QCOMPARE(TimeRuler::majorStepSeconds(0.011, 100), 2.0);
        QCOMPARE(TimeRuler::majorStepSeconds(0.001, 100), 0.1);
        QCOMPARE(TimeRuler::majorStepSeconds(1.0, 100), 120.0);
        QCOMPARE(TimeRuler::majorStepSeconds(1.0 / 44100 / 32, 100), 1e-4);
        QCOMPARE(TimeRuler::decimalsForStep(0.1), 3);
        QCOMPARE(TimeRuler::decimalsForStep(1e-4), 4);
        QCOMPARE(TimeRuler::decimalsForStep(15.0), 0);
        QCOMPARE(TimeRuler::minorDivisions(15.0), 3);
        QCOMPARE(TimeRuler::minorDivisions(0.2), 4);
        QCOMPARE(TimeRuler::minorDivisions(0.05), 5);
    }

    void rulerDrawsTicksAndSetsThePlayhead()
    {
        TimelineViewport viewport;
        viewport.setDocument(kFrames, 51200); // a rate that makes 512 frames/px 10 ms per pixel:
        viewport.setWidth(kWidth);             // a labelled tick every second (100 px)
        viewport.setView(0, 512);
        TimeRuler ruler(&viewport);
        ruler.setPalette(testPalette());
        ruler.resize(kWidth, 30);
        ruler.show();
        const QImage img = render(ruler);
        if (qEnvironmentVariableIsSet("SHELLAC_LANE_PNG"))
            img.save(qEnvironmentVariable("SHELLAC_LANE_PNG") + "-ruler.png");
        for (const int x : {100, 200, 300})
            QVERIFY2(isInk(img.pixel(x, 20)), qPrintable(QString::number(x)));
        QVERIFY(!isInk(img.pixel(150, 20))); // above the minor ticks' reach
        sendMouse(ruler, QEvent::MouseButtonPress, {123, 10}, Qt::LeftButton);
        QCOMPARE(viewport.playhead(), std::int64_t(123 * 512));
    }
};

QTEST_MAIN(TestWaveformLane)
#include "tst_waveform_lane.moc"
