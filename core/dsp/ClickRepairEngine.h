#pragma once

#include "audio/AudioBlock.h"
#include "dsp/ArModel.h"
#include "dsp/PulseMatchedFilter.h"

#include <cstdint>
#include <vector>

namespace shellac::dsp {

/// One repaired impulse: channel index, first frame (stream position, 0 = first input frame) and
/// length in frames of the region that was replaced by LSAR interpolation.
struct ClickEvent {
    int channel = 0;
    std::int64_t startFrame = 0;
    std::int64_t length = 0;
};

/// What ClickRepairEngine does in each window.
enum class ClickRepairMode {
    /// Detect clicks and interpolate them (steps 1-7 of the class comment).
    Interpolate,
    /// The pop remover: only step 0, the least-squares subtraction of smooth pulses wider than
    /// ClickRepairParams::subtractPulsesWiderThan (up to maxClickLength), which LSAR cannot bridge.
    SubtractPops,
};

/// Tuning of ClickRepairEngine. All lengths in samples (frames) at the stream's rate.
struct ClickRepairParams {
    ClickRepairMode mode = ClickRepairMode::Interpolate;
    double thresholdK = 6.0;     ///< detection threshold in robust standard deviations of the excitation
    int arOrder = 32;            ///< AR model order (samples)
    int windowLength = 4096;     ///< analysis window (samples); enlarged if too small for the other lengths
    int maxClickLength = 265;    ///< longest click repaired (samples); longer bursts are left alone
    int widenBefore = 2;         ///< samples added before each detection
    int widenAfter = 4;          ///< samples added after the (backward-error-trimmed) end of each detection
    int mergeGap = 16;           ///< flagged samples closer than this (samples) form one detection
    int passes = 3;              ///< Interpolate: detection passes per window (1..4); pass 2+ re-fits the AR model without the detections
    int onsetWindow = 220;       ///< samples compared before/after a burst by the onset test; 0 = no test
    double floor = 2e-5;         ///< absolute excitation threshold floor (linear, full scale = 1)
    std::size_t maxListed = 10000; ///< events kept in events(); counting goes on beyond it
    /// Repair small impulses as signal + additive noise instead of discarding the samples: after
    /// plain LSAR, each region's noise variance is estimated from observed - interpolated and the
    /// observation re-enters with weight (excitation variance / noise variance). For crackle.
    bool keepObservation = false;
    /// Matched-filter detection of smooth pulses (PulseMatchedFilter): threshold in robust
    /// standard deviations of its score; 0 = off. Interpolate: widths from pulseMinWidth to
    /// maxClickLength; SubtractPops: see subtractPulsesWiderThan.
    double pulseThreshold = 0.0;
    int pulseMinWidth = 6;
    /// Share of the excess excitation a pulse must explain (PulseDetectorSettings::minExplained).
    double pulseMinExplained = 0.3;
    /// A pulse repaired by interpolation must start or end abruptly, as a groove defect does: the
    /// forward excitation over its first 2 + W/4 samples, or the backward one over its last, must
    /// exceed this many local standard deviations somewhere (a rounded bass half-wave does not).
    /// A pulse touching a region the per-sample detector found needs no edge of its own.
    double pulseEdgeK = 3.0;
    /// SubtractPops: pulses wider than this (samples) and up to maxClickLength are subtracted as
    /// least-squares half-sines; the matched filter looks from half this width up (a click a
    /// little narrower then matches a narrow template better and is left to the interpolation).
    /// Unused by Interpolate.
    int subtractPulsesWiderThan = 0;
};

/// The streaming engine behind ArDeclicker and Decrackler (Vaseghi & Rayner; Godsill & Rayner,
/// "Digital Audio Restoration", ch. 5). Private to core/dsp. Per channel and analysis window:
///
///  0. Only in SubtractPops mode (the pop remover), with pulseThreshold > 0: Burg fit,
///     PulseMatchedFilter over the widths above subtractPulsesWiderThan (best of each
///     neighbourhood), each pulse refined to its own width and skew (PulseMatchedFilter::
///     refine()), onset test (5., with "after" the quietest quarter of the 2 * onsetWindow
///     samples from the pulse's end: the clicks are not repaired yet), and the least-squares
///     pulse of each one in this window's zone is subtracted. Steps 1-7 are Interpolate mode's.
///  1. Burg AR fit (order p) on the window; forward excitation e and backward excitation e_b.
///  2. Robust, locally adaptive threshold. Per block b of 128 excitation samples:
///       sigma_before = 1.4826 * median over blocks b-7..b of (median |e| in block)
///       sigma_after  = 1.4826 * median over blocks b..b+7 of (median |e| in block)
///       threshold    = max(thresholdK * max(sigma_before, sigma_after), floor)
///     (about 23 ms either side at 44.1 kHz). Taking the larger side makes a legitimate onset,
///     after which the excitation stays high, raise its own threshold.
///  3. Samples with |e| above threshold, closer than mergeGap, form a detection. It must be
///     confirmed by the backward excitation (an additive impulse shows in both; the start of new
///     sound only in the forward one) and it ends at the last backward-flagged sample (the
///     forward error smears a click over the next p samples, the backward one over the previous
///     p, their intersection is the click); then widened by widenBefore / widenAfter.
///  4. Detections longer than maxClickLength + widening are not repaired (pops, left for a pop
///     remover; longEventsSkipped()).
///  5. Onset test: a burst of nearby detections (gaps < onsetWindow / 3) is kept, not repaired
///     (onsetsKept()), when the excitation power of undetected samples over onsetWindow samples
///     starting where the longest click would have ended is more than 10 dB above the quietest
///     quarter of the 2 * onsetWindow samples before the burst: the start of a drum, pluck or
///     consonant. Consequence: a click within ~10 ms after a note starts from near-silence
///     is left alone.
///  6. Passes 2..`passes`: the AR model is re-fitted without the detections and what may follow
///     them up to maxClickLength (robust Burg over the usable stretches), detection is repeated
///     on the original samples and the union kept; stops when nothing new is found. This finds
///     the body of long clicks (which the first, click-contaminated model had learnt) and clicks
///     masked by larger neighbours.
///  6b. With pulseThreshold > 0, once per window: the regions found so far are repaired (LSAR,
///     last model), and PulseMatchedFilter runs on u = A^T e of that repaired signal over widths
///     pulseMinWidth..maxClickLength (in the raw excitation it would find the remains of every
///     large click and stretch well-repaired short clicks into long gaps). A pulse is kept if it
///     starts or ends abruptly (pulseEdgeK) or touches a region found already (the smooth body
///     of a click whose sharp onset was flagged and repaired), passes tests 4-5 and does not make a region longer
///     than the longest repair; kept pulses are united with the regions.
///  7. Repair: LSAR interpolation of all regions of the window at once; when a region is longer
///     than 2p the model is re-fitted with order up to 3p first (better long-gap continuation).
///     With keepObservation, a second solve keeps the observed samples with a per-region weight
///     (signal plus additive noise; see ArModel::interpolate).
///
/// Units: all lengths in samples (frames) at the stream's rate; thresholds on the excitation are
/// linear (full scale 1.0).
///
/// Streaming: windows start at fixed stream positions (multiples of hop()), a region is repaired
/// by the window whose central zone contains it, so the output does not depend on how the input
/// is split into blocks. Output is time-aligned, exactly as many frames as were given, held back
/// by at most one window. Memory is O(window * channels); buffers are reused (no per-sample
/// allocation). Not thread-safe; one engine per stream, all calls on one thread.
class ClickRepairEngine {
public:
    void prepare(int channels, const ClickRepairParams& params);
    void process(const AudioBlock& in, AudioBlock& out);
    void finish(AudioBlock& out);

