#include "degrade/ClickDetectionCalibration.h"

#include "degrade/ImpulseMeasure.h"
#include "degrade/ImpulseShape.h"
#include "degrade/PortableRandom.h"
#include "degrade/SeedMixing.h"
#include "dsp/ArDeclicker.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>


namespace shellac::degrade {

namespace {

constexpr double kPeakLowDb = -20, kPeakHighDb = 35;              // broad draw of peaks, dB re programme
const double kLog2WidthLow = std::log2(0.03), kLog2WidthHigh = std::log2(6.0); // ... and of widths, log2 ms
constexpr double kTrialsPerSecond = 15;   // per channel-second of excerpt (sparse: trials must not crowd the real clicks)
constexpr double kMinGapSeconds = 0.012;
constexpr double kEdgeSeconds = 0.1;
constexpr double kBroadShare = 0.2;      // second round: share of broad draws
constexpr double kAroundSpread = 1.5;    // second round: sigma multiplier around the first fit
constexpr double kMinObserved = 15;
constexpr double kMinEffectiveTrials = 20;
// A fit that says fewer than 1 in 5 clicks is seen is not trusted: there the observed "clicks" are
// mostly something else (false alarms on drums and real-noise crackle: one real-noise
// percussion file read 1094 clicks/s for 39 with no limit), and the raw count stands.
constexpr double kMinEfficiency = 0.2;
constexpr double kSigmaPrior = 0.1;     // log sigma of the prior holding the peak spread near the observed one
constexpr std::size_t kBroadTrials = 1200;  // first round: passes until this many trials ...
constexpr int kMaxBroadPasses = 8;          // ... or this many passes
constexpr std::size_t kAroundTrials = 2000; // second round: at least this many more ...
// ... and more until the found trials' effective size is this many times the observed clicks
// (the simulated moments' noise then adds a third to the observed ones' variance at most: with
// 2000 the "heavy" round trip's 500 clicks faced ~270 effective trials, and the fitted
// efficiency scattered ±20 % over seeds against ±8 % with 8000) ...
constexpr double kFoundTrialsPerObserved = 3;
constexpr std::size_t kMaxAroundTrials = 10000; // ... but at most this many ...
constexpr int kMaxAroundPasses = 32;            // ... in at most this many passes

/// Standard normal by Box–Muller from two uniforms (not PortableRandom::normal's polar method:
/// the trials have always been drawn this way, and another stream moves the fitted rates by
/// their Monte Carlo noise, a few per cent).
double boxMullerNormal(PortableRandom& random)
{
    const double u = random.uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * random.uniform());
}

double normalPdf(double x, double mean, double sigma)
{
    const double z = (x - mean) / sigma;
    return std::exp(-0.5 * z * z) / (sigma * std::sqrt(2 * std::numbers::pi));
}

/// Density of the population (normal in dB and in log2 ms, truncated at ±3 sigma as the
/// synthesizer draws it).
double populationDensity(const ClickPopulation& p, double peakDb, double log2Width)
{
    const double lw0 = std::log2(p.widthMedianMs);
    if (std::abs(peakDb - p.peakMedianDb) > 3 * p.peakSigmaDb || std::abs(log2Width - lw0) > 3 * p.widthSigmaOctaves)
        return 0.0;
    return normalPdf(peakDb, p.peakMedianDb, p.peakSigmaDb) * normalPdf(log2Width, lw0, p.widthSigmaOctaves);
}

double broadDensity() { return 1.0 / ((kPeakHighDb - kPeakLowDb) * (kLog2WidthHigh - kLog2WidthLow)); }

struct SimulatedMoments {
    double efficiency = 0, effective = 0;
    double peakMean = 0, peakSigma = 0, widthMean = 0;
};

SimulatedMoments simulatedMoments(const std::vector<InjectionTrial>& trials, const ClickPopulation& p, double minPeakDb)
{
    double all = 0, w = 0, w2 = 0, sp = 0, spp = 0, sw = 0;
    for (const InjectionTrial& t : trials) {
        const double weight = populationDensity(p, t.peakDb, t.log2WidthMs) / t.proposalDensity;
        all += weight;
        if (t.events.empty() || weight <= 0)
            continue;
        double n = 0;
        for (const InjectionTrial::Event& e : t.events) {
            if (e.peakDb < minPeakDb)
                continue;
            n += e.share;
            sp += weight * e.share * e.peakDb;
            spp += weight * e.share * e.peakDb * e.peakDb;
            sw += weight * e.share * e.log2WidthMs;
        }
        w += weight * n;
        w2 += weight * weight * n;
    }
    SimulatedMoments m;
    if (all <= 0 || w <= 0)
        return m;
    m.efficiency = w / all;
    m.effective = w * w / w2;
    m.peakMean = sp / w;
    m.peakSigma = std::sqrt(std::max(0.0, spp / w - m.peakMean * m.peakMean));
    m.widthMean = sw / w;
    return m;
}

/// Parameters searched: median peak, log sigma, log2 median width, log sigma; kept in range.
ClickPopulation toPopulation(const std::array<double, 4>& v)
{
    ClickPopulation p;
    p.peakMedianDb = std::clamp(v[0], kPeakLowDb, kPeakHighDb);
    p.peakSigmaDb = std::clamp(std::exp(v[1]), 0.5, 15.0);
    p.widthMedianMs = std::pow(2.0, std::clamp(v[2], kLog2WidthLow, kLog2WidthHigh));
    p.widthSigmaOctaves = std::clamp(std::exp(v[3]), 0.05, 2.5);
    return p;
}

/// Nelder–Mead minimisation (standard coefficients) from `start` with initial steps `step`.
template <std::size_t N, typename F>
std::array<double, N> minimise(F cost, std::array<double, N> start, const std::array<double, N>& step, int iterations)
{
    constexpr int n = int(N);
    std::array<std::array<double, N>, N + 1> x;
    std::array<double, N + 1> f;
    x[0] = start;
    for (int i = 0; i < n; ++i) {
        x[i + 1] = start;
        x[i + 1][i] += step[i];
    }
    for (int i = 0; i <= n; ++i)
        f[i] = cost(x[i]);
    for (int it = 0; it < iterations; ++it) {
        std::array<int, N + 1> order;
        for (int i = 0; i <= n; ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](int a, int b) { return f[a] < f[b]; });
        const int best = order[0], worst = order[n], second = order[n - 1];
        if (f[worst] - f[best] < 1e-9)
            break;
        std::array<double, N> centre{};
        for (int i = 0; i <= n; ++i)
            if (i != worst)
                for (int k = 0; k < n; ++k)
                    centre[k] += x[i][k] / n;
        const auto along = [&](double t) {
            std::array<double, N> y;
            for (int k = 0; k < n; ++k)
                y[k] = centre[k] + t * (x[worst][k] - centre[k]);
            return y;
        };
        const auto reflected = along(-1.0);
        const double fr = cost(reflected);
        if (fr < f[best]) {
            const auto expanded = along(-2.0);
            const double fe = cost(expanded);
            x[worst] = fe < fr ? expanded : reflected;
            f[worst] = std::min(fe, fr);
        } else if (fr < f[second]) {
            x[worst] = reflected;
            f[worst] = fr;
        } else {
            const auto contracted = along(fr < f[worst] ? -0.5 : 0.5);
            const double fc = cost(contracted);
            if (fc < std::min(fr, f[worst])) {
                x[worst] = contracted;
                f[worst] = fc;
            } else {
                for (int i = 0; i <= n; ++i)
                    if (i != best) {
                        for (int k = 0; k < n; ++k)
                            x[i][k] = x[best][k] + 0.5 * (x[i][k] - x[best][k]);
                        f[i] = cost(x[i]);
                    }
            }
        }
    }
    return x[std::size_t(std::min_element(f.begin(), f.end()) - f.begin())];
}

} // namespace

