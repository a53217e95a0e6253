#include "degrade/ArtifactAnalyzer.h"

#include "audio/AudioFileReader.h"
#include "degrade/ClickDetectionCalibration.h"
#include "degrade/ExcerptReservoir.h"
#include "degrade/ImpulseMeasure.h"
#include "degrade/LineFit.h"
#include "dsp/ArDeclicker.h"
#include "dsp/HumDetector.h"
#include "dsp/Stft.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QJsonDocument>
#include <QObject>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace shellac::degrade {

namespace {

constexpr double kCrackleMaxWidthMs = 0.1;    // narrower events (estimated width) are crackle
constexpr std::int64_t kDeclickChunk = 4096;  // frames per declicker call (bounds new clicks per call)
constexpr std::int64_t kRestartAfterClicks = 8000; // the declicker lists at most 10000 clicks
constexpr double kMinReferenceDbfs = -40.0;   // as DegradationSynthesizer::kMinReferenceLevelDbfs
constexpr double kPeakBinLowDb = -160;        // histogram of click peaks: 0.25 dB bins from here ...
constexpr int kPeakBins = 800;                // ... to +40 dBFS
constexpr double kDenseCrackleRatio = 1.0;    // more crackle events per click than this: dense crackle; clicks censored ...
constexpr double kCensorSigmas = 1.5;         // ... at the crackle peaks' mean + this many sigma
int peakBin(double db) { return std::clamp(int(std::floor((db - kPeakBinLowDb) * 4)), 0, kPeakBins - 1); }
// The music line of the bandwidth fit may rise at most this fast (dB per octave, above 250 Hz).
// Music's long-term spectrum falls there; a steeply rising line with a corner near the bottom of
// the search (~400 Hz) bends through the music's own roll-off and fits it better than the true
// corner does (round-trip "heavy", seed 13: +12.5 dB/octave at 0.4 kHz for a 5 kHz low-pass).
constexpr double kMaxMusicSlopeDbPerOctave = 3.0;
constexpr double kReadShare = 0.9;            // progress of analyseFile() spent reading; the rest: finish()
constexpr double kExcerptSeconds = 2.5;       // excerpts kept for the detection calibration ...
constexpr int kExcerpts = 12;                 // ... at most this many (30 s)
// Hiss bands more than this above the hiss line count less in its fit: ~1.7 sigma of a
// 200 Hz band's level (one 43 Hz bin, median of 200 frames: ~0.3 dB); pure hiss moves < 0.2 dB.
constexpr double kHissLineMarginDb = 0.5;
// A hiss line holding more power than this above the quietest frames' own is not a noise floor
// (round trips: -5.8..+3.4 dB, the most for a -6 dB/octave tilt; plucked notes in digital
// silence: +14 and +30 dB).
constexpr double kMaxHissOverFloorDb = 6.0;

double toDb(double power) { return power > 1e-30 ? 10.0 * std::log10(power) : -300.0; }

/// Running mean and variance of a quantity.
struct Moments {
    double n = 0, sum = 0, sumSq = 0;
    void add(double v) { n += 1; sum += v; sumSq += v * v; }
    void merge(const Moments& o) { n += o.n; sum += o.sum; sumSq += o.sumSq; }
    double mean() const { return n > 0 ? sum / n : 0.0; }
    double sigma() const { return n > 1 ? std::sqrt(std::max(0.0, (sumSq - sum * sum / n) / (n - 1))) : 0.0; }
};

/// Keeps every number inside the range DegradationProfile::validate() accepts.

} // namespace

