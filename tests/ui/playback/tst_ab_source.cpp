// Playback sources: A/B switching keeps the position sample-exactly, the residual is
// original − restored, loops wrap exactly, seek and end of stream, conversion to the device's
// format (channels, Int16/Int32 scaling and clipping, resampling), the in-memory preview covers
// only its range, files deleted or truncated while open give an error instead of garbage, and
// streams that do not match are rejected. Fixtures are generated WAV files in a QTemporaryDir.

#include "TestSignals.h"

#include "ui/playback/AbSource.h"
#include "ui/playback/PlaybackStream.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <vector>

using namespace shellac;
using namespace shellac::ui;

namespace {

constexpr int kRate = 44100;
constexpr std::int64_t kFrames = 100000; // > 3 read-ahead chunks

/// Every sample identifiable: channel c, frame i.
float originalSample(int c, std::int64_t i)
{
    return float((i * 7 + c * 3331) % 10007) / 20014.0f - 0.25f;
}

AudioBlock originalBlock(int channels, std::int64_t frames)
{
    AudioBlock b(channels, frames);
    for (int c = 0; c < channels; ++c)
        for (std::int64_t i = 0; i < frames; ++i)
            b.channel(c)[std::size_t(i)] = originalSample(c, i);
    return b;
}

AudioBlock restoredBlock(const AudioBlock& original)
{
    AudioBlock b = original;
    for (int c = 0; c < b.channels(); ++c)
        for (float& x : b.channel(c))
            x = 0.5f * x + 0.01f;
    return b;
}

std::shared_ptr<FileStream> openStream(const QString& path)
{
    auto stream = FileStream::open(path);
    if (!stream.ok())
        qFatal("%s", qPrintable(stream.error().message()));
    return stream.value();
}

/// Reads `frames` interleaved float frames from an AbSource set to Float output.
std::vector<float> readFloats(AbSource& source, std::int64_t frames)
{
    const int channels = source.outputFormat().channels;
    std::vector<float> out(std::size_t(frames * channels));
    const qint64 got = source.read(reinterpret_cast<char*>(out.data()), qint64(out.size() * sizeof(float)));
    out.resize(std::size_t(std::max<qint64>(got, 0)) / sizeof(float));
    return out;
}

} // namespace

