#pragma once

#include "dsp/DspStage.h"
#include "dsp/NoiseProfile.h"
#include "dsp/Stft.h"

#include <memory>
#include <optional>
#include <vector>

namespace shellac::dsp {

/// Options of the dehiss stage.
struct SpectralDenoiserSettings {
    enum class GainRule { Wiener, LogSpectralAmplitude };

    /// Most the noise is lowered, dB (> 0): the gain never goes below -reductionLimitDb.
    double reductionLimitDb = 12.0;
    /// Where to learn the noise, seconds from the start (e.g. the lead-in groove); nullopt: from
    /// the quietest passages. Check it first with NoiseProfile::validateRange().
    std::optional<SecondsRange> noiseRangeSeconds;
    /// Ephraim-Malah MMSE log-spectral-amplitude (default) or Wiener.
    GainRule gainRule = GainRule::LogSpectralAmplitude;
    /// Decision-directed smoothing of the a-priori SNR (0..1).
    double decisionDirectedAlpha = 0.98;
    /// Number of quietest frames averaged for the automatic profile.
    int quietestFrames = 200;
    /// STFT frame length in seconds, rounded to a power of two in samples (2048 at 44.1/48 kHz).
    double frameSeconds = 0.046;
};

/// DspStage "dehiss": reduces broadband surface noise and hiss with a short-time spectral gain.
///
/// Analysis pass: learns a NoiseProfile (user range or quietest frames). Processing: STFT
/// (StftProcessor, hop 1/4 frame), per bin the decision-directed a-priori SNR (Ephraim-Malah)
/// drives a Wiener or MMSE-LSA gain, which is smoothed over neighbouring bins and over time
/// (musical-noise control) and floored at -reductionLimitDb. Output is time-aligned with the input
/// (latency held back internally, flushed by finish()). Without a noise profile (no analysis
/// pass, or only digital silence) the stage passes audio through bit-exactly.
///
/// Report: {"noise_profile_db": double (mean noise power, dBFS; -300 when none),
///          "reduction_limit_db": double, "profile_source": "range" | "quietest"}.
/// Not thread-safe; one stream per instance.
class SpectralDenoiser final : public DspStage {
public:
    explicit SpectralDenoiser(SpectralDenoiserSettings settings = {});
    ~SpectralDenoiser() override;

    QString name() const override { return QStringLiteral("dehiss"); }
    Status prepare(int sampleRate, int channels) override;
    bool wantsAnalysis() const override { return true; }
    void analyse(const AudioBlock& in) override;
    void finishAnalysis() override;
    void process(const AudioBlock& in, AudioBlock& out) override;
    void finish(AudioBlock& out) override;
    QJsonObject report() const override;

    /// Checks the noise range (if any) against the recording's duration in seconds.
    Status validate(double durationSeconds) const;

    const SpectralDenoiserSettings& settings() const { return m_settings; }
    /// The learned profile (valid after finishAnalysis()); null before prepare().
    const NoiseProfile* profile() const { return m_profile.get(); }
    /// STFT frame length in samples (valid after prepare()).
    int frameSize() const { return m_frameSize; }

private:
    void processFrame(int channel, std::span<std::complex<float>> spectrum);

    struct ChannelState {
        std::vector<float> noise;     // floored noise power per bin
        std::vector<float> prevClean; // (raw gain * |Y|)^2 of the previous frame
        std::vector<float> gain;      // smoothed gain of the previous frame
        bool first = true;
    };

    SpectralDenoiserSettings m_settings;
    int m_sampleRate = 0;
    int m_channels = 0;
    int m_frameSize = 0;
    float m_floor = 0.25f;
    std::unique_ptr<StftProcessor> m_stft;
    std::unique_ptr<NoiseProfile> m_profile;
    std::vector<ChannelState> m_state;
    std::vector<float> m_rawGain; // per bin, this frame: gain before smoothing and floor
    std::vector<float> m_power;   // per bin, this frame: |Y|^2
    StftProcessor::FrameCallback m_callback;
    bool m_active = false;
};

} // namespace shellac::dsp