void clampProfileToValidRanges(DegradationProfile& p)
{
    const auto clampOff = [](double v, double lo, double hi) { return v <= DegradationProfile::kOffDb ? DegradationProfile::kOffDb : std::clamp(v, lo, hi); };
    p.impulseRatePerS = std::clamp(p.impulseRatePerS, 0.0, 2000.0);
    p.impulsePeakMedianDb = std::clamp(p.impulsePeakMedianDb, -60.0, 40.0);
    p.impulsePeakSigmaDb = std::clamp(p.impulsePeakSigmaDb, 0.0, 30.0);
    p.impulseWidthMedianMs = std::clamp(p.impulseWidthMedianMs, 0.01, 10.0);
    p.impulseWidthSigmaOctaves = std::clamp(p.impulseWidthSigmaOctaves, 0.0, 4.0);
    p.popFraction = std::clamp(p.popFraction, 0.0, 1.0);
    p.popWidthMedianMs = std::clamp(p.popWidthMedianMs, 1.0, 100.0);
    p.impulsePositiveFraction = std::clamp(p.impulsePositiveFraction, 0.0, 1.0);
    p.crackleRatePerS = std::clamp(p.crackleRatePerS, 0.0, 20000.0);
    p.cracklePeakMedianDb = std::clamp(p.cracklePeakMedianDb, -100.0, 20.0);
    p.cracklePeakSigmaDb = std::clamp(p.cracklePeakSigmaDb, 0.0, 30.0);
    p.hissLevelDbfs = clampOff(p.hissLevelDbfs, -199.0, 0.0);
    p.hissTiltDbPerOctave = std::clamp(p.hissTiltDbPerOctave, -12.0, 12.0);
    if (p.humFundamentalHz > 0)
        p.humFundamentalHz = std::clamp(p.humFundamentalHz, 16.0, 1000.0);
    p.humLevelDbfs = clampOff(p.humLevelDbfs, -199.0, 0.0);
    if (p.humHarmonicsDb.size() > 40)
        p.humHarmonicsDb.resize(40);
    for (double& h : p.humHarmonicsDb)
        h = std::clamp(h, DegradationProfile::kOffDb, 20.0);
    p.rumbleLevelDbfs = clampOff(p.rumbleLevelDbfs, -199.0, 0.0);
    if (p.bandwidthLowPassHz > 0)
        p.bandwidthLowPassHz = std::clamp(p.bandwidthLowPassHz, 500.0, 96000.0);
}

QStringList ArtifactAnalyzer::fieldKeys()
{
    QStringList keys;
    const QJsonObject json = DegradationProfile{}.toJson();
    for (auto it = json.begin(); it != json.end(); ++it)
        if (it.key() != u"version" && it.key() != u"description")
            keys << it.key();
    return keys;
}

QJsonObject AnalysisResult::measuredJson() const
{
    QJsonObject json;
    for (const QString& key : ArtifactAnalyzer::fieldKeys())
        json.insert(key, quality.value(key).measured);
    return json;
}

QJsonObject AnalysisResult::confidenceJson() const
{
    QJsonObject json;
    for (const QString& key : ArtifactAnalyzer::fieldKeys())
        json.insert(key, std::round(quality.value(key).confidence * 100.0) / 100.0);
    return json;
}

struct ArtifactAnalyzer::Impl {
    AnalysisSettings settings;
    int fs = 44100;
    int channels = 0;

    // Declicking and the residual (input − declicked), for the click statistics.
    std::unique_ptr<dsp::ArDeclicker> declicker;
    std::int64_t segmentStart = 0; // absolute frame where the current declicker stream began
    std::size_t clicksSeen = 0;
    std::int64_t segmentListedClicks = 0;
    AudioBlock inFifo, residual, out, chunk;
    std::int64_t residualStart = 0;
    std::int64_t outPos = 0;
    std::vector<dsp::ClickEvent> pending; // absolute start frames

    double clickCount = 0, crackleCount = 0, popCount = 0, positive = 0;
    // Excerpts of the input for ClickDetectionCalibration (injection and recovery).
    ExcerptReservoir excerpts{1, 1};
    Moments clickPeakDb, cracklePeakDb;
    // Clicks per 0.25 dB of measured peak (dBFS, kPeakBinLowDb up), with their log2 widths: the
    // calibration may use only those above the crackle's range.
    std::vector<Moments> clickWidthByPeak = std::vector<Moments>(kPeakBins);

    // Levels and spectra.
    double sumSquares = 0;
    std::int64_t frames = 0;
    std::unique_ptr<dsp::StftProcessor> stft;
    std::unique_ptr<dsp::NoiseProfile> noise;      // quietest frames of the whole stream
    std::unique_ptr<dsp::NoiseProfile> rangeNoise; // the same estimator on the user's range only
    std::vector<double> meanPower; // summed |X|^2 per bin over frames and channels
    std::int64_t stftFrames = 0;
    std::unique_ptr<dsp::HumDetector> hum;
    // Fallback when the automatic search (which needs the hum to stand out of the music's mean
    // spectrum) finds nothing: a steady line at exactly 50 or 60 Hz.
    std::unique_ptr<dsp::HumDetector> hum50, hum60;

    void startSegment()
    {
        declicker = std::make_unique<dsp::ArDeclicker>(dsp::perSampleDeclick(settings.declickSensitivity));
        (void)declicker->prepare(fs, channels);
        segmentStart = outPos;
        clicksSeen = 0;
        segmentListedClicks = 0;
    }

