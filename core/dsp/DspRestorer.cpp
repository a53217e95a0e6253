#include "dsp/DspRestorer.h"

#include "dsp/ArDeclicker.h"
#include "dsp/Decrackler.h"
#include "dsp/HumRemover.h"
#include "dsp/RumbleFilter.h"
#include "dsp/SpectralDenoiser.h"

#include <QJsonArray>

namespace shellac::dsp {

namespace {

/// Builds the stages the settings ask for, in processing order: dehum first (a steady tone the
/// AR model of the declicker would otherwise spend its order on), impulses next, then the
/// rumble high-pass (before the repair it would turn every click into the click minus its
/// low-passed self, a dent some 0.27 s wide that the declicker cannot see: on the evaluation set
/// that cost 1.7 dB of SI-SDR away from the clicks), broadband noise last (a click left in
/// would be smeared into its spectral frames). With `impulsesOnly` it builds the dehiss feed,
/// the click-free copy the noise profile is learnt from: declick and rumble only (dehum needs
/// its own analysis pass; decrackle changed no evaluation figure there and cost about 8 % of
/// the whole restore).
void buildStages(const DspRestorerSettings& settings, StageChain& chain, bool impulsesOnly = false)
{
    if (settings.humMode != HumMode::Off && !impulsesOnly) {
        HumRemoverSettings hum;
        hum.forcedFundamentalHz = settings.humMode == HumMode::Force50 ? 50.0
                                  : settings.humMode == HumMode::Force60 ? 60.0
                                                                         : 0.0;
        chain.add(std::make_unique<HumRemover>(hum));
    }
    if (settings.declickSensitivity) {
        ArDeclickerSettings declick;
        declick.sensitivity = *settings.declickSensitivity;
        declick.smoothPulses = settings.smoothPulses;
        if (impulsesOnly) {
            // The feed only needs the noise between the clicks: one pass is plenty, and pops
            // (rare, low-frequency) hardly touch the noise profile.
            declick.passes = 1;
            declick.maxPopMs = 0.0;
        }
        chain.add(std::make_unique<ArDeclicker>(declick));
    }
    if (settings.decrackleLevel && !impulsesOnly) {
        DecracklerSettings decrackle;
        decrackle.level = *settings.decrackleLevel;
        chain.add(std::make_unique<Decrackler>(decrackle));
    }
    if (settings.rumbleCornerHz) {
        RumbleFilterSettings rumble;
        rumble.cornerHz = *settings.rumbleCornerHz;
        rumble.linearPhase = true; // keeps the music's waveform (and SI-SDR) intact
        chain.add(std::make_unique<RumbleFilter>(rumble));
    }
    if (settings.dehissReductionDb && !impulsesOnly) {
        SpectralDenoiserSettings dehiss;
        dehiss.reductionLimitDb = *settings.dehissReductionDb;
        if (settings.noiseRangeSeconds)
            dehiss.noiseRangeSeconds = *settings.noiseRangeSeconds;
        chain.add(std::make_unique<SpectralDenoiser>(dehiss));
    }
}

} // namespace

DspRestorer::DspRestorer(DspRestorerSettings settings) : m_settings(std::move(settings)) {}

Status DspRestorer::prepare(const AudioFormat& input)
{
    if (Status s = m_settings.validate(); !s)
        return s;
    if (Status s = m_settings.validateForDuration(input.durationSeconds()); !s)
        return s;
    m_sampleRate = input.sampleRate;
    m_chain = StageChain();
    buildStages(m_settings, m_chain);
    m_dehissFeed = StageChain();
    if (m_settings.dehissReductionDb) {
        buildStages(m_settings, m_dehissFeed, true);
        if (Status s = m_dehissFeed.prepare(input.sampleRate, input.channels); !s)
            return s;
    }
    return m_chain.prepare(input.sampleRate, input.channels);
}

bool DspRestorer::wantsAnalysisPass() const
{
    return m_chain.wantsAnalysis();
}

Status DspRestorer::analyse(const AudioBlock& in)
{
    if (DspStage* hum = m_chain.stage(QStringLiteral("dehum")))
        hum->analyse(in);
    if (DspStage* dehiss = m_chain.stage(QStringLiteral("dehiss"))) {
        m_dehissFeed.process(in, m_fed);
        dehiss->analyse(m_fed);
    }
    return Status::success();
}

Status DspRestorer::finishAnalysis()
{
    if (DspStage* hum = m_chain.stage(QStringLiteral("dehum")))
        hum->finishAnalysis();
    if (DspStage* dehiss = m_chain.stage(QStringLiteral("dehiss"))) {
        m_dehissFeed.finish(m_fed);
        dehiss->analyse(m_fed);
        dehiss->finishAnalysis();
        m_dehissFeed = StageChain(); // its buffers are not needed any more
    }
    return Status::success();
}

Status DspRestorer::process(const AudioBlock& in, AudioBlock& out)
{
    m_chain.process(in, out);
    return Status::success();
}

Status DspRestorer::finish(AudioBlock& out)
{
    m_chain.finish(out);
    return Status::success();
}

QJsonObject DspRestorer::report() const
{
    return {{QStringLiteral("method"), method()},
            {QStringLiteral("settings"), m_settings.toJson()},
            {QStringLiteral("stages"), m_chain.report()}};
}

} // namespace shellac::dsp
