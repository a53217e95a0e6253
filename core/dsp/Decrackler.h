#pragma once

#include "dsp/ClickRepairEngine.h"
#include "dsp/DspStage.h"

namespace shellac::dsp {

/// Settings of Decrackler (see the field comments for units and ranges).
struct DecracklerSettings {
    /// Strength 0..10; 0 bypasses the stage. Threshold k (robust standard deviations of the AR
    /// excitation) = 4.5 - 0.2 * level: 1 -> 4.3, 5 -> 3.5, 10 -> 2.5.
    double level = 5.0;
    /// AR model order in samples; 0 = auto (32 at 44.1 kHz, proportional to the rate, 8..64).
    int arOrder = 0;
};

/// Crackle remover ("decrackle"): the dense, small-impulse case — hundreds of impulses per
/// second, 1..20 samples each, a few dB above the music's AR excitation.
///
/// Same machinery as ArDeclicker (Burg AR fit, robust two-sided excitation threshold with
/// backward-error confirmation and the onset test; see ClickRepairEngine), tuned for crackle: a
/// much lower threshold, one pass, short repairs (at most 0.5 ms, i.e. 22 samples at 44.1 kHz,
/// scaled with the rate) widened by only 1 sample before and 2 after, and - because crackle
/// impulses are about as small as LSAR's own interpolation error - repair as signal plus
/// additive noise (Godsill & Rayner sec. 5.2.3): the observed samples are kept in the estimate
/// with a weight (AR excitation variance / estimated impulse variance), so a tiny impulse or a
/// false detection is only partly replaced. Nothing outside a detected impulse is touched, so
/// there is no low-pass smearing. Longer bursts are left to the declicker.
///
/// Not thread-safe; one instance per stream, all calls on one thread. Output time-aligned and as
/// long as the input (see DspStage).
class Decrackler final : public DspStage {
public:
    using Settings = DecracklerSettings;

    explicit Decrackler(Settings settings = {});

    static double thresholdForLevel(double level);

    QString name() const override { return QStringLiteral("decrackle"); }
    Status prepare(int sampleRate, int channels) override;
    void process(const AudioBlock& in, AudioBlock& out) override;
    void finish(AudioBlock& out) override;
    /// {"crackle_events", "samples_repaired", "threshold_k"}; threshold_k is 0 when bypassed.
    QJsonObject report() const override;

    std::int64_t crackleEvents() const { return m_engine.eventCount(); }
    std::int64_t samplesRepaired() const { return m_engine.samplesRepaired(); }

private:
    Settings m_settings;
    bool m_bypass = false;
    ClickRepairEngine m_engine;
};

} // namespace shellac::dsp
