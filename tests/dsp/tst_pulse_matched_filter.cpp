// PulseMatchedFilter: finds a half-sine pulse in AR-coloured noise at the right place, width and
// size; stays silent on noise alone; its local spread keeps it silent where the excitation is not
// white at the pulse's frequencies.
#include "dsp/ArModel.h"
#include "dsp/PulseMatchedFilter.h"

#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace shellac::dsp;

namespace {
constexpr int kLength = 8192;
constexpr int kOrder = 16;

/// AR(2) noise with a resonance near 1 kHz at 44.1 kHz (excitation standard deviation 0.01, the
/// noise itself about 0.25).
std::vector<double> colouredNoise(unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0.0, 0.01);
    std::vector<double> x(kLength, 0.0);
    const double r = 0.98, theta = 2 * std::numbers::pi * 1000.0 / 44100.0;
    for (int n = 2; n < kLength; ++n)
        x[n] = 2 * r * std::cos(theta) * x[n - 1] - r * r * x[n - 2] + gauss(rng);
    return x;
}

struct Analysis {
    std::vector<MatchedPulse> pulses;
    double sigma = 0.0;   // robust scale of the excitation
};

/// What the detector works on: the model fitted on `x` (or none: a = [1]), e, u = A^T e and a
/// constant sigma (the excitation's robust scale).
struct Whitened {
    ArModel model;
    std::vector<double> e, u, sigma;
};

Whitened whiten(const std::vector<double>& x, bool whiteModel = false)
{
    Whitened w;
    if (whiteModel) {
        const double one = 1.0;
        w.model.setCoefficients({&one, 1});
    } else {
        w.model.fitBurg(x, kOrder);
    }
    w.e.resize(x.size());
    w.u.resize(x.size());
    w.model.forwardError(x, w.e);
    w.model.backwardError(w.e, w.u);
    std::vector<double> magnitudes;
    for (std::size_t n = kOrder; n < w.e.size(); ++n)
        magnitudes.push_back(std::abs(w.e[n]));
    std::nth_element(magnitudes.begin(), magnitudes.begin() + magnitudes.size() / 2, magnitudes.end());
    w.sigma.assign(x.size(), 1.4826 * magnitudes[magnitudes.size() / 2]);
    return w;
}

/// Runs the detector over widths 6..400 on `x` whitened by whiten().
Analysis analyse(const std::vector<double>& x, PulseDetectorSettings settings = {}, bool whiteModel = false)
{
    const Whitened w = whiten(x, whiteModel);
    PulseMatchedFilter filter;
    settings.minSeparation = kOrder;
    filter.prepare(6, 400, kOrder, settings);
    Analysis a;
    a.sigma = w.sigma[0];
    filter.detect(x, w.u, w.e, w.model.coefficients(), w.sigma, kOrder, kLength - kOrder, a.pulses);
    return a;
}
} // namespace

class TestPulseMatchedFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void widthsAreAGeometricSeries();
    void findsPulse_data();
    void findsPulse();
    void silentOnNoise();
    void silentWhereTheExcitationIsNotWhite();
    void refinesWidthAndSkew_data();
    void refinesWidthAndSkew();
};

void TestPulseMatchedFilter::widthsAreAGeometricSeries()
{
    PulseMatchedFilter f;
    f.prepare(6, 400, kOrder, {});
    QCOMPARE(f.widths(), (std::vector<int>{6, 12, 24, 48, 96, 192, 384}));
    QCOMPARE(PulseMatchedFilter::shape(10, 0), std::sin(std::numbers::pi * 0.05));
    QVERIFY(std::abs(PulseMatchedFilter::shape(10, 4) - PulseMatchedFilter::shape(10, 5)) < 1e-12);   // symmetric
}

void TestPulseMatchedFilter::findsPulse_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("amplitude");
    // The noise's standard deviation is about 0.25 (a strong 1 kHz resonance): the pulses lie
    // under it, with about 12 standard deviations of score.
    QTest::addRow("24 samples, positive") << 24 << 1.0;
    QTest::addRow("96 samples, negative") << 96 << -0.6;
    QTest::addRow("384 samples, positive") << 384 << 0.3;
}

void TestPulseMatchedFilter::findsPulse()
{
    QFETCH(int, width);
    QFETCH(double, amplitude);
    std::vector<double> x = colouredNoise(3);
    const int start = 3000;
    for (int j = 0; j < width; ++j)
        x[std::size_t(start + j)] += amplitude * PulseMatchedFilter::shape(width, j);
    const Analysis a = analyse(x);
    for (const MatchedPulse& p : a.pulses)
        qInfo("found at %d, width %d, score %.1f, amplitude %.4f", p.start, p.width, p.score, p.amplitude);
    QCOMPARE(a.pulses.size(), std::size_t(1));
    const MatchedPulse& p = a.pulses.front();
    qInfo("width %d: found at %d, width %d, score %.1f, amplitude %.4f", width, p.start, p.width, p.score, p.amplitude);
    QCOMPARE(p.width, width);
    QVERIFY2(std::abs(p.start - start) <= std::max(2, width / 16), qPrintable(QString::number(p.start)));
    QVERIFY2(std::abs(p.amplitude - amplitude) < 0.15 * std::abs(amplitude), qPrintable(QString::number(p.amplitude)));
    QVERIFY(p.score > 6.0);
}

