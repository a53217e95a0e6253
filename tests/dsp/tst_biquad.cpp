// RBJ biquads and Butterworth cascades: measured magnitude matches the design, streaming in odd
// block sizes equals one-shot, silence and full-scale input stay finite.

#include "TestSignals.h"

#include "dsp/Biquad.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace shellac;
using namespace shellac::dsp;

namespace {

/// Steady-state gain (dB) of `filter` for a sine at `f` Hz: 4 s of sine, the last 2 s measured by
/// a Hann-weighted projection.
double measuredGainDb(BiquadCascade filter, double rate, double f)
{
    const std::int64_t n = static_cast<std::int64_t>(4 * rate);
    AudioBlock s = test::sine(1, n, rate, f, 0.5);
    filter.reset();
    filter.process(s);
    const std::int64_t from = n / 2;
    std::complex<double> acc = 0;
    double sumW = 0;
    for (std::int64_t i = from; i < n; ++i) {
        const double w = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * double(i - from) / double(n - from));
        acc += w * double(s.channel(0)[i]) * std::polar(1.0, -2 * std::numbers::pi * f * double(i) / rate);
        sumW += w;
    }
    return 20 * std::log10(2 * std::abs(acc) / sumW / 0.5);
}

double designDb(const BiquadCascade& f, double rate, double hz) { return 20 * std::log10(std::abs(f.response(rate, hz))); }

} // namespace

class TestBiquad : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void measuredMatchesDesign_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("freq");
        for (double f : {20.0, 50.0, 100.0, 1000.0, 5000.0, 15000.0}) {
            QTest::addRow("hp %g", f) << "hp" << f;
            QTest::addRow("lp %g", f) << "lp" << f;
            QTest::addRow("notch %g", f) << "notch" << f;
            QTest::addRow("peak %g", f) << "peak" << f;
        }
    }
    void measuredMatchesDesign()
    {
        QFETCH(QString, kind);
        QFETCH(double, freq);
        const double rate = 44100;
        BiquadCascade f;
        if (kind == "hp")
            f.add(BiquadCoefficients::highPass(rate, 100, 0.707));
        else if (kind == "lp")
            f.add(BiquadCoefficients::lowPass(rate, 1000, 0.707));
        else if (kind == "notch")
            f.add(BiquadCoefficients::notch(rate, 1000, 2.0)); // keep the notch measurable
        else
            f.add(BiquadCoefficients::peaking(rate, 1000, 1.0, 6.0));
        f.setChannels(1);
        const double design = designDb(f, rate, freq);
        const double measured = measuredGainDb(f, rate, freq);
        if (design < -100) { // the notch centre: just very deep
            QVERIFY2(measured < -100, qPrintable(QString::number(measured)));
            return;
        }
        QVERIFY2(std::abs(measured - design) < 0.1, qPrintable(QString("%1 vs %2").arg(measured).arg(design)));
    }

    void cookbookShapes()
    {
        const double rate = 48000;
        QVERIFY(std::abs(20 * std::log10(std::abs(BiquadCoefficients::peaking(rate, 1000, 1, 6).response(rate, 1000))) - 6.0) < 1e-9);
        QVERIFY(std::abs(BiquadCoefficients::notch(rate, 50, 25).response(rate, 50)) < 1e-6);
        // Notch -3 dB bandwidth = f/Q: at 50 +- 1 Hz about -3 dB, 10 Hz away almost nothing.
        const auto n = BiquadCoefficients::notch(rate, 50, 25);
        QVERIFY(std::abs(20 * std::log10(std::abs(n.response(rate, 51))) + 3.0) < 0.2);
        QVERIFY(20 * std::log10(std::abs(n.response(rate, 60))) > -0.06);
        QVERIFY(std::abs(20 * std::log10(std::abs(BiquadCoefficients::lowPass(rate, 1000, M_SQRT1_2).response(rate, 1000))) + 3.0103) < 1e-3);
    }

    void butterworthHighPass_data()
    {
        QTest::addColumn<int>("order");
        for (int o : {2, 4, 6, 8})
            QTest::addRow("order %d", o) << o;
    }
    void butterworthHighPass()
    {
        QFETCH(int, order);
        const double rate = 44100, fc = 30;
        const BiquadCascade hp = BiquadCascade::butterworthHighPass(order, rate, fc, 1);
        QCOMPARE(hp.sections(), order / 2);
        for (double f : {10.0, 20.0, 30.0, 45.0, 60.0, 120.0, 1000.0}) {
            const double ideal = -10 * std::log10(1 + std::pow(fc / f, 2 * order)); // analogue prototype
            const double measured = measuredGainDb(hp, rate, f);
            QVERIFY2(std::abs(measured - ideal) < 0.1,
                     qPrintable(QString("order %1 at %2 Hz: %3 dB, ideal %4 dB").arg(order).arg(f).arg(measured).arg(ideal)));
        }
    }

    void streamingEqualsOneShot()
    {
        const double rate = 44100;
        BiquadCascade a = BiquadCascade::butterworthHighPass(8, rate, 40, 2);
        a.add(BiquadCoefficients::notch(rate, 50, 25));
        BiquadCascade b = a;
        AudioBlock whole = test::sine(2, 50000, rate, 437, 0.9);
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < whole.frames(); i += 97)
                whole.channel(c)[i] += 0.05f; // impulses
        AudioBlock streamed = whole;
        a.process(whole);
        std::int64_t pos = 0;
        int k = 0;
        const int sizes[] = {1, 3, 17, 1001, 4099, 2, 333};
        while (pos < streamed.frames()) {
            const std::int64_t n = std::min<std::int64_t>(sizes[k++ % 7], streamed.frames() - pos);
            for (int c = 0; c < 2; ++c)
                b.process(c, streamed.channel(c).data() + pos, n);
            pos += n;
        }
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < whole.frames(); ++i)
                QCOMPARE(streamed.channel(c)[i], whole.channel(c)[i]);
    }

    void silenceAndExtremesStayFinite()
    {
        BiquadCascade hp = BiquadCascade::butterworthHighPass(8, 8000, 20, 1);
        AudioBlock silence(1, 8000);
        hp.process(silence);
        for (float v : silence.channel(0))
            QCOMPARE(v, 0.0f);
        AudioBlock square(1, 80000);
        for (std::int64_t i = 0; i < square.frames(); ++i)
            square.channel(0)[i] = (i / 40) % 2 ? 1.0f : -1.0f;
        hp.process(square);
        for (float v : square.channel(0))
            QVERIFY(std::isfinite(v) && std::abs(v) < 4.0f);
    }

    void speed()
    {
        const double rate = 44100;
        BiquadCascade hp = BiquadCascade::butterworthHighPass(4, rate, 30, 1);
        AudioBlock s = test::sine(1, 60 * 44100, rate, 440, 0.5);
        QElapsedTimer t;
        t.start();
        for (std::int64_t pos = 0; pos < s.frames(); pos += 65536)
            hp.process(0, s.channel(0).data() + pos, std::min<std::int64_t>(65536, s.frames() - pos));
        qInfo("4th-order Butterworth: %.0f x real time (44.1 kHz mono)", 60.0 / (t.nsecsElapsed() / 1e9));
    }
};

QTEST_APPLESS_MAIN(TestBiquad)
#include "tst_biquad.moc"
