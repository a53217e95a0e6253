#include "dsp/PulseMatchedFilter.h"

#include "common/VectorClones.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace shellac::dsp {

namespace {
constexpr double kWidthRatio = 2.0;   // between successive template widths (sqrt 2: +0.05 dB, 1.7x the cost)
constexpr double kGrowScoreRatio = 0.75;   // a wider overlapping detection this good extends a better one
constexpr int kMinBlock = 32;      // samples per block of the local spread, at least
constexpr int kSideBlocks = 8;     // blocks either side of the local spread
constexpr double kMeanAbsToSigma = 1.2533;   // sqrt(pi / 2): sigma / E|x| for a Gaussian
// Least pulse level (RMS over its support) re the signal's there: 20 dB below, a pulse is
// neither a click nor a pop one can hear (a tone the model predicts almost perfectly makes such
// "pulses" next to every click).
constexpr double kMinLevel = 0.1;
// c[m] = Im(back[m] (Q[m + w] - Q[m])) and score[m] = |c[m]| invNorm invSigma[m], m < n.
void correlatePeriod(const double* __restrict qr, const double* __restrict qi, const double* __restrict backRe,
                     const double* __restrict backIm, const double* __restrict invSigma, int w, double invNorm, int n,
                     double* __restrict c, double* __restrict score)
{
    for (int m = 0; m < n; ++m) {
        c[m] = backIm[m] * (qr[m + w] - qr[m]) + backRe[m] * (qi[m + w] - qi[m]);
        score[m] = std::abs(c[m]) * invNorm * invSigma[m];
    }
}

/// max(0, v[0..n)), four lanes at a time (exact, so any vector width gives the same).
SHELLAC_VECTOR_CLONES
double blockPeak(const double* v, int n)
{
    double m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
        m0 = v[i] > m0 ? v[i] : m0;
        m1 = v[i + 1] > m1 ? v[i + 1] : m1;
        m2 = v[i + 2] > m2 ? v[i + 2] : m2;
        m3 = v[i + 3] > m3 ? v[i + 3] : m3;
    }
    for (; i < n; ++i)
        m0 = v[i] > m0 ? v[i] : m0;
    return std::max(std::max(m0, m1), std::max(m2, m3));
}
/// ||a * h||^2 from the autocorrelations of the prediction-error filter (`ra`, lags 0..p) and of
/// the pulse (`rh`, lags 0.. at least min(p, its length - 1); both symmetric).
double whitenedEnergy(const std::vector<double>& ra, const std::vector<double>& rh)
{
    double norm2 = ra[0] * rh[0];
    for (std::size_t lag = 1; lag < std::min(ra.size(), rh.size()); ++lag)
        norm2 += 2.0 * ra[lag] * rh[lag];
    return norm2;
}

/// Autocorrelation of v at lags 0..maxLag (zero beyond v's length), into `out`.
void autocorrelate(std::span<const double> v, int maxLag, std::vector<double>& out)
{
    out.assign(std::size_t(maxLag) + 1, 0.0);
    for (std::size_t lag = 0; lag < out.size() && lag < v.size(); ++lag)
        for (std::size_t i = 0; i + lag < v.size(); ++i)
            out[lag] += v[i] * v[i + lag];
}

/// Subtracting `amplitude` times a pulse lowers the energy of the signal under it, given the
/// plain least-squares size `plain` = <x, h> / <h, h> there: ||x - a h||^2 < ||x||^2 <=> 0 < a / plain < 2.
bool removalLowersEnergy(double amplitude, double plain)
{
    return amplitude * plain > 0.0 && std::abs(amplitude) < 2.0 * std::abs(plain);
}
} // namespace

int PulseFit::length() const
{
    return std::max(1, static_cast<int>(std::ceil(width - 0.5)));
}

double PulseMatchedFilter::shape(int width, int j)
{
    return std::sin(std::numbers::pi * (j + 0.5) / width);
}

double PulseMatchedFilter::skewedShape(double width, double skew, int j)
{
    return std::sin(std::numbers::pi * std::pow((j + 0.5) / width, skew));
}