ClickDetectionCalibration::ClickDetectionCalibration(const CalibrationSettings& settings)
    : m_fs(settings.sampleRate), m_sensitivity(settings.declickSensitivity), m_crackleMaxWidthMs(settings.crackleMaxWidthMs),
      m_referenceDbfs(settings.programmeLevelDbfs), m_positiveFraction(std::clamp(settings.positiveFraction, 0.0, 1.0)),
      m_resonanceHz(settings.resonanceHz), m_resonanceDecayMs(settings.resonanceDecayMs)
{
}

/// Where one trial's click went in its excerpt channel.
struct ClickDetectionCalibration::Placement {
    std::int64_t start, length; ///< frames
    std::size_t trial;          ///< index into the trials
};

namespace {

/// A trial's true peak and width and the density they were drawn with: broad (uniform) in the
/// first round, mostly around the first fit in the second.
InjectionTrial drawTrial(PortableRandom& draw, const ClickPopulation* around)
{
    InjectionTrial t;
    if (!around || draw.uniform() < kBroadShare) {
        t.peakDb = kPeakLowDb + (kPeakHighDb - kPeakLowDb) * draw.uniform();
        t.log2WidthMs = kLog2WidthLow + (kLog2WidthHigh - kLog2WidthLow) * draw.uniform();
    } else {
        t.peakDb = std::clamp(around->peakMedianDb + kAroundSpread * around->peakSigmaDb * boxMullerNormal(draw), kPeakLowDb, kPeakHighDb);
        t.log2WidthMs = std::clamp(std::log2(around->widthMedianMs) + kAroundSpread * around->widthSigmaOctaves * boxMullerNormal(draw),
                                   kLog2WidthLow, kLog2WidthHigh);
    }
    t.proposalDensity = broadDensity();
    if (around) {
        const double lw0 = std::log2(around->widthMedianMs);
        t.proposalDensity = kBroadShare * broadDensity()
                            + (1 - kBroadShare) * normalPdf(t.peakDb, around->peakMedianDb, kAroundSpread * around->peakSigmaDb)
                                  * normalPdf(t.log2WidthMs, lw0, kAroundSpread * around->widthSigmaOctaves);
    }
    return t;
}

} // namespace

