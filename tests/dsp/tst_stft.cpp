// STFT/ISTFT: FFT scaling, perfect reconstruction through the streaming processor for any block
// size, time alignment, frame bookkeeping, and thread-safe plan creation.

#include "TestSignals.h"

#include "dsp/Stft.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>
#include <thread>

using namespace shellac;
using namespace shellac::dsp;

namespace {

AudioBlock noiseAndTones(int channels, std::int64_t frames, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> gauss(0.0f, 0.1f);
    AudioBlock b(channels, frames);
    for (int c = 0; c < channels; ++c)
        for (std::int64_t i = 0; i < frames; ++i)
            b.channel(c)[static_cast<std::size_t>(i)] =
                gauss(rng) + 0.5f * static_cast<float>(std::sin(0.031 * double(i) * (c + 1)));
    return b;
}

/// Streams `in` through `stft` in pieces of `block` frames; returns the concatenated output.
AudioBlock stream(StftProcessor& stft, const AudioBlock& in, std::int64_t block,
                  const StftProcessor::FrameCallback& cb)
{
    AudioBlock all(in.channels(), 0), piece, out;
    for (std::int64_t pos = 0; pos < in.frames(); pos += block) {
        const std::int64_t n = std::min(block, in.frames() - pos);
        piece.assignFrames(in, pos, n);
        stft.process(piece, out, cb);
        all.append(out);
    }
    stft.finish(out, cb);
    all.append(out);
    return all;
}

double errorDb(const AudioBlock& ref, const AudioBlock& test)
{
    double sig = 0, err = 0;
    for (int c = 0; c < ref.channels(); ++c)
        for (std::int64_t i = 0; i < ref.frames(); ++i) {
            const double r = ref.channel(c)[static_cast<std::size_t>(i)];
            const double t = test.channel(c)[static_cast<std::size_t>(i)];
            sig += r * r;
            err += (r - t) * (r - t);
        }
    return 10.0 * std::log10((err + 1e-300) / sig);
}

} // namespace