    std::int64_t eventCount() const { return m_eventCount; }
    std::int64_t samplesRepaired() const { return m_samplesRepaired; }
    std::int64_t longEventsSkipped() const { return m_longSkipped; }
    /// Bursts not repaired because the music is louder after them (an onset, not a click).
    std::int64_t onsetsKept() const { return m_onsetsKept; }
    std::int64_t pulsesSubtracted() const { return m_pulsesSubtracted; }
    const std::vector<ClickEvent>& events() const { return m_events; }
    bool eventsTruncated() const { return m_eventsTruncated; }
    const ClickRepairParams& params() const { return m_p; }
    int hop() const { return m_hop; }

private:
    struct Region { int start; int end; };   // [start, end) within the window
    void processWindow(std::int64_t w0, int len);
    void processChannel(int ch, std::int64_t w0, int len);
    /// Per-sample detection (steps 2-3) of `x` (the window), whose forward excitation m_e holds,
    /// into `out`.
    void detectSamples(std::span<const double> x, std::vector<Region>& out);
    /// Zone, length and onset tests (4-5) of m_found, merged with m_regions into m_merged;
    /// returns whether any region grew. `firstLook` counts skipped long events and kept onsets.
    bool acceptDetections(int len, bool firstLook);
    void flagDetections(const std::vector<Region>& regions, int len);
    void collectMissing();
    /// The matched filter (3b) over what the repair of m_regions leaves; returns whether m_y
    /// holds that repair for the final m_regions.
    bool searchPulses(int len);
    void localScale(int len);
    void subtractWidePulses(int ch, std::int64_t w0, float* data, int len);
    void recordEvent(int ch, std::int64_t startFrame, std::int64_t length);
    void releaseUpTo(std::int64_t upTo, AudioBlock& out);
    bool startsSound(const Region* regions, std::size_t count, int len) const;

    ClickRepairParams m_p;
    int m_channels = 0;
    int m_hop = 0;
    int m_guard = 0;       // zone margin at both window ends (samples)
    int m_maxRegion = 0;
    int m_lookahead = 0;   // samples after a burst's start that the onset test reads

    AudioBlock m_buf;      // frames from stream position m_bufStart
    std::int64_t m_bufStart = 0;
    std::int64_t m_total = 0;
    std::int64_t m_next = 0;     // start of the next window
    std::int64_t m_emitted = 0;
    bool m_finishing = false;    // processing the stream's last (short) window

    ArModel m_model;
    std::vector<double> m_x, m_y, m_e, m_thr, m_blockMed, m_scratch, m_u, m_sigma;
    PulseMatchedFilter m_pulses, m_widePulses;
    std::vector<MatchedPulse> m_pulseHits;
    std::vector<Region> m_regions, m_found, m_merged, m_candidates, m_accepted;
    std::vector<int> m_missing;
    std::vector<double> m_weight;
    std::vector<unsigned char> m_exclude;
    std::vector<int> m_flagPrefix;   // running count of detected samples, for the onset test

    std::int64_t m_pulsesSubtracted = 0;
    std::int64_t m_eventCount = 0;
    std::int64_t m_samplesRepaired = 0;
    std::int64_t m_longSkipped = 0;
    std::int64_t m_onsetsKept = 0;
    std::vector<ClickEvent> m_events;
    bool m_eventsTruncated = false;
};

} // namespace shellac::dsp