std::vector<ClickDetectionCalibration::Placement> ClickDetectionCalibration::place(std::span<float> x, PortableRandom& draw,
                                                                                   const ClickPopulation* around,
                                                                                   std::vector<InjectionTrial>& trials) const
{
    const auto frames = std::int64_t(x.size());
    const auto edge = std::int64_t(kEdgeSeconds * m_fs), minGap = std::int64_t(kMinGapSeconds * m_fs);
    const double meanGap = m_fs / kTrialsPerSecond - double(minGap);
    const double reference = std::pow(10.0, m_referenceDbfs / 20);
    std::vector<Placement> placed;
    std::int64_t at = edge + std::int64_t(draw.exponential() * meanGap);
    while (at < frames - edge) {
        const InjectionTrial t = drawTrial(draw, around);
        const double skew = std::pow(2.0, 2 * draw.uniform() - 1);
        const double sign = draw.uniform() < m_positiveFraction ? 1.0 : -1.0;
        const std::vector<double> shape = impulseShape(std::pow(2.0, t.log2WidthMs) / 1000.0 * m_fs, skew, m_resonanceHz, m_resonanceDecayMs, m_fs);
        const auto length = std::int64_t(shape.size());
        if (at + length >= frames - edge)
            break;
        const double amplitude = sign * reference * std::pow(10.0, t.peakDb / 20);
        for (std::int64_t i = 0; i < length; ++i)
            x[std::size_t(at + i)] += float(amplitude * shape[std::size_t(i)]);
        placed.push_back({at, length, trials.size()});
        trials.push_back(t);
        at += length + minGap + std::int64_t(draw.exponential() * meanGap);
    }
    return placed;
}

namespace {

/// Channel `c` of `from` as the mono block `to`.
void copyChannel(const AudioBlock& from, int c, AudioBlock& to)
{
    to.resize(1, from.frames());
    std::copy_n(from.channel(c).begin(), from.frames(), to.channel(0).begin());
}

} // namespace

/// One region the detector repaired, as the analyzer measures it.
struct ClickDetectionCalibration::Region {
    std::int64_t start, length; ///< frames
    double peakDb;              ///< dB re programme level
    double widthMs;
};

std::optional<std::vector<ClickDetectionCalibration::Region>> ClickDetectionCalibration::detect(const AudioBlock& x) const
{
    dsp::ArDeclicker declicker(dsp::perSampleDeclick(m_sensitivity));
    if (!declicker.prepare(m_fs, 1).ok())
        return std::nullopt;
    AudioBlock cleaned, tail;
    declicker.process(x, cleaned);
    declicker.finish(tail);
    cleaned.append(tail);
    std::vector<float> residual(std::size_t(x.frames()));
    const std::span<const float> xs = x.channel(0), ys = cleaned.channel(0);
    for (std::size_t i = 0; i < residual.size(); ++i)
        residual[i] = xs[i] - ys[i];
    std::vector<Region> regions;
    for (const dsp::ClickEvent& r : declicker.clicks())
        if (const auto m = measureImpulse(residual, r.startFrame, r.length, m_fs))
            regions.push_back({r.startFrame, r.length, 20 * std::log10(m->peak) - m_referenceDbfs, m->widthMs});
    std::sort(regions.begin(), regions.end(), [](const Region& a, const Region& b) { return a.start < b.start; });
    return regions;
}

