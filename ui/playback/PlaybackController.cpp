#include "ui/playback/PlaybackController.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>
#include <QTimer>

#include <algorithm>

namespace shellac::ui {

namespace {

PlaybackFormat toPlaybackFormat(const QAudioFormat& f)
{
    PlaybackFormat p;
    p.sampleRate = f.sampleRate();
    p.channels = f.channelCount();
    p.sample = f.sampleFormat() == QAudioFormat::Int16   ? PlaybackFormat::Sample::Int16
             : f.sampleFormat() == QAudioFormat::Int32 ? PlaybackFormat::Sample::Int32
                                                       : PlaybackFormat::Sample::Float;
    return p;
}

/// The closest format `device` takes for a document of `rate` Hz and `channels` channels: the
/// document's own rate and channels first (nothing to convert), then the device's channel count,
/// then the device's preferred rate (AbSource resamples). Float before Int16 before Int32.
std::optional<QAudioFormat> chooseFormat(const QAudioDevice& device, int rate, int channels)
{
    const QAudioFormat preferred = device.preferredFormat();
    for (int r : {rate, preferred.sampleRate()}) {
        for (int c : {channels, preferred.channelCount(), 2, 1}) {
            for (auto s : {QAudioFormat::Float, QAudioFormat::Int16, QAudioFormat::Int32}) {
                QAudioFormat f;
                f.setSampleRate(r);
                f.setChannelCount(c);
                f.setSampleFormat(s);
                if (r > 0 && c > 0 && device.isFormatSupported(f))
                    return f;
            }
        }
    }
    return std::nullopt;
}

} // namespace

PlaybackController::PlaybackController(QObject* parent)
    : QObject(parent), m_source(new AbSource(this)), m_devices(new QMediaDevices(this)), m_timer(new QTimer(this))
{
    m_source->open(QIODevice::ReadOnly);
    m_timer->setInterval(kPositionIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &PlaybackController::onTick);
    // Both come from inside readData(), called by the sink: act once that call has returned.
    connect(m_source, &AbSource::endReached, this, &PlaybackController::onEndReached, Qt::QueuedConnection);
    connect(m_source, &AbSource::readFailed, this, &PlaybackController::onReadFailed, Qt::QueuedConnection);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &PlaybackController::updateAvailability);
    m_available = !QMediaDevices::audioOutputs().isEmpty();
}

PlaybackController::~PlaybackController()
{
    stopSink();
}

QString PlaybackController::unavailableReason() const
{
    if (m_available)
        return {};
    return tr("No audio output device was found, so playback is off (everything else works). "
              "Connect a device or start the sound server (PipeWire or PulseAudio) to listen.");
}

void PlaybackController::updateAvailability()
{
    const bool available = !QMediaDevices::audioOutputs().isEmpty();
    if (m_state != State::Stopped && !available) {
        stop();
        Q_EMIT errorOccurred(tr("Playback stopped: the audio output device was removed."));
    }
    if (available == m_available)
        return;
    m_available = available;
    m_reasonReported = false;
    Q_EMIT availabilityChanged(available);
}

Status PlaybackController::setStreams(std::shared_ptr<PlaybackStream> original,
                                      std::shared_ptr<PlaybackStream> restored,
                                      std::shared_ptr<PlaybackStream> residual)
{
    const std::int64_t position = this->position();
    const auto loop = m_source->loop();
    const AbChoice before = m_source->choice();
    const bool wasPlaying = m_state == State::Playing;
    stopSink();
    if (Status s = m_source->setStreams(std::move(original), std::move(restored), std::move(residual)); !s.ok()) {
        if (wasPlaying)
            startSink();
        return s;
    }
    m_source->setLoop(loop);
    m_source->seekFrame(position);
    m_playStart = std::min(m_playStart, frames());
    if (m_selection && m_selection->end > frames())
        m_selection.reset();
    if (m_source->choice() != before)
        Q_EMIT choiceChanged(m_source->choice());
    if (wasPlaying && !startSink())
        setState(State::Stopped); // paused stays paused: play() resumes here with a fresh sink
    emitPosition();
    return Status::success();
}

void PlaybackController::clearStreams()
{
    stop();
    m_source->clearStreams();
    m_selection.reset();
    m_playStart = 0;
    emitPosition();
}

