// ClickDetectionCalibration and ExcerptReservoir: the population fit recovers a known efficiency
// from hand-made trials (a soft detection limit and a biased, noisy measurement), injection finds loud clicks and misses buried
// ones, events over the recording's own clicks count as shares, the simulation grows with the
// observation, and the reservoir keeps a bounded, block-size-independent sample.

#include "TestSignals.h"

#include "degrade/ClickDetectionCalibration.h"
#include "degrade/ExcerptReservoir.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;
using namespace shellac::degrade;

namespace {

constexpr int kRate = 44100;

/// Probability that a click of this peak is found: a soft limit (logistic, 2 dB scale) at `limitDb`,
/// as the AR detector's threshold against a fluctuating excitation behaves.
double foundProbability(double peakDb, double limitDb) { return 1.0 / (1.0 + std::exp(-(peakDb - limitDb) / 2.0)); }

/// Trials drawn uniformly over peak -20..35 dB and log2 width log2(0.03)..log2(6) ms; a trial is
/// found with foundProbability() and then measured 1 dB low with 1.5 dB of scatter.
std::vector<InjectionTrial> softLimitTrials(double limitDb, int count)
{
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(0, 1);
    std::normal_distribution<double> scatter(0, 1.5);
    std::uniform_real_distribution<double> peak(-20, 35), width(std::log2(0.03), std::log2(6.0));
    const double density = 1.0 / (55.0 * (std::log2(6.0) - std::log2(0.03)));
    std::vector<InjectionTrial> trials;
    for (int i = 0; i < count; ++i) {
        InjectionTrial t;
        t.peakDb = peak(rng);
        t.log2WidthMs = width(rng);
        t.proposalDensity = density;
        if (u(rng) < foundProbability(t.peakDb, limitDb))
            t.events.push_back({t.peakDb - 1 + scatter(rng), t.log2WidthMs});
        trials.push_back(t);
    }
    return trials;
}

/// What the same detector finds of N(median, sigma) (truncated at ±3 sigma), by sampling.
ObservedClicks observedAbove(double median, double sigma, double limitDb, double widthLog2, double widthSigma,
                             int population, double& efficiency)
{
    std::mt19937 rng(9);
    std::normal_distribution<double> g(0, 1), scatter(0, 1.5);
    std::uniform_real_distribution<double> u(0, 1);
    ObservedClicks o;
    double sum = 0, sumSq = 0, wSum = 0, wSq = 0;
    for (int i = 0; i < population; ++i) {
        double z = g(rng);
        while (std::abs(z) > 3)
            z = g(rng);
        const double p = median + sigma * z;
        double zw = g(rng);
        while (std::abs(zw) > 3)
            zw = g(rng);
        const double w = widthLog2 + widthSigma * zw;
        if (u(rng) >= foundProbability(p, limitDb))
            continue;
        const double measured = p - 1 + scatter(rng);
        o.count += 1;
        sum += measured;
        sumSq += measured * measured;
        wSum += w;
        wSq += w * w;
    }
    o.peakMeanDb = sum / o.count;
    o.peakSigmaDb = std::sqrt(sumSq / o.count - o.peakMeanDb * o.peakMeanDb);
    o.log2WidthMean = wSum / o.count;
    o.log2WidthSigma = std::sqrt(wSq / o.count - o.log2WidthMean * o.log2WidthMean);
    efficiency = o.count / population;
    return o;
}

/// A 330 Hz tone at -20 dBFS RMS with white hiss at -50 dBFS, `seconds` long.
AudioBlock toneInHiss(double seconds)
{
    AudioBlock audio = test::sine(1, std::int64_t(seconds * kRate), kRate, 330, 0.14);
    std::mt19937 rng(3);
    std::normal_distribution<float> hiss(0.0f, 0.00316f);
    for (float& s : audio.channel(0))
        s += hiss(rng);
    return audio;
}

/// The analyzer's settings for the tone (programme level -20 dBFS).
CalibrationSettings toneSettings()
{
    CalibrationSettings settings;
    settings.sampleRate = kRate;
    settings.programmeLevelDbfs = -20;
    return settings;
}

} // namespace