bool ClickDetectionCalibration::recover(const AudioBlock& x, const std::vector<Placement>& placed,
                                        const std::vector<dsp::ClickEvent>& own, std::vector<InjectionTrial>& trials) const
{
    const auto regions = detect(x);
    if (!regions)
        return false;
    std::size_t r0 = 0, o0 = 0;
    for (const Placement& p : placed) {
        while (r0 < regions->size() && (*regions)[r0].start + (*regions)[r0].length <= p.start)
            ++r0;
        InjectionTrial& t = trials[p.trial];
        for (std::size_t r = r0; r < regions->size() && (*regions)[r].start < p.start + p.length; ++r) {
            const Region& m = (*regions)[r];
            if (m.widthMs <= m_crackleMaxWidthMs)
                continue;
            // The recording's own clicks under this region (own is sorted and its intervals do
            // not overlap, so the ones ending before this region can be skipped for good: the
            // regions come in order too).
            while (o0 < own.size() && own[o0].startFrame + own[o0].length <= m.start)
                ++o0;
            int covered = 0;
            for (std::size_t o = o0; o < own.size() && own[o].startFrame < m.start + m.length; ++o)
                ++covered;
            t.events.push_back({m.peakDb, std::log2(m.widthMs), 1.0 / (1 + covered)});
        }
    }
    return true;
}

ClickDetectionCalibration::OwnClicks ClickDetectionCalibration::ownClicks(const std::vector<AudioBlock>& excerpts) const
{
    OwnClicks own;
    AudioBlock x;
    for (const AudioBlock& excerpt : excerpts)
        for (int c = 0; c < excerpt.channels(); ++c) {
            copyChannel(excerpt, c, x);
            std::vector<dsp::ClickEvent> clicks;
            if (const auto regions = detect(x))
                for (const Region& m : *regions)
                    if (m.widthMs > m_crackleMaxWidthMs)
                        clicks.push_back({0, m.start, m.length});
            own.push_back(std::move(clicks));
        }
    return own;
}

std::vector<InjectionTrial> ClickDetectionCalibration::inject(const std::vector<AudioBlock>& excerpts,
                                                              const ClickPopulation* around, std::uint64_t seed,
                                                              const OwnClicks* own) const
{
    std::vector<InjectionTrial> trials;
    const auto edge = std::int64_t(kEdgeSeconds * m_fs);
    const std::vector<dsp::ClickEvent> none;
    AudioBlock x;
    std::size_t channelIndex = 0; // into own
    for (std::size_t e = 0; e < excerpts.size(); ++e) {
        const AudioBlock& excerpt = excerpts[e];
        for (int c = 0; c < excerpt.channels(); ++c, ++channelIndex) {
            if (excerpt.frames() < 4 * edge)
                continue;
            PortableRandom draw(mixSeed(seed, e, std::uint64_t(c), 0xC1));
            copyChannel(excerpt, c, x);
            const std::vector<Placement> placed = place(x.channel(0), draw, around, trials);
            const auto& ownHere = own && channelIndex < own->size() ? (*own)[channelIndex] : none;
            if (!placed.empty() && !recover(x, placed, ownHere, trials))
                return {};
        }
    }
    return trials;
}