void TestPulseMatchedFilter::silentOnNoise()
{
    int found = 0;
    for (unsigned seed = 1; seed <= 8; ++seed)
        found += int(analyse(colouredNoise(seed)).pulses.size());
    QCOMPARE(found, 0);
    // A lower threshold on the same noise does fire: the test above can fail.
    int atTwo = 0;
    for (unsigned seed = 1; seed <= 8; ++seed)
        atTwo += int(analyse(colouredNoise(seed), {2.0, 0.0}).pulses.size());
    QVERIFY(atTwo > 0);
}

void TestPulseMatchedFilter::silentWhereTheExcitationIsNotWhite()
{
    // A model that whitens nothing (a = [1]) on resonant noise: the "excitation" is the noise
    // itself, and a 24-sample half-sine (about the resonance's half period) correlates with it
    // everywhere. Measured against sigma alone such positions score far above the threshold;
    // against the local spread of the scores, none stands out.
    const std::vector<double> x = colouredNoise(5);
    const Analysis a = analyse(x, {}, true);
    const int w = 24;
    double norm = 0.0;
    for (int j = 0; j < w; ++j)
        norm += PulseMatchedFilter::shape(w, j) * PulseMatchedFilter::shape(w, j);
    norm = std::sqrt(norm);
    double rawMax = 0.0;
    for (int t = kOrder; t + w < kLength - kOrder; ++t) {
        double c = 0.0;
        for (int j = 0; j < w; ++j)
            c += PulseMatchedFilter::shape(w, j) * x[std::size_t(t + j)];
        rawMax = std::max(rawMax, std::abs(c) / (norm * a.sigma));
    }
    qInfo("largest score against sigma alone: %.1f", rawMax);
    QVERIFY(rawMax > 1.5 * PulseDetectorSettings{}.threshold);
    for (const MatchedPulse& p : a.pulses)
        qInfo("false pulse at %d, width %d, score %.1f", p.start, p.width, p.score);
    QVERIFY(a.pulses.empty());
}

void TestPulseMatchedFilter::refinesWidthAndSkew_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("skew");
    QTest::addColumn<double>("amplitude");
    // Between the templates (6, 12, ..., 384: 2x apart) and skewed: the detector's best template
    // leaves a tenth of such a pulse or more; the refined fit should leave less.
    QTest::addRow("136 samples, early peak") << 136.0 << 0.6 << 0.8;
    QTest::addRow("70.5 samples, late peak") << 70.5 << 1.7 << -1.0;
    QTest::addRow("300 samples, symmetric") << 300.0 << 1.0 << 0.5;
}

void TestPulseMatchedFilter::refinesWidthAndSkew()
{
    QFETCH(double, width);
    QFETCH(double, skew);
    QFETCH(double, amplitude);
    const std::vector<double> noise = colouredNoise(11);
    std::vector<double> x = noise;
    const int start = 4000;
    const PulseFit truth{start, width, skew, amplitude};
    for (int j = 0; j < truth.length(); ++j)
        x[std::size_t(start + j)] += amplitude * PulseMatchedFilter::skewedShape(width, skew, j);
    const Whitened w = whiten(x);
    PulseMatchedFilter filter;
    filter.prepare(6, 400, kOrder, {6.0, 0.3, kOrder, false});
    std::vector<MatchedPulse> found;
    filter.detect(x, w.u, w.e, w.model.coefficients(), w.sigma, kOrder, kLength - kOrder, found);
    QCOMPARE(found.size(), std::size_t(1));
    const MatchedPulse& hit = found.front();
    const PulseFit fit = filter.refine(hit, x, w.u, w.model.coefficients(), kOrder, kLength - kOrder);
    // Error left after subtracting each estimate, re the pulse's energy, over the pulse and
    // either side of it.
    const auto left = [&](const PulseFit& f) {
        double err = 0.0, energy = 0.0;
        for (int n = start - 500; n < start + truth.length() + 500; ++n) {
            const auto at = [&](const PulseFit& q) {
                const int j = n - q.start;
                if (j < 0 || j >= q.length())
                    return 0.0;
                return q.amplitude * PulseMatchedFilter::skewedShape(q.width, q.skew, j);
            };
            err += (at(truth) - at(f)) * (at(truth) - at(f));
            energy += at(truth) * at(truth);
        }
        return 10.0 * std::log10(err / energy);
    };
    const MatchedPulse& c = found.front();
    const double coarseDb = left({c.start, double(c.width), 1.0, c.amplitude});
    const double fitDb = left(fit);
    qInfo("template %d at %d (%.1f dB left); refined %.1f at %d, skew %.2f, amplitude %.3f (%.1f dB left)", c.width,
          c.start, coarseDb, fit.width, fit.start, fit.skew, fit.amplitude, fitDb);
    // Measured: -21.4, -11.4 and -15.3 dB left against -8.8, -10.3 and -11.0 for the template.
    // The width need not come out right: on a low-frequency pulse in loud coloured noise the
    // whitened fit trades width against skew (70.5 samples, skew 1.7 fits as 52 samples, 1.4).
    QVERIFY2(fitDb < coarseDb - 1.0, qPrintable(QString::number(fitDb)));
    QVERIFY2(fitDb < -11.0, qPrintable(QString::number(fitDb)));
}

QTEST_GUILESS_MAIN(TestPulseMatchedFilter)
#include "tst_pulse_matched_filter.moc"
