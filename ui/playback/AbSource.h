#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/playback/PlaybackStream.h"

#include <QIODevice>

#include <array>
#include <deque>
#include <memory>
#include <optional>

namespace shellac {
class Resampler;
}

namespace shellac::ui {

/// What the listener hears: the untouched transfer, the restoration, or what was removed
/// (original − restored).
enum class AbChoice { Original = 0, Restored = 1, Residual = 2 };

/// The interleaved sample layout the audio device takes (a QtCore-only mirror of the few
/// QAudioFormat fields that matter, so that this unit needs no Qt Multimedia).
struct PlaybackFormat {
    enum class Sample { Int16, Int32, Float };
    int sampleRate = 44100; ///< Hz
    int channels = 2;
    Sample sample = Sample::Float;

    int bytesPerSample() const { return sample == Sample::Int16 ? 2 : 4; }
    int bytesPerFrame() const { return bytesPerSample() * channels; }
    friend bool operator==(const PlaybackFormat&, const PlaybackFormat&) = default;
};

/// The QIODevice a QAudioSink pulls from (pull mode): up to three streams over the same document
/// frames (Original required; Restored and Residual optional), the current choice, the read
/// position, an optional loop and an end frame. Produces interleaved samples in the device's
/// PlaybackFormat.
///
/// The A/B contract: setChoice() takes effect at the very next frame read and never moves the
/// position; after reading N frames of Original, the next frame read is Restored's frame N.
///
/// Conversion to the device: a mono document on a multi-channel device goes to every channel;
/// a document with fewer (but > 1) channels than the device fills the first ones and leaves
/// the rest silent; more channels than the device are downmixed (output channel k is the mean of
/// document channels c with c mod deviceChannels == k; stereo to mono is (L + R) / 2). Int16 and
/// Int32 scale by 2^15 / 2^31 and clip to the type's range (a 16-bit file plays bit-exactly);
/// Float is passed through unclipped. When the device's rate differs from the document's, every
/// present stream is resampled with its own streaming libsoxr Resampler (quality High) fed the
/// same frames, so that a switch stays aligned at the output too; the switch is then heard at
/// the same output frame, and positions are exact up to the resampler's delay (< 1 ms).
///
/// Loop [start, end): while set, every frame read lies inside it: reading reaches end and
/// continues at start with no frame dropped or repeated, and a position outside the loop moves
/// to start at the next read. Without a loop, reading stops at endFrame() (default: the
/// document's end): readData() returns 0 and endReached() is emitted once.
///
/// Always opened Unbuffered (open() adds the flag) so that QIODevice never reads ahead of the
/// choice. Sequential. All frame numbers are document frames unless named "output frames".
/// Threading: not thread-safe. In Qt 6.4 QAudioSink pulls on the thread that owns the sink (the
/// GUI thread here), so the owner and the sink must share one thread; streams' own read-ahead
/// threads are internal to them.
class AbSource : public QIODevice {
    Q_OBJECT
public:
    explicit AbSource(QObject* parent = nullptr);
    ~AbSource() override;

    /// Opens with `mode` | Unbuffered; only ReadOnly makes sense.
    bool open(OpenMode mode) override;
    bool isSequential() const override { return true; }
    /// True at the end without a loop, or after a read error.
    bool atEnd() const override;
    /// Bytes up to the end (one second's worth while looping); 0 at the end or after an error.
    qint64 bytesAvailable() const override;

    /// Sets what can be played. `original` is required; `restored` and `residual` may be null.
    /// Every stream must match the original's length, channels and rate (checkStreamsMatch()).
    /// On success the position goes to 0, the loop and end frame are cleared, the choice falls
    /// back to Original when the chosen stream is absent, and the output clock restarts.
    /// On failure nothing changes.
    Status setStreams(std::shared_ptr<PlaybackStream> original, std::shared_ptr<PlaybackStream> restored,
                      std::shared_ptr<PlaybackStream> residual);
    /// Drops all streams (reads return 0).
    void clearStreams();
    bool hasStreams() const { return bool(m_streams[0]); }
    bool hasChoice(AbChoice choice) const { return bool(m_streams[std::size_t(choice)]); }
    const std::shared_ptr<PlaybackStream>& stream(AbChoice choice) const { return m_streams[std::size_t(choice)]; }
    /// Document length in frames and rate in Hz (0 without streams).
    std::int64_t frames() const;
    int sampleRate() const;

