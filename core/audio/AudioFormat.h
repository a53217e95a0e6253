#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace shellac {

/// Ranges Shellac accepts for any input or output file.
namespace AudioLimits {
inline constexpr int kMinSampleRate = 8000;   ///< Hz
inline constexpr int kMaxSampleRate = 192000; ///< Hz
inline constexpr int kMaxChannels = 8;
} // namespace AudioLimits

/// File container. Reading accepts whatever libsndfile decodes (Other); writing supports the
/// four named ones.
enum class Container { Wav, Flac, OggVorbis, Aiff, Other };

/// How samples are stored in the file.
enum class SampleEncoding { PcmS8, PcmU8, Pcm16, Pcm24, Pcm32, Float32, Float64, Vorbis, Other };

/// What a file holds: container, encoding and shape. Durations are derived from frames and rate.
struct AudioFormat {
    Container container = Container::Wav;
    SampleEncoding encoding = SampleEncoding::Pcm16;
    int sampleRate = 44100;     ///< frames per second (Hz)
    int channels = 1;
    std::int64_t frames = 0;    ///< length in sample frames (one sample per channel each)
    QString containerLabel;     ///< libsndfile's name for Container::Other, e.g. "W64"

    double durationSeconds() const { return sampleRate > 0 ? double(frames) / sampleRate : 0.0; }
    /// "WAV", "FLAC", "OGG", "AIFF" or containerLabel.
    QString containerName() const;
    /// "PCM_16", "FLOAT", "VORBIS", ... (libsndfile's subtype names).
    QString encodingName() const;
};

/// The container implied by a path's extension (.wav, .flac, .ogg/.oga, .aif/.aiff),
/// or nullopt for anything else.
std::optional<Container> containerForPath(const QString& path);

/// Extensions accepted for output, for help texts and error messages (".wav, .flac, ...").
QString writableExtensionsText();

/// File-name filters for folder scans and open dialogs ("*.wav", "*.flac", ...).
QStringList readableNameFilters();

/// True when `encoding` can be written into `container` (e.g. FLAC has no float, Ogg only Vorbis).
bool canWrite(Container container, SampleEncoding encoding);

/// The encoding to write into `container` when the source was `source`: the same when possible,
/// otherwise the closest lossless choice (float into FLAC becomes PCM_24; anything into Ogg
/// becomes Vorbis).
SampleEncoding encodingForOutput(Container container, SampleEncoding source);

/// Parses a user-supplied encoding name: "16", "24", "32", "float", "double", "pcm_16", "vorbis"
/// (case-insensitive). Nullopt when unknown.
std::optional<SampleEncoding> encodingFromName(const QString& name);

/// "container, encoding, rate Hz, N ch" for lists and logs.
QString describe(const AudioFormat& format);

/// "1:02:03.456" style duration for people (hours only when needed).
QString formatDuration(double seconds);

} // namespace shellac
