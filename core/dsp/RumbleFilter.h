#pragma once

#include "dsp/Biquad.h"
#include "dsp/DspStage.h"
#include "dsp/FirFilter.h"

#include <memory>

namespace shellac::dsp {

/// Options of the rumble filter.
struct RumbleFilterSettings {
    /// -3 dB corner in Hz (clamped to 5 Hz .. 0.45 * sample rate at prepare()).
    double cornerHz = 30.0;
    /// Butterworth order: 2, 4, 6 or 8 (other values are rounded up to the next even order, max 8).
    int order = 4;
    /// Linear-phase FIR instead of the Butterworth IIR: no phase shift of the music above the
    /// corner (an IIR high-pass at 30 Hz turns a 220 Hz partial by ~20 degrees, which costs
    /// ~10 dB of waveform fidelity), at the price of (taps-1)/2 samples held back internally
    /// (~0.27 s at 44.1 kHz, 20 Hz). Output stays time-aligned either way.
    bool linearPhase = false;
};

/// DspStage "rumble": removes turntable rumble and subsonic energy with a Butterworth high-pass
/// (cascaded RBJ biquads, double-precision state; zero latency) or a linear-phase windowed-sinc
/// FIR high-pass (Blackman, transition half the corner frequency wide, FFT overlap-save).
/// No analysis pass, channels independent. Report: {"corner_hz": double, "order": int,
/// "linear_phase": bool, "taps": int (FIR only)}. Not thread-safe.
class RumbleFilter final : public DspStage {
public:
    explicit RumbleFilter(RumbleFilterSettings settings = {});

    QString name() const override { return QStringLiteral("rumble"); }
    Status prepare(int sampleRate, int channels) override;
    void process(const AudioBlock& in, AudioBlock& out) override;
    void finish(AudioBlock& out) override;
    QJsonObject report() const override;

    const RumbleFilterSettings& settings() const { return m_settings; }
    /// The filter in use (valid after prepare()).
    const BiquadCascade& filter() const { return m_filter; }

private:
    RumbleFilterSettings m_settings;
    double m_cornerHz = 0;
    int m_order = 4;
    int m_channels = 0;
    BiquadCascade m_filter;
    // Linear-phase mode: the FIR and how many of its first output frames (its group delay)
    // are still to be dropped so that the output lines up with the input.
    std::unique_ptr<FirFilter> m_fir;
    std::int64_t m_delay = 0;
    std::int64_t m_toDrop = 0;
    std::int64_t m_framesIn = 0;
    std::int64_t m_framesOut = 0;
    AudioBlock m_scratch;
};

} // namespace shellac::dsp
