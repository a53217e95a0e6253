// WaveformSummary answers every zoom level exactly (against brute force over the samples),
// shows partial results while it builds, fails with the reader's message, and cancels.
// SampleWindowReader returns the right samples and re-reads only what scrolls into view.

#include "TestSignals.h"

#include "audio/SampleWindowReader.h"
#include "audio/WaveformSummary.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstring>
#include <numbers>
#include <random>
#include <semaphore>

using namespace shellac;

namespace {

constexpr int kRate = 44100;
constexpr std::int64_t kFrames = 300'000; // not a multiple of 256 (300000 = 1171·256 + 224)
constexpr int kChannels = 3;

/// Three different channels: noise, a loud sine with a click, a quiet ramp.
AudioBlock testSignal()
{
    AudioBlock block(kChannels, kFrames);
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> noise(-0.3f, 0.3f);
    for (std::int64_t i = 0; i < kFrames; ++i) {
        block.channel(0)[std::size_t(i)] = noise(rng);
        block.channel(1)[std::size_t(i)] = float(0.8 * std::sin(2 * std::numbers::pi * 97.0 * double(i) / kRate));
        block.channel(2)[std::size_t(i)] = float(-0.5 + double(i) / double(kFrames));
    }
    block.channel(1)[123'457] = 0.999f; // a click the summary must not lose at any level
    return block;
}

WaveformRange bruteForce(const AudioBlock& samples, int channel, std::int64_t begin, std::int64_t end)
{
    const auto ch = samples.channel(channel);
    WaveformRange r{ch[std::size_t(begin)], ch[std::size_t(begin)], 0};
    double sq = 0;
    for (std::int64_t i = begin; i < end; ++i) {
        r.min = std::min(r.min, ch[std::size_t(i)]);
        r.max = std::max(r.max, ch[std::size_t(i)]);
        sq += double(ch[std::size_t(i)]) * ch[std::size_t(i)];
    }
    r.rms = float(std::sqrt(sq / double(end - begin)));
    return r;
}

/// Checks columns [0, out.size()) from `first` against the samples; columns ending beyond
/// `summarised` (exclusive of the file end when complete) must be Pending.
void checkColumns(const AudioBlock& samples, int channel, std::int64_t first, std::int64_t fpc,
                  const std::vector<WaveformColumn>& out, std::int64_t summarised, bool complete)
{
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::int64_t f0 = first + std::int64_t(i) * fpc;
        const std::int64_t begin = std::max<std::int64_t>(0, f0);
        const std::int64_t end = std::min(samples.frames(), f0 + fpc);
        const QByteArray where = QByteArray("channel ") + QByteArray::number(channel) + " column "
            + QByteArray::number(qulonglong(i)) + " frames " + QByteArray::number(qlonglong(begin)) + "-"
            + QByteArray::number(qlonglong(end));
        if (end <= begin) {
            QVERIFY2(out[i].state == WaveformColumn::State::Outside, where.constData());
            continue;
        }
        if (!complete && end > summarised) {
            QVERIFY2(out[i].state == WaveformColumn::State::Pending, where.constData());
            continue;
        }
        QVERIFY2(out[i].state == WaveformColumn::State::Ready, where.constData());
        const WaveformRange expected = bruteForce(samples, channel, begin, end);
        QVERIFY2(out[i].range.min == expected.min, where.constData());
        QVERIFY2(out[i].range.max == expected.max, where.constData());
        QVERIFY2(std::abs(out[i].range.rms - expected.rms) <= 2e-6f + 2e-5f * expected.rms,
                 (where + " rms " + QByteArray::number(out[i].range.rms, 'g', 9) + " vs "
                  + QByteArray::number(expected.rms, 'g', 9)).constData());
    }
}

/// The block size query() promises to align to: lowest set bit of fpc, capped at the top level.
std::int64_t expectedGrid(std::int64_t fpc, const WaveformSummary& s)
{
    const std::int64_t top = WaveformSummary::kBaseBlockFrames << (s.levelCount() - 1);
    return std::min(fpc & -fpc, top);
}

/// On scope exit lets a test-paused builder run on, so that the summary's destructor can join it.
struct Unblock {
    std::atomic<bool>& freeRun;
    std::counting_semaphore<64>& proceed;
    ~Unblock()
    {
        freeRun.store(true);
        proceed.release();
    }
};

} // namespace

