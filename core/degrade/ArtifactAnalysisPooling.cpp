// Combining the analyses of several recordings into one profile (ArtifactAnalyzer::pool).

#include "degrade/ArtifactAnalyzer.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace shellac::degrade {

namespace {

double toDb(double power) { return power > 1e-30 ? 10.0 * std::log10(power) : -300.0; }

} // namespace

AnalysisResult ArtifactAnalyzer::pool(const std::vector<AnalysisResult>& results)
{
    assert(!results.empty());
    if (results.size() == 1) {
        AnalysisResult one = results.front();
        one.path.clear();
        return one;
    }
    AnalysisResult out;
    out.sampleRate = results.front().sampleRate;
    out.channels = results.front().channels;
    out.files = 0;
    DegradationProfile& p = out.profile;
    p = DegradationProfile::preset(QStringLiteral("clean")).value();
    p.description = QStringLiteral("Estimated by Shellac's artifact analyzer from %1 recordings.").arg(results.size());
    for (const QString& key : fieldKeys())
        out.quality.insert(key, {});

    double duration = 0, chSec = 0, impulses = 0, crackles = 0;
    for (const AnalysisResult& r : results) {
        duration += r.durationSeconds;
        chSec += r.channelSeconds;
        impulses += r.impulseCount;
        crackles += r.crackleCount;
        out.files += r.files;
        for (auto it = r.quality.begin(); it != r.quality.end(); ++it) {
            FieldQuality& q = out.quality[it.key()];
            q.measured = q.measured || it->measured;
            q.confidence = std::max(q.confidence, it->confidence);
        }
    }
    out.durationSeconds = duration;
    out.channelSeconds = chSec;
    out.impulseCount = impulses;
    out.crackleCount = crackles;
    {
        double sum = 0;
        for (const AnalysisResult& r : results)
            sum += r.durationSeconds * std::pow(10.0, r.programmeLevelDbfs / 10);
        out.programmeLevelDbfs = duration > 0 ? toDb(sum / duration) : -300.0;
    }
    const auto measured = [](const AnalysisResult& r, const char* key) { return r.quality.value(QLatin1String(key)).measured; };

    // Duration-weighted mean of a plain value over the results that measured it.
    const auto weighted = [&](const char* key, auto get, double fallback) {
        double sum = 0, weight = 0;
        for (const AnalysisResult& r : results)
            if (measured(r, key)) {
                sum += r.durationSeconds * get(r);
                weight += r.durationSeconds;
            }
        return weight > 0 ? sum / weight : fallback;
    };
    // Duration-weighted mean in power of a level in dBFS (off counts as no power).
    const auto powerMean = [&](const char* key, auto get, double fallback) {
        double sum = 0, weight = 0;
        for (const AnalysisResult& r : results)
            if (measured(r, key)) {
                const double db = get(r);
                sum += r.durationSeconds * (db <= DegradationProfile::kOffDb ? 0.0 : std::pow(10.0, db / 10));
                weight += r.durationSeconds;
            }
        if (weight <= 0)
            return fallback;
        return sum > 0 ? 10 * std::log10(sum / weight) : DegradationProfile::kOffDb;
    };
    // Pooled log-normal: event-weighted mean of the medians, variance plus spread of the medians.
    const auto pooled = [&](const char* medianKey, auto count, auto median, auto sigma, double& outMedian, double& outSigma) {
        double n = 0, sum = 0;
        for (const AnalysisResult& r : results)
            if (measured(r, medianKey) && count(r) > 0) {
                n += count(r);
                sum += count(r) * median(r);
            }
        if (n <= 0)
            return;
        const double mu = sum / n;
        double var = 0;
        for (const AnalysisResult& r : results)
            if (measured(r, medianKey) && count(r) > 0)
                var += count(r) * (sigma(r) * sigma(r) + (median(r) - mu) * (median(r) - mu));
        outMedian = mu;
        outSigma = std::sqrt(var / n);
    };

    p.impulseRatePerS = weighted("impulse_rate_per_s", [](const AnalysisResult& r) { return r.profile.impulseRatePerS; }, 0.0);
    const auto clicks = [](const AnalysisResult& r) { return r.impulseCount; };
    pooled("impulse_peak_median_db", clicks, [](const AnalysisResult& r) { return r.profile.impulsePeakMedianDb; },
           [](const AnalysisResult& r) { return r.profile.impulsePeakSigmaDb; }, p.impulsePeakMedianDb, p.impulsePeakSigmaDb);
    double logWidth = std::log2(p.impulseWidthMedianMs);
    pooled("impulse_width_median_ms", clicks, [](const AnalysisResult& r) { return std::log2(r.profile.impulseWidthMedianMs); },
           [](const AnalysisResult& r) { return r.profile.impulseWidthSigmaOctaves; }, logWidth, p.impulseWidthSigmaOctaves);
    p.impulseWidthMedianMs = std::pow(2.0, logWidth);
    {
        double n = 0, pos = 0, pops = 0;
        for (const AnalysisResult& r : results) {
            n += r.impulseCount;
            pos += r.impulseCount * r.profile.impulsePositiveFraction;
            pops += r.impulseCount * r.profile.popFraction;
        }
        if (n > 0) {
            p.impulsePositiveFraction = pos / n;
            p.popFraction = pops / n;
        }
    }
    // The pickup resonance an input's click statistics were calibrated with (not measured, the
    // same for every file): the pooled medians assume it too.
    for (const AnalysisResult& r : results)
        if (r.profile.impulseResonanceHz > 0) {
            p.impulseResonanceHz = r.profile.impulseResonanceHz;
            p.impulseResonanceDecayMs = r.profile.impulseResonanceDecayMs;
            break;
        }
    p.crackleRatePerS = weighted("crackle_rate_per_s", [](const AnalysisResult& r) { return r.profile.crackleRatePerS; }, 0.0);
    pooled("crackle_peak_median_db", [](const AnalysisResult& r) { return r.crackleCount; },
           [](const AnalysisResult& r) { return r.profile.cracklePeakMedianDb; },
           [](const AnalysisResult& r) { return r.profile.cracklePeakSigmaDb; }, p.cracklePeakMedianDb, p.cracklePeakSigmaDb);

    p.hissLevelDbfs = powerMean("hiss_level_dbfs", [](const AnalysisResult& r) { return r.profile.hissLevelDbfs; }, p.hissLevelDbfs);
    p.hissTiltDbPerOctave = weighted("hiss_tilt_db_per_octave", [](const AnalysisResult& r) { return r.profile.hissTiltDbPerOctave; }, 0.0);
    p.rumbleLevelDbfs = powerMean("rumble_level_dbfs", [](const AnalysisResult& r) { return r.profile.rumbleLevelDbfs; }, p.rumbleLevelDbfs);

    // Hum: frequency and harmonics of the recordings that have hum, level as a power mean over all.
    {
        double weight = 0, f = 0, longest = -1;
        for (const AnalysisResult& r : results)
            if (r.profile.humFundamentalHz > 0) {
                f += r.durationSeconds * r.profile.humFundamentalHz;
                weight += r.durationSeconds;
                if (r.durationSeconds > longest) {
                    longest = r.durationSeconds;
                    p.humHarmonicsDb = r.profile.humHarmonicsDb;
                }
            }
        if (weight > 0) {
            p.humFundamentalHz = f / weight;
            p.humLevelDbfs = powerMean("hum_level_dbfs", [](const AnalysisResult& r) { return r.profile.humLevelDbfs; }, p.humLevelDbfs);
        }
    }

    // Bandwidth: mean corner over the recordings where a low-pass was found.
    {
        double weight = 0, sum = 0;
        for (const AnalysisResult& r : results)
            if (measured(r, "bandwidth_low_pass_hz") && r.profile.bandwidthLowPassHz > 0) {
                sum += r.durationSeconds * r.profile.bandwidthLowPassHz;
                weight += r.durationSeconds;
            }
        p.bandwidthLowPassHz = weight > 0 ? sum / weight : 0.0;
    }
    clampProfileToValidRanges(p);
    return out;
}

} // namespace shellac::degrade