bool PlaybackController::hasStreams() const { return m_source->hasStreams(); }
bool PlaybackController::hasChoice(AbChoice choice) const { return m_source->hasChoice(choice); }
std::int64_t PlaybackController::frames() const { return m_source->frames(); }
int PlaybackController::sampleRate() const { return m_source->sampleRate(); }
AbChoice PlaybackController::choice() const { return m_source->choice(); }
std::optional<FrameRange> PlaybackController::loop() const { return m_source->loop(); }

QString PlaybackController::deviceDescription() const
{
    return m_sink ? m_deviceDescription : QString();
}

void PlaybackController::play()
{
    if (!m_available) {
        if (!m_reasonReported) {
            m_reasonReported = true;
            Q_EMIT errorOccurred(unavailableReason());
        }
        return;
    }
    if (!hasStreams() || m_state == State::Playing)
        return;
    if (m_state == State::Paused && m_sinkActive) {
        m_sink->resume();
        setState(State::Playing);
        return;
    }
    // Where to start: inside the loop or selection, and not at the end.
    std::int64_t start = m_source->position();
    const auto range = m_source->loop() ? m_source->loop() : m_selection;
    if (range && (start < range->start || start >= range->end))
        start = range->start;
    if (!range && start >= frames())
        start = 0;
    m_source->setEndFrame(m_selection ? std::optional<std::int64_t>(m_selection->end) : std::nullopt);
    m_source->seekFrame(start);
    m_playStart = start;
    if (startSink())
        setState(State::Playing);
}

void PlaybackController::pause()
{
    if (m_state != State::Playing)
        return;
    if (m_sink)
        m_sink->suspend();
    setState(State::Paused);
}

void PlaybackController::stop()
{
    stopSink();
    const std::int64_t back = m_source->loop() ? m_source->loop()->start
                            : m_selection      ? m_selection->start
                                               : m_playStart;
    m_source->seekFrame(back);
    setState(State::Stopped);
    emitPosition();
}

void PlaybackController::togglePlayPause()
{
    if (m_state == State::Playing)
        pause();
    else
        play();
}

bool PlaybackController::setChoice(AbChoice choice)
{
    if (choice == m_source->choice())
        return true;
    if (!m_source->setChoice(choice))
        return false;
    Q_EMIT choiceChanged(choice);
    return true;
}

void PlaybackController::setLoop(std::optional<FrameRange> loop)
{
    m_source->setLoop(loop);
}

void PlaybackController::setSelection(std::optional<FrameRange> selection)
{
    if (selection && selection->isEmpty())
        selection.reset();
    m_selection = selection;
    if (m_state == State::Stopped)
        m_source->setEndFrame(selection ? std::optional<std::int64_t>(selection->end) : std::nullopt);
}

void PlaybackController::seek(std::int64_t frame)
{
    const bool restart = m_state == State::Playing;
    stopSink();
    m_source->seekFrame(frame);
    m_playStart = m_source->position();
    if (restart && !startSink())
        setState(State::Stopped);
    emitPosition();
}

std::int64_t PlaybackController::position() const
{
    return m_sinkActive ? heardPosition() : m_source->position();
}

std::int64_t PlaybackController::heardPosition() const
{
    const PlaybackFormat& format = m_source->outputFormat();
    const std::int64_t delivered = m_source->outputFramesDelivered();
    const auto fromClock = std::int64_t(double(m_sink->processedUSecs()) * format.sampleRate / 1e6);
    std::int64_t heard = fromClock;
    // bytesFree() reads 0 while suspended: the queue estimate only holds while running.
    if (m_sink->state() != QAudio::SuspendedState) {
        const std::int64_t queued = std::max<qsizetype>(m_sink->bufferSize() - m_sink->bytesFree(), 0) / format.bytesPerFrame();
        heard = std::min(heard, delivered - queued);
    }
    heard = std::clamp<std::int64_t>(heard, 0, delivered);
    return m_source->documentFrameAt(heard);
}