class TestStft : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fftRoundTripAndScale()
    {
        const int n = 1024;
        RealFft fft(n);
        QCOMPARE(fft.bins(), 513);
        std::vector<float> x(n), y(n);
        std::vector<std::complex<float>> X(fft.bins());
        for (int i = 0; i < n; ++i)
            x[i] = static_cast<float>(0.5 * std::cos(2 * std::numbers::pi * 10 * i / n));
        fft.forward(x.data(), X.data());
        QVERIFY(std::abs(std::abs(X[10]) - 0.5f * n / 2) < 1e-2f); // A * N / 2 for a rectangular window
        QVERIFY(std::abs(X[11]) < 1e-2f);
        fft.inverse(X.data(), y.data());
        for (int i = 0; i < n; ++i)
            QVERIFY(std::abs(y[i] / n - x[i]) < 1e-6f);
    }

    void windowSineReadsAmplitudeTimesNOverPi()
    {
        StftProcessor stft(2048, 1);
        const AudioBlock s = test::sine(1, 8192, 2048, 64, 0.8); // bin 64 exactly
        std::vector<float> peaks;
        stft.analyse(s, [&](int, std::int64_t, std::span<std::complex<float>> spec) { peaks.push_back(std::abs(spec[64])); });
        QCOMPARE(peaks.size(), std::size_t(1 + (8192 - 2048) / 512));
        for (float p : peaks)
            QVERIFY(std::abs(p - 0.8f * 2048 / float(std::numbers::pi)) < 0.5f);
    }

    void identityReconstructs_data()
    {
        QTest::addColumn<int>("frameSize");
        QTest::addColumn<int>("block");
        QTest::addColumn<int>("channels");
        for (int block : {1, 7, 100, 511, 512, 1000, 4096, 100000})
            QTest::addRow("N2048 block %d", block) << 2048 << block << 1;
        QTest::addRow("N256 block 33 stereo") << 256 << 33 << 2;
        QTest::addRow("N4096 block 3000 stereo") << 4096 << 3000 << 2;
    }
    void identityReconstructs()
    {
        QFETCH(int, frameSize);
        QFETCH(int, block);
        QFETCH(int, channels);
        const AudioBlock in = noiseAndTones(channels, 30011, 3);
        StftProcessor stft(frameSize, channels);
        int calls = 0;
        const AudioBlock out = stream(stft, in, block, [&](int, std::int64_t, std::span<std::complex<float>>) { ++calls; });
        QCOMPARE(out.frames(), in.frames());
        QCOMPARE(out.channels(), channels);
        const double e = errorDb(in, out);
        qInfo("N %d block %d: reconstruction error %.1f dB", frameSize, block, e);
        QVERIFY2(e < -100.0, qPrintable(QString::number(e)));
        QVERIFY(calls > 0);
        // The first and last samples are reconstructed too (time alignment at both ends).
        for (int c = 0; c < channels; ++c) {
            QVERIFY(std::abs(out.channel(c)[0] - in.channel(c)[0]) < 1e-5f);
            QVERIFY(std::abs(out.channel(c)[30010] - in.channel(c)[30010]) < 1e-5f);
        }
    }

    void gainIsAppliedWithoutDelay()
    {
        // Halving every bin halves the signal, sample for sample (no shift).
        const AudioBlock in = noiseAndTones(1, 10000, 5);
        StftProcessor stft(1024, 1);
        const AudioBlock out = stream(stft, in, 333, [](int, std::int64_t, std::span<std::complex<float>> spec) {
            for (auto& v : spec)
                v *= 0.5f;
        });
        for (std::int64_t i = 0; i < in.frames(); ++i)
            QVERIFY(std::abs(out.channel(0)[i] - 0.5f * in.channel(0)[i]) < 1e-5f);
    }

    void tinyAndEmptyStreams()
    {
        StftProcessor stft(2048, 1);
        AudioBlock one(1, 1), out;
        one.channel(0)[0] = 0.75f;
        stft.process(one, out, {});
        QCOMPARE(out.frames(), std::int64_t(0));
        stft.finish(out, {});
        QCOMPARE(out.frames(), std::int64_t(1));
        QVERIFY(std::abs(out.channel(0)[0] - 0.75f) < 1e-6f);

        StftProcessor empty(2048, 2);
        empty.finish(out, {});
        QCOMPARE(out.frames(), std::int64_t(0));

        // Silence stays exactly silent, full-scale DC stays finite and correct.
        StftProcessor dc(512, 1);
        AudioBlock ones(1, 5000);
        for (float& v : ones.channel(0))
            v = 1.0f;
        const AudioBlock o = stream(dc, ones, 777, {});
        for (float v : o.channel(0))
            QVERIFY(std::isfinite(v) && std::abs(v - 1.0f) < 1e-5f);
    }

    void analysisFramesStartAtZero()
    {
        StftProcessor stft(1024, 2);
        std::vector<std::int64_t> starts;
        AudioBlock in(2, 3000);
        stft.analyse(in, [&](int c, std::int64_t start, std::span<std::complex<float>>) {
            if (c == 0)
                starts.push_back(start);
        });
        // Full frames only: 0, 256, ..., 1792 (1792 + 1024 <= 3000).
        QCOMPARE(starts.size(), std::size_t(8));
        QCOMPARE(starts.front(), std::int64_t(0));
        QCOMPARE(starts.back(), std::int64_t(1792));
    }

    void plansAreCreatedSafelyFromManyThreads()
    {
        std::vector<std::thread> threads;
        std::atomic<int> bad{0};
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&, t] {
                for (int size : {512 + 64 * t, 1024, 2048, 4096 + 32 * t}) {
                    RealFft fft(size);
                    std::vector<float> x(size, 0.0f), y(size);
                    x[1] = 1.0f;
                    std::vector<std::complex<float>> X(fft.bins());
                    fft.forward(x.data(), X.data());
                    fft.inverse(X.data(), y.data());
                    if (std::abs(y[1] / size - 1.0f) > 1e-5f)
                        ++bad;
                }
            });
        for (auto& th : threads)
            th.join();
        QCOMPARE(bad.load(), 0);
    }

    void speed()
    {
        const int rate = 44100;
        const AudioBlock in = noiseAndTones(1, 20 * rate, 9);
        StftProcessor stft(2048, 1);
        QElapsedTimer timer;
        timer.start();
        const AudioBlock out = stream(stft, in, 65536, [](int, std::int64_t, std::span<std::complex<float>>) {});
        const double s = timer.nsecsElapsed() / 1e9;
        qInfo("STFT+ISTFT N=2048 hop 512: %.1f x real time (44.1 kHz mono)", 20.0 / s);
        QCOMPARE(out.frames(), in.frames());
    }
};

QTEST_APPLESS_MAIN(TestStft)
#include "tst_stft.moc"
