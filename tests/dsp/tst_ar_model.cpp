// ArModel: Burg estimation, prediction-error filtering and LSAR interpolation.
#include "dsp/ArModel.h"

#include "ImpulseTestSignals.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace shellac;
using namespace shellac::dsp;
using namespace shellac::test::impulse;

namespace {

/// Error filter [1, a1, a2, a3, a4] with two resonances (radius r, angle theta in radians/sample).
std::vector<double> twoResonances(double r1, double th1, double r2, double th2)
{
    const double p[3] = {1.0, -2.0 * r1 * std::cos(th1), r1 * r1};
    const double q[3] = {1.0, -2.0 * r2 * std::cos(th2), r2 * r2};
    std::vector<double> a(5, 0.0);
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            a[i + j] += p[i] * q[j];
    return a;
}

/// x[n] = -sum_{j>=1} a_j x[n-j] + w[n], unit-variance white w, after a 2000-sample warm-up.
std::vector<double> arProcess(const std::vector<double>& a, std::size_t n, unsigned seed, std::vector<double>* drive = nullptr)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const std::size_t warm = 2000;
    std::vector<double> x(n + warm, 0.0), w(n + warm);
    for (std::size_t i = 0; i < x.size(); ++i) {
        w[i] = gauss(rng);
        double s = w[i];
        for (std::size_t j = 1; j < a.size() && j <= i; ++j)
            s -= a[j] * x[i - j];
        x[i] = s;
    }
    if (drive)
        drive->assign(w.begin() + warm, w.end());
    return {x.begin() + warm, x.end()};
}

double gapSnrDb(const std::vector<double>& truth, const std::vector<double>& filled, int begin, int end)
{
    double s = 0.0, e = 0.0;
    for (int i = begin; i < end; ++i) {
        s += truth[i] * truth[i];
        e += (truth[i] - filled[i]) * (truth[i] - filled[i]);
    }
    return 10.0 * std::log10(s / std::max(e, 1e-300));
}

} // namespace

class TestArModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void burgRecoversKnownAr4_data();
    void burgRecoversKnownAr4();
    void burgHandlesDegenerateInput();
    void forwardErrorIsTheDrivingNoise();
    void backwardErrorSeesImpulseBeforeIt();
    void lsarFillsGapInArProcess_data();
    void lsarFillsGapInArProcess();
    void lsarFillsSeveralGapsInMusic();
    void lsarIgnoresUnknownsTooCloseToTheEdge();
    void burgExcludingIgnoresDamagedSamples();
    void weightedInterpolationBlendsObservation();
};

void TestArModel::burgRecoversKnownAr4_data()
{
    QTest::addColumn<double>("r1");
    QTest::addColumn<double>("th1");
    QTest::addColumn<double>("r2");
    QTest::addColumn<double>("th2");
    QTest::newRow("broad") << 0.9 << 0.6 << 0.8 << 1.8;
    QTest::newRow("sharp") << 0.98 << 0.2 << 0.95 << 0.9;
    QTest::newRow("low-frequency") << 0.99 << 0.05 << 0.9 << 0.4;
}

void TestArModel::burgRecoversKnownAr4()
{
    QFETCH(double, r1);
    QFETCH(double, th1);
    QFETCH(double, r2);
    QFETCH(double, th2);
    const auto a = twoResonances(r1, th1, r2, th2);
    const auto x = arProcess(a, 100000, 3);
    ArModel model;
    QCOMPARE(model.fitBurg(x, 4), 4);
    double worst = 0.0;
    for (int j = 1; j <= 4; ++j)
        worst = std::max(worst, std::abs(model.coefficients()[j] - a[j]));
    qInfo("AR(4) %s: largest coefficient error %.4f, error power %.3f (true 1)", QTest::currentDataTag(), worst,
          model.errorPower());
    QVERIFY2(worst < 0.02, qPrintable(QString::number(worst)));
    QVERIFY(std::abs(model.errorPower() - 1.0) < 0.05);
}

void TestArModel::burgHandlesDegenerateInput()
{
    ArModel model;
    std::vector<double> silence(1000, 0.0);
    QCOMPARE(model.fitBurg(silence, 20), 0);
    std::vector<double> shortInput(5, 0.3);
    QVERIFY(model.fitBurg(shortInput, 20) <= 2);
    std::vector<double> one(1, 1.0);
    QCOMPARE(model.fitBurg(one, 20), 0);
    // A pure sine is exactly predictable with order 2: Burg must stop or stay stable, never blow up.
    std::vector<double> sine(4096);
    for (std::size_t i = 0; i < sine.size(); ++i)
        sine[i] = std::sin(0.05 * i);
    const int reached = model.fitBurg(sine, 32);
    QVERIFY(reached >= 2);
    for (double c : model.coefficients())
        QVERIFY(std::isfinite(c));
    std::vector<double> e(sine.size());
    model.forwardError(sine, e);
    double peak = 0.0;
    for (std::size_t i = reached; i < e.size(); ++i)
        peak = std::max(peak, std::abs(e[i]));
    QVERIFY2(peak < 1e-3, qPrintable(QString::number(peak)));
}