    void takeOutput(const AudioBlock& o)
    {
        const std::int64_t n = o.frames();
        if (n == 0)
            return;
        const std::int64_t at = residual.frames();
        residual.setFrames(at + n);
        for (int c = 0; c < channels; ++c) {
            auto r = residual.channel(c);
            auto x = inFifo.channel(c);
            auto y = o.channel(c);
            for (std::int64_t i = 0; i < n; ++i)
                r[std::size_t(at + i)] = x[std::size_t(i)] - y[std::size_t(i)];
        }
        inFifo.dropFront(n);
        outPos += n;
        hum->add(o);
        hum50->add(o);
        hum60->add(o);
        stft->analyse(o, [this](int c, std::int64_t start, std::span<std::complex<float>> spectrum) {
            noise->addFrame(c, start, spectrum);
            if (rangeNoise) {
                // Frames wholly inside the user's range, or (short range) centred in it.
                const double s0 = double(start) / fs, s1 = double(start + stft->frameSize()) / fs, mid = (s0 + s1) / 2;
                const auto& [r0, r1] = *settings.noiseRange;
                if ((s0 >= r0 && s1 <= r1) || (mid >= r0 && mid < r1))
                    rangeNoise->addFrame(c, start, spectrum);
            }
            for (std::size_t b = 0; b < spectrum.size(); ++b)
                meanPower[b] += double(std::norm(spectrum[b]));
            if (c == 0)
                ++stftFrames;
        });
    }

    void collectClicks()
    {
        const auto& list = declicker->clicks();
        for (; clicksSeen < list.size(); ++clicksSeen) {
            dsp::ClickEvent e = list[clicksSeen];
            e.startFrame += segmentStart;
            pending.push_back(e);
            ++segmentListedClicks;
        }
    }

    void measure(const dsp::ClickEvent& e)
    {
        const auto m = measureImpulse(residual.channel(e.channel), e.startFrame - residualStart, e.length, fs);
        if (!m) {
            clickCount += 1; // cannot be measured any more: counted as a click
            return;
        }
        const double widthMs = m->widthMs, sign = m->sign;
        const double peakDb = 20.0 * std::log10(m->peak);
        if (widthMs <= kCrackleMaxWidthMs) {
            crackleCount += 1;
            cracklePeakDb.add(peakDb);
        } else {
            clickCount += 1;
            clickPeakDb.add(peakDb);
            clickWidthByPeak[std::size_t(peakBin(peakDb))].add(std::log2(widthMs));
            positive += sign > 0 ? 1.0 : 0.0;
        }
    }

    void measurePending(bool all)
    {
        const std::int64_t end = residualStart + residual.frames();
        std::size_t kept = 0;
        for (const dsp::ClickEvent& e : pending) {
            if (all || e.startFrame + e.length <= end)
                measure(e);
            else
                pending[kept++] = e;
        }
        pending.resize(kept);
        std::int64_t keepFrom = end - 2048;
        for (const dsp::ClickEvent& e : pending)
            keepFrom = std::min(keepFrom, e.startFrame);
        const std::int64_t drop = std::clamp<std::int64_t>(keepFrom - residualStart, 0, residual.frames());
        residual.dropFront(drop);
        residualStart += drop;
    }

    void endSegment()
    {
        declicker->finish(out);
        takeOutput(out);
        collectClicks();
        measurePending(true);
        // Clicks repaired beyond the listed ones (never with the restarts, but be safe): split
        // like the listed ones.
        const double unlisted = double(declicker->clicksRepaired() - segmentListedClicks);
        if (unlisted > 0) {
            const double listed = std::max(1.0, clickCount + crackleCount);
            clickCount += unlisted * clickCount / listed;
            crackleCount += unlisted * crackleCount / listed;
        }
        popCount += declicker->report().value(QStringLiteral("long_events_skipped")).toDouble();
    }

    void add(const AudioBlock& block)
    {
        excerpts.add(block);
        for (int c = 0; c < channels; ++c)
            for (float s : block.channel(c))
                sumSquares += double(s) * s;
        frames += block.frames();
        for (std::int64_t at = 0; at < block.frames(); at += kDeclickChunk) {
            const std::int64_t n = std::min(kDeclickChunk, block.frames() - at);
            chunk.resize(channels, n);
            for (int c = 0; c < channels; ++c)
                std::copy_n(block.channel(c).begin() + at, n, chunk.channel(c).begin());
            inFifo.append(chunk);
            declicker->process(chunk, out);
            takeOutput(out);
            collectClicks();
            measurePending(false);
            if (declicker->clicksRepaired() >= kRestartAfterClicks) {
                endSegment();
                startSegment();
            }
        }
    }

    AnalysisResult finish(const CancellationToken* cancel, ProgressReporter* progress);
};

