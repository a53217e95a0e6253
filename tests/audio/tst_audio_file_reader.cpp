// The reader's checks and messages, and WAV files carrying metadata chunks.

#include "TestSignals.h"

#include "audio/AudioFileReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <limits>

using namespace shellac;

namespace {

QByteArray pcm16Ramp(int frames, int channels)
{
    QByteArray data(frames * channels * 2, '\0');
    for (int i = 0; i < frames * channels; ++i)
        qToLittleEndian<qint16>(static_cast<qint16>((i * 37) % 20000 - 10000), data.data() + 2 * i);
    return data;
}

QString openError(const QString& path)
{
    auto r = AudioFileReader::open(path);
    return r ? QString() : r.error().message();
}

} // namespace

class TestAudioFileReader : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void wavWithMetadataChunks_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QByteArray info = QByteArray("INFO") + test::riffChunk("INAM", "Caruso - Vesti la giubba\0")
                          + test::riffChunk("ICMT", "Victor 88061, transfer 2026\0");
        QByteArray list = test::riffChunk("LIST", info);
        QByteArray bext = test::riffChunk("bext", QByteArray(602, 'b'));
        QByteArray odd = test::riffChunk("junk", QByteArray(7, 'j')); // odd size needs a pad byte
        QTest::newRow("LIST/INFO after fmt") << QByteArray() << list;
        QTest::newRow("bext before fmt") << bext << QByteArray();
        QTest::newRow("bext + LIST + odd junk") << bext << (list + odd);
    }

    void wavWithMetadataChunks()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        const QByteArray pcm = pcm16Ramp(1000, 2);
        const QString file = path("meta.wav");
        test::writeBytes(file, test::wavBytes(22050, 2, pcm, before, after));
        auto reader = AudioFileReader::open(file);
        QVERIFY2(reader, qPrintable(openError(file)));
        QCOMPARE(reader.value()->format().frames, 1000);
        QCOMPARE(reader.value()->format().sampleRate, 22050);
        AudioBlock block;
        auto got = reader.value()->read(block, 2000);
        QVERIFY(got);
        QCOMPARE(got.value(), 1000);
        // Sample 3 (frame 1, channel 1) is (3*37) % 20000 - 10000 = -9889 in 16-bit.
        QCOMPARE(block.channel(1)[1], -9889.0f / 32768.0f);
    }

    void errorsNameFileAndProblem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");

        QTest::newRow("missing") << path("missing.wav") << QStringLiteral("file does not exist");
        QTest::newRow("folder") << m_dir.path() << QStringLiteral("is a folder");

        test::writeBytes(path("empty.wav"), {});
        QTest::newRow("empty") << path("empty.wav") << QStringLiteral("file is empty (0 bytes)");

        test::writeBytes(path("truncated.wav"), test::wavBytes(44100, 1, pcm16Ramp(100, 1)).left(30));
        QTest::newRow("truncated header") << path("truncated.wav") << QStringLiteral("damaged WAV file");

        test::writeBytes(path("notes.wav"), "These are my notes about the Caruso transfer.\nSide A: fine.\n");
        QTest::newRow("text renamed .wav") << path("notes.wav") << QStringLiteral("not an audio file: it contains text");

        test::writeBytes(path("zero.wav"), test::wavBytes(44100, 1, {}));
        QTest::newRow("0 frames") << path("zero.wav") << QStringLiteral("contains no audio (0 frames)");

        test::writeBytes(path("onehz.wav"), test::wavBytes(1, 1, pcm16Ramp(10, 1)));
        QTest::newRow("1 Hz") << path("onehz.wav") << QStringLiteral("unsupported sample rate 1 Hz");

        test::writeBytes(path("tooslow.wav"), test::wavBytes(4000, 1, pcm16Ramp(10, 1)));
        QTest::newRow("4 kHz") << path("tooslow.wav") << QStringLiteral("unsupported sample rate 4000 Hz");

        test::writeBytes(path("nine.wav"), test::wavBytes(44100, 9, pcm16Ramp(10, 9)));
        QTest::newRow("9 channels") << path("nine.wav") << QStringLiteral("unsupported channel count 9");
    }

    void errorsNameFileAndProblem()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString message = openError(file);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(file), qPrintable(message));
    }

    void nonFiniteSampleIsReportedWithPosition_data()
    {
        QTest::addColumn<float>("bad");
        QTest::newRow("NaN") << std::numeric_limits<float>::quiet_NaN();
        QTest::newRow("+Inf") << std::numeric_limits<float>::infinity();
        QTest::newRow("-Inf") << -std::numeric_limits<float>::infinity();
    }

    void nonFiniteSampleIsReportedWithPosition()
    {
        QFETCH(float, bad);
        AudioBlock block = test::sine(2, 48000, 48000, 100, 0.1);
        block.channel(1)[24000] = bad;
        const QString file = path("nan.wav");
        test::writeAudio(file, block, 48000, Container::Wav, SampleEncoding::Float32);
        auto reader = AudioFileReader::open(file);
        QVERIFY(reader);
        AudioBlock chunk;
        QString message;
        for (;;) {
            auto got = reader.value()->read(chunk, 10000);
            if (!got) {
                message = got.error().message();
                break;
            }
            QVERIFY2(got.value() > 0, "the invalid sample was not detected");
        }
        QVERIFY2(message.contains(QStringLiteral("invalid sample (NaN or infinity)")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("frame 24000, channel 2")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("0:00.500")), qPrintable(message));
    }
};

QTEST_APPLESS_MAIN(TestAudioFileReader)
#include "tst_audio_file_reader.moc"