class TestClickDetectionCalibration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitRecoversTheEfficiencyOfADetectionLimit()
    {
        // Half of a N(6 dB, 5 dB) population is found with a limit at 6 dB: the fit must say ~0.5,
        // not 1, and see through the measurement's 1 dB bias.
        double truth = 0;
        const ObservedClicks observed = observedAbove(6, 5, 6, std::log2(0.4), 0.8, 2000, truth);
        const CalibrationFit fit = ClickDetectionCalibration::fit(softLimitTrials(6, 40000), observed);
        qInfo("efficiency %.3f (true %.3f), median %.2f dB, sigma %.2f dB, width %.3f ms", fit.efficiency, truth,
              fit.population.peakMedianDb, fit.population.peakSigmaDb, fit.population.widthMedianMs);
        QVERIFY(fit.ok);
        QVERIFY(std::abs(fit.efficiency / truth - 1) < 0.15);
        QVERIFY(std::abs(fit.population.peakMedianDb - 6) < 1.5);
        QVERIFY(std::abs(fit.population.widthMedianMs / 0.4 - 1) < 0.1);
    }

    void everythingFoundMeansNoCorrection()
    {
        double truth = 0;
        const ObservedClicks observed = observedAbove(15, 4, -30, std::log2(0.5), 0.6, 1000, truth);
        QVERIFY(truth > 0.999);
        const CalibrationFit fit = ClickDetectionCalibration::fit(softLimitTrials(-30, 20000), observed);
        QVERIFY(fit.ok);
        QVERIFY2(fit.efficiency > 0.95, qPrintable(QString::number(fit.efficiency)));
        QVERIFY(std::abs(fit.population.peakMedianDb - 15) < 0.5);
    }

    void implausiblyLowEfficiencyIsNotTrusted()
    {
        // What is seen could only be the top 3 % of a population: the "clicks" are more likely
        // something else (drum false alarms), so the raw count must stand.
        double truth = 0;
        const ObservedClicks observed = observedAbove(-6, 5, 6, std::log2(0.4), 0.8, 20000, truth);
        QVERIFY(truth < 0.05);
        const CalibrationFit fit = ClickDetectionCalibration::fit(softLimitTrials(6, 40000), observed);
        qInfo("efficiency %.3f (true %.3f), ok %d", fit.efficiency, truth, int(fit.ok));
        QVERIFY(!fit.ok);
    }

    void tooFewClicksIsNotAFit()
    {
        ObservedClicks observed;
        observed.count = 5;
        observed.peakMeanDb = 10;
        observed.peakSigmaDb = 3;
        QVERIFY(!ClickDetectionCalibration::fit(softLimitTrials(0, 1000), observed).ok);
    }

    void injectionFindsLoudClicksAndMissesBuriedOnes()
    {
        // 5 s of a tone at -20 dBFS RMS with hiss at -50 dBFS: +25 dB clicks are found,
        // -15 dB ones (below the hiss) are not.
        const AudioBlock audio = toneInHiss(5);
        ClickDetectionCalibration calibration(toneSettings());
        for (const double peak : {25.0, -15.0}) {
            const ClickPopulation narrow{peak, 0.5, 0.3, 0.05};
            const std::vector<InjectionTrial> trials = calibration.inject({audio}, &narrow, 1);
            QVERIFY(trials.size() > 40);
            int near = 0, found = 0;
            for (const InjectionTrial& t : trials)
                if (std::abs(t.peakDb - peak) < 3) {
                    ++near;
                    found += t.events.empty() ? 0 : 1;
                }
            qInfo("peak %+.0f dB: %d of %d found", peak, found, near);
            QVERIFY(near > 20);
            if (peak > 0)
                QVERIFY(found >= 0.9 * near);
            else
                QVERIFY(found <= 0.1 * near);
        }
    }

    void regionsOverTheRecordingsOwnClicksAreShared()
    {
        // The same loud trials, once alone and once with the whole excerpt marked as one of the
        // recording's own clicks: every event then covers it and counts half.
        const AudioBlock audio = test::sine(1, 5 * kRate, kRate, 330, 0.14);
        ClickDetectionCalibration calibration(toneSettings());
        const ClickPopulation loud{25, 0.5, 0.3, 0.05};
        const ClickDetectionCalibration::OwnClicks everywhere{{{0, 0, audio.frames()}}}; // channel, start, length
        const auto alone = calibration.inject({audio}, &loud, 1);
        const auto shared = calibration.inject({audio}, &loud, 1, &everywhere);
        QCOMPARE(shared.size(), alone.size());
        int events = 0;
        for (std::size_t i = 0; i < alone.size(); ++i) {
            QCOMPARE(shared[i].events.size(), alone[i].events.size());
            for (std::size_t k = 0; k < alone[i].events.size(); ++k) {
                QCOMPARE(alone[i].events[k].share, 1.0);
                QCOMPARE(shared[i].events[k].share, 0.5);
                QCOMPARE(shared[i].events[k].peakDb, alone[i].events[k].peakDb);
                ++events;
            }
        }
        QVERIFY(events > 40);
        // A clean tone has no clicks of its own.
        const ClickDetectionCalibration::OwnClicks own = calibration.ownClicks({audio});
        QCOMPARE(int(own.size()), 1);
        QVERIFY(own[0].empty());
    }

    void sharedEventsCountAsShares()
    {
        // Half of the found trials sharing their region: the efficiency halves too.
        std::vector<InjectionTrial> trials = softLimitTrials(-30, 20000);
        double truth = 0;
        const ObservedClicks observed = observedAbove(15, 4, -30, std::log2(0.5), 0.6, 1000, truth);
        const CalibrationFit whole = ClickDetectionCalibration::fit(trials, observed);
        for (InjectionTrial& t : trials)
            for (InjectionTrial::Event& e : t.events)
                e.share = 0.5;
        const CalibrationFit halved = ClickDetectionCalibration::fit(trials, observed);
        QVERIFY(whole.ok && halved.ok);
        QVERIFY2(std::abs(halved.efficiency / whole.efficiency - 0.5) < 0.02, qPrintable(QString::number(halved.efficiency)));
    }

    void moreTrialsForMoreObservedClicks()
    {
        // Loud clicks in a tone: with 400 observed the simulation keeps going towards a found
        // trials' effective size of 3 × that, well past what 40 observed need.
        const AudioBlock audio = toneInHiss(10);
        const auto observedClicks = [](double count) {
            ObservedClicks o;
            o.count = count;
            o.peakMeanDb = 12;
            o.peakSigmaDb = 4;
            o.log2WidthMean = std::log2(0.3);
            o.log2WidthSigma = 0.6;
            return o;
        };
        const CalibrationFit few = ClickDetectionCalibration(toneSettings()).run({audio}, observedClicks(40));
        const CalibrationFit many = ClickDetectionCalibration(toneSettings()).run({audio}, observedClicks(400));
        qInfo("effective found trials: %.0f for 40 observed, %.0f for 400", few.effectiveTrials, many.effectiveTrials);
        QVERIFY(few.ok && many.ok);
        QVERIFY(few.effectiveTrials >= 3 * 40);
        // 10 s hold 150 trials a pass: the cap (32 passes) stops it short of 1200 here.
        QVERIFY(many.effectiveTrials > 2 * few.effectiveTrials);
    }

    void reservoirIsBoundedAndIndependentOfBlocks()
    {
        AudioBlock audio(2, 0);
        audio.resize(2, 100000, true);
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < audio.frames(); ++i)
                audio.channel(c)[std::size_t(i)] = float(i) + 0.5f * c; // each frame knows its position
        const auto keep = [&](std::int64_t blockFrames) {
            ExcerptReservoir reservoir(1000, 7);
            reservoir.reset(2);
            for (std::int64_t at = 0; at < audio.frames(); at += blockFrames) {
                AudioBlock block;
                block.assignFrames(audio, at, std::min(blockFrames, audio.frames() - at));
                reservoir.add(block);
            }
            return reservoir.take();
        };
        const auto a = keep(4096), b = keep(333);
        QCOMPARE(int(a.size()), 7);
        QCOMPARE(a.size(), b.size());
        bool late = false;
        for (std::size_t k = 0; k < a.size(); ++k) {
            QCOMPARE(a[k].frames(), std::int64_t(1000));
            QCOMPARE(a[k].channel(0)[0], b[k].channel(0)[0]);
            QCOMPARE(std::fmod(double(a[k].channel(0)[0]), 1000.0), 0.0); // starts at a segment boundary
            QCOMPARE(a[k].channel(1)[999], a[k].channel(0)[999] + 0.5f);
            late = late || a[k].channel(0)[0] >= 50000;
        }
        QVERIFY2(late, "the sample should reach beyond the first half of the stream");

        ExcerptReservoir shortStream(1000, 7);
        shortStream.reset(1);
        AudioBlock few;
        few.assignFrames(audio, 0, 300);
        AudioBlock mono(1, 300);
        std::copy_n(few.channel(0).begin(), 300, mono.channel(0).begin());
        shortStream.add(mono);
        const auto s = shortStream.take();
        QCOMPARE(int(s.size()), 1);
        QCOMPARE(s[0].frames(), std::int64_t(300));
    }
};

QTEST_GUILESS_MAIN(TestClickDetectionCalibration)
#include "tst_click_detection_calibration.moc"