AnalysisResult ArtifactAnalyzer::Impl::finish(const CancellationToken* cancel, ProgressReporter* progress)
{
    endSegment();
    noise->finish();
    bool fromRange = false;
    if (rangeNoise) {
        rangeNoise->finish();
        if (rangeNoise->isValid()) {
            noise = std::move(rangeNoise);
            fromRange = true;
        }
    }
    dsp::HumEstimate humFound = hum->estimate();
    if (!humFound.detected) {
        // A fundamental that is there in every frame at the same level and stands 15 dB out of
        // its neighbourhood: mains hum, not a note. Unsteady harmonics (music on top of them) are
        // dropped. Steady means at most 3 dB more mean-over-quietest-frame than the background
        // in the line's bin explains on its own: under heavy damage the clicks and rumble in a
        // 50 Hz bin make a steady line read 3.8 dB unsteady over 7 frames (round trip "heavy",
        // seed 16), 2.4 dB of that from the background. Beyond a 3 dB allowance (a line less than
        // ~10 dB over the mean spectrum's background) the line is too buried to judge, and its
        // level, read off the mean spectrum, would be the background's.
        const auto unsteady = [](const dsp::HumHarmonic& h) {
            return h.unsteadinessDb - std::min(h.backgroundUnsteadinessDb, 3.0) > 3.0;
        };
        dsp::HumEstimate best;
        for (dsp::HumDetector* d : {hum50.get(), hum60.get()}) {
            dsp::HumEstimate e = d->estimate();
            if (!e.detected || e.harmonics.empty() || e.harmonics.front().number != 1)
                continue;
            const dsp::HumHarmonic& h1 = e.harmonics.front();
            if (h1.prominenceDb < 15 || unsteady(h1))
                continue;
            std::erase_if(e.harmonics, unsteady);
            if (std::abs(e.fundamentalHz - h1.frequencyHz) > 0.5)
                e.fundamentalHz = h1.frequencyHz;
            if (!best.detected || h1.levelDb > best.harmonics.front().levelDb)
                best = e;
        }
        humFound = best;
    }

    AnalysisResult result;
    DegradationProfile& p = result.profile;
    p = DegradationProfile::preset(QStringLiteral("clean")).value();
    p.description = QStringLiteral("Estimated by Shellac's artifact analyzer.");
    for (const QString& key : fieldKeys())
        result.quality.insert(key, {});
    const auto mark = [&](const char* key, double confidence) {
        result.quality[QLatin1String(key)] = {true, std::clamp(confidence, 0.0, 1.0)};
    };

    result.sampleRate = fs;
    result.channels = channels;
    result.durationSeconds = double(frames) / fs;
    result.channelSeconds = result.durationSeconds * channels;
    const double chSec = std::max(1e-9, result.channelSeconds);

    // Spectra, averaged over channels: per-bin power in StftProcessor units.
    const int n = stft->frameSize(), bins = n / 2 + 1;
    const double binHz = double(fs) / n;
    std::vector<double> noisePow(std::size_t(bins), 0.0), longTerm(std::size_t(bins), 0.0);
    if (noise->isValid())
        for (int c = 0; c < channels; ++c) {
            const auto pw = noise->power(c);
            for (int b = 0; b < bins; ++b)
                noisePow[std::size_t(b)] += pw[std::size_t(b)] / channels;
        }
    if (stftFrames > 0)
        for (int b = 0; b < bins; ++b)
            longTerm[std::size_t(b)] = meanPower[std::size_t(b)] / (double(stftFrames) * channels);
    // Time-domain power of one bin's |X|^2 (Parseval with the sqrt-Hann window).
    const auto binWeight = [&](int b) { return (b == 0 || b == bins - 1 ? 1.0 : 2.0) * 2.0 / (double(n) * n); };
    // Bins next to mains-hum harmonics: left out of the hiss (the line stands in for them).
    std::vector<char> humBin(std::size_t(bins), 0);
    if (humFound.detected) {
        // Harmonics 1..8 (weaker ones may have gone unreported) and every reported one.
        for (int b = 0; b < bins && b * binHz < 8.5 * humFound.fundamentalHz; ++b)
            humBin[std::size_t(b)] = 1;
        for (const dsp::HumHarmonic& h : humFound.harmonics) {
            const int centre = int(std::lround(h.frequencyHz / binHz));
            for (int b = std::max(0, centre - 1); b <= std::min(bins - 1, centre + 1); ++b)
                humBin[std::size_t(b)] = 1;
        }
    }
    const auto bandMean = [&](const std::vector<double>& v, double f0, double f1, bool skipHum = false) {
        const int b0 = std::max(1, int(std::ceil(f0 / binHz))), b1 = std::min(bins - 1, int(std::floor(f1 / binHz)));
        double sum = 0;
        int count = 0;
        for (int b = b0; b <= b1; ++b) {
            if (skipHum && humBin[std::size_t(b)])
                continue;
            sum += v[std::size_t(b)];
            ++count;
        }
        return count > 0 ? sum / count : 0.0;
    };

    // Hiss: tilt from 1/3-octave levels 200 Hz..min(8 kHz, 0.45 fs), the line under them
    // (fitFloorLine()), level with the line below 100 Hz. Music left in the quietest frames and
    // clicks the declicker missed raise the low bands by ~1-3 dB (round trips "strong tilt" and
    // "heavy"), and a plain fit steepened the tilt and raised the level by up to 2 dB.
    double tiltA = 0, tiltS = 0;
    bool hissOk = false;
    double noisePowerTotal = 0;
    if (noise->isValid()) {
        std::vector<double> x, y;
        const double top = std::min(8000.0, 0.45 * fs);
        for (double f = 200; f * std::pow(2.0, 1.0 / 6) <= top; f *= std::pow(2.0, 1.0 / 3)) {
            const double m = bandMean(noisePow, f * std::pow(2.0, -1.0 / 6), f * std::pow(2.0, 1.0 / 6), true);
            if (m > 0) {
                x.push_back(std::log2(f));
                y.push_back(10 * std::log10(m));
            }
        }
        if (fitFloorLine(x, y, kHissLineMarginDb, tiltA, tiltS)) {
            hissOk = true;
            double power = 0;
            for (int b = 0; b < bins; ++b) {
                const double f = b * binHz;
                const double v = f >= 100 && !humBin[std::size_t(b)] ? noisePow[std::size_t(b)]
                                                                     : std::pow(10.0, (tiltA + tiltS * std::log2(std::max(f, 20.0))) / 10);
                power += binWeight(b) * v;
            }
            p.hissLevelDbfs = toDb(power);
            p.hissTiltDbPerOctave = tiltS;
            mark("hiss_level_dbfs", fromRange ? 0.9 : 0.7);
            mark("hiss_tilt_db_per_octave", x.size() >= 8 ? 0.7 : 0.4);
        }
        for (int b = 0; b < bins; ++b)
            noisePowerTotal += binWeight(b) * noisePow[std::size_t(b)];
    }
    const auto hissModel = [&](double f) {
        return hissOk ? std::pow(10.0, (tiltA + tiltS * std::log2(std::max(f, 20.0))) / 10) : 0.0;
    };

    // Rumble: long-term power below 30 Hz above the hiss line.
    if (stftFrames > 0) {
        double excess = 0, hissBelow = 0;
        for (int b = 0; b * binHz < 30.0 && b < bins; ++b) {
            excess += binWeight(b) * std::max(0.0, longTerm[std::size_t(b)] - hissModel(b * binHz));
            hissBelow += binWeight(b) * hissModel(b * binHz);
        }
        p.rumbleLevelDbfs = excess > hissBelow && excess > 1e-14 ? toDb(excess) : DegradationProfile::kOffDb;
        mark("rumble_level_dbfs", 0.3); // coarse (~43 Hz bins) and music below 30 Hz counts
    }

    // Programme level: the recording's power without its noise floor.
    const double totalPower = frames > 0 ? sumSquares / (double(frames) * channels) : 0.0;
    const double programmePower = std::max(totalPower - noisePowerTotal, 0.5 * totalPower);
    result.programmeLevelDbfs = toDb(programmePower);
    const double reference = std::max(result.programmeLevelDbfs, kMinReferenceDbfs);
    if (hissOk && (p.hissLevelDbfs > toDb(totalPower) - 10 || p.hissLevelDbfs > toDb(noisePowerTotal) + kMaxHissOverFloorDb)) {
        // No quiet moment anywhere: the "noise" is the music itself. Say so instead of
        // reporting it (give --noise-from a lead-in or pause to measure the hiss). Either the
        // quietest frames are hardly quieter than the whole, or the line under them is no
        // floor at all: the tails of notes in silence fit a steep line whose extrapolation
        // below 100 Hz holds far more power than the frames it came from.
        const DegradationProfile clean;
        p.hissLevelDbfs = clean.hissLevelDbfs;
        p.hissTiltDbPerOctave = clean.hissTiltDbPerOctave;
        hissOk = false;
        for (const char* key : {"hiss_level_dbfs", "hiss_tilt_db_per_octave", "rumble_level_dbfs"})
            result.quality[QLatin1String(key)] = {};
        p.rumbleLevelDbfs = clean.rumbleLevelDbfs;
    }

    // Impulses.
    const double impulses = clickCount + popCount;
    result.impulseCount = impulses;
    result.crackleCount = crackleCount;
    p.impulseRatePerS = impulses / chSec;
    CalibrationFit calibration;
    // Dense crackle: its widest events measure as clicks (censored below) and the quietest
    // frames hold fewer crackles than the average one (the bandwidth fit's margin, further down).
    const bool denseCrackle = crackleCount > kDenseCrackleRatio * clickCount;
    // The injected clicks ring like a typical pickup (the "typical78" preset's resonance).
    const DegradationProfile pickup = DegradationProfile::preset(QStringLiteral("typical78")).value();
    if (clickPeakDb.n > 0) {
        ObservedClicks observed;
        // Under dense crackle only the clicks above its range (mean + 1.5 sigma) are used: a
        // compromise, the rate moves by ~±30 % between 1 and 2 sigma on the "typical78" preset.
        const double floorDbfs = denseCrackle ? cracklePeakDb.mean() + kCensorSigmas * cracklePeakDb.sigma() : -1e9;
        Moments peaks, widths;
        for (int b = 0; b < kPeakBins; ++b) {
            const double centre = kPeakBinLowDb + (b + 0.5) / 4;
            const Moments& m = clickWidthByPeak[std::size_t(b)];
            if (m.n == 0 || centre < floorDbfs)
                continue;
            peaks.n += m.n;
            peaks.sum += m.n * centre;
            peaks.sumSq += m.n * centre * centre;
            widths.merge(m);
        }
        observed.minPeakDb = denseCrackle ? floorDbfs - reference : -1e9;
        observed.count = peaks.n;
        observed.peakMeanDb = peaks.mean() - reference;
        observed.peakSigmaDb = peaks.sigma();
        observed.log2WidthMean = widths.mean();
        observed.log2WidthSigma = widths.sigma();
        CalibrationSettings cs;
        cs.sampleRate = fs;
        cs.declickSensitivity = settings.declickSensitivity;
        cs.crackleMaxWidthMs = kCrackleMaxWidthMs;
        cs.programmeLevelDbfs = reference;
        cs.positiveFraction = positive / clickPeakDb.n;
        cs.resonanceHz = pickup.impulseResonanceHz;
        cs.resonanceDecayMs = pickup.impulseResonanceDecayMs;
        calibration = ClickDetectionCalibration(cs).run(excerpts.take(), observed, cancel, progress);
        if (calibration.ok)
            p.impulseRatePerS = observed.count / chSec / calibration.efficiency + popCount / chSec;
    }
    // Less sure the more of the rate is extrapolated (unseen clicks).
    mark("impulse_rate_per_s", std::min(1.0, impulses / 50.0) * (calibration.ok ? std::min(1.0, 2 * calibration.efficiency) : 0.5));
    if (clickPeakDb.n > 0) {
        const double conf = std::min(1.0, clickPeakDb.n / 100.0);
        p.impulsePeakMedianDb = clickPeakDb.mean() - reference;
        p.impulsePeakSigmaDb = clickPeakDb.sigma();
        Moments widths; // of every click, from the per-peak histogram
        for (const Moments& m : clickWidthByPeak)
            widths.merge(m);
        p.impulseWidthMedianMs = std::pow(2.0, widths.mean());
        p.impulseWidthSigmaOctaves = widths.sigma();
        if (calibration.ok) {
            p.impulsePeakMedianDb = calibration.population.peakMedianDb;
            p.impulsePeakSigmaDb = calibration.population.peakSigmaDb;
            p.impulseWidthMedianMs = calibration.population.widthMedianMs;
            p.impulseWidthSigmaOctaves = calibration.population.widthSigmaOctaves;
            // The population was fitted with clicks ringing like this; it belongs to the estimate
            // (not measured: the quality flag stays off).
            p.impulseResonanceHz = pickup.impulseResonanceHz;
            p.impulseResonanceDecayMs = pickup.impulseResonanceDecayMs;
        }
        p.impulsePositiveFraction = positive / clickPeakDb.n;
        for (const char* key : {"impulse_peak_median_db", "impulse_peak_sigma_db", "impulse_width_median_ms",
                                "impulse_width_sigma_octaves", "impulse_positive_fraction"})
            mark(key, conf);
    }
    p.popFraction = impulses > 0 ? popCount / impulses : 0.0;
    mark("pop_fraction", std::min(1.0, impulses / 200.0) * 0.5);
    p.crackleRatePerS = crackleCount / chSec;
    mark("crackle_rate_per_s", 0.3);
    if (cracklePeakDb.n > 0) {
        p.cracklePeakMedianDb = cracklePeakDb.mean() - reference;
        p.cracklePeakSigmaDb = cracklePeakDb.sigma();
        mark("crackle_peak_median_db", 0.3);
        mark("crackle_peak_sigma_db", 0.2);
    }

    // Hum.
    if (humFound.detected && !humFound.harmonics.empty()) {
        p.humFundamentalHz = humFound.fundamentalHz;
        double fundamental = humFound.harmonics.front().number == 1 ? humFound.harmonics.front().levelDb : 1e300;
        if (fundamental > 1e299) {
            fundamental = 1e300;
            for (const auto& h : humFound.harmonics)
                fundamental = std::min(fundamental, h.levelDb - 6);
        }
        p.humLevelDbfs = fundamental;
        const int highest = humFound.harmonics.back().number;
        p.humHarmonicsDb.assign(std::size_t(std::max(0, highest - 1)), DegradationProfile::kOffDb);
        for (const auto& h : humFound.harmonics)
            if (h.number >= 2)
                p.humHarmonicsDb[std::size_t(h.number - 2)] = h.levelDb - fundamental;
    }
    mark("hum_fundamental_hz", 0.9);
    mark("hum_level_dbfs", 0.8);
    mark("hum_harmonics_db", 0.6);

    // Bandwidth: 4th-order Butterworth low-pass fitted to the music's long-term spectrum. A band's
    // music is usable when the long-term power stands ~1 dB above the noise floor (averaged over
    // many frames, that is well resolved; with 3 dB the heavy profile's music under loud hiss
    // kept no band above 3.5 kHz and the corner landed 23 % low) — but 3 dB under dense crackle:
    // the quietest frames then hold fewer crackles than the average one, the floor reads low at
    // high frequencies, and the crackle itself would pass for music (typical78: 8.9 for 5.5 kHz).
    const double usableBandRatio = denseCrackle ? 2.0 : 1.25;
    if (stftFrames > 0 && hissOk) {
        struct Band { double x; double y; bool usable; };
        std::vector<Band> bands;
        const double top = 0.45 * fs;
        for (double f = 250; f * std::pow(2.0, 1.0 / 12) <= top; f *= std::pow(2.0, 1.0 / 6)) {
            const double lo = f * std::pow(2.0, -1.0 / 12), hi = f * std::pow(2.0, 1.0 / 12);
            const double m = bandMean(longTerm, lo, hi), nn = bandMean(noisePow, lo, hi);
            if (m <= 0 || nn <= 0)
                continue;
            if (m > usableBandRatio * nn)
                bands.push_back({std::log2(f), 10 * std::log10(m - nn), true});
            else
                bands.push_back({std::log2(f), 10 * std::log10(nn), false});
        }
        const auto usableCount = std::count_if(bands.begin(), bands.end(), [](const Band& b) { return b.usable; });
        if (usableCount >= 6) {
            double bestCost = std::numeric_limits<double>::infinity(), bestFc = 0;
            std::vector<double> x, y;
            for (double fc = 400; fc <= 2 * top; fc *= std::pow(2.0, 1.0 / 48)) {
                const bool none = fc > top; // beyond the band: no low-pass at all (tried once)
                const auto lp = [&](double lx) { return none ? 0.0 : -10 * std::log10(1 + std::pow(std::pow(2.0, lx) / fc, 8)); };
                x.clear();
                y.clear();
                for (const Band& b : bands)
                    if (b.usable) {
                        x.push_back(b.x);
                        y.push_back(b.y - lp(b.x));
                    }
                double a = 0, s = 0;
                if (!fitLine(x, y, a, s) || s > kMaxMusicSlopeDbPerOctave)
                    continue;
                double cost = 0;
                for (const Band& b : bands) {
                    const double model = a + s * b.x + lp(b.x);
                    const double r = b.usable ? b.y - model : std::max(0.0, model - b.y);
                    cost += r * r;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    bestFc = none ? 0.0 : fc;
                }
                if (none)
                    break;
            }
            p.bandwidthLowPassHz = bestFc >= 500 ? bestFc : 0.0;
            const double rms = std::sqrt(bestCost / double(bands.size()));
            mark("bandwidth_low_pass_hz", std::clamp(1.0 - rms / 6.0, 0.1, 0.9));
        }
    }

    clampProfileToValidRanges(p);
    return result;
}

