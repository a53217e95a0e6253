// PlaybackController: without an audio output device (offscreen CI) it says so, play() is a
// no-op that reports the reason once, and choice, seek, loop, selection and stop still work with
// the position staying where it was put; streams that do not match are refused without losing
// the current ones. Where the machine has a device (a PulseAudio null sink will do), real
// playback: the playhead advances, an A/B switch while playing keeps it moving forward, stop()
// goes back to where play started, a selection ends by itself, a loop keeps the playhead inside
// it, and a file deleted while playing stops playback with its name.

#include "TestSignals.h"

#include "ui/playback/PlaybackController.h"
#include "ui/playback/PlaybackStream.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shellac;
using namespace shellac::ui;
using State = PlaybackController::State;

namespace {

constexpr int kRate = 44100;
constexpr std::int64_t kFrames = 3 * kRate;

} // namespace

class TestPlaybackController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<PlaybackStream> m_original;
    std::shared_ptr<PlaybackStream> m_restored;
    std::shared_ptr<PlaybackStream> m_residual;

    void load(PlaybackController& controller, bool withRestored = true)
    {
        const Status s = withRestored ? controller.setStreams(m_original, m_restored, m_residual)
                                      : controller.setStreams(m_original, nullptr, nullptr);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString a = m_dir.filePath("side-a.wav");
        const QString b = m_dir.filePath("side-a.restored.wav");
        test::writeAudio(a, test::sine(2, kFrames, kRate, 440, 0.3), kRate);
        test::writeAudio(b, test::sine(2, kFrames, kRate, 440, 0.2), kRate);
        m_original = FileStream::open(a).value();
        m_restored = FileStream::open(b).value();
        m_residual = DifferenceStream::create(m_original, m_restored).value();
    }

    void noDeviceDisablesPlaybackWithAReason()
    {
        PlaybackController controller;
        if (controller.isAvailable())
            QSKIP("this machine has an audio output device");
        QVERIFY(controller.unavailableReason().contains("audio output device"));
        load(controller);
        QSignalSpy errors(&controller, &PlaybackController::errorOccurred);
        QSignalSpy states(&controller, &PlaybackController::stateChanged);
        controller.seek(1234);
        controller.play();
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), controller.unavailableReason());
        controller.play();
        controller.togglePlayPause();
        QCOMPARE(errors.count(), 1); // the reason is reported once
        QCOMPARE(controller.state(), State::Stopped);
        QCOMPARE(states.count(), 0);
        QCOMPARE(controller.position(), std::int64_t(1234));
        QTest::qWait(100);
        QCOMPARE(controller.position(), std::int64_t(1234)); // nothing runs
    }

    void stateWorksWhileStopped()
    {
        PlaybackController controller; // with or without a device: nothing here plays
        load(controller);
        QSignalSpy choices(&controller, &PlaybackController::choiceChanged);
        QSignalSpy positions(&controller, &PlaybackController::positionChanged);

        QVERIFY(controller.setChoice(AbChoice::Restored));
        QCOMPARE(controller.choice(), AbChoice::Restored);
        QVERIFY(controller.setChoice(AbChoice::Residual));
        QCOMPARE(choices.count(), 2);
        QCOMPARE(choices.at(1).at(0).value<AbChoice>(), AbChoice::Residual);

        controller.seek(5000);
        QCOMPARE(controller.position(), std::int64_t(5000));
        QCOMPARE(positions.last().at(0).value<std::int64_t>(), std::int64_t(5000));
        controller.seek(kFrames + 99);
        QCOMPARE(controller.position(), kFrames); // clamped

        controller.seek(700);
        controller.stop(); // back to the last seek
        QCOMPARE(controller.position(), std::int64_t(700));
        controller.setSelection(FrameRange{2000, 3000});
        controller.stop();
        QCOMPARE(controller.position(), std::int64_t(2000));
        controller.setLoop(FrameRange{10000, 20000});
        QCOMPARE(controller.loop(), std::optional<FrameRange>(FrameRange{10000, 20000}));
        controller.stop(); // the loop's start wins
        QCOMPARE(controller.position(), std::int64_t(10000));
        controller.setLoop(FrameRange{5, 5}); // empty: no loop
        QVERIFY(!controller.loop());

        // A restored stream that does not fit is refused and the current streams stay.
        const QString shortPath = m_dir.filePath("short.wav");
        test::writeAudio(shortPath, test::sine(2, kFrames - 1, kRate, 440, 0.2), kRate);
        const Status s = controller.setStreams(m_original, FileStream::open(shortPath).value(), nullptr);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message().contains("short.wav"), qPrintable(s.error().message()));
        QVERIFY(controller.hasChoice(AbChoice::Residual));
        QCOMPARE(controller.choice(), AbChoice::Residual);
    }

    void newStreamsKeepThePosition()
    {
        PlaybackController controller;
        load(controller, false);
        QVERIFY(!controller.setChoice(AbChoice::Restored)); // not restored yet
        controller.seek(30000);
        QSignalSpy choices(&controller, &PlaybackController::choiceChanged);
        load(controller); // the restoration finished
        QCOMPARE(controller.position(), std::int64_t(30000));
        QVERIFY(controller.setChoice(AbChoice::Restored));
        load(controller, false); // restored dropped again: back to the original
        QCOMPARE(controller.choice(), AbChoice::Original);
        QCOMPARE(choices.count(), 2);
        QCOMPARE(controller.position(), std::int64_t(30000));
        controller.clearStreams();
        QVERIFY(!controller.hasStreams());
        QCOMPARE(controller.position(), std::int64_t(0));
    }

    void realDevicePlaysAndSwitches()
    {
        PlaybackController controller;
        if (!controller.isAvailable())
            QSKIP("no audio output device on this machine (the offscreen CI has none)");
        load(controller);
        QSignalSpy errors(&controller, &PlaybackController::errorOccurred);
        controller.seek(kRate / 2);
        controller.play();
        if (!errors.isEmpty())
            QSKIP(qPrintable("the device is listed but cannot play: " + errors.at(0).at(0).toString()));
        QCOMPARE(controller.state(), State::Playing);
        QTRY_VERIFY_WITH_TIMEOUT(controller.position() > kRate / 2 + kRate / 10, 5000);
        const std::int64_t before = controller.position();
        QVERIFY(controller.setChoice(AbChoice::Restored));
        QVERIFY(controller.position() >= before); // switching never jumps back
        QTRY_VERIFY_WITH_TIMEOUT(controller.position() > before, 5000);
        controller.pause();
        QCOMPARE(controller.state(), State::Paused);
        controller.stop();
        QCOMPARE(controller.state(), State::Stopped);
        QCOMPARE(controller.position(), std::int64_t(kRate / 2));
        QVERIFY(errors.isEmpty());
    }

    void realDeviceMeasuresLatency()
    {
        PlaybackController controller;
        if (!controller.isAvailable())
            QSKIP("no audio output device on this machine");
        load(controller);
        controller.play();
        QTRY_VERIFY_WITH_TIMEOUT(controller.position() > kRate / 5, 5000);
        // What has been handed to the sink but not heard yet: how late an A/B switch is heard.
        double worstMs = 0;
        for (int i = 0; i < 10; ++i) {
            QTest::qWait(30);
            const std::int64_t ahead = controller.source()->position() - controller.position();
            QVERIFY(ahead >= 0); // the playhead never runs ahead of the sound
            worstMs = std::max(worstMs, 1000.0 * double(ahead) / kRate);
        }
        qInfo("device \"%s\": delivered ahead of heard at most %.1f ms (sink buffer %d ms)",
              qPrintable(controller.deviceDescription()), worstMs, PlaybackController::kSinkBufferMs);
        controller.stop();
    }

    void realDeviceEndsTheSelectionAndLoops()
    {
        PlaybackController controller;
        if (!controller.isAvailable())
            QSKIP("no audio output device on this machine");
        load(controller);
        controller.setSelection(FrameRange{kRate / 2, kRate / 2 + kRate / 4});
        QSignalSpy states(&controller, &PlaybackController::stateChanged);
        controller.play();
        QCOMPARE(controller.state(), State::Playing);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), State::Stopped, 5000); // ended by itself
        QCOMPARE(controller.position(), std::int64_t(kRate / 2));
        QCOMPARE(states.count(), 2);

        controller.setSelection(std::nullopt);
        const FrameRange loop{kRate, kRate + kRate / 5};
        controller.setLoop(loop);
        controller.play();
        QTRY_VERIFY_WITH_TIMEOUT(controller.position() > loop.start + kRate / 10, 5000);
        for (int i = 0; i < 20; ++i) { // 0.6 s: three times round the 0.2 s loop
            QTest::qWait(30);
            const std::int64_t p = controller.position();
            QVERIFY2(p >= loop.start && p < loop.end, qPrintable(QString::number(p)));
        }
        QCOMPARE(controller.state(), State::Playing);
        controller.stop();
        QCOMPARE(controller.position(), loop.start);
    }

    void realDeviceStopsWhenTheFileIsDeleted()
    {
        PlaybackController controller;
        if (!controller.isAvailable())
            QSKIP("no audio output device on this machine");
        const QString path = m_dir.filePath("going.wav");
        test::writeAudio(path, test::sine(2, kFrames, kRate, 330, 0.3), kRate);
        QVERIFY(controller.setStreams(FileStream::open(path).value(), nullptr, nullptr).ok());
        QSignalSpy errors(&controller, &PlaybackController::errorOccurred);
        controller.play();
        QVERIFY(QFile::remove(path));
        controller.seek(3 * FileStream::kChunkFrames - 2000); // into chunks never read
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 5000);
        const QString message = errors.at(0).at(0).toString();
        QVERIFY2(message.contains("going.wav") && message.contains("deleted"), qPrintable(message));
        QCOMPARE(controller.state(), State::Stopped);
        controller.seek(100); // the editor keeps working
        QCOMPARE(controller.position(), std::int64_t(100));
    }
};

QTEST_MAIN(TestPlaybackController)
#include "tst_playback_controller.moc"