void TestArModel::forwardErrorIsTheDrivingNoise()
{
    const auto a = twoResonances(0.95, 0.3, 0.9, 1.2);
    std::vector<double> w;
    const auto x = arProcess(a, 5000, 5, &w);
    ArModel model;
    model.setCoefficients(a);
    std::vector<double> e(x.size());
    model.forwardError(x, e);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(e[i], 0.0);
    double worst = 0.0;
    for (std::size_t i = 4; i < x.size(); ++i)
        worst = std::max(worst, std::abs(e[i] - w[i]));
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
}

void TestArModel::backwardErrorSeesImpulseBeforeIt()
{
    const auto a = twoResonances(0.95, 0.3, 0.9, 1.2);
    auto x = arProcess(a, 2000, 9);
    x[1000] += 100.0;
    ArModel model;
    model.setCoefficients(a);
    std::vector<double> e(x.size()), eb(x.size());
    model.forwardError(x, e);
    model.backwardError(x, eb);
    // forward: the impulse shows at 1000..1004, backward at 996..1000; both peak at 1000.
    QVERIFY(std::abs(e[1000]) > 90.0 && std::abs(eb[1000]) > 90.0);
    QVERIFY(std::abs(e[999]) < 10.0 && std::abs(eb[1001]) < 10.0);
    QVERIFY(std::abs(eb[998]) > 20.0 && std::abs(e[1002]) > 20.0);
}

void TestArModel::lsarFillsGapInArProcess_data()
{
    QTest::addColumn<int>("gap");
    QTest::addColumn<bool>("fitted");
    QTest::addColumn<double>("minSnrDb");
    QTest::newRow("100 samples, true model") << 100 << false << 15.0;
    QTest::newRow("100 samples, Burg model") << 100 << true << 15.0;
    QTest::newRow("220 samples, Burg model") << 220 << true << 6.0;
    QTest::newRow("1 sample, Burg model") << 1 << true << 15.0;
}

void TestArModel::lsarFillsGapInArProcess()
{
    QFETCH(int, gap);
    QFETCH(bool, fitted);
    QFETCH(double, minSnrDb);
    // A narrow-band AR(4) process (resonances at 0.02 and 0.05 cycles/sample, radius 0.9995/0.999):
    // stationary, coloured like sustained tones.
    const auto a = twoResonances(0.9995, 2 * std::numbers::pi * 0.02, 0.999, 2 * std::numbers::pi * 0.05);
    double sumSnr = 0.0;
    const int trials = 8;
    double worst = 1e9;
    for (int trial = 0; trial < trials; ++trial) {
        const auto truth = arProcess(a, 4096, 100 + trial);
        auto x = truth;
        const int begin = 2000;
        std::vector<int> missing;
        for (int i = 0; i < gap; ++i)
            missing.push_back(begin + i);
        ArModel model;
        if (fitted) {
            // Fit on the known samples only (the stretch before the gap), as a restorer would.
            QCOMPARE(model.fitBurg(std::span<const double>(truth.data(), begin), 4), 4);
        } else {
            model.setCoefficients(a);
        }
        for (int t : missing)
            x[t] = 1e3; // garbage in the gap must not matter
        QVERIFY(model.interpolate(x, missing));
        const double s = gapSnrDb(truth, x, begin, begin + gap);
        sumSnr += s;
        worst = std::min(worst, s);
        for (int i = 0; i < 4096; ++i)
            if (i < begin || i >= begin + gap)
                QCOMPARE(x[i], truth[i]);
    }
    qInfo("LSAR gap %d (%s): mean SNR %.1f dB, worst %.1f dB over %d trials", gap,
          fitted ? "Burg model" : "true model", sumSnr / trials, worst, trials);
    QVERIFY2(sumSnr / trials > minSnrDb, qPrintable(QString::number(sumSnr / trials)));
}

void TestArModel::lsarFillsSeveralGapsInMusic()
{
    const auto m = music(1.0);
    std::vector<double> truth(m.begin() + 20000, m.begin() + 24096);
    auto x = truth;
    ArModel model;
    QCOMPARE(model.fitBurg(truth, 32), 32);
    // Three gaps in one window, one of them 220 samples (5 ms at 44.1 kHz), two 40 samples apart.
    std::vector<int> missing;
    for (int i = 500; i < 720; ++i) missing.push_back(i);
    for (int i = 1500; i < 1510; ++i) missing.push_back(i);
    for (int i = 1550; i < 1600; ++i) missing.push_back(i);
    for (int i = 3000; i < 3001; ++i) missing.push_back(i);
    for (int t : missing)
        x[t] = 0.0;
    QVERIFY(model.interpolate(x, missing));
    const double s220 = gapSnrDb(truth, x, 500, 720);
    const double sCluster = gapSnrDb(truth, x, 1500, 1600);
    const double s1 = gapSnrDb(truth, x, 3000, 3001);
    qInfo("LSAR on music: 220-sample gap %.1f dB, 10+50-sample gaps %.1f dB, 1-sample gap %.1f dB", s220, sCluster, s1);
    // LSAR is excellent for short gaps and only fair for 5 ms gaps in polyphonic material (it
    // shrinks towards the predictable part): the 220-sample gap must still beat muting (0 dB).
    QVERIFY(s220 > 0.0);
    QVERIFY(sCluster > 6.0);
    QVERIFY(s1 > 25.0);
}