class TestAbSource : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_originalPath;
    QString m_restoredPath;
    AudioBlock m_original;
    AudioBlock m_restored;

    struct Fixture {
        std::shared_ptr<PlaybackStream> original, restored, residual;
        AbSource source;
    };

    /// Streams from the files, a float output in the document's format, opened.
    void setUp(Fixture& f, bool withRestored = true)
    {
        f.original = openStream(m_originalPath);
        if (withRestored) {
            f.restored = openStream(m_restoredPath);
            f.residual = DifferenceStream::create(f.original, f.restored).value();
        }
        QVERIFY(f.source.open(QIODevice::ReadOnly));
        QVERIFY(f.source.setOutputFormat({kRate, 2, PlaybackFormat::Sample::Float}).ok());
        QVERIFY(f.source.setStreams(f.original, f.restored, f.residual).ok());
    }

    float expected(AbChoice choice, int c, std::int64_t i) const
    {
        const float a = m_original.channel(c)[std::size_t(i)];
        const float b = m_restored.channel(c)[std::size_t(i)];
        return choice == AbChoice::Original ? a : choice == AbChoice::Restored ? b : a - b;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_original = originalBlock(2, kFrames);
        m_restored = restoredBlock(m_original);
        m_originalPath = m_dir.filePath("take1.wav");
        m_restoredPath = m_dir.filePath("take1.restored.wav");
        test::writeAudio(m_originalPath, m_original, kRate);
        test::writeAudio(m_restoredPath, m_restored, kRate);
    }

    void switchingKeepsThePosition_data()
    {
        QTest::addColumn<std::int64_t>("before");
        QTest::addColumn<int>("to");
        for (std::int64_t n : {0, 1, 1023, 1024, 1025, 32767, 32768, 40000}) {
            QTest::addRow("%lld frames, to restored", (long long)n) << n << int(AbChoice::Restored);
            QTest::addRow("%lld frames, to residual", (long long)n) << n << int(AbChoice::Residual);
        }
    }

    void switchingKeepsThePosition()
    {
        QFETCH(std::int64_t, before);
        QFETCH(int, to);
        Fixture f;
        setUp(f);
        const std::vector<float> first = readFloats(f.source, before);
        QCOMPARE(std::int64_t(first.size()), before * 2);
        for (std::int64_t i = 0; i < before; ++i)
            for (int c = 0; c < 2; ++c)
                QCOMPARE(first[std::size_t(i * 2 + c)], expected(AbChoice::Original, c, i));
        QVERIFY(f.source.setChoice(AbChoice(to)));
        QCOMPARE(f.source.position(), before); // switching never moves
        const std::vector<float> next = readFloats(f.source, 3);
        QCOMPARE(next.size(), std::size_t(6));
        for (std::int64_t i = 0; i < 3; ++i)
            for (int c = 0; c < 2; ++c)
                QCOMPARE(next[std::size_t(i * 2 + c)], expected(AbChoice(to), c, before + i));
        QCOMPARE(f.source.position(), before + 3);
        // And back: Original's frame before + 3.
        QVERIFY(f.source.setChoice(AbChoice::Original));
        QCOMPARE(readFloats(f.source, 1).at(0), expected(AbChoice::Original, 0, before + 3));
    }

    void absentChoiceIsRefused()
    {
        Fixture f;
        setUp(f, false);
        QVERIFY(!f.source.setChoice(AbChoice::Restored));
        QVERIFY(!f.source.setChoice(AbChoice::Residual));
        QCOMPARE(f.source.choice(), AbChoice::Original);
    }

    void residualIsOriginalMinusRestored()
    {
        auto original = openStream(m_originalPath);
        auto restored = openStream(m_restoredPath);
        auto residual = DifferenceStream::create(original, restored);
        QVERIFY(residual.ok());
        AudioBlock block;
        QVERIFY(residual.value()->read(0, kFrames + 50, block).ok());
        QCOMPARE(block.frames(), kFrames);
        double maxError = 0;
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < kFrames; ++i)
                maxError = std::max(maxError, double(std::abs(block.channel(c)[std::size_t(i)]
                                                              - expected(AbChoice::Residual, c, i))));
        QCOMPARE(maxError, 0.0);
        QVERIFY(residual.value()->name().contains("take1.restored.wav"));
    }

    void loopWrapsExactly_data()
    {
        QTest::addColumn<std::int64_t>("start");
        QTest::addColumn<std::int64_t>("end");
        QTest::addColumn<std::int64_t>("seekTo");
        QTest::addColumn<std::int64_t>("readSize");
        QTest::newRow("short loop, odd reads") << std::int64_t(1000) << std::int64_t(1100) << std::int64_t(1000) << std::int64_t(777);
        QTest::newRow("across a chunk edge") << std::int64_t(32000) << std::int64_t(34000) << std::int64_t(33990) << std::int64_t(4096);
        QTest::newRow("one frame") << std::int64_t(5) << std::int64_t(6) << std::int64_t(5) << std::int64_t(10);
        QTest::newRow("seek before the loop") << std::int64_t(500) << std::int64_t(2500) << std::int64_t(10) << std::int64_t(1024);
        QTest::newRow("seek after the loop") << std::int64_t(500) << std::int64_t(2500) << std::int64_t(9000) << std::int64_t(333);
        QTest::newRow("loop to the end") << kFrames - 300 << kFrames << kFrames - 1 << std::int64_t(1000);
    }

    void loopWrapsExactly()
    {
        QFETCH(std::int64_t, start);
        QFETCH(std::int64_t, end);
        QFETCH(std::int64_t, seekTo);
        QFETCH(std::int64_t, readSize);
        Fixture f;
        setUp(f);
        f.source.seekFrame(seekTo);
        f.source.setLoop(FrameRange{start, end});
        const std::int64_t length = end - start;
        std::int64_t doc = (seekTo >= start && seekTo < end) ? seekTo : start;
        std::int64_t output = 0;
        for (int round = 0; round < 8; ++round) {
            const std::vector<float> got = readFloats(f.source, readSize);
            QCOMPARE(std::int64_t(got.size()), readSize * 2); // a loop never ends
            for (std::int64_t i = 0; i < readSize; ++i) {
                QCOMPARE(got[std::size_t(i * 2 + 1)], expected(AbChoice::Original, 1, doc));
                QCOMPARE(f.source.documentFrameAt(output), doc);
                doc = start + (doc - start + 1) % length;
                ++output;
            }
            QCOMPARE(f.source.position(), doc);
        }
        QVERIFY(!f.source.atEnd());
    }

    void seekMovesAndClamps()
    {
        Fixture f;
        setUp(f);
        f.source.seekFrame(12345);
        QCOMPARE(readFloats(f.source, 1).at(0), expected(AbChoice::Original, 0, 12345));
        QCOMPARE(f.source.outputFramesDelivered(), std::int64_t(1));
        f.source.seekFrame(-5);
        QCOMPARE(f.source.position(), std::int64_t(0));
        QCOMPARE(f.source.outputFramesDelivered(), std::int64_t(0)); // the output clock restarts
        f.source.seekFrame(kFrames + 1000);
        QCOMPARE(f.source.position(), kFrames);
        QVERIFY(f.source.atEnd());
        QVERIFY(readFloats(f.source, 10).empty());
    }

    void endOfStream()
    {
        Fixture f;
        setUp(f);
        QSignalSpy ended(&f.source, &AbSource::endReached);
        f.source.seekFrame(kFrames - 10);
        QCOMPARE(readFloats(f.source, 100).size(), std::size_t(20));
        QCOMPARE(ended.count(), 0);
        QVERIFY(f.source.atEnd());
        QVERIFY(readFloats(f.source, 100).empty());
        QVERIFY(readFloats(f.source, 100).empty());
        QCOMPARE(ended.count(), 1); // once per seek
        // A play range end: reading stops at frame 500.
        f.source.setEndFrame(500);
        f.source.seekFrame(0);
        QCOMPARE(readFloats(f.source, 2000).size(), std::size_t(1000));
        QVERIFY(readFloats(f.source, 1).empty());
        QCOMPARE(ended.count(), 2);
    }

    void channelConversion_data()
    {
        QTest::addColumn<int>("inChannels");
        QTest::addColumn<int>("outChannels");
        QTest::newRow("mono to stereo") << 1 << 2;
        QTest::newRow("mono to 6") << 1 << 6;
        QTest::newRow("stereo to mono") << 2 << 1;
        QTest::newRow("3 to stereo") << 3 << 2;
        QTest::newRow("stereo to 4") << 2 << 4;
        QTest::newRow("same") << 2 << 2;
    }

    void channelConversion()
    {
        QFETCH(int, inChannels);
        QFETCH(int, outChannels);
        const std::int64_t n = 300;
        auto stream = InMemoryStream::create(originalBlock(inChannels, n), kRate, 0, n, "memory");
        QVERIFY(stream.ok());
        AbSource source;
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(source.setOutputFormat({kRate, outChannels, PlaybackFormat::Sample::Float}).ok());
        QVERIFY(source.setStreams(stream.value(), nullptr, nullptr).ok());
        const std::vector<float> got = readFloats(source, n);
        QCOMPARE(std::int64_t(got.size()), n * outChannels);
        for (std::int64_t i = 0; i < n; ++i) {
            for (int k = 0; k < outChannels; ++k) {
                float want = 0.0f;
                if (inChannels == 1) {
                    want = originalSample(0, i);
                } else if (inChannels <= outChannels) {
                    want = k < inChannels ? originalSample(k, i) : 0.0f;
                } else {
                    int count = 0;
                    for (int c = k; c < inChannels; c += outChannels, ++count)
                        want += originalSample(c, i);
                    want /= float(count);
                }
                QCOMPARE(got[std::size_t(i * outChannels + k)], want);
            }
        }
    }

    void integerScalingAndClipping_data()
    {
        QTest::addColumn<float>("sample");
        QTest::addColumn<int>("int16");
        QTest::addColumn<qint64>("int32");
        QTest::newRow("zero") << 0.0f << 0 << qint64(0);
        QTest::newRow("half") << 0.5f << 16384 << qint64(1073741824);
        QTest::newRow("minus half") << -0.5f << -16384 << qint64(-1073741824);
        QTest::newRow("one LSB") << float(1.0 / 32768) << 1 << qint64(65536);
        QTest::newRow("full scale") << 1.0f << 32767 << qint64(2147483647);
        QTest::newRow("minus full scale") << -1.0f << -32768 << qint64(-2147483647 - 1);
        QTest::newRow("over, clipped") << 1.5f << 32767 << qint64(2147483647);
        QTest::newRow("under, clipped") << -3.0f << -32768 << qint64(-2147483647 - 1);
        QTest::newRow("just below one") << 0.99999f << 32767 << qint64(2147462144); // 0.99999f is 0.9999899864
    }

    void integerScalingAndClipping()
    {
        QFETCH(float, sample);
        QFETCH(int, int16);
        QFETCH(qint64, int32);
        AudioBlock block(1, 4);
        for (float& x : block.channel(0))
            x = sample;
        auto stream = InMemoryStream::create(block, kRate, 0, 4, "memory");
        QVERIFY(stream.ok());
        for (auto format : {PlaybackFormat::Sample::Int16, PlaybackFormat::Sample::Int32}) {
            AbSource source;
            QVERIFY(source.open(QIODevice::ReadOnly));
            QVERIFY(source.setOutputFormat({kRate, 2, format}).ok());
            QVERIFY(source.setStreams(stream.value(), nullptr, nullptr).ok());
            const QByteArray bytes = source.read(1000);
            QCOMPARE(bytes.size(), qsizetype(4 * 2 * (format == PlaybackFormat::Sample::Int16 ? 2 : 4)));
            if (format == PlaybackFormat::Sample::Int16) {
                std::int16_t v[8];
                std::memcpy(v, bytes.constData(), sizeof v);
                for (std::int16_t x : v)
                    QCOMPARE(int(x), int16);
            } else {
                std::int32_t v[8];
                std::memcpy(v, bytes.constData(), sizeof v);
                for (std::int32_t x : v)
                    QCOMPARE(qint64(x), int32);
            }
        }
    }

    void sixteenBitFilePlaysBitExactly()
    {
        const QString path = m_dir.filePath("pcm16.wav");
        test::writeAudio(path, m_original, kRate, Container::Wav, SampleEncoding::Pcm16);
        const AudioBlock stored = test::readAudio(path);
        AbSource source;
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(source.setOutputFormat({kRate, 2, PlaybackFormat::Sample::Int16}).ok());
        QVERIFY(source.setStreams(openStream(path), nullptr, nullptr).ok());
        const QByteArray bytes = source.read(2 * 2 * 5000);
        QCOMPARE(bytes.size(), qsizetype(2 * 2 * 5000));
        const auto* v = reinterpret_cast<const std::int16_t*>(bytes.constData());
        for (int i = 0; i < 5000; ++i)
            QCOMPARE(int(v[i * 2 + 1]), int(std::lround(stored.channel(1)[std::size_t(i)] * 32768.0)));
    }

    void resamplingKeepsSwitchAligned()
    {
        // 44.1 kHz document on a 48 kHz device: every stream is resampled in step, so a switch
        // at output frame N continues with Restored's output frame N.
        auto original = openStream(m_originalPath);
        auto restored = openStream(m_restoredPath);
        const std::int64_t switchAt = 12001;
        auto run = [&](bool doSwitch) {
            AbSource source;
            source.open(QIODevice::ReadOnly);
            if (!source.setOutputFormat({48000, 2, PlaybackFormat::Sample::Float}).ok()
                || !source.setStreams(original, restored, nullptr).ok())
                qFatal("setup failed");
            if (!doSwitch)
                source.setChoice(AbChoice::Restored);
            std::vector<float> out = readFloats(source, switchAt);
            if (doSwitch)
                source.setChoice(AbChoice::Restored);
            for (;;) {
                const std::vector<float> more = readFloats(source, 4000);
                if (more.empty())
                    break;
                out.insert(out.end(), more.begin(), more.end());
            }
            return out;
        };
        const std::vector<float> reference = run(false);
        const std::vector<float> switched = run(true);
        QCOMPARE(switched.size(), reference.size());
        QCOMPARE(std::int64_t(reference.size() / 2), std::llround(kFrames * 48000.0 / kRate));
        for (std::size_t i = std::size_t(switchAt) * 2; i < reference.size(); ++i)
            QCOMPARE(switched[i], reference[i]);
    }

    void previewCoversOnlyItsRange_data()
    {
        QTest::addColumn<std::int64_t>("readStart");
        QTest::addColumn<std::int64_t>("readCount");
        QTest::newRow("around it") << std::int64_t(900) << std::int64_t(700);
        QTest::newRow("inside it") << std::int64_t(1100) << std::int64_t(100);
        QTest::newRow("before it") << std::int64_t(0) << std::int64_t(1000);
        QTest::newRow("after it") << std::int64_t(1500) << std::int64_t(3000);
        QTest::newRow("its start edge") << std::int64_t(999) << std::int64_t(2);
        QTest::newRow("its end edge") << std::int64_t(1499) << std::int64_t(2);
        QTest::newRow("past the document end") << kFrames - 5 << std::int64_t(50);
    }

    void previewCoversOnlyItsRange()
    {
        QFETCH(std::int64_t, readStart);
        QFETCH(std::int64_t, readCount);
        auto base = openStream(m_originalPath);
        AudioBlock patch(2, 500);
        for (int c = 0; c < 2; ++c)
            for (float& x : patch.channel(c))
                x = 0.25f + 0.125f * float(c);
        auto preview = InMemoryStream::create(base, patch, 1000, "restored preview");
        QVERIFY(preview.ok());
        QCOMPARE(preview.value()->frames(), kFrames);
        AudioBlock got;
        QVERIFY(preview.value()->read(readStart, readCount, got).ok());
        QCOMPARE(got.frames(), std::min(readCount, kFrames - readStart));
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < got.frames(); ++i) {
                const std::int64_t doc = readStart + i;
                const float want = (doc >= 1000 && doc < 1500) ? 0.25f + 0.125f * float(c)
                                                               : expected(AbChoice::Original, c, doc);
                QCOMPARE(got.channel(c)[std::size_t(i)], want);
            }
    }

    void previewRejectsWhatDoesNotFit()
    {
        auto base = openStream(m_originalPath);
        auto tooLong = InMemoryStream::create(base, AudioBlock(2, 100), kFrames - 50, "restored preview");
        QVERIFY(!tooLong.ok());
        QVERIFY(tooLong.error().message().contains("take1.wav"));
        QVERIFY(!InMemoryStream::create(base, AudioBlock(1, 100), 0, "restored preview").ok());
        QVERIFY(!InMemoryStream::create(base, AudioBlock(2, 100), -1, "restored preview").ok());
    }

    void deletedFileReportsAnError()
    {
        const QString path = m_dir.filePath("deleted.wav");
        test::writeAudio(path, m_original, kRate);
        AbSource source;
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(source.setOutputFormat({kRate, 2, PlaybackFormat::Sample::Float}).ok());
        auto stream = openStream(path);
        QVERIFY(source.setStreams(stream, nullptr, nullptr).ok());
        QSignalSpy failed(&source, &AbSource::readFailed);
        QCOMPARE(readFloats(source, 100).size(), std::size_t(200)); // chunk 0 cached
        QVERIFY(QFile::remove(path));
        source.seekFrame(3 * FileStream::kChunkFrames + 10); // never read ahead
        QVERIFY(readFloats(source, 100).empty());
        QCOMPARE(failed.count(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains("deleted.wav") && message.contains("deleted"), qPrintable(message));
        QCOMPARE(source.errorMessage(), message);
        QVERIFY(source.atEnd());
        QVERIFY(readFloats(source, 100).empty()); // stays stopped, no second signal
        QCOMPARE(failed.count(), 1);
    }

    void truncatedFileReportsAnError()
    {
        const QString path = m_dir.filePath("truncated.wav");
        test::writeAudio(path, m_original, kRate, Container::Wav, SampleEncoding::Pcm16);
        auto stream = openStream(path);
        AudioBlock block;
        QVERIFY(stream->read(0, 10, block).ok());
        // Cut the data inside chunk 3 (chunks 1 and 2 may have been read ahead already).
        const std::int64_t keep = 3 * FileStream::kChunkFrames + 1000;
        {
            QFile file(path);
            QVERIFY(file.resize(file.size() - (kFrames - keep) * 4)); // 4 bytes a frame
        }
        // Even frames before the new end fail: their chunk cannot be decoded whole, and silence
        // or stale frames must not be passed off as the recording.
        const Status s = stream->read(3 * FileStream::kChunkFrames + 5, 10, block);
        QVERIFY(!s.ok());
        const QString message = s.error().message();
        QVERIFY2(message.contains("truncated.wav") && message.contains("truncated")
                     && message.contains(QString::number(keep)),
                 qPrintable(message));
    }

    void sequentialReadDecodesEachChunkOnce()
    {
        auto stream = openStream(m_originalPath);
        AudioBlock block;
        for (std::int64_t pos = 0; pos < kFrames; pos += 1024) {
            QVERIFY(stream->read(pos, 1024, block).ok());
            QCOMPARE(block.channel(0)[0], expected(AbChoice::Original, 0, pos));
        }
        const int chunks = int((kFrames + FileStream::kChunkFrames - 1) / FileStream::kChunkFrames);
        QCOMPARE(stream->synchronousDecodes() + stream->readAheadDecodes(), chunks);
        qInfo("%d chunks: %d decoded ahead, %d on demand", chunks, stream->readAheadDecodes(),
              stream->synchronousDecodes());
    }

    void readAheadServesTheNextChunks()
    {
        auto stream = openStream(m_originalPath);
        AudioBlock block;
        QVERIFY(stream->read(100, 10, block).ok()); // decodes chunk 0, asks for chunks 1 and 2
        QCOMPARE(stream->synchronousDecodes(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(stream->readAheadDecodes(), FileStream::kReadAheadChunks, 10000);
        QVERIFY(stream->read(FileStream::kChunkFrames - 5, FileStream::kChunkFrames + 10, block).ok());
        QCOMPARE(stream->synchronousDecodes(), 1); // chunks 1 and 2 came from the cache
        QCOMPARE(block.channel(1)[10], expected(AbChoice::Original, 1, FileStream::kChunkFrames + 5));
    }

    void throughputFigures_data()
    {
        QTest::addColumn<int>("outputRate");
        QTest::addColumn<int>("sample");
        QTest::newRow("float, same rate") << kRate << int(PlaybackFormat::Sample::Float);
        QTest::newRow("int16, same rate") << kRate << int(PlaybackFormat::Sample::Int16);
        QTest::newRow("float, resampled to 48 kHz") << 48000 << int(PlaybackFormat::Sample::Float);
    }

    void throughputFigures()
    {
        // A figure, not an assertion: how much of one core playback costs (three streams, the
        // residual computed on the fly; the file decode is in the read-ahead thread or cached).
        QFETCH(int, outputRate);
        QFETCH(int, sample);
        Fixture f;
        setUp(f);
        QVERIFY(f.source.setOutputFormat({outputRate, 2, PlaybackFormat::Sample(sample)}).ok());
        QVERIFY(f.source.setChoice(AbChoice::Residual));
        f.source.setLoop(FrameRange{0, kFrames});
        QByteArray buffer(882 * f.source.outputFormat().bytesPerFrame(), Qt::Uninitialized); // 20 ms
        QElapsedTimer timer;
        timer.start();
        std::int64_t frames = 0;
        for (int i = 0; i < 2000; ++i) // 40 s of output
            frames += f.source.read(buffer.data(), buffer.size()) / f.source.outputFormat().bytesPerFrame();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        QCOMPARE(frames, std::int64_t(2000 * 882));
        qInfo("%.0f x real time (%.2f %% of a core)", double(frames) / outputRate / seconds,
              100.0 * seconds * outputRate / double(frames));
    }

    void mismatchedStreamsAreRejected_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<std::int64_t>("frames");
        QTest::addColumn<int>("rate");
        QTest::addColumn<QString>("says");
        QTest::newRow("one frame shorter") << 2 << kFrames - 1 << kRate << QString("frames");
        QTest::newRow("mono") << 1 << kFrames << kRate << QString("channels");
        QTest::newRow("48 kHz") << 2 << kFrames << 48000 << QString("Hz");
    }

    void mismatchedStreamsAreRejected()
    {
        QFETCH(int, channels);
        QFETCH(std::int64_t, frames);
        QFETCH(int, rate);
        QFETCH(QString, says);
        const QString path = m_dir.filePath("other.wav");
        test::writeAudio(path, originalBlock(channels, frames), rate);
        Fixture f;
        setUp(f, false);
        auto other = openStream(path);
        const Status s = f.source.setStreams(f.original, other, nullptr);
        QVERIFY(!s.ok());
        const QString message = s.error().message();
        QVERIFY2(message.contains("other.wav") && message.contains("take1.wav") && message.contains(says),
                 qPrintable(message));
        QVERIFY(!f.source.hasChoice(AbChoice::Restored)); // nothing changed
        QVERIFY(!DifferenceStream::create(f.original, other).ok());
    }
};

QTEST_GUILESS_MAIN(TestAbSource)
#include "tst_ab_source.moc"
