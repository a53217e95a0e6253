#pragma once

#include <QJsonObject>

#include "audio/AudioBlock.h"
#include "audio/AudioFileWriter.h"

#include <QString>

namespace shellac::test {

/// A sine of `frequency` Hz and linear `amplitude` on every channel (channel c shifted by c
/// radians so channels differ), `frames` long at `sampleRate` Hz.
AudioBlock sine(int channels, std::int64_t frames, double sampleRate, double frequency, double amplitude);

/// Writes `block` to `path` with Shellac's writer (fails the calling test on error).
void writeAudio(const QString& path, const AudioBlock& block, int sampleRate,
                Container container = Container::Wav, SampleEncoding encoding = SampleEncoding::Float32);

/// Reads a whole file with Shellac's reader (fails the calling test on error).
AudioBlock readAudio(const QString& path, int* sampleRate = nullptr);

/// Canonical 16-bit PCM WAV bytes: RIFF header, optional extra chunks before "fmt ", the fmt
/// chunk, optional chunks between fmt and data, then data. For hand-made fixtures.
QByteArray wavBytes(int sampleRate, int channels, const QByteArray& pcm16Data,
                    const QByteArray& chunksBeforeFmt = {}, const QByteArray& chunksAfterFmt = {});

/// One RIFF chunk: 4-byte id, little-endian size, payload, pad byte when odd.
QByteArray riffChunk(const char id[4], const QByteArray& payload);

/// Writes raw bytes to a file (fails the calling test on error).
void writeBytes(const QString& path, const QByteArray& bytes);

/// A file's bytes, or "<unreadable>" when it cannot be read (so a comparison fails visibly).
QByteArray readBytes(const QString& path);

/// A JSON file's top-level object; empty when the file cannot be read or is not an object.
QJsonObject readJson(const QString& path);

/// 10*log10(signal power / error power) over [begin, end) of two equally long channels.
double snrDb(std::span<const float> reference, std::span<const float> test, std::size_t begin, std::size_t end);

} // namespace shellac::test
