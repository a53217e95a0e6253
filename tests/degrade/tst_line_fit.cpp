// Line fits of the analyzer's noise floor: the plain least-squares line, and the floor line that
// contamination (power that only ever adds) does not pull up.

#include "degrade/LineFit.h"

#include <QTest>

#include <cmath>

using namespace shellac::degrade;

namespace {

/// A -2 dB/octave floor at 1/3-octave steps from 200 Hz to 8 kHz (x = log2 Hz), with a small
/// alternating scatter of +-0.2 dB.
void floorPoints(std::vector<double>& x, std::vector<double>& y)
{
    x.clear();
    y.clear();
    for (int i = 0; i < 16; ++i) {
        x.push_back(std::log2(200.0) + i / 3.0);
        y.push_back(-20 - 2 * (x.back() - std::log2(1000.0)) + (i % 2 ? 0.2 : -0.2));
    }
}

} // namespace

class TestLineFit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainFitIsExact()
    {
        const std::vector<double> x{0, 1, 2, 3}, y{1, 3, 5, 7};
        double a = 0, s = 0;
        QVERIFY(fitLine(x, y, a, s));
        QCOMPARE(a, 1.0);
        QCOMPARE(s, 2.0);
        double a2 = 9, s2 = 9;
        QVERIFY(!fitLine({1, 1}, {0, 5}, a2, s2)); // one distinct x: no line
        QCOMPARE(a2, 9.0);
        QVERIFY(!fitLine({1}, {0}, a2, s2));
    }

    void weightsSelectPoints()
    {
        // Zero weight drops the outlier entirely.
        const std::vector<double> x{0, 1, 2, 3}, y{0, 1, 2, 30}, w{1, 1, 1, 0};
        double a = 0, s = 0;
        QVERIFY(fitWeightedLine(x, y, w, a, s));
        QVERIFY(std::abs(a) < 1e-12);
        QVERIFY(std::abs(s - 1) < 1e-12);
        QVERIFY(!fitWeightedLine(x, y, {0, 0, 0, 0}, a, s));
    }

    void floorLineIgnoresRaisedLowBands()
    {
        // Music left in the quietest frames lifts the five lowest bands by 1.5-2.5 dB (as on
        // the "strong tilt" round trip): the plain fit steepens, the floor line keeps the slope.
        std::vector<double> x, y;
        floorPoints(x, y);
        for (int i = 0; i < 5; ++i)
            y[std::size_t(i)] += 2.5 - 0.25 * i;
        double a = 0, s = 0, fa = 0, fs = 0;
        QVERIFY(fitLine(x, y, a, s));
        QVERIFY(fitFloorLine(x, y, 0.5, fa, fs));
        qInfo("slope: plain %.2f, floor %.2f dB/octave (true -2)", s, fs);
        QVERIFY(s < -2.4);
        QVERIFY(std::abs(fs + 2) < 0.12);
        QVERIFY(std::abs(fa + fs * std::log2(1000.0) + 20) < 0.3); // the level at 1 kHz
    }

    void floorLineLeavesCleanPointsAlone()
    {
        // Scatter within the margin: the same line as the plain fit.
        std::vector<double> x, y;
        floorPoints(x, y);
        double a = 0, s = 0, fa = 0, fs = 0;
        QVERIFY(fitLine(x, y, a, s));
        QVERIFY(fitFloorLine(x, y, 0.5, fa, fs));
        QCOMPARE(fa, a);
        QCOMPARE(fs, s);
    }
};

QTEST_GUILESS_MAIN(TestLineFit)
#include "tst_line_fit.moc"