PulseFit PulseMatchedFilter::refine(const MatchedPulse& pulse, std::span<const double> x, std::span<const double> u,
                                    std::span<const double> a, int validBegin, int validEnd)
{
    const PulseFit coarse{pulse.start, double(pulse.width), 1.0, pulse.amplitude};
    const int p = static_cast<int>(a.size()) - 1;
    if (p < 0 || pulse.width < 2)
        return coarse;
    autocorrelate(a, p, m_aAutocorrelation);
    PulseFit best = coarse;
    double bestRemoved = -1.0;   // excitation energy the best fit removes, c^2 / ||a * h||^2
    // One shape at the starts lo, lo + step, ... <= hi; true when one of them became the best.
    const auto tryShape = [&](double width, double skew, int lo, int hi, int step) {
        const int len = PulseFit{0, width, skew, 0.0}.length();
        lo = std::max(lo, validBegin);
        hi = std::min(hi, validEnd - len);
        if (width < 2.0 || lo > hi)
            return false;
        m_shape.resize(std::size_t(len));
        for (int j = 0; j < len; ++j)
            m_shape[std::size_t(j)] = skewedShape(width, skew, j);
        autocorrelate(m_shape, std::min(p, len - 1), m_shapeAutocorrelation);
        const double norm2 = whitenedEnergy(m_aAutocorrelation, m_shapeAutocorrelation);
        if (!(norm2 > 0.0))
            return false;
        bool improved = false;
        for (int t = lo; t <= hi; t += step) {
            double c = 0.0;
            for (int j = 0; j < len; ++j)
                c += m_shape[std::size_t(j)] * u[std::size_t(t + j)];
            if (const double removed = c * c / norm2; removed > bestRemoved) {
                bestRemoved = removed;
                best = {t, width, skew, c / norm2};
                improved = true;
            }
        }
        return improved;
    };
    tryShape(pulse.width, 1.0, pulse.start, pulse.start, 1);   // the template itself is the one to beat
    // Widths within half an octave of the template's (the grid's gap) and skews 0.5..2, both in
    // eighth and quarter octaves; for each, every (W/32)-th start within half the width, then
    // each one around the best of those. (A coarse-to-fine search over a wider range finds
    // larger excitation reductions that fit the pulse worse: on a low-frequency pulse the
    // whitened fit is flat in width and skew, and the music decides where its maximum lies.)
    for (int wk = -4; wk <= 4; ++wk) {
        const double width = pulse.width * std::exp2(wk / 8.0);
        const int reach = std::max(1, static_cast<int>(width / 2));
        const int step = std::max(1, static_cast<int>(width / 32));
        for (int sk = -4; sk <= 4; ++sk) {
            const double skew = std::exp2(sk / 4.0);
            if (tryShape(width, skew, pulse.start - reach, pulse.start + reach, step) && step > 1)
                tryShape(width, skew, best.start - step + 1, best.start + step - 1, 1);
        }
    }
    // Removing it must still lower the energy of the signal (see isPlausible()).
    double xh = 0.0, hh = 0.0;
    for (int j = 0; j < best.length(); ++j) {
        const double h = skewedShape(best.width, best.skew, j);
        xh += h * x[std::size_t(best.start + j)];
        hh += h * h;
    }
    return removalLowersEnergy(best.amplitude, hh > 0.0 ? xh / hh : 0.0) ? best : coarse;
}

void PulseMatchedFilter::prepare(int minWidth, int maxWidth, int maxOrder, Settings settings)
{
    m_settings = settings;
    m_widths.clear();
    m_templates.clear();
    m_templateAutocorrelation.clear();
    m_phasors.clear();
    for (double w = std::max(2, minWidth); std::lround(w) <= maxWidth; w *= kWidthRatio) {
        const int width = static_cast<int>(std::lround(w));
        if (!m_widths.empty() && width == m_widths.back())
            continue;
        m_widths.push_back(width);
        std::vector<double> h(static_cast<std::size_t>(width));
        for (int j = 0; j < width; ++j)
            h[std::size_t(j)] = shape(width, j);
        std::vector<double> r;
        autocorrelate(h, maxOrder, r);
        m_templates.push_back(std::move(h));
        m_templateAutocorrelation.push_back(std::move(r));
        // One period (2W samples) of z^k = exp(i pi k / W) and of exp(i pi (0.5 - k) / W).
        Phasors ph;
        for (int k = 0; k < 2 * width; ++k) {
            ph.zRe.push_back(std::cos(std::numbers::pi * k / width));
            ph.zIm.push_back(std::sin(std::numbers::pi * k / width));
            ph.backRe.push_back(std::cos(std::numbers::pi * (0.5 - k) / width));
            ph.backIm.push_back(std::sin(std::numbers::pi * (0.5 - k) / width));
        }
        m_phasors.push_back(std::move(ph));
    }
}

