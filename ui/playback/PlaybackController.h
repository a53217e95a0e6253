#pragma once

#include "common/Result.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/playback/AbSource.h"
#include "ui/playback/PlaybackStream.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QAudioSink;
class QMediaDevices;
class QTimer;

namespace shellac::ui {

/// Plays one document through Qt Multimedia with instant A/B switching: owns the QAudioSink
/// (pull mode, ~kSinkBufferMs of buffer so that a switch is heard within that) and the AbSource
/// it pulls from.
///
/// Positions are document frames. position() is the frame being HEARD: the sink's played time
/// (processedUSecs(), capped by what was delivered minus what still waits in the sink's buffer),
/// mapped back through loop wraps, so the playhead never runs ahead of the sound.
///
/// No output device (QMediaDevices lists none): isAvailable() is false, unavailableReason()
/// says so for people, play() does nothing except emit errorOccurred(reason) the first time;
/// choice, seek, loop and selection still work and position() stays where it was put. Plugging
/// in a device (QMediaDevices::audioOutputsChanged) enables playback and emits
/// availabilityChanged(true).
///
/// A stream that cannot be read while playing (file deleted, truncated): playback stops as by
/// stop() and errorOccurred() names the file and the reason; the editor keeps working.
///
/// Threading: GUI thread only (QAudioSink pulls on its owner's thread in Qt 6.4; so does
/// AbSource). Shortcuts belong to the window (suggested: Space play/pause, 1/2/3 Original/
/// Restored/Residual, L loop selection).
class PlaybackController : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Playing, Paused };
    Q_ENUM(State)

    /// Sink buffer, milliseconds: the most that setChoice() waits to be heard. Qt 6.4's
    /// PulseAudio sink writes in 40 ms periods and only when a whole period is free, so a buffer
    /// under ~2 periods drains between writes and underruns; 100 ms keeps 60–100 ms queued.
    static constexpr int kSinkBufferMs = 100;
    /// positionChanged() interval while playing, milliseconds (~30 Hz).
    static constexpr int kPositionIntervalMs = 33;

    explicit PlaybackController(QObject* parent = nullptr);
    ~PlaybackController() override;

    /// Sets what can be played (see AbSource::setStreams() for the checks; nothing changes on
    /// failure). Keeps the position (clamped), loop and selection, and keeps playing if it was:
    /// so a restoration that finishes while listening simply adds Restored and Residual.
    Status setStreams(std::shared_ptr<PlaybackStream> original, std::shared_ptr<PlaybackStream> restored,
                      std::shared_ptr<PlaybackStream> residual);
    /// Stops and drops all streams.
    void clearStreams();
    bool hasStreams() const;
    bool hasChoice(AbChoice choice) const;
    /// Document length in frames and rate in Hz (0 without streams).
    std::int64_t frames() const;
    int sampleRate() const;

    /// Whether an audio output device exists; the reason for people when not.
    bool isAvailable() const { return m_available; }
    QString unavailableReason() const;

    /// Starts (or resumes after pause()). Without an explicit seek, playback starts at the
    /// current position; inside a loop or selection when one is set and the position is outside
    /// it; at the start (of the selection) when the position is at the end. No-op without
    /// streams or device (see class comment).
    void play();
    /// Holds the sound where it is (the sink keeps its buffer); play() resumes.
    void pause();
    /// Stops and goes back to the loop's start, else the selection's start, else where play()
    /// started (or the last seek()).
    void stop();
    void togglePlayPause();
    State state() const { return m_state; }

    /// Switches Original / Restored / Residual at the same position; false when that stream is
    /// absent (nothing changes). Emits choiceChanged() on a change.
    bool setChoice(AbChoice choice);
    AbChoice choice() const;

    /// Loops [start, end) while playing; nullopt (or an empty range) ends the loop.
    void setLoop(std::optional<FrameRange> loop);
    std::optional<FrameRange> loop() const;
    /// Plays only the selection: play() starts at its start when the position is outside it and
    /// stops at its end. nullopt: the whole document.
    void setSelection(std::optional<FrameRange> selection);
    std::optional<FrameRange> selection() const { return m_selection; }

    /// Moves to `frame` (clamped to the document); while playing, the sound continues from there
    /// at once. stop() returns here afterwards.
    void seek(std::int64_t frame);
    /// The frame being heard while playing or paused; the frame play() would start at otherwise.
    std::int64_t position() const;

    /// The device the sink plays through, empty when none is open; for status bars.
    QString deviceDescription() const;
    /// The source the sink pulls from (for tests and diagnostics; do not read from it).
    AbSource* source() const { return m_source; }

Q_SIGNALS:
    /// ~30 Hz while playing, and after seek() and stop().
    void positionChanged(std::int64_t frame);
    void stateChanged(shellac::ui::PlaybackController::State state);
    void choiceChanged(shellac::ui::AbChoice choice);
    /// A message for people: no device, device failed, file unreadable while playing.
    void errorOccurred(const QString& message);
    void availabilityChanged(bool available);

private:
    void updateAvailability();
    bool startSink();
    void stopSink(); // stops and deletes the sink (a new one for every start)
    void setState(State state);
    void emitPosition();
    void onTick();
    void onEndReached();
    void onReadFailed(const QString& message);
    void onSinkStateChanged();
    std::int64_t heardPosition() const;

    AbSource* m_source = nullptr;
    QAudioSink* m_sink = nullptr;
    QMediaDevices* m_devices = nullptr;
    QTimer* m_timer = nullptr;
    QString m_deviceDescription;
    bool m_sinkActive = false; // started with m_source (playing or suspended)
    bool m_available = false;
    bool m_reasonReported = false;
    State m_state = State::Stopped;
    std::optional<FrameRange> m_selection;
    std::int64_t m_playStart = 0;
    std::int64_t m_lastEmitted = -1;
};

} // namespace shellac::ui