CalibrationFit ClickDetectionCalibration::fit(const std::vector<InjectionTrial>& trials, const ObservedClicks& observed)
{
    CalibrationFit result;
    if (observed.count < kMinObserved || trials.empty())
        return result;
    const double n = observed.count;
    // Standard errors of the observed moments (with floors), the scale of each mismatch.
    const double sePeakMean = std::max(observed.peakSigmaDb, 1.0) / std::sqrt(n);
    const double sePeakSigma = std::max(observed.peakSigmaDb, 1.0) / std::sqrt(2 * n);
    const double seWidthMean = std::max(observed.log2WidthSigma, 0.1) / std::sqrt(n);
    // Searched: the peak median and spread and the width median. The width spread is the
    // observed one and a prior holds the peak spread near the observed one: the detected part of
    // a population hardly tells its spread (a wider population with a lower median looks the
    // same above the detection limit but implies many more unseen clicks), so fitting them
    // freely let the efficiency run away.
    const double sigmaPeak = std::clamp(observed.peakSigmaDb, 1.0, 12.0);
    const double sigmaWidth = std::clamp(observed.log2WidthSigma, 0.2, 1.5);
    const auto population = [&](const std::array<double, 3>& v) {
        return toPopulation({v[0], v[1], v[2], std::log(sigmaWidth)});
    };
    const auto cost = [&](const std::array<double, 3>& v) {
        const SimulatedMoments m = simulatedMoments(trials, population(v), observed.minPeakDb);
        if (m.effective < 2)
            return 1e12;
        const auto sq = [](double a) { return a * a; };
        double c = sq((m.peakMean - observed.peakMeanDb) / sePeakMean) + sq((m.peakSigma - observed.peakSigmaDb) / sePeakSigma)
                   + sq((m.widthMean - observed.log2WidthMean) / seWidthMean);
        c += sq((v[1] - std::log(sigmaPeak)) / kSigmaPrior);
        if (m.effective < kMinEffectiveTrials)
            c += 100 * (kMinEffectiveTrials - m.effective);
        return c;
    };
    std::array<double, 3> best = minimise(cost, std::array<double, 3>{observed.peakMeanDb, std::log(sigmaPeak), observed.log2WidthMean}, {3.0, 0.3, 0.5}, 300);
    best = minimise(cost, best, {1.0, 0.1, 0.2}, 300);
    const ClickPopulation p = population(best);
    const SimulatedMoments m = simulatedMoments(trials, p, observed.minPeakDb);
    result.population = p;
    result.efficiency = std::clamp(m.efficiency, 0.01, 2.0);
    result.effectiveTrials = m.effective;
    const bool atBound = p.peakMedianDb <= kPeakLowDb + 0.5; // ran to the edge of what was injected
    result.ok = m.effective >= kMinEffectiveTrials && m.efficiency >= kMinEfficiency && !atBound;
    return result;
}

CalibrationFit ClickDetectionCalibration::run(const std::vector<AudioBlock>& excerpts, const ObservedClicks& observed,
                                              const CancellationToken* cancel, ProgressReporter* progress)
{
    if (observed.count < kMinObserved)
        return {};
    const OwnClicks own = ownClicks(excerpts);
    std::vector<InjectionTrial> trials;
    std::uint64_t pass = 0;
    int aroundPasses = 0;
    double planned = double(kBroadTrials + kAroundTrials), reported = 0;
    const auto cancelled = [&] { return cancel && cancel->isCancelled(); };
    // Adds passes until `target` trials, `passes` counting them against `maxPasses`.
    const auto more = [&](const ClickPopulation* around, std::size_t target, int& passes, int maxPasses) {
        while (trials.size() < target && passes < maxPasses && !cancelled()) {
            ++passes;
            const std::vector<InjectionTrial> got = inject(excerpts, around, ++pass, &own);
            if (got.empty())
                break;
            trials.insert(trials.end(), got.begin(), got.end());
            reported = std::max(reported, std::min(1.0, double(trials.size()) / planned));
            if (progress)
                progress->report(reported, QObject::tr("calibrating the click detector"));
        }
    };
    int broadPasses = 0;
    more(nullptr, kBroadTrials, broadPasses, kMaxBroadPasses);
    if (cancelled())
        return {};
    const CalibrationFit first = fit(trials, observed);
    const std::size_t broad = trials.size();
    more(&first.population, broad + kAroundTrials, aroundPasses, kMaxAroundPasses);
    CalibrationFit result = fit(trials, observed);
    // More trials around the first fit while the simulation is the noisier side (at most twice).
    const double wanted = kFoundTrialsPerObserved * observed.count;
    for (int extension = 0; extension < 2 && !cancelled() && result.effectiveTrials < wanted; ++extension) {
        const double around = double(trials.size() - broad);
        const auto target = std::size_t(std::min(double(kMaxAroundTrials), 1.1 * around * wanted / std::max(1.0, result.effectiveTrials)));
        if (target <= std::size_t(around) || aroundPasses >= kMaxAroundPasses)
            break;
        planned = double(broad + target);
        more(&first.population, broad + target, aroundPasses, kMaxAroundPasses);
        result = fit(trials, observed);
    }
    return cancelled() ? CalibrationFit{} : result;
}

} // namespace shellac::degrade
