#pragma once

#include "dsp/Biquad.h"
#include "dsp/DspStage.h"
#include "dsp/HumDetector.h"

#include <complex>
#include <memory>
#include <vector>

namespace shellac::dsp {

/// Options of the dehum stage.
struct HumRemoverSettings {
    /// 0: find 50 or 60 Hz hum automatically; 50 or 60 (Hz): the user says which mains it is
    /// (refined within +-2.5 Hz, always treated as detected).
    double forcedFundamentalHz = 0.0;
    /// Highest harmonic number removed.
    int maxHarmonics = 20;
    /// No notch above this frequency, Hz (nor above 0.45 * sample rate).
    double maxFrequencyHz = 4000.0;
    /// Narrowest -3 dB bandwidth of a notch, Hz. Partials 3 Hz from a notch lose ~0.1 dB,
    /// 10 Hz away ~0.01 dB. A harmonic whose long-term peak is wider (drifting hum) gets a notch
    /// 1.5 x its measured spread, up to maxNotchBandwidthHz.
    double notchBandwidthHz = 1.0;
    /// Widest notch, Hz.
    double maxNotchBandwidthHz = 4.0;
    /// A harmonic is removed only when it stands this many dB above the local spectral median.
    double presenceDb = 10.0;
    /// Follow slow drift of the mains frequency while processing (see HumRemover).
    bool trackDrift = true;
};

/// DspStage "dehum": removes mains hum (50/60 Hz and harmonics).
///
/// Analysis pass: HumDetector measures the fundamental (sub-0.1 Hz) and which harmonics are
/// present; it also keeps the first second of each channel (bounded memory) to fit amplitude
/// and phase of each hum component at the start. Processing: one RBJ notch per present harmonic
/// (centred on k x the refined fundamental, as wide as the measured drift needs), cascaded at
/// double precision; zero latency. Before the first sample the notches are run over the fitted
/// hum extrapolated backwards, so they start in steady state and the hum is removed from sample 0
/// instead of after a ~1 s settling tail.
/// Drift tracking (trackDrift): per channel, the best isolated harmonic is demodulated (complex
/// mixing to 0 Hz, 4-pole 5 Hz low-pass), its phase advance every 256 samples gives the
/// frequency deviation (smoothed over ~0.08 s, used only while that harmonic is clearly there),
/// and every notch k is moved by k times the fundamental's deviation (the fundamental may
/// wander at most +-0.25 Hz from the analysed value). Causal, so still zero latency.
/// Channels: the fundamental and the set of harmonics come from the spectrum of all channels
/// together (there is one mains); phase fit, drift tracking and filter state are per channel.
/// No hum found (or no analysis pass): a bit-exact pass-through.
///
/// Report: {"detected": bool, "fundamental_hz": double, "harmonics_removed": int,
///          "hum_level_db": double (dBFS, total hum power; -300 when none),
///          "harmonics": [{"number", "frequency_hz", "level_db", "prominence_db", "unsteadiness_db"}]}.
/// Not thread-safe; one stream per instance.
class HumRemover final : public DspStage {
public:
    explicit HumRemover(HumRemoverSettings settings = {});
    ~HumRemover() override;

    QString name() const override { return QStringLiteral("dehum"); }
    Status prepare(int sampleRate, int channels) override;
    bool wantsAnalysis() const override { return true; }
    void analyse(const AudioBlock& in) override;
    void finishAnalysis() override;
    void process(const AudioBlock& in, AudioBlock& out) override;
    void finish(AudioBlock& out) override;
    QJsonObject report() const override;

    const HumRemoverSettings& settings() const { return m_settings; }
    /// What the analysis found (valid after finishAnalysis()).
    const HumEstimate& estimate() const { return m_estimate; }
    /// Centre frequencies (Hz) of the notches as designed from the analysis, ascending; empty
    /// when passing through.
    std::vector<double> notchFrequencies() const { return m_notchHz; }
    /// Current drift of the fundamental in Hz that `channel` is tracking (0 without tracking).
    double trackedDriftHz(int channel) const;

private:
    struct Tracker {
        std::complex<double> rot{1.0, 0.0}, step{1.0, 0.0};
        std::complex<double> lp[4];
        std::complex<double> prev;
        bool havePrev = false;
        double deviationHz = 0.0; // at the reference harmonic
        std::int64_t samples = 0;
        int sinceUpdate = 0;
    };
    void primeFilters();
    void track(int channel, const float* x, std::int64_t n);
    void retune(int channel);

    HumRemoverSettings m_settings;
    int m_sampleRate = 0;
    int m_channels = 0;
    std::unique_ptr<HumDetector> m_detector;
    HumEstimate m_estimate;
    std::vector<double> m_notchHz;
    std::vector<double> m_notchBandwidthHz;
    std::vector<BiquadCascade> m_notches; // one per channel (each channel tracks on its own)
    std::vector<Tracker> m_trackers;
    std::vector<double> m_appliedDriftHz;  // per channel, drift the notches are tuned to
    int m_reference = -1;                  // index into m_notchHz of the tracked harmonic
    int m_referenceNumber = 1;             // its harmonic number
    double m_referenceAmplitude = 0.0;     // its expected amplitude (linear peak)
    AudioBlock m_head; // first second of the stream, for the phase fit
    std::int64_t m_headWanted = 0;
    bool m_active = false;
};

} // namespace shellac::dsp