void PulseMatchedFilter::detect(std::span<const double> x, std::span<const double> u, std::span<const double> e,
                                std::span<const double> a, std::span<const double> sigma, int validBegin,
                                int validEnd, std::vector<MatchedPulse>& out)
{
    out.clear();
    m_candidates.clear();
    const int p = static_cast<int>(a.size()) - 1;
    m_energy.assign(e.size() + 1, 0.0);
    for (std::size_t n = 0; n < e.size(); ++n)
        m_energy[n + 1] = m_energy[n] + e[n] * e[n];
    m_inverseSigma.resize(sigma.size());
    for (std::size_t n = 0; n < sigma.size(); ++n)
        m_inverseSigma[n] = sigma[n] > 0.0 ? 1.0 / sigma[n] : 0.0;
    // ||a * h_W||^2 = sum over lags of R_a(lag) R_h(lag) (both symmetric).
    autocorrelate(a, p, m_aAutocorrelation);
    for (std::size_t wi = 0; wi < m_widths.size(); ++wi) {
        const int w = m_widths[wi];
        const int last = validEnd - w;   // last start whose pulse lies in the valid range
        if (last < validBegin)
            break;
        const double norm2 = whitenedEnergy(m_aAutocorrelation, m_templateAutocorrelation[wi]);
        if (!(norm2 > 0.0))
            continue;
        const double norm = std::sqrt(norm2);
        scoreWidth(wi, u, validBegin, last, norm);
        localSpread(w);
        collectRuns(w, e, sigma, validBegin, last, p, norm);
    }
    std::erase_if(m_candidates, [&](const MatchedPulse& c) { return !isPlausible(c, x); });
    std::sort(m_candidates.begin(), m_candidates.end(),
              [](const MatchedPulse& x, const MatchedPulse& y) { return x.score > y.score; });
    if (m_settings.keepOverlapping) {
        for (const MatchedPulse& c : m_candidates) {
            MatchedPulse* hit = nullptr;
            for (MatchedPulse& o : out)
                if (c.start < o.start + o.width && o.start < c.start + c.width) {
                    hit = &o;
                    break;
                }
            if (!hit) {
                out.push_back(c);
            } else if (c.width > hit->width && c.score >= kGrowScoreRatio * hit->score) {
                const int end = std::max(hit->start + hit->width, c.start + c.width);
                hit->start = std::min(hit->start, c.start);
                hit->width = end - hit->start;
            }
        }
        std::sort(out.begin(), out.end(), [](const MatchedPulse& x, const MatchedPulse& y) { return x.start < y.start; });
        return;
    }
    // Greedy by score: a pulse is kept when it is no nearer than minSeparation to a better one;
    // out stays sorted by start.
    const int gap = m_settings.minSeparation;
    for (const MatchedPulse& c : m_candidates) {
        const auto next = std::lower_bound(out.begin(), out.end(), c.start,
                                           [](const MatchedPulse& o, int start) { return o.start < start; });
        const bool hitsNext = next != out.end() && next->start - gap < c.start + c.width;
        const bool hitsPrevious = next != out.begin() && std::prev(next)->start + std::prev(next)->width + gap > c.start;
        if (!hitsNext && !hitsPrevious)
            out.insert(next, c);
    }
}

bool PulseMatchedFilter::isPlausible(const MatchedPulse& pulse, std::span<const double> x) const
{
    // Removing it lowers the energy: ||x - alpha h||^2 < ||x||^2  <=>  0 < alpha / plain < 2,
    // plain = <x, h> / <h, h>; and it is not far below the signal it rides on.
    const auto index = std::size_t(std::ranges::find(m_widths, pulse.width) - m_widths.begin());
    const std::vector<double>& h = m_templates[index];   // candidates have a template's width
    double xh = 0.0, hh = 0.0, xx = 0.0;
    for (int j = 0; j < pulse.width; ++j) {
        const double v = x[std::size_t(pulse.start + j)];
        xh += h[std::size_t(j)] * v;
        hh += h[std::size_t(j)] * h[std::size_t(j)];
        xx += v * v;
    }
    if (pulse.amplitude * pulse.amplitude * hh < kMinLevel * kMinLevel * xx)
        return false;
    return removalLowersEnergy(pulse.amplitude, xh / hh);
}