void TestArModel::lsarIgnoresUnknownsTooCloseToTheEdge()
{
    const auto a = twoResonances(0.95, 0.3, 0.9, 1.2);
    const auto signal = arProcess(a, 200, 1);
    // Canary guard zones on both sides catch writes past either end of the span.
    constexpr int kGuard = 64;
    constexpr double kCanary = -12345.0;
    std::vector<double> buffer(signal.size() + 2 * kGuard, kCanary);
    std::copy(signal.begin(), signal.end(), buffer.begin() + kGuard);
    const std::span<double> x(buffer.data() + kGuard, signal.size());
    ArModel model;
    model.setCoefficients(a);
    const std::vector<int> missing{0, 3, 100, 196, 199};
    QVERIFY(model.interpolate(x, missing));
    QCOMPARE(x[0], signal[0]);
    QCOMPARE(x[3], signal[3]);
    QCOMPARE(x[196], signal[196]);
    QCOMPARE(x[199], signal[199]);
    QVERIFY(std::isfinite(x[100]));
    QVERIFY(std::abs(x[100] - signal[100]) < 5.0);
    std::vector<double> e(signal.size()), eb(signal.size());
    model.forwardError(x, e);
    model.backwardError(x, eb);
    for (int i = 0; i < kGuard; ++i) {
        QCOMPARE(buffer[i], kCanary);
        QCOMPARE(buffer[buffer.size() - 1 - i], kCanary);
    }
}

void TestArModel::burgExcludingIgnoresDamagedSamples()
{
    const auto a = twoResonances(0.95, 0.3, 0.9, 1.2);
    auto x = arProcess(a, 20000, 12);
    ArModel plain, excluding;
    std::vector<unsigned char> none(x.size(), 0);
    plain.fitBurg(x, 4);
    excluding.fitBurgExcluding(x, none, 4);
    for (int j = 0; j <= 4; ++j)
        QVERIFY(std::abs(plain.coefficients()[j] - excluding.coefficients()[j]) < 1e-9);
    // Wreck 10 stretches of 200 samples with huge noise: plain Burg is pulled away, Burg that
    // excludes them is not.
    std::mt19937 rng(4);
    std::normal_distribution<double> gauss(0.0, 50.0);
    std::vector<unsigned char> bad(x.size(), 0);
    for (int k = 0; k < 10; ++k)
        for (int i = 1000 + k * 1800; i < 1200 + k * 1800; ++i) {
            x[i] += gauss(rng);
            bad[i] = 1;
        }
    plain.fitBurg(x, 4);
    excluding.fitBurgExcluding(x, bad, 4);
    double plainErr = 0.0, exclErr = 0.0;
    for (int j = 1; j <= 4; ++j) {
        plainErr = std::max(plainErr, std::abs(plain.coefficients()[j] - a[j]));
        exclErr = std::max(exclErr, std::abs(excluding.coefficients()[j] - a[j]));
    }
    qInfo("damaged AR(4): coefficient error %.3f (plain Burg) vs %.3f (excluding the damage)", plainErr, exclErr);
    QVERIFY(exclErr < 0.03);
    QVERIFY(plainErr > 0.3);
}

void TestArModel::weightedInterpolationBlendsObservation()
{
    const auto a = twoResonances(0.99, 0.2, 0.95, 0.7);
    const auto truth = arProcess(a, 1000, 13);
    ArModel model;
    model.setCoefficients(a);
    const std::vector<int> missing{500, 501, 502};
    auto observed = truth;
    for (int t : missing)
        observed[t] += 2.0;
    auto plain = observed, zero = observed, huge = observed;
    QVERIFY(model.interpolate(plain, missing));
    QVERIFY(model.interpolate(zero, missing, std::vector<double>(3, 0.0)));
    QVERIFY(model.interpolate(huge, missing, std::vector<double>(3, 1e9)));
    for (int t : missing) {
        QVERIFY(std::abs(plain[t] - zero[t]) < 1e-12);        // w = 0 is plain LSAR
        QVERIFY(std::abs(huge[t] - observed[t]) < 1e-6);      // w -> inf keeps the observation
    }
    auto half = observed;
    QVERIFY(model.interpolate(half, missing, std::vector<double>(3, 1.0)));
    for (int t : missing) // in between
        QVERIFY(std::abs(half[t] - plain[t]) < std::abs(observed[t] - plain[t]) + 1e-12);
}

QTEST_APPLESS_MAIN(TestArModel)
#include "tst_ar_model.moc"
