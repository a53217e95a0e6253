#include "TestSignals.h"

#include "audio/AudioFileReader.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace shellac::test {

AudioBlock sine(int channels, std::int64_t frames, double sampleRate, double frequency, double amplitude)
{
    AudioBlock block(channels, frames);
    for (int c = 0; c < channels; ++c) {
        auto ch = block.channel(c);
        for (std::int64_t i = 0; i < frames; ++i)
            ch[static_cast<std::size_t>(i)] = static_cast<float>(
                amplitude * std::sin(2.0 * std::numbers::pi * frequency * double(i) / sampleRate + c));
    }
    return block;
}

void writeAudio(const QString& path, const AudioBlock& block, int sampleRate, Container container,
                SampleEncoding encoding)
{
    AudioWriteSpec spec{container, encoding, sampleRate, block.channels()};
    auto writer = AudioFileWriter::create(path, spec, OverwritePolicy::Replace);
    if (!writer)
        QFAIL(qPrintable(writer.error().message()));
    Status written = writer.value()->write(block);
    if (!written)
        QFAIL(qPrintable(written.error().message()));
    Status committed = writer.value()->commit();
    if (!committed)
        QFAIL(qPrintable(committed.error().message()));
}

AudioBlock readAudio(const QString& path, int* sampleRate)
{
    AudioBlock all;
    auto reader = AudioFileReader::open(path);
    if (!reader) {
        QTest::qFail(qPrintable(reader.error().message()), __FILE__, __LINE__);
        return all;
    }
    if (sampleRate)
        *sampleRate = reader.value()->format().sampleRate;
    all.resize(reader.value()->format().channels, 0);
    AudioBlock block;
    for (;;) {
        auto got = reader.value()->read(block, 4096);
        if (!got) {
            QTest::qFail(qPrintable(got.error().message()), __FILE__, __LINE__);
            return all;
        }
        if (got.value() == 0)
            break;
        all.append(block);
    }
    return all;
}

QByteArray riffChunk(const char id[4], const QByteArray& payload)
{
    QByteArray chunk(id, 4);
    char size[4];
    qToLittleEndian<quint32>(static_cast<quint32>(payload.size()), size);
    chunk.append(size, 4);
    chunk.append(payload);
    if (payload.size() % 2)
        chunk.append('\0');
    return chunk;
}

QByteArray wavBytes(int sampleRate, int channels, const QByteArray& pcm16Data,
                    const QByteArray& chunksBeforeFmt, const QByteArray& chunksAfterFmt)
{
    QByteArray fmt(16, '\0');
    qToLittleEndian<quint16>(1, fmt.data());                                   // PCM
    qToLittleEndian<quint16>(static_cast<quint16>(channels), fmt.data() + 2);
    qToLittleEndian<quint32>(static_cast<quint32>(sampleRate), fmt.data() + 4);
    qToLittleEndian<quint32>(static_cast<quint32>(sampleRate * channels * 2), fmt.data() + 8);
    qToLittleEndian<quint16>(static_cast<quint16>(channels * 2), fmt.data() + 12);
    qToLittleEndian<quint16>(16, fmt.data() + 14);
    QByteArray body("WAVE");
    body += chunksBeforeFmt;
    body += riffChunk("fmt ", fmt);
    body += chunksAfterFmt;
    body += riffChunk("data", pcm16Data);
    return riffChunk("RIFF", body);
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        QFAIL(qPrintable(QStringLiteral("cannot write fixture %1").arg(path)));
    file.write(bytes);
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

QJsonObject readJson(const QString& path)
{
    return QJsonDocument::fromJson(readBytes(path)).object();
}

double snrDb(std::span<const float> reference, std::span<const float> test, std::size_t begin, std::size_t end)
{
    double signal = 0;
    double error = 0;
    for (std::size_t i = begin; i < end; ++i) {
        signal += double(reference[i]) * reference[i];
        const double e = double(reference[i]) - test[i];
        error += e * e;
    }
    return error > 0 ? 10.0 * std::log10(signal / error) : 400.0;
}

} // namespace shellac::test