bool PlaybackController::startSink()
{
    // A fresh sink for every start: the default device may have changed since the last one, and
    // Qt's PulseAudio sink keeps its latency average (part of processedUSecs()) across start()
    // calls. Creating one costs well under a millisecond.
    stopSink();
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    const auto format = chooseFormat(device, sampleRate(), m_source->stream(AbChoice::Original)->channels());
    if (device.isNull() || !format) {
        Q_EMIT errorOccurred(tr("The audio device “%1” cannot play %2 Hz audio in any format "
                                "Shellac can send.").arg(device.description()).arg(sampleRate()));
        return false;
    }
    const PlaybackFormat wanted = toPlaybackFormat(*format);
    if (!(m_source->outputFormat() == wanted)) {
        const std::int64_t position = m_source->position();
        if (Status s = m_source->setOutputFormat(wanted); !s.ok()) {
            Q_EMIT errorOccurred(s.error().message());
            return false;
        }
        m_source->seekFrame(position);
    }
    if (!m_source->errorMessage().isEmpty()) { // e.g. the resampler could not be created
        Q_EMIT errorOccurred(m_source->errorMessage());
        return false;
    }
    m_sink = new QAudioSink(device, *format, this);
    m_sink->setBufferSize(format->bytesForDuration(kSinkBufferMs * 1000));
    connect(m_sink, &QAudioSink::stateChanged, this, &PlaybackController::onSinkStateChanged);
    m_deviceDescription = device.description();
    m_sinkActive = true;
    m_sink->start(m_source);
    if (m_sink->error() != QAudio::NoError && m_sink->error() != QAudio::UnderrunError) {
        stopSink();
        Q_EMIT errorOccurred(tr("Cannot open the audio device “%1”.").arg(device.description()));
        return false;
    }
    m_timer->start();
    return true;
}

void PlaybackController::stopSink()
{
    m_timer->stop();
    if (!m_sink)
        return;
    if (m_sinkActive) {
        const std::int64_t heard = heardPosition();
        m_sinkActive = false;
        m_sink->stop();
        m_source->seekFrame(heard); // what was heard, not what was buffered
    }
    // Later: this may run inside one of the sink's own signals.
    m_sink->disconnect(this);
    m_sink->deleteLater();
    m_sink = nullptr;
}

void PlaybackController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state == State::Playing)
        m_timer->start();
    else
        m_timer->stop();
    Q_EMIT stateChanged(state);
}

void PlaybackController::emitPosition()
{
    m_lastEmitted = position();
    Q_EMIT positionChanged(m_lastEmitted);
}

void PlaybackController::onTick()
{
    if (m_source->atEnd() && m_source->errorMessage().isEmpty() && m_sinkActive) {
        const std::int64_t delivered = m_source->outputFramesDelivered();
        const auto fromClock = std::int64_t(double(m_sink->processedUSecs()) * m_source->outputFormat().sampleRate / 1e6);
        if (fromClock >= delivered || m_sink->state() == QAudio::IdleState) {
            stop(); // the last buffered frame has been heard
            return;
        }
    }
    if (position() != m_lastEmitted)
        emitPosition();
}

void PlaybackController::onEndReached()
{
    // The sink still holds up to kSinkBufferMs of sound; onTick() stops once it has been heard.
    // A sink whose clock does not advance to the end is stopped after the buffer's duration.
    QTimer::singleShot(kSinkBufferMs * 3 + 100, this, [this] {
        if (m_state == State::Playing && m_source->atEnd() && m_source->errorMessage().isEmpty())
            stop();
    });
}

void PlaybackController::onReadFailed(const QString& message)
{
    if (!m_sinkActive)
        return;
    stop();
    Q_EMIT errorOccurred(tr("Playback stopped: %1").arg(message));
}

void PlaybackController::onSinkStateChanged()
{
    if (!m_sink || !m_sinkActive)
        return;
    const QAudio::Error error = m_sink->error();
    if (error == QAudio::OpenError || error == QAudio::FatalError || error == QAudio::IOError) {
        stop();
        Q_EMIT errorOccurred(tr("Playback stopped: the audio device failed (%1).")
                                 .arg(error == QAudio::OpenError ? tr("it could not be opened")
                                      : error == QAudio::IOError ? tr("input/output error")
                                                                 : tr("fatal error")));
    }
}

} // namespace shellac::ui
