#pragma once

#include "dsp/ClickRepairEngine.h"
#include "dsp/DspStage.h"

#include <vector>

namespace shellac::dsp {

/// Settings of ArDeclicker (see the field comments for units and ranges).
struct ArDeclickerSettings {
    /// 1..10; higher finds smaller clicks. Threshold k (in robust standard deviations of the
    /// AR excitation) = 3 + 0.75 * (10 - sensitivity): 1 -> 9.75, 5 -> 6.75, 10 -> 3.
    double sensitivity = 5.0;
    /// Longest click repaired, milliseconds (0.05..20).
    double maxClickMs = 6.0;
    /// AR model order in samples; 0 = auto (32 at 44.1 kHz, proportional to the rate, 8..64).
    int arOrder = 0;
    /// Analysis window in samples; 0 = auto (4096 at 44.1 kHz, proportional to the rate). Enlarged
    /// when too short for maxClickMs and the onset test (about 1400 samples at 44.1 kHz by default).
    int windowLength = 0;
    /// Detection passes per window (1..4); passes 2+ re-fit the AR model without the detections.
    /// A third pass changed the evaluation's median gains by -0.01 / +0.05 dB (synthetic /
    /// real-noise) for 3 % of the restore's time.
    int passes = 2;
    /// Longest pop removed, milliseconds: smooth pulses longer than maxClickMs and up to this are
    /// subtracted as fitted half-sines (see PulseMatchedFilter). Not above maxClickMs = no pop
    /// removal; at most 100.
    double maxPopMs = 40.0;
    /// Matched-filter detection (PulseMatchedFilter) of smooth clicks (0.14 ms up to maxClickMs,
    /// interpolated) and of pops (up to maxPopMs, subtracted). On the evaluation set it lifts
    /// the median SI-SDR gain from 3.2 to 4.5 dB (see docs/RESULTS.md); false: the per-sample
    /// detector alone.
    bool smoothPulses = true;
};

/// The per-sample AR detector alone (no matched filter, no pop remover) at `sensitivity`: what
/// the artifact analyzer's injection calibration models, and what marks click starts for the
/// training anchors (a click's start there must be a sharp, per-sample event). Three passes,
/// as the analyzer's impulse-rate calibration was measured with.
inline ArDeclickerSettings perSampleDeclick(double sensitivity)
{
    ArDeclickerSettings s;
    s.sensitivity = sensitivity;
    s.smoothPulses = false;
    s.passes = 3;
    return s;
}

/// Click remover ("declick"): AR-model-based detection and least-squares AR interpolation
/// (Vaseghi & Rayner 1990; Godsill & Rayner 1998, ch. 5), streamed in overlapping windows; the
/// algorithm is described step by step in ClickRepairEngine.h.
///
/// In short, per channel and window (4096 samples at 44.1 kHz, scaled with the rate): Burg AR
/// fit (order 32 at 44.1 kHz, scaled with the rate, 8..64); robust, locally adaptive threshold
/// k * 1.4826 * MAD of the excitation, the larger of the scales before and after each point;
/// confirmation by the backward excitation; merging (gaps < p/2), widening (2 samples before,
/// p/4 after); an onset test that keeps drum/pluck/consonant onsets; up to 3 passes with a
/// robust re-fit of the model without the detections (long clicks, clusters); LSAR repair of
/// all clicks of the window at once (order up to 3p for gaps longer than 2p).
///
/// Handles clicks from 1 sample to maxClickMs (default 6 ms = 265 samples at 44.1 kHz) and
/// clusters of clicks 1-3 ms apart. Longer detections are *not* repaired or split: they are
/// pops (or transients); their number is reported as "long_events_skipped". Short clicks (up to
/// ~0.5 ms) are repaired to within a few % of their peak; for 1-5 ms clicks the residual is
/// LSAR's interpolation error, of the order of the music's own level in dense polyphonic passages.
///
/// With smoothPulses (the default) a matched filter (PulseMatchedFilter) also looks for rounded
/// clicks, whose energy lies under the music's spectrum so that the per-sample excitation hardly
/// shows them (interpolated like the others; once per window, after the passes, on what the
/// repair of their clicks leaves), and a pop remover runs first: the same engine in
/// 16384-sample windows (scaled with the rate), AR order p/2, finding half-sine pulses from
/// maxClickMs to maxPopMs and subtracting their least-squares fit (LSAR cannot bridge 10 ms).
///
/// Output is time-aligned and exactly as long as the input, held back by one window at most
/// (see DspStage). Not thread-safe; one instance per stream, all calls on one thread.
class ArDeclicker final : public DspStage {
public:
    using Settings = ArDeclickerSettings;

    /// One repaired click: channel, first frame (0 = first frame of the stream), length in frames.
    using Click = ClickEvent;

    explicit ArDeclicker(Settings settings = {});

    /// Threshold multiplier k for a sensitivity (clamped to 1..10).
    static double thresholdForSensitivity(double sensitivity);

    QString name() const override { return QStringLiteral("declick"); }
    Status prepare(int sampleRate, int channels) override;
    void process(const AudioBlock& in, AudioBlock& out) override;
    void finish(AudioBlock& out) override;
    /// {"clicks_repaired", "samples_repaired", "long_events_skipped", "onsets_kept",
    /// "clicks": [[channel, start_frame, length_frames], ...] (first 10000, then the pops),
    /// "clicks_truncated", "threshold_k", "ar_order", "window_frames", "pops_removed"}
    QJsonObject report() const override;

    /// Every repaired click so far (channel, startFrame, length in frames; frames counted from the
    /// first frame given to process()), in processing order (per window, channel by channel),
    /// at most the first 10000; clicksTruncated() tells whether more were repaired.
    const std::vector<Click>& clicks() const { return m_engine.events(); }
    bool clicksTruncated() const { return m_engine.eventsTruncated(); }
    std::int64_t clicksRepaired() const { return m_engine.eventCount(); }
    std::int64_t samplesRepaired() const { return m_engine.samplesRepaired(); }

private:
    Settings m_settings;
    ClickRepairEngine m_engine;
    bool removesPops() const { return m_settings.smoothPulses && m_settings.maxPopMs > m_settings.maxClickMs; }

    ClickRepairEngine m_popEngine;   // runs first when removesPops()
    AudioBlock m_between;            // pop engine -> click engine
};

} // namespace shellac::dsp