ArtifactAnalyzer::ArtifactAnalyzer(AnalysisSettings settings) : d(std::make_unique<Impl>())
{
    d->settings = settings;
}

ArtifactAnalyzer::~ArtifactAnalyzer() = default;

Status ArtifactAnalyzer::prepare(int sampleRate, int channels)
{
    if (sampleRate < 8000 || sampleRate > 192000)
        return Error{QString(), QObject::tr("sample rate %1 Hz is outside 8000..192000").arg(sampleRate)};
    if (channels < 1 || channels > 8)
        return Error{QString(), QObject::tr("%1 channels (1..8 supported)").arg(channels)};
    Impl& s = *d;
    s.fs = sampleRate;
    s.channels = channels;
    int frame = 256;
    while (frame * 2 <= int(std::lround(0.023 * sampleRate)) * 1.5)
        frame *= 2; // 1024 at 44.1 kHz (~43 Hz bins): short enough to find frames between clicks
    s.stft = std::make_unique<dsp::StftProcessor>(frame, channels);
    // With a user range, NoiseProfile's own range mode would average the range's frames, clicks
    // the declicker missed included; the quietest-frames estimator over the range is robust.
    s.noise = std::make_unique<dsp::NoiseProfile>(frame, sampleRate, channels, std::nullopt);
    s.rangeNoise = s.settings.noiseRange ? std::make_unique<dsp::NoiseProfile>(frame, sampleRate, channels, std::nullopt) : nullptr;
    s.meanPower.assign(std::size_t(frame / 2 + 1), 0.0);
    s.stftFrames = 0;
    s.hum = std::make_unique<dsp::HumDetector>(sampleRate, channels);
    dsp::HumDetectorSettings forced;
    forced.forcedFundamentalHz = 50;
    s.hum50 = std::make_unique<dsp::HumDetector>(sampleRate, channels, forced);
    forced.forcedFundamentalHz = 60;
    s.hum60 = std::make_unique<dsp::HumDetector>(sampleRate, channels, forced);
    s.inFifo.resize(channels, 0);
    s.residual.resize(channels, 0);
    s.out.resize(channels, 0);
    s.residualStart = s.outPos = 0;
    s.pending.clear();
    s.clickCount = s.crackleCount = s.popCount = s.positive = 0;
    s.clickPeakDb = s.cracklePeakDb = {};
    s.clickWidthByPeak.assign(kPeakBins, {});
    s.sumSquares = 0;
    s.frames = 0;
    s.excerpts = ExcerptReservoir(std::lround(kExcerptSeconds * sampleRate), kExcerpts);
    s.excerpts.reset(channels);
    s.startSegment();
    return Status::success();
}

