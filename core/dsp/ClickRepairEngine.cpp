#include "dsp/ClickRepairEngine.h"

#include <algorithm>
#include <cmath>

namespace shellac::dsp {

namespace {
constexpr int kBlock = 128;       // samples per block of the robust scale estimate
constexpr int kSideBlocks = 7;    // blocks on each side (plus the block itself): ~23 ms at 44.1 kHz
constexpr double kMadToSigma = 1.4826;
constexpr double kOnsetPowerRatio = 10.0;  // excitation power after / before a burst (10 dB) that marks an onset

double medianOf(double* v, int n)
{
    std::nth_element(v, v + n / 2, v + n);
    return v[n / 2];
}
} // namespace

void ClickRepairEngine::prepare(int channels, const ClickRepairParams& params)
{
    m_p = params;
    m_p.arOrder = std::clamp(m_p.arOrder, 1, 256);
    m_p.passes = std::clamp(m_p.passes, 1, 4);
    m_p.maxClickLength = std::max(1, m_p.maxClickLength);
    m_p.widenBefore = std::max(0, m_p.widenBefore);
    m_p.widenAfter = std::max(0, m_p.widenAfter);
    m_p.mergeGap = std::max(1, m_p.mergeGap);
    m_channels = channels;
    m_guard = m_p.arOrder + 4;
    m_maxRegion = m_p.maxClickLength + m_p.widenBefore + m_p.widenAfter;
    m_p.onsetWindow = std::max(0, m_p.onsetWindow);
    m_lookahead = m_p.onsetWindow > 0 ? m_maxRegion + m_p.onsetWindow : 0;
    const int minWindow = 2 * m_guard + m_maxRegion + 2 * m_lookahead + 256;
    m_p.windowLength = std::max(m_p.windowLength, minWindow);
    m_hop = m_p.windowLength - 2 * m_guard - m_maxRegion - m_lookahead;

    m_buf.resize(channels, 0);
    m_bufStart = m_total = m_next = m_emitted = 0;
    const auto n = static_cast<std::size_t>(m_p.windowLength);
    for (auto* v : {&m_x, &m_y, &m_e, &m_thr, &m_u, &m_sigma})
        v->assign(n, 0.0);
    m_blockMed.assign(n / kBlock + 2, 0.0);
    m_scratch.assign(std::max<std::size_t>(kBlock, 2 * kSideBlocks + 2), 0.0);
    m_missing.reserve(n);
    m_weight.reserve(n);
    m_exclude.assign(n, 0);
    // Interpolated pulses: the union of all widths' detections; subtracted ones: the best of
    // each neighbourhood, clear of its side lobes. Each mode prepares only its own filter (an
    // empty width range leaves the other one without templates).
    const bool pops = m_p.mode == ClickRepairMode::SubtractPops;
    PulseDetectorSettings pulseSettings{m_p.pulseThreshold, m_p.pulseMinExplained, 0, true};
    m_pulses.prepare(m_p.pulseMinWidth, pops ? 0 : m_p.maxClickLength, m_p.arOrder, pulseSettings);
    pulseSettings.minSeparation = m_p.arOrder;
    pulseSettings.keepOverlapping = false;
    m_widePulses.prepare(std::max(2, m_p.subtractPulsesWiderThan / 2), pops ? m_p.maxClickLength : 0, m_p.arOrder,
                         pulseSettings);
    m_pulsesSubtracted = 0;
    m_eventCount = m_samplesRepaired = m_longSkipped = m_onsetsKept = 0;
    m_events.clear();
    m_eventsTruncated = false;
}

void ClickRepairEngine::process(const AudioBlock& in, AudioBlock& out)
{
    m_buf.append(in);
    m_total += in.frames();
    while (m_total - m_next >= m_p.windowLength) {
        processWindow(m_next, m_p.windowLength);
        m_next += m_hop;
    }
    releaseUpTo(std::min(m_total, m_next + m_guard), out);
}

void ClickRepairEngine::finish(AudioBlock& out)
{
    const std::int64_t rest = m_total - m_next;
    m_finishing = true;
    if (rest >= 2 * m_guard + 1)
        processWindow(m_next, static_cast<int>(rest));
    m_finishing = false;
    m_next = m_total;
    releaseUpTo(m_total, out);
}

void ClickRepairEngine::releaseUpTo(std::int64_t upTo, AudioBlock& out)
{
    const std::int64_t count = std::max<std::int64_t>(0, upTo - m_emitted);
    out.resize(m_channels, count);
    const std::int64_t offset = m_emitted - m_bufStart;
    for (int c = 0; c < m_channels; ++c)
        std::copy_n(m_buf.channel(c).data() + offset, count, out.channel(c).data());
    m_emitted += count;
    const std::int64_t dropTo = std::min(m_next, m_emitted);
    if (dropTo > m_bufStart) {
        m_buf.dropFront(dropTo - m_bufStart);
        m_bufStart = dropTo;
    }
}

void ClickRepairEngine::processWindow(std::int64_t w0, int len)
{
    for (int c = 0; c < m_channels; ++c)
        processChannel(c, w0, len);
}

void ClickRepairEngine::processChannel(int ch, std::int64_t w0, int len)
{
    float* data = m_buf.channel(ch).data() + (w0 - m_bufStart);
    for (int i = 0; i < len; ++i) {
        if (!std::isfinite(data[i]))
            return; // leave windows holding NaN/Inf untouched
        m_x[i] = data[i];
    }
    if (m_p.mode == ClickRepairMode::SubtractPops)
        return subtractWidePulses(ch, w0, data, len);
    const std::span<const double> x(m_x.data(), len);
    const std::span<double> y(m_y.data(), len);
    const std::span<double> e(m_e.data(), len);
    m_regions.clear();

    for (int pass = 0; pass < m_p.passes; ++pass) {
        if (pass == 0) {
            m_model.fitBurg(x, m_p.arOrder);
        } else {
            // Robust re-fit: leave out every detection and what may follow it (the smooth body of a
            // long click is invisible in the first excitation because the first model, fitted with
            // the click inside, has learnt it).
            std::fill_n(m_exclude.begin(), len, 0);
            int covered = 0;
            for (const Region& r : m_regions) {
                const int s0 = std::max(0, r.start - 4);
                const int s1 = std::min(len, std::max(r.end + 4, r.start + m_p.maxClickLength));
                std::fill(m_exclude.begin() + s0, m_exclude.begin() + s1, 1);
                covered += s1 - s0;
            }
            if (covered > len / 2) {   // dense detections (crackle): exclude just the regions
                std::fill_n(m_exclude.begin(), len, 0);
                for (const Region& r : m_regions)
                    std::fill(m_exclude.begin() + r.start, m_exclude.begin() + r.end, 1);
            }
            m_model.fitBurgExcluding(x, {m_exclude.data(), static_cast<std::size_t>(len)}, m_p.arOrder);
        }
        m_model.forwardError(x, e);
        detectSamples(x, m_found);
        const bool grew = acceptDetections(len, pass == 0);
        if (!grew && pass > 0)
            break;
        m_regions.swap(m_merged);
        if (m_regions.empty())
            break;
    }
    // y holds the repair of m_regions with the current model once searchPulses has made it.
    const bool repaired = m_p.pulseThreshold > 0.0 && !m_pulses.widths().empty() && searchPulses(len);
    if (m_regions.empty())
        return;
    collectMissing();
    // Long gaps: LSAR quality grows with the model order (more spectral detail to continue), so
    // re-fit with up to 3p when a region is longer than 2p and the window leaves room for it.
    int longest = 0;
    for (const Region& r : m_regions)
        longest = std::max(longest, r.end - r.start);
    const int highOrder = std::min(3 * m_p.arOrder, len / 8);
    const bool refit = longest > 2 * m_p.arOrder && highOrder > m_p.arOrder && m_regions.front().start >= highOrder
                       && m_regions.back().end <= len - highOrder;
    if (refit) {
        std::fill_n(m_exclude.begin(), len, 0);
        for (const Region& r : m_regions)
            std::fill(m_exclude.begin() + r.start, m_exclude.begin() + r.end, 1);
        m_model.fitBurgExcluding(x, {m_exclude.data(), static_cast<std::size_t>(len)}, highOrder);
    }
    if (refit || !repaired) {
        std::copy_n(m_x.data(), len, m_y.data());
        if (!m_model.interpolate(y, m_missing))
            return;
    }
    if (m_p.keepObservation) {
        const double excitationPower = m_model.errorPower();
        m_weight.clear();
        for (const Region& r : m_regions) {
            double noise = 0.0;
            for (int t = r.start; t < r.end; ++t)
                noise += (m_x[t] - m_y[t]) * (m_x[t] - m_y[t]);
            noise /= (r.end - r.start);
            const double w = excitationPower / std::max(noise, 1e-30);
            m_weight.insert(m_weight.end(), r.end - r.start, w);
        }
        std::copy_n(m_x.data(), len, m_y.data());
        if (!m_model.interpolate(y, m_missing, m_weight))
            return;
    }
    for (const Region& r : m_regions) {
        for (int t = r.start; t < r.end; ++t) {
            const double v = m_y[t];
            data[t] = std::isfinite(v) ? static_cast<float>(std::clamp(v, -4.0, 4.0)) : data[t];
        }
        recordEvent(ch, w0 + r.start, r.end - r.start);
    }
}

bool ClickRepairEngine::startsSound(const Region* regions, std::size_t count, int len) const
{
    // A click sits on top of the music: the music around it has the same level before and
    // after. A musical onset (drum, pluck, consonant) leaves it louder after the burst.
    // Compared on the excitation (prediction error), which is white and so gives stable powers
    // over a few ms even in bass-heavy music, using only samples outside detections.
    const double* x = m_e.data();
    const int firstValid = m_model.order();
    const int* pre = m_flagPrefix.data();
    const int w = m_p.onsetWindow;
    auto power = [&](int a, int b) {
        a = std::clamp(a, firstValid, len);
        b = std::clamp(b, 0, len);
        double sum = 0.0;
        int n = 0;
        for (int i = a; i < b; ++i)
            if (pre[i + 1] == pre[i]) {
                sum += x[i] * x[i];
                ++n;
            }
        return n > 0 ? sum / n : -1.0;
    };
    // The quietest quarter of the 2 * onsetWindow samples from `from` (-1 when none has data).
    auto quietestQuarter = [&](int from) {
        double least = -1.0;
        for (int q = 0; q < 4; ++q) {
            const int a = from + q * w / 2;
            const double pq = power(a, a + w / 2);
            if (pq >= 0.0 && (least < 0.0 || pq < least))
                least = pq;
        }
        return least;
    };
    // "Before" is the quietest quarter before the burst, so that a detection inside the first
    // bright milliseconds of a note (sound that began just before it) still counts as part of
    // the onset.
    const double before = quietestQuarter(regions[0].start - 2 * w);
    // "After" starts where the longest click would have ended, so that the undetected body of a
    // long click (invisible to the first, click-contaminated AR model) does not count as sound.
    // A pop's fitted half-sine spans all of it, so for the pop remover "after" starts at its
    // end (40 ms on, the longest pop's length, a note that follows the pop would pass for its
    // onset), and it is the quietest quarter as "before" is: the pop remover runs before the
    // click repair, and one click in a single window would pass for the music getting louder.
    const int longestClickEnd = std::max(regions[count - 1].end, regions[0].start + m_maxRegion);
    const double after = m_p.mode == ClickRepairMode::SubtractPops ? quietestQuarter(regions[count - 1].end)
                                                                   : power(longestClickEnd, longestClickEnd + w);
    if (before < 0.0 || after < 0.0)
        return false;
    return after > kOnsetPowerRatio * before + 1e-10;
}

void ClickRepairEngine::subtractWidePulses(int ch, std::int64_t w0, float* data, int len)
{
    if (m_p.pulseThreshold <= 0.0 || m_widePulses.widths().empty())
        return;
    const std::span<const double> x(m_x.data(), len);
    m_model.fitBurg(x, m_p.arOrder);
    const int p = m_model.order();
    if (len - 2 * p < m_widePulses.widths().front())
        return;
    const std::span<double> e(m_e.data(), len), u(m_u.data(), len);
    m_model.forwardError(x, e);
    localScale(len);
    m_model.backwardError(e, u);
    m_widePulses.detect(x, u, e, m_model.coefficients(), {m_sigma.data(), std::size_t(len)}, p, len - p, m_pulseHits);
    if (m_pulseHits.empty())
        return;
    m_found.clear();
    for (const MatchedPulse& h : m_pulseHits)
        m_found.push_back({h.start, h.start + h.width});
    flagDetections(m_found, len);
    const int zoneEnd = len - m_guard;
    for (const MatchedPulse& h : m_pulseHits) {
        const Region r{h.start, h.start + h.width};
        if (h.width <= m_p.subtractPulsesWiderThan || r.start < m_guard || r.end > zoneEnd)
            continue;
        if (m_p.onsetWindow > 0) {
            if (r.start + m_lookahead > zoneEnd && !m_finishing)
                continue;   // the next window sees it with the music after it
            if (startsSound(&r, 1, len)) {
                ++m_onsetsKept;
                continue;
            }
        }
        // The template's grid width and symmetric shape, refined to the pop's own.
        const PulseFit fit = m_widePulses.refine(h, x, u, m_model.coefficients(), p, len - p);
        if (fit.start < m_guard || fit.start + fit.length() > zoneEnd)
            continue;
        for (int j = 0; j < fit.length(); ++j) {
            m_x[fit.start + j] -= fit.amplitude * PulseMatchedFilter::skewedShape(fit.width, fit.skew, j);
            data[fit.start + j] = static_cast<float>(std::clamp(m_x[fit.start + j], -4.0, 4.0));
        }
        ++m_pulsesSubtracted;
        recordEvent(ch, w0 + fit.start, fit.length());
    }
}

void ClickRepairEngine::recordEvent(int ch, std::int64_t startFrame, std::int64_t length)
{
    ++m_eventCount;
    m_samplesRepaired += length;
    if (m_events.size() < m_p.maxListed)
        m_events.push_back({ch, startFrame, length});
    else
        m_eventsTruncated = true;
}

void ClickRepairEngine::localScale(int len)
{
    const int p = m_model.order();
    const double* e = m_e.data();
    const int nb = (len - p + kBlock - 1) / kBlock;
    for (int b = 0; b < nb; ++b) {
        const int s = p + b * kBlock;
        const int n = std::min(kBlock, len - s);
        for (int i = 0; i < n; ++i)
            m_scratch[i] = std::abs(e[s + i]);
        m_blockMed[b] = medianOf(m_scratch.data(), n);
    }
    // Per-block threshold from the larger of the two one-sided robust scales.
    double* thr = m_thr.data();   // indexed by block here
    const double k = m_p.thresholdK * kMadToSigma;
    for (int b = 0; b < nb; ++b) {
        const int b0 = std::max(0, b - kSideBlocks);
        const int b1 = std::min(nb - 1, b + kSideBlocks);
        std::copy(m_blockMed.begin() + b0, m_blockMed.begin() + b + 1, m_scratch.begin());
        const double before = medianOf(m_scratch.data(), b - b0 + 1);
        std::copy(m_blockMed.begin() + b, m_blockMed.begin() + b1 + 1, m_scratch.begin());
        const double after = medianOf(m_scratch.data(), b1 - b + 1);
        thr[b] = std::max(k * std::max(before, after), m_p.floor);
    }
    if (m_p.pulseThreshold > 0.0)   // the matched filters' per-sample scale
        for (int n = 0; n < len; ++n)
            m_sigma[n] = thr[(std::clamp(n, p, len - 1) - p) / kBlock] / m_p.thresholdK;
}

void ClickRepairEngine::detectSamples(std::span<const double> x, std::vector<Region>& out)
{
    const int len = static_cast<int>(x.size());
    out.clear();
    const int p = m_model.order();
    if (len - p < 2)
        return;
    localScale(len);
    const double* e = m_e.data();
    const double* thr = m_thr.data();   // indexed by block
    auto threshold = [&](int n) { return thr[(n - p) / kBlock]; };

    const int lastBackward = len - 1 - p;   // backward error defined up to here
    int start = -1, last = -1;
    auto close = [&]() {
        // The click ends where the backward error (which does not smear forward) last exceeds
        // the threshold; no backward confirmation at all means a forward-only burst, i.e. the
        // onset of new sound rather than an additive impulse.
        // Confirmation may come from up to p/2 samples before the first forward flag (a step-like
        // click onset shows in the backward error just before it).
        int end = -1;
        const int from = std::max(0, start - std::max(1, p / 2));
        for (int m = std::min(last, lastBackward); m >= from; --m)
            if (std::abs(m_model.backwardErrorAt(x, m)) > threshold(std::max(m, p))) {
                end = std::max(m, start);
                break;
            }
        if (last > lastBackward)
            end = last;  // cannot confirm near the window end; the zone check rejects it anyway
        if (end < 0)
            return;
        Region r{std::max(0, start - m_p.widenBefore), std::min(len, end + 1 + m_p.widenAfter)};
        if (!out.empty() && r.start <= out.back().end)
            out.back().end = std::max(out.back().end, r.end);
        else
            out.push_back(r);
    };
    for (int n = p; n < len; ++n) {
        if (std::abs(e[n]) > threshold(n)) {
            if (start >= 0 && n - last > m_p.mergeGap) {
                close();
                start = -1;
            }
            if (start < 0)
                start = n;
            last = n;
        }
    }
    if (start >= 0)
        close();
}

bool ClickRepairEngine::acceptDetections(int len, bool firstLook)
{
    flagDetections(m_found, len);
    // Only detections that wholly lie in this window's zone are repaired here; the rest
    // belong to the neighbouring window. Long ones are left alone (pops, not clicks).
    const int zoneEnd = len - m_guard;
    m_merged.clear();
    bool grew = false;
    auto push = [&](Region r) {
        if (!m_merged.empty() && r.start <= m_merged.back().end)
            m_merged.back().end = std::max(m_merged.back().end, r.end);
        else
            m_merged.push_back(r);
    };
    m_candidates.clear();
    for (const Region& r : m_found) {
        if (r.start < m_guard || r.end > zoneEnd)
            continue;
        if (r.end - r.start > m_maxRegion) {
            if (firstLook && (r.start < m_hop + m_guard || m_finishing))
                ++m_longSkipped;
            continue;
        }
        m_candidates.push_back(r);
    }
    // A burst of nearby detections after which the music is much louder than before it is
    // the onset of a drum, pluck or consonant, not a click: keep it.
    const int groupGap = std::max(m_p.mergeGap, m_p.onsetWindow / 3);
    m_accepted.clear();
    for (std::size_t g = 0; g < m_candidates.size();) {
        std::size_t h = g;
        while (h + 1 < m_candidates.size() && m_candidates[h + 1].start - m_candidates[h].end < groupGap
               && m_candidates[h + 1].end - m_candidates[g].start <= m_maxRegion)
            ++h;
        bool keep = true;
        if (m_p.onsetWindow > 0) {
            if (m_candidates[g].start + m_lookahead > zoneEnd && !m_finishing) {
                keep = false;   // not enough signal after it here: the next window decides
            } else if (startsSound(&m_candidates[g], h - g + 1, len)) {
                keep = false;
                if (firstLook)
                    ++m_onsetsKept;
            }
        }
        if (keep)
            m_accepted.insert(m_accepted.end(), m_candidates.begin() + g, m_candidates.begin() + h + 1);
        g = h + 1;
    }
    std::size_t i = 0;
    for (const Region& r : m_accepted) {
        while (i < m_regions.size() && m_regions[i].start <= r.start)
            push(m_regions[i++]);
        const std::size_t before = m_merged.size();
        const int beforeEnd = m_merged.empty() ? -1 : m_merged.back().end;
        push(r);
        if (m_merged.size() != before || m_merged.back().end != beforeEnd)
            grew = true;
    }
    while (i < m_regions.size())
        push(m_regions[i++]);
    std::erase_if(m_merged, [&](const Region& r) { return r.end - r.start > m_maxRegion + m_p.arOrder; });
    return grew;
}

void ClickRepairEngine::flagDetections(const std::vector<Region>& regions, int len)
{
    // A detection's forward error spreads p samples on.
    m_flagPrefix.assign(static_cast<std::size_t>(len) + 1, 0);
    for (const Region& r : regions)
        for (int t = r.start; t < std::min(len, r.end + m_model.order()); ++t)
            m_flagPrefix[t + 1] = 1;
    for (int t = 0; t < len; ++t)
        m_flagPrefix[t + 1] += m_flagPrefix[t];
}

void ClickRepairEngine::collectMissing()
{
    m_missing.clear();
    for (const Region& r : m_regions)
        for (int t = r.start; t < r.end; ++t)
            m_missing.push_back(t);
}

bool ClickRepairEngine::searchPulses(int len)
{
    // Where clicks were found, the filter looks at what their repair leaves behind: in the raw
    // excitation it would find the remains of every large click, and extend well-repaired short
    // clicks into long gaps that LSAR fills worse.
    const std::span<const double> x(m_x.data(), len);
    const std::span<double> y(m_y.data(), len), e(m_e.data(), len), u(m_u.data(), len);
    bool repaired = false;
    if (!m_regions.empty()) {
        collectMissing();
        std::copy_n(m_x.data(), len, m_y.data());
        if (!m_model.interpolate(y, m_missing))
            return false;
        // y differs from x only inside the regions, so its excitation only up to p samples on.
        const int p = m_model.order();
        for (const Region& r : m_regions)
            for (int n = std::max(p, r.start); n < std::min(len, r.end + p); ++n)
                e[n] = m_model.forwardErrorAt(y, n);
        localScale(len);
        repaired = true;
    }   // else m_e and the local scale are the last detection pass's, on x
    const std::span<const double> signal = repaired ? std::span<const double>(y) : x;
    const int p = m_model.order();
    if (len - 2 * p < m_pulses.widths().front())
        return repaired;
    m_model.backwardError(e, u);
    m_pulses.detect(signal, u, e, m_model.coefficients(), {m_sigma.data(), std::size_t(len)}, p, len - p, m_pulseHits);
    // Kept only with an abrupt edge (forward excitation at the start or backward at the end),
    // or when it touches a click found already: the smooth body of a click whose sharp onset
    // the per-sample detector flagged (an early-peaking click, or one with pickup ringing) no
    // longer starts abruptly once that onset is repaired; the onset was its abrupt edge.
    std::erase_if(m_pulseHits, [&](const MatchedPulse& h) {
        const int edge = 2 + h.width / 4;
        const int end = h.start + h.width;
        for (const Region& q : m_regions)
            if (q.start <= end && h.start <= q.end)
                return false;
        for (int n = std::max(p, h.start - 2); n < std::min(len, h.start + edge); ++n)
            if (std::abs(m_e[n]) > m_p.pulseEdgeK * m_sigma[n])
                return false;
        for (int n = std::max(0, end - edge); n < std::min(len - p, end + 2); ++n)
            if (std::abs(m_model.backwardErrorAt(signal, n)) > m_p.pulseEdgeK * m_sigma[n])
                return false;
        return true;
    });
    m_found.clear();
    for (const MatchedPulse& h : m_pulseHits) {
        const Region r{std::max(0, h.start - m_p.widenBefore), std::min(len, h.start + h.width + m_p.widenAfter)};
        // A pulse that would make a click's region longer than the longest repair extends nothing.
        int start = r.start, end = r.end;
        for (const Region& q : m_regions)
            if (q.start <= r.end && r.start <= q.end) {
                start = std::min(start, q.start);
                end = std::max(end, q.end);
            }
        if (end - start > m_maxRegion)
            continue;
        if (!m_found.empty() && r.start <= m_found.back().end)
            m_found.back().end = std::max(m_found.back().end, r.end);
        else
            m_found.push_back(r);
    }
    if (m_found.empty() || !acceptDetections(len, true))
        return repaired;
    m_regions.swap(m_merged);
    return false;
}

} // namespace shellac::dsp