SHELLAC_VECTOR_CLONES
void PulseMatchedFilter::scoreWidth(std::size_t widthIndex, std::span<const double> u, int validBegin, int last,
                                    double norm)
{
    // With z = exp(i pi / W) and the prefix sums Q[k] = sum_{i < k} z^i u[validBegin + i]:
    //   c(t) = sum_j sin(pi (j + 0.5) / W) u[t + j] = Im(exp(i pi (0.5 - k) / W) (Q[k + W] - Q[k])),
    // k = t - validBegin. Both loops run over one period of the phasors at a time (no modulo),
    // and the second has no dependency between iterations.
    const int w = m_widths[widthIndex];
    const Phasors& ph = m_phasors[widthIndex];
    const int period = 2 * w;
    const int count = last - validBegin + 1;
    const int terms = count + w - 1;
    m_prefixRe.resize(std::size_t(terms) + 1);
    m_prefixIm.resize(std::size_t(terms) + 1);
    double re = 0.0, im = 0.0;
    m_prefixRe[0] = m_prefixIm[0] = 0.0;
    for (int base = 0; base < terms; base += period) {
        const int n = std::min(period, terms - base);
        const double* x = u.data() + validBegin + base;
        for (int m = 0; m < n; ++m) {
            re += ph.zRe[std::size_t(m)] * x[m];
            im += ph.zIm[std::size_t(m)] * x[m];
            m_prefixRe[std::size_t(base + m + 1)] = re;
            m_prefixIm[std::size_t(base + m + 1)] = im;
        }
    }
    m_score.resize(std::size_t(count));
    m_corr.resize(std::size_t(count));
    const double invNorm = 1.0 / norm;
    for (int base = 0; base < count; base += period)
        correlatePeriod(m_prefixRe.data() + base, m_prefixIm.data() + base, ph.backRe.data(), ph.backIm.data(),
                        m_inverseSigma.data() + validBegin + w / 2 + base, w, invNorm, std::min(period, count - base),
                        m_corr.data() + base, m_score.data() + base);
}

void PulseMatchedFilter::localSpread(int width)
{
    const int n = static_cast<int>(m_score.size());
    const int blockLen = std::max(kMinBlock, width);
    const int blocks = (n + blockLen - 1) / blockLen;
    m_blockMean.resize(std::size_t(blocks));
    // Per block the mean |score| (a pulse inflates one or two blocks; the median over blocks
    // below ignores them), scaled to a standard deviation for Gaussian scores.
    for (int b = 0; b < blocks; ++b) {
        const int b0 = b * blockLen, b1 = std::min(n, (b + 1) * blockLen);
        double sum = 0.0;
        for (int i = b0; i < b1; ++i)
            sum += m_score[std::size_t(i)];
        m_blockMean[std::size_t(b)] = sum / (b1 - b0);
    }
    // Median over blocks b - kSideBlocks .. b + kSideBlocks, from a sorted sliding window.
    m_spread.resize(std::size_t(blocks));
    m_sorted.assign(m_blockMean.begin(), m_blockMean.begin() + std::min(blocks, kSideBlocks));
    std::sort(m_sorted.begin(), m_sorted.end());
    for (int b = 0; b < blocks; ++b) {
        if (const int in = b + kSideBlocks; in < blocks)
            m_sorted.insert(std::upper_bound(m_sorted.begin(), m_sorted.end(), m_blockMean[std::size_t(in)]),
                            m_blockMean[std::size_t(in)]);
        if (const int out = b - kSideBlocks - 1; out >= 0)
            m_sorted.erase(std::lower_bound(m_sorted.begin(), m_sorted.end(), m_blockMean[std::size_t(out)]));
        m_spread[std::size_t(b)] = std::max(1.0, kMeanAbsToSigma * m_sorted[m_sorted.size() / 2]);
    }
}

void PulseMatchedFilter::collectRuns(int width, std::span<const double> e, std::span<const double> sigma,
                                     int validBegin, int last, int order, double norm)
{
    const int blockLen = std::max(kMinBlock, width);
    const int count = last - validBegin + 1;
    bool inRun = false;
    MatchedPulse best;
    for (int b0 = 0; b0 < count; b0 += blockLen) {
        const double spread = m_spread[std::size_t(b0 / blockLen)];
        const double threshold = m_settings.threshold * spread;
        const int b1 = std::min(count, b0 + blockLen);
        if (!(blockPeak(m_score.data() + b0, b1 - b0) > threshold)) {   // nearly every block
            if (inRun)
                m_candidates.push_back(best);
            inRun = false;
            continue;
        }
        for (int i = b0; i < b1; ++i) {
            bool above = m_score[std::size_t(i)] > threshold;
            if (above && m_settings.minExplained > 0.0) {
                // The pulse removes score^2 sigma^2 of excitation energy; what lies above the
                // noise floor over its support (t .. t + W + p) is the rest.
                const int t = validBegin + i;
                const double s = sigma[std::size_t(t + width / 2)];
                const std::size_t e1 = std::min(e.size(), std::size_t(t + width + order));
                const double excess = (m_energy[e1] - m_energy[std::size_t(t)]) / (s * s) - double(e1 - std::size_t(t));
                above = m_score[std::size_t(i)] * m_score[std::size_t(i)] >= m_settings.minExplained * excess;
            }
            if (above) {
                const double score = m_score[std::size_t(i)] / spread;
                if (!inRun || score > best.score)
                    best = {validBegin + i, width, score, m_corr[std::size_t(i)] / (norm * norm)};
                inRun = true;
            } else if (inRun) {
                m_candidates.push_back(best);
                inRun = false;
            }
        }
    }
    if (inRun)
        m_candidates.push_back(best);
}

} // namespace shellac::dsp