    /// The device's format; resets the output clock and the resamplers. Fails when the format
    /// is unusable (no channels, rate outside 8–384 kHz) or the resampler cannot be created.
    Status setOutputFormat(const PlaybackFormat& format);
    const PlaybackFormat& outputFormat() const { return m_format; }
    /// True when the device rate differs from the document rate.
    bool isResampling() const;

    /// Switches what the next frame read comes from. False (and no change) when that stream is
    /// absent. The position does not move.
    bool setChoice(AbChoice choice);
    AbChoice choice() const { return m_choice; }

    /// Moves the read position to `frame` (clamped to [0, frames()]), clears a read error and the
    /// end state, and restarts the output clock (a sink playing from here must be restarted too).
    /// Named seekFrame so that it does not hide QIODevice::seek (byte positions).
    void seekFrame(std::int64_t frame);
    /// The next document frame to be read.
    std::int64_t position() const { return m_position; }

    /// Loops [start, end) (clamped to the document; an empty range clears the loop).
    void setLoop(std::optional<FrameRange> loop);
    std::optional<FrameRange> loop() const { return m_loop; }
    /// Where reading stops without a loop (clamped to the document); nullopt: the document's end.
    void setEndFrame(std::optional<std::int64_t> frame);
    std::int64_t endFrame() const;

    /// Output frames delivered since the output clock last restarted.
    std::int64_t outputFramesDelivered() const { return m_outputDelivered; }
    /// The document frame that was delivered as output frame `outputFrame` (counted like
    /// outputFramesDelivered()), following loop wraps; the position for frames not delivered yet.
    /// History covers the last ~4 s of output.
    std::int64_t documentFrameAt(std::int64_t outputFrame) const;

    /// The message of the read error that stopped output, empty when none.
    QString errorMessage() const { return m_error; }

Q_SIGNALS:
    /// Reading reached endFrame() without a loop (once per seekFrame()). Emitted from inside
    /// readData(): connect queued when the receiver touches the sink.
    void endReached();
    /// A stream could not be read (file deleted, truncated, damaged); output stops here.
    /// Emitted from inside readData(): connect queued.
    void readFailed(const QString& message);

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;

private:
    struct Segment {
        std::int64_t outputStart;
        std::int64_t outputFrames;
        std::int64_t documentStart;
        std::int64_t documentFrames;
    };

    /// Reads up to `count` document frames (stopping at the loop end or end frame) from the
    /// streams that are needed into m_mapped (output channels), from `documentStart` on (set
    /// also at the end). Returns frames read, 0 at the end, -1 on error (already reported).
    std::int64_t pullDocument(std::int64_t count, std::int64_t& documentStart);
    void recordSegment(std::int64_t documentStart, std::int64_t documentFrames, std::int64_t outputFrames);
    void resetOutput();
    void createResamplers();
    void fail(const QString& message);

    std::array<std::shared_ptr<PlaybackStream>, 3> m_streams;
    AbChoice m_choice = AbChoice::Original;
    PlaybackFormat m_format;
    std::int64_t m_position = 0;
    std::optional<FrameRange> m_loop;
    std::optional<std::int64_t> m_endFrame;
    bool m_endSignalled = false;
    QString m_error;

    std::int64_t m_outputDelivered = 0;
    std::deque<Segment> m_segments;

    AudioBlock m_read;                       // one stream's document frames
    std::array<AudioBlock, 3> m_mapped;      // per choice, in output channels
    // Resampling only: one resampler and output FIFO per present stream.
    std::array<std::unique_ptr<Resampler>, 3> m_resamplers;
    std::array<AudioBlock, 3> m_pending;
    AudioBlock m_resampled;
    bool m_flushed = false;
};

} // namespace shellac::ui