void ArtifactAnalyzer::add(const AudioBlock& block) { d->add(block); }

AnalysisResult ArtifactAnalyzer::finish(const CancellationToken* cancel, ProgressReporter* progress)
{
    return d->finish(cancel, progress);
}

Result<AnalysisResult> ArtifactAnalyzer::analyseFile(const QString& path, const CancellationToken* cancel,
                                                     ProgressReporter* progress, const AnalysisSettings& settings)
{
    const QString shown = QDir::toNativeSeparators(path);
    auto opened = AudioFileReader::open(path);
    if (!opened)
        return opened.error();
    AudioFileReader& reader = *opened.value();
    const AudioFormat format = reader.format();
    if (settings.noiseRange)
        if (Status s = dsp::NoiseProfile::validateRange(*settings.noiseRange, format.durationSeconds()); !s)
            return Error{shown, s.error().message()};
    ArtifactAnalyzer analyzer(settings);
    if (Status s = analyzer.prepare(format.sampleRate, format.channels); !s)
        return Error{shown, s.error().reason};
    AudioBlock block;
    const double total = std::max(1.0, double(format.frames));
    for (;;) {
        if (cancel && cancel->isCancelled())
            return Error{shown, QObject::tr("cancelled")};
        auto got = reader.read(block, 1 << 16);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        analyzer.add(block);
        if (progress)
            progress->report(kReadShare * std::min(1.0, double(reader.position()) / total), QObject::tr("analysing"));
    }
    if (progress)
        progress->report(kReadShare, QObject::tr("calibrating the click detector"));
    ScaledProgress calibrating(progress, kReadShare, 1.0);
    AnalysisResult result = analyzer.finish(cancel, progress ? &calibrating : nullptr);
    if (cancel && cancel->isCancelled())
        return Error{shown, QObject::tr("cancelled")};
    if (progress)
        progress->report(1.0, QObject::tr("analysed"));
    if (result.durationSeconds <= 0)
        return Error{shown, QObject::tr("contains no audio frames")};
    result.path = path;
    return result;
}

} // namespace shellac::degrade
