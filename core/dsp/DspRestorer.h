#pragma once

#include "dsp/DspRestorerSettings.h"
#include "dsp/StageChain.h"
#include "restore/Restorer.h"

namespace shellac::dsp {

/// The classical restorer: rumble high-pass → dehum → declick → decrackle → dehiss, each
/// stage on or off per DspRestorerSettings. Needs no training. Channels are restored
/// independently. Memory is bounded by the stages' windows, not by the file length.
///
/// Analysis pass: dehum searches the raw input for hum; dehiss learns its noise profile from
/// the input after rumble and a one-pass declick (run a first time for that purpose), i.e.
/// close to what it will actually see.
/// Not thread-safe: one stream per instance.
class DspRestorer final : public Restorer {
public:
    explicit DspRestorer(DspRestorerSettings settings);

    QString method() const override { return QStringLiteral("dsp"); }
    Status prepare(const AudioFormat& input) override;
    bool wantsAnalysisPass() const override;
    Status analyse(const AudioBlock& in) override;
    Status finishAnalysis() override;
    Status process(const AudioBlock& in, AudioBlock& out) override;
    Status finish(AudioBlock& out) override;
    QJsonObject report() const override;

    const DspRestorerSettings& settings() const { return m_settings; }

private:
    DspRestorerSettings m_settings;
    StageChain m_chain;
    /// Fresh rumble and declick stages that clean the analysis pass's input for the dehiss
    /// noise profile, so that clicks (which the chain removes before dehiss) are not learned
    /// as surface noise. Empty when dehiss is off.
    StageChain m_dehissFeed;
    AudioBlock m_fed;
};

} // namespace shellac::dsp
