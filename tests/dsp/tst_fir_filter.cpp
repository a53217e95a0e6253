// Streaming FIR (direct and overlap-save) and the windowed-sinc designer.

#include "TestSignals.h"

#include "dsp/FirFilter.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::dsp;

namespace {

AudioBlock runStreamed(FirFilter& f, const AudioBlock& in, std::vector<int> sizes)
{
    AudioBlock all(in.channels(), 0), piece, out;
    std::int64_t pos = 0;
    std::size_t k = 0;
    while (pos < in.frames()) {
        const std::int64_t n = std::min<std::int64_t>(sizes[k++ % sizes.size()], in.frames() - pos);
        piece.assignFrames(in, pos, n);
        f.process(piece, out);
        all.append(out);
        pos += n;
    }
    f.finish(out);
    all.append(out);
    return all;
}

std::vector<double> referenceConvolution(const std::vector<double>& h, std::span<const float> x)
{
    std::vector<double> y(x.size(), 0.0);
    for (std::size_t n = 0; n < x.size(); ++n)
        for (std::size_t k = 0; k < h.size() && k <= n; ++k)
            y[n] += h[k] * x[n - k];
    return y;
}

double measuredGainDb(const std::vector<double>& h, double rate, double f)
{
    FirFilter fir(h, 1);
    const std::int64_t n = static_cast<std::int64_t>(rate); // 1 s
    const AudioBlock s = test::sine(1, n, rate, f, 0.5);
    const AudioBlock y = runStreamed(fir, s, {4096});
    const std::int64_t from = static_cast<std::int64_t>(h.size()); // past the start-up transient
    std::complex<double> acc = 0;
    double sumW = 0;
    for (std::int64_t i = from; i < n; ++i) {
        const double w = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * double(i - from) / double(n - from));
        acc += w * double(y.channel(0)[i]) * std::polar(1.0, -2 * std::numbers::pi * f * double(i) / rate);
        sumW += w;
    }
    return 20 * std::log10(2 * std::abs(acc) / sumW / 0.5);
}

} // namespace

class TestFirFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void streamingEqualsConvolution_data()
    {
        QTest::addColumn<int>("taps");
        QTest::addColumn<int>("method");
        QTest::addRow("1 tap direct") << 1 << int(FirFilter::Method::Direct);
        QTest::addRow("31 taps direct") << 31 << int(FirFilter::Method::Auto);
        QTest::addRow("31 taps overlap-save") << 31 << int(FirFilter::Method::OverlapSave);
        QTest::addRow("513 taps auto (fft)") << 513 << int(FirFilter::Method::Auto);
        QTest::addRow("2001 taps auto (fft)") << 2001 << int(FirFilter::Method::Auto);
    }
    void streamingEqualsConvolution()
    {
        QFETCH(int, taps);
        QFETCH(int, method);
        std::mt19937 rng(taps);
        std::normal_distribution<float> g(0.0f, 0.3f);
        AudioBlock in(2, 20000);
        for (int c = 0; c < 2; ++c)
            for (float& v : in.channel(c))
                v = g(rng);
        const std::vector<double> h = taps == 1 ? std::vector<double>{0.5}
                                                : FirFilter::designLowPass(taps, 44100, 5000);
        FirFilter odd(h, 2, FirFilter::Method(method));
        FirFilter oneShot(h, 2, FirFilter::Method(method));
        QCOMPARE(odd.usesFft(), method == int(FirFilter::Method::OverlapSave) || taps > FirFilter::directMaxTaps());
        const AudioBlock a = runStreamed(odd, in, {1, 7, 333, 2, 4099, 13});
        const AudioBlock b = runStreamed(oneShot, in, {int(in.frames())});
        QCOMPARE(a.frames(), in.frames());
        QCOMPARE(b.frames(), in.frames());
        for (int c = 0; c < 2; ++c) {
            const std::vector<double> ref = referenceConvolution(h, in.channel(c));
            double maxErr = 0;
            for (std::int64_t i = 0; i < in.frames(); ++i) {
                QCOMPARE(a.channel(c)[i], b.channel(c)[i]); // block size never matters
                maxErr = std::max(maxErr, std::abs(a.channel(c)[i] - ref[i]));
            }
            QVERIFY2(maxErr < 1e-5, qPrintable(QString::number(maxErr)));
        }
    }

    void designedMagnitude_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("taps");
        QTest::addRow("lowpass 63 blackman") << "lp" << 63;
        QTest::addRow("lowpass 255 kaiser") << "lpk" << 255;
        QTest::addRow("highpass 1023") << "hp" << 1023;
        QTest::addRow("bandpass 401") << "bp" << 401;
    }
    void designedMagnitude()
    {
        QFETCH(QString, kind);
        QFETCH(int, taps);
        const double rate = 44100;
        std::vector<double> h;
        if (kind == "lp")
            h = FirFilter::designLowPass(taps, rate, 4000);
        else if (kind == "lpk")
            h = FirFilter::designLowPass(taps, rate, 4000, FirFilter::Window::Kaiser, 8.6);
        else if (kind == "hp")
            h = FirFilter::designHighPass(taps, rate, 200);
        else
            h = FirFilter::designBandPass(taps, rate, 300, 3000);
        FirFilter fir(h, 1);
        for (double f : {60.0, 150.0, 200.0, 1000.0, 2500.0, 4000.0, 6000.0, 12000.0}) {
            const double design = 20 * std::log10(std::abs(fir.response(rate, f)));
            if (design < -70)
                continue; // too deep to measure against float rounding
            const double measured = measuredGainDb(h, rate, f);
            QVERIFY2(std::abs(measured - design) < 0.1,
                     qPrintable(QString("%1 Hz: %2 vs %3").arg(f).arg(measured).arg(design)));
        }
        // The designs do what they say: unity passband, -6 dB at the cut-off, deep stopband.
        if (kind == "lp" || kind == "lpk") {
            QVERIFY(std::abs(20 * std::log10(std::abs(fir.response(rate, 1000)))) < 0.05);
            QVERIFY(std::abs(20 * std::log10(std::abs(fir.response(rate, 4000))) + 6.02) < 0.2);
            QVERIFY(20 * std::log10(std::abs(fir.response(rate, 12000))) < -60);
        } else if (kind == "hp") {
            QVERIFY(std::abs(20 * std::log10(std::abs(fir.response(rate, 1000)))) < 0.05);
            QVERIFY(20 * std::log10(std::abs(fir.response(rate, 20))) < -60);
        } else {
            QVERIFY(std::abs(20 * std::log10(std::abs(fir.response(rate, 1000)))) < 0.05);
            QVERIFY(20 * std::log10(std::abs(fir.response(rate, 8000))) < -60);
        }
    }

    void oneSampleAndSilence()
    {
        FirFilter fir(FirFilter::designLowPass(1001, 44100, 1000), 1);
        AudioBlock one(1, 1), out;
        one.channel(0)[0] = 1.0f;
        fir.process(one, out);
        QCOMPARE(out.frames(), std::int64_t(0)); // held back by overlap-save
        fir.finish(out);
        QCOMPARE(out.frames(), std::int64_t(1));
        QVERIFY(std::abs(out.channel(0)[0] - float(fir.kernel()[0])) < 1e-6f);
        FirFilter quiet(FirFilter::designLowPass(31, 44100, 1000), 1);
        const AudioBlock s = runStreamed(quiet, AudioBlock(1, 1000), {100});
        for (float v : s.channel(0))
            QCOMPARE(v, 0.0f);
    }

    void speed()
    {
        const double rate = 44100;
        FirFilter fir(FirFilter::designLowPass(1023, rate, 8000), 1);
        const AudioBlock s = test::sine(1, 30 * 44100, rate, 440, 0.5);
        QElapsedTimer t;
        t.start();
        const AudioBlock y = runStreamed(fir, s, {65536});
        qInfo("FIR 1023 taps overlap-save: %.0f x real time (44.1 kHz mono)", 30.0 / (t.nsecsElapsed() / 1e9));
        QCOMPARE(y.frames(), s.frames());
    }
};

QTEST_APPLESS_MAIN(TestFirFilter)
#include "tst_fir_filter.moc"