class TestWaveformSummary : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    AudioBlock m_samples;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("three.wav");
        m_samples = testSignal();
        test::writeAudio(m_path, m_samples, kRate); // float32: the reader returns these exact values
    }

    void levelsAndMemory()
    {
        auto s = WaveformSummary::build(m_path);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message()));
        s.value()->wait();
        QCOMPARE(s.value()->state(), WaveformSummary::State::Complete);
        QCOMPARE(s.value()->frames(), kFrames);
        QCOMPARE(s.value()->framesSummarised(), kFrames);
        QCOMPARE(s.value()->channels(), kChannels);
        // 256 · 2^11 = 524288 is the first block that covers 300000 frames: levels 0..11.
        QCOMPARE(s.value()->levelCount(), 12);
        std::size_t blocks = 0;
        for (int l = 0; l < 12; ++l)
            blocks += std::size_t((kFrames + (256 << l) - 1) / (256 << l));
        QCOMPARE(s.value()->memoryBytes(), blocks * kChannels * sizeof(WaveformRange));
    }

    void everyExactLevel_data()
    {
        QTest::addColumn<qint64>("framesPerColumn");
        QTest::addColumn<qint64>("offset");
        // Every viewport level the summary serves, from the base block to past the file length,
        // with a column-aligned, a block- but not column-aligned, an unaligned, a negative and a
        // near-the-end start.
        std::vector<std::int64_t> levels;
        for (std::int64_t p = 256; p <= (std::int64_t(1) << 21); p *= 2) {
            levels.push_back(p);
            if (p >= 512)
                levels.push_back(3 * p / 2);
        }
        for (const std::int64_t fpc : levels) {
            const std::int64_t offsets[] = {0, 3 * fpc, 256, 1000, -2 * fpc - 300, kFrames - fpc / 2 - 7};
            for (const std::int64_t off : offsets)
                QTest::addRow("fpc %lld from %lld", qlonglong(fpc), qlonglong(off)) << qint64(fpc) << qint64(off);
        }
    }

    void everyExactLevel()
    {
        QFETCH(qint64, framesPerColumn);
        QFETCH(qint64, offset);
        QVERIFY(WaveformSummary::servesExactly(double(framesPerColumn)));
        auto built = WaveformSummary::build(m_path);
        QVERIFY(built.ok());
        WaveformSummary& s = *built.value();
        s.wait();
        const std::int64_t grid = expectedGrid(framesPerColumn, s);
        for (int c = 0; c < kChannels; ++c) {
            // Enough columns to run two past the end of the file.
            const std::int64_t span = kFrames - std::min<std::int64_t>(offset, 0) + 2 * framesPerColumn;
            std::vector<WaveformColumn> out(std::size_t(span / framesPerColumn + 2));
            const std::int64_t first = s.query(c, offset, framesPerColumn, out);
            QCOMPARE(first, (offset >= 0 ? offset / grid : -((-offset + grid - 1) / grid)) * grid);
            checkColumns(m_samples, c, first, framesPerColumn, out, kFrames, true);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(out.back().state, WaveformColumn::State::Outside);
        }
    }

    void theClickSurvivesEveryLevel()
    {
        auto built = WaveformSummary::build(m_path);
        QVERIFY(built.ok());
        built.value()->wait();
        for (std::int64_t fpc = 256; fpc <= (1 << 20); fpc *= 2) {
            std::vector<WaveformColumn> out(std::size_t(kFrames / fpc + 1));
            built.value()->query(1, 0, fpc, out);
            const auto& col = out[std::size_t(123'457 / fpc)];
            QCOMPARE(col.range.max, 0.999f);
        }
    }

    void levelsThatNeedRawSamples()
    {
        for (const double fpc : {1.0 / 32, 0.5, 1.0, 2.0, 3.0, 128.0, 192.0, 384.0, 256.5})
            QVERIFY2(!WaveformSummary::servesExactly(fpc), qPrintable(QString::number(fpc)));
        auto built = WaveformSummary::build(m_path);
        QVERIFY(built.ok());
        std::vector<WaveformColumn> out(4);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, built.value()->query(0, 0, 384, out));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, built.value()->query(kChannels, 0, 256, out));
    }

    void rangeOfMatchesBruteForce()
    {
        auto built = WaveformSummary::build(m_path);
        QVERIFY(built.ok());
        built.value()->wait();
        const auto r = built.value()->rangeOf(0, 512, kFrames);
        QVERIFY(r.has_value());
        const WaveformRange e = bruteForce(m_samples, 0, 512, kFrames);
        QCOMPARE(r->min, e.min);
        QCOMPARE(r->max, e.max);
        QVERIFY(std::abs(r->rms - e.rms) < 1e-5f);
        QVERIFY(!built.value()->rangeOf(0, 100, 1024).has_value()); // not on the block grid
        QVERIFY(!built.value()->rangeOf(0, 0, kFrames + 1).has_value());
    }

    void partialResultsWhileBuilding()
    {
        // The builder stops after each step until the test lets it go on, so every
        // intermediate state is observed deterministically.
        std::counting_semaphore<64> stepped(0), proceed(0);
        std::atomic<bool> freeRun{false};
        std::vector<std::int64_t> reported;
        auto built = WaveformSummary::build(m_path, [&](std::int64_t done) {
            reported.push_back(done);
            if (freeRun.load())
                return;
            stepped.release();
            proceed.acquire();
        });
        QVERIFY(built.ok());
        WaveformSummary& s = *built.value();
        const Unblock unblock{freeRun, proceed}; // a failed check must not leave the worker waiting
        for (int step = 0; step < 4; ++step) { // 4 whole steps before the end
            stepped.acquire();
            const std::int64_t done = s.framesSummarised();
            QCOMPARE(s.state(), WaveformSummary::State::Building);
            QCOMPARE(done, (step + 1) * WaveformSummary::kReadBlockFrames);
            for (const std::int64_t fpc : {256, 768, 4096, 49152}) {
                std::vector<WaveformColumn> out(std::size_t(kFrames / fpc + 2));
                const std::int64_t first = s.query(2, 0, fpc, out);
                checkColumns(m_samples, 2, first, fpc, out, done, false);
                // The first column beyond the prefix is Pending, not drawn as silence.
                QCOMPARE(out[std::size_t(done / fpc)].state, WaveformColumn::State::Pending);
            }
            QVERIFY(!s.rangeOf(2, 0, done + 256).has_value());
            QVERIFY(s.rangeOf(2, 0, done).has_value());
            if (step == 3)
                freeRun.store(true); // the end's report must not wait
            proceed.release();
        }
        s.wait();
        QCOMPARE(s.state(), WaveformSummary::State::Complete);
        // Steps of 64 Ki frames, then the end (300000 frames = 4 steps + 37856), reported once more.
        const std::vector<std::int64_t> expected{65536, 131072, 196608, 262144, kFrames};
        QCOMPARE(reported, expected);
    }

    void missingAndNonAudioFilesFailAtOnce()
    {
        const QString missing = m_dir.filePath("nope.wav");
        auto a = WaveformSummary::build(missing);
        QVERIFY(!a.ok());
        QVERIFY2(a.error().message().contains("nope.wav"), qPrintable(a.error().message()));
        const QString text = m_dir.filePath("notes.wav");
        test::writeBytes(text, QByteArray("these are my liner notes, not audio\n").repeated(20));
        auto b = WaveformSummary::build(text);
        QVERIFY(!b.ok());
        QVERIFY2(b.error().message().contains("notes.wav"), qPrintable(b.error().message()));
        QVERIFY2(b.error().message().contains("not an audio file"), qPrintable(b.error().message()));
        QVERIFY(!SampleWindowReader::open(missing).ok());
    }

    void damagedDataFailsWithTheReadersMessageAndKeepsThePrefix()
    {
        // A float WAV whose sample at frame 200000 is NaN: the build fails there, with the file
        // and position in the message; the steps before it stay queryable.
        const QString path = m_dir.filePath("nan.wav");
        AudioBlock one(1, kFrames);
        std::copy(m_samples.channel(0).begin(), m_samples.channel(0).end(), one.channel(0).begin());
        test::writeAudio(path, one, kRate);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const qsizetype data = bytes.indexOf("data");
        QVERIFY(data > 0);
        const float nan = std::nanf("");
        std::memcpy(bytes.data() + data + 8 + 200'000 * 4, &nan, 4);
        f.seek(0);
        f.write(bytes);
        f.close();

        auto built = WaveformSummary::build(path);
        QVERIFY(built.ok());
        built.value()->wait();
        QCOMPARE(built.value()->state(), WaveformSummary::State::Failed);
        const QString message = built.value()->errorMessage();
        QVERIFY2(message.contains("nan.wav") && message.contains("NaN"), qPrintable(message));
        QCOMPARE(built.value()->framesSummarised(), 3 * WaveformSummary::kReadBlockFrames);
        std::vector<WaveformColumn> out(3);
        built.value()->query(0, 0, WaveformSummary::kReadBlockFrames, out);
        checkColumns(one, 0, 0, WaveformSummary::kReadBlockFrames, out, 3 * WaveformSummary::kReadBlockFrames, false);
    }

    void cancelStopsAtTheNextStep()
    {
        std::counting_semaphore<64> stepped(0), proceed(0);
        std::atomic<bool> paused{false};
        auto built = WaveformSummary::build(m_path, [&](std::int64_t done) {
            // Pause once, at the first step (the end's report repeats the same count).
            if (done == WaveformSummary::kReadBlockFrames && !paused.exchange(true)) {
                stepped.release();
                proceed.acquire();
            }
        });
        QVERIFY(built.ok());
        stepped.acquire();
        built.value()->cancel();
        proceed.release();
        built.value()->wait();
        QCOMPARE(built.value()->state(), WaveformSummary::State::Cancelled);
        QCOMPARE(built.value()->framesSummarised(), WaveformSummary::kReadBlockFrames);
        QVERIFY(built.value()->errorMessage().isEmpty());
        std::vector<WaveformColumn> out(2);
        built.value()->query(0, 0, WaveformSummary::kReadBlockFrames, out);
        QCOMPARE(out[0].state, WaveformColumn::State::Ready);
        QCOMPARE(out[1].state, WaveformColumn::State::Pending);
    }

    void destroyingWhileBuildingJoinsTheWorker()
    {
        // A longer file so that the build is still running when the owner goes away; the
        // destructor cancels and joins (a thread left running would crash on freed memory).
        const QString path = m_dir.filePath("long.wav");
        test::writeAudio(path, test::sine(2, 40 * kRate, kRate, 440, 0.5), kRate);
        std::atomic<int> calls{0};
        for (int i = 0; i < 5; ++i) {
            auto built = WaveformSummary::build(path, [&](std::int64_t) { ++calls; });
            QVERIFY(built.ok());
        }
        const int after = calls.load();
        QTest::qWait(50);
        QCOMPARE(calls.load(), after); // nobody reports after its owner is gone
    }

    void sampleWindowReaderRereadsOnlyWhatIsNew()
    {
        auto opened = SampleWindowReader::open(m_path);
        QVERIFY(opened.ok());
        SampleWindowReader& r = *opened.value();
        QVERIFY(r.load(1000, 5000));
        QCOMPARE(r.windowStart(), std::int64_t(1000));
        QCOMPARE(r.window().frames(), std::int64_t(5000));
        QCOMPARE(r.framesReadFromFile(), std::int64_t(5000));
        QVERIFY(r.load(1500, 5000)); // scroll right by 500
        QCOMPARE(r.framesReadFromFile(), std::int64_t(5500));
        QVERIFY(r.load(1200, 5000)); // back left by 300
        QCOMPARE(r.framesReadFromFile(), std::int64_t(5800));
        QVERIFY(r.load(1200, 5000)); // unchanged
        QCOMPARE(r.framesReadFromFile(), std::int64_t(5800));
        for (int c = 0; c < kChannels; ++c)
            for (std::int64_t i = 0; i < 5000; i += 37)
                QCOMPARE(r.window().channel(c)[std::size_t(i)], m_samples.channel(c)[std::size_t(1200 + i)]);
        QVERIFY(r.load(kFrames - 100, 5000)); // clamped at the end
        QCOMPARE(r.window().frames(), std::int64_t(100));
        QCOMPARE(r.window().channel(1)[99], m_samples.channel(1)[std::size_t(kFrames - 1)]);
        QVERIFY(r.load(-50, 100)); // clamped at the start
        QCOMPARE(r.windowStart(), std::int64_t(0));
        QCOMPARE(r.window().frames(), std::int64_t(50));
    }
};

QTEST_GUILESS_MAIN(TestWaveformSummary)
#include "tst_waveform_summary.moc"
