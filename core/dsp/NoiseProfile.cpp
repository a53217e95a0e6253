#include "dsp/NoiseProfile.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

namespace shellac::dsp {

namespace {

/// x = mantissa * 2^exponent with mantissa in [1, 2), read off the bits of a positive, normal x.
struct BinarySplit {
    int exponent;
    double mantissa;
};

BinarySplit splitBinary(double x)
{
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    return {int(bits >> 52) - 1023, std::bit_cast<double>((bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull)};
}

/// Histogram level of a power (already offset by 1e-30), by definition
/// clamp(int((10 log10(power) - kLowestDb) / kStepDb), 0, kLevels - 1).
int levelByDefinition(double power)
{
    const double db = 10.0 * std::log10(power);
    return std::clamp(static_cast<int>((db - NoiseProfile::kLowestDb) / NoiseProfile::kStepDb), 0, NoiseProfile::kLevels - 1);
}

/// For each level L the smallest positive double whose levelByDefinition() is L or more, found
/// once by bisection over the (ordered) bit patterns of positive doubles.
std::array<double, NoiseProfile::kLevels> levelThresholds()
{
    std::array<double, NoiseProfile::kLevels> t{};
    for (int level = 1; level < NoiseProfile::kLevels; ++level) {
        std::uint64_t lo = std::bit_cast<std::uint64_t>(std::numeric_limits<double>::denorm_min());
        std::uint64_t hi = std::bit_cast<std::uint64_t>(std::numeric_limits<double>::max());
        while (lo < hi) { // smallest pattern in [lo, hi] at `level` or above
            const std::uint64_t mid = lo + (hi - lo) / 2;
            if (levelByDefinition(std::bit_cast<double>(mid)) >= level)
                hi = mid;
            else
                lo = mid + 1;
        }
        t[std::size_t(level)] = std::bit_cast<double>(lo);
    }
    return t;
}

} // namespace

int NoiseProfile::histogramLevel(double power)
{
    static const std::array<double, kLevels> thresholds = levelThresholds();
    // Estimate from the binary exponent and a linear mantissa (log2 off by at most 0.086, i.e.
    // 0.26 dB, less than one 0.5 dB level), then step to the exact level.
    const BinarySplit split = splitBinary(power);
    const double log2Estimate = double(split.exponent) + (split.mantissa - 1.0);
    int level = std::clamp(static_cast<int>((10.0 * std::numbers::ln2 * std::numbers::log10e * log2Estimate - kLowestDb) / kStepDb),
                           0, kLevels - 1);
    while (level + 1 < kLevels && power >= thresholds[std::size_t(level + 1)])
        ++level;
    while (level > 0 && power < thresholds[std::size_t(level)])
        --level;
    return level;
}

void NoiseProfile::LogSum::add(double x)
{
    const BinarySplit split = splitBinary(x);
    m_exponents += split.exponent;
    m_mantissas *= split.mantissa;
    if (++m_pending == 16) { // 16 mantissas < 2^16: fold the product's exponent out (exact)
        const BinarySplit product = splitBinary(m_mantissas);
        m_exponents += product.exponent;
        m_mantissas = product.mantissa;
        m_pending = 0;
    }
}

double NoiseProfile::LogSum::value() const
{
    return std::log(m_mantissas) + m_exponents * std::numbers::ln2;
}

NoiseProfile::NoiseProfile(int frameSize, int sampleRate, int channels, std::optional<SecondsRange> range,
                           int keepFrames)
    : m_frameSize(frameSize), m_bins(frameSize / 2 + 1), m_sampleRate(sampleRate), m_range(range),
      m_keep(std::max(1, keepFrames)), m_channels(static_cast<std::size_t>(channels))
{
    for (Channel& ch : m_channels) {
        if (m_range) {
            ch.inside.assign(static_cast<std::size_t>(m_bins), 0.0);
            ch.centred.assign(static_cast<std::size_t>(m_bins), 0.0);
        }
        ch.profile.assign(static_cast<std::size_t>(m_bins), 0.0f);
    }
}

void NoiseProfile::addFrame(int channel, std::int64_t frameStart, std::span<const std::complex<float>> spectrum)
{
    assert(static_cast<int>(spectrum.size()) == m_bins);
    Channel& ch = m_channels[static_cast<std::size_t>(channel)];
    // Loudness of the frame for the quietest-frames ranking: the mean log power over bins (the
    // log of the spectral geometric mean). Unlike the plain energy it weighs every bin alike, so
    // picking the quietest frames does not bias the few loud (low-frequency) bins downwards.
    double energy = 0.0;
    LogSum logSum;
    for (const auto& v : spectrum) {
        const double p = std::norm(v);
        energy += p;
        logSum.add(p + 1e-30);
    }

    if (m_range) {
        const double start = m_range->first * m_sampleRate, end = m_range->second * m_sampleRate;
        const bool inside = frameStart >= start && frameStart + m_frameSize <= end;
        const double centre = frameStart + m_frameSize / 2.0;
        const bool centred = centre >= start && centre < end;
        for (int b = 0; b < m_bins && (inside || centred); ++b) {
            const double p = std::norm(spectrum[static_cast<std::size_t>(b)]);
            if (inside)
                ch.inside[static_cast<std::size_t>(b)] += p;
            if (centred)
                ch.centred[static_cast<std::size_t>(b)] += p;
        }
        ch.insideCount += inside;
        ch.centredCount += centred;
    }

    // Automatic estimates (always kept, as the fallback for an empty range). Digital silence is
    // not noise: a silent lead-in must not teach "no noise".
    if (!(energy > 1e-20 * m_frameSize))
        return;

    // (b) minimum statistics: smoothed per-bin power into a log-power histogram.
    if (ch.histogram.empty()) {
        ch.histogram.assign(static_cast<std::size_t>(m_bins) * kLevels, 0u);
        ch.smoothed.assign(static_cast<std::size_t>(m_bins), 0.0);
    }
    constexpr double kAlpha = 0.8;
    for (int b = 0; b < m_bins; ++b) {
        const double p = std::norm(spectrum[static_cast<std::size_t>(b)]);
        double& sm = ch.smoothed[static_cast<std::size_t>(b)];
        sm = ch.smoothedStarted ? kAlpha * sm + (1.0 - kAlpha) * p : p;
        const int level = histogramLevel(sm + 1e-30);
        ++ch.histogram[static_cast<std::size_t>(b) * kLevels + static_cast<std::size_t>(level)];
    }
    ch.smoothedStarted = true;
    const double loudness = logSum.value() / m_bins;
    int slot = -1;
    if (static_cast<int>(ch.heap.size()) < m_keep) {
        slot = static_cast<int>(ch.heap.size());
        if (ch.stored.empty())
            ch.stored.resize(static_cast<std::size_t>(m_keep) * static_cast<std::size_t>(m_bins));
        ch.heap.push_back({loudness, slot});
        std::push_heap(ch.heap.begin(), ch.heap.end());
    } else if (loudness < ch.heap.front().loudness) {
        std::pop_heap(ch.heap.begin(), ch.heap.end());
        slot = ch.heap.back().slot;
        ch.heap.back() = {loudness, slot};
        std::push_heap(ch.heap.begin(), ch.heap.end());
    }
    if (slot >= 0) {
        float* dst = ch.stored.data() + static_cast<std::size_t>(slot) * static_cast<std::size_t>(m_bins);
        for (int b = 0; b < m_bins; ++b)
            dst[b] = std::norm(spectrum[static_cast<std::size_t>(b)]);
    }
}

void NoiseProfile::suppressTonalPeaks(std::vector<float>& profile)
{
    // Surface noise and hiss have a smooth spectrum (a straight line on log-log axes over a
    // fraction of an octave); narrow peaks in a profile taken from the quietest frames are
    // sustained notes that were never quiet. For every bin, fit that line to its neighbourhood
    // (+-1/3 octave, at least +-8 bins), take the 20th percentile of the residuals as the local
    // noise floor, and cap the bin 3 dB above it. Smooth noise, sloped or not, passes within a
    // fraction of a dB; tones, even dense harmonics, are removed from the profile.
    const int bins = static_cast<int>(profile.size());
    const std::vector<float> original = profile;
    std::vector<double> residuals;
    for (int b = 1; b < bins; ++b) {
        const int half = std::max(8, static_cast<int>(b * 0.26)); // 2^(1/3) - 1
        const int lo = std::max(1, b - half);
        const int hi = std::min(bins, b + half + 1);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int k = lo; k < hi; ++k) {
            const double x = std::log(double(k));
            const double y = std::log(std::max(1e-30, double(original[static_cast<std::size_t>(k)])));
            sx += x; sy += y; sxx += x * x; sxy += x * y;
            ++n;
        }
        const double denom = n * sxx - sx * sx;
        const double slope = denom > 1e-12 ? (n * sxy - sx * sy) / denom : 0.0;
        const double intercept = (sy - slope * sx) / n;
        residuals.clear();
        for (int k = lo; k < hi; ++k)
            residuals.push_back(std::log(std::max(1e-30, double(original[static_cast<std::size_t>(k)])))
                                - (intercept + slope * std::log(double(k))));
        auto q = residuals.begin() + static_cast<std::ptrdiff_t>(residuals.size() / 5);
        std::nth_element(residuals.begin(), q, residuals.end());
        const double cap = std::exp(intercept + slope * std::log(double(b)) + *q + std::log(2.0));
        profile[static_cast<std::size_t>(b)] = static_cast<float>(std::min(double(original[static_cast<std::size_t>(b)]), cap));
    }
}

void NoiseProfile::finish()
{
    bool allRange = static_cast<bool>(m_range);
    for (Channel& ch : m_channels)
        allRange = allRange && (ch.insideCount > 0 || ch.centredCount > 0);
    m_fromRange = allRange;
    m_valid = false;
    double meanPower = 0.0;
    for (Channel& ch : m_channels) {
        std::fill(ch.profile.begin(), ch.profile.end(), 0.0f);
        if (m_fromRange) {
            const bool useInside = ch.insideCount > 0;
            const auto& sum = useInside ? ch.inside : ch.centred;
            const double n = useInside ? ch.insideCount : ch.centredCount;
            for (int b = 0; b < m_bins; ++b)
                ch.profile[static_cast<std::size_t>(b)] = static_cast<float>(sum[static_cast<std::size_t>(b)] / n);
        } else if (!ch.heap.empty()) {
            // Per-bin median, robust against a few louder frames when the quiet passages are
            // short; for noise |X|^2 is exponentially distributed, whose median is ln 2 x mean.
            std::vector<float> values(ch.heap.size());
            for (int b = 0; b < m_bins; ++b) {
                for (std::size_t i = 0; i < ch.heap.size(); ++i)
                    values[i] = ch.stored[static_cast<std::size_t>(ch.heap[i].slot) * static_cast<std::size_t>(m_bins) + static_cast<std::size_t>(b)];
                auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
                std::nth_element(values.begin(), mid, values.end());
                ch.profile[static_cast<std::size_t>(b)] = static_cast<float>(*mid / std::numbers::ln2);
            }
            // (b) 10th percentile of the smoothed power per bin, bias-corrected to the mean.
            // For Gaussian noise smoothed as above (overlapping frames), that percentile lies
            // kPercentileBiasDb below the mean (measured with white noise, see the tests).
            constexpr double kPercentileBiasDb = 2.6;
            for (int b = 0; b < m_bins; ++b) {
                const std::uint32_t* counts = ch.histogram.data() + static_cast<std::size_t>(b) * kLevels;
                std::uint64_t total = 0;
                for (int l = 0; l < kLevels; ++l)
                    total += counts[l];
                const std::uint64_t target = std::max<std::uint64_t>(1, total / 10);
                std::uint64_t seen = 0;
                int level = 0;
                while (level < kLevels - 1 && (seen += counts[level]) < target)
                    ++level;
                const double db = kLowestDb + (level + 0.5) * kStepDb + kPercentileBiasDb;
                const float minimumStatistics = static_cast<float>(std::pow(10.0, db / 10.0));
                // Where both agree (within 3 dB) keep the quietest-frames mean, which is the less
                // noisy estimate; where the quietest frames still held music, take the lower one.
                float& v = ch.profile[static_cast<std::size_t>(b)];
                if (minimumStatistics < 0.5f * v)
                    v = minimumStatistics;
            }
            suppressTonalPeaks(ch.profile);
        } // else: only digital silence in this channel, whose profile stays 0
        for (float v : ch.profile)
            m_valid = m_valid || v > 0.0f;
        // Parseval with the sqrt-Hann window (sum w^2 = N/2): sigma^2 = 2 * sum_all |X|^2 / N^2.
        double sumAll = 0.0;
        for (int b = 0; b < m_bins; ++b)
            sumAll += (b == 0 || b == m_bins - 1 ? 1.0 : 2.0) * ch.profile[static_cast<std::size_t>(b)];
        meanPower += 2.0 * sumAll / (double(m_frameSize) * m_frameSize) / m_channels.size();
        // Release the bounded buffers; only the profile is needed from now on.
        ch.heap = {};
        ch.stored = {};
        ch.histogram = {};
        ch.smoothed = {};
        ch.inside = {};
        ch.centred = {};
    }
    m_levelDb = meanPower > 1e-30 ? 10.0 * std::log10(meanPower) : -300.0;
}

std::span<const float> NoiseProfile::power(int channel) const
{
    return m_channels[static_cast<std::size_t>(channel)].profile;
}

Status NoiseProfile::validateRange(const SecondsRange& range, double durationSeconds)
{
    const auto [start, end] = range;
    const QString subject = QCoreApplication::translate("NoiseProfile", "noise range %1–%2 s")
                                .arg(start, 0, 'f', 2)
                                .arg(end, 0, 'f', 2);
    const QString duration = QString::number(durationSeconds, 'f', 2);
    if (!std::isfinite(start) || !std::isfinite(end) || start < 0.0 || end <= start)
        return Error{subject, QCoreApplication::translate("NoiseProfile",
                                                          "must start at 0 s or later and end after it starts")};
    if (end > durationSeconds + 0.001)
        return Error{subject, QCoreApplication::translate("NoiseProfile",
                                                          "lies outside the recording, which is %1 s long")
                                  .arg(duration)};
    return Status::success();
}

} // namespace shellac::dsp
