#include "dsp/Decrackler.h"

#include <algorithm>
#include <cmath>

namespace shellac::dsp {

Decrackler::Decrackler(Settings settings) : m_settings(settings) {}

double Decrackler::thresholdForLevel(double level)
{
    return 4.5 - 0.2 * std::clamp(level, 0.0, 10.0);
}

Status Decrackler::prepare(int sampleRate, int channels)
{
    if (sampleRate < 8000 || sampleRate > 192000)
        return Error{QStringLiteral("decrackle"), QStringLiteral("sample rate %1 Hz is outside 8000..192000").arg(sampleRate)};
    if (channels < 1 || channels > 8)
        return Error{QStringLiteral("decrackle"), QStringLiteral("%1 channels (1..8 supported)").arg(channels)};
    m_bypass = !(m_settings.level > 0.0);
    const double scale = sampleRate / 44100.0;
    ClickRepairParams p;
    p.thresholdK = thresholdForLevel(m_settings.level);
    p.arOrder = m_settings.arOrder > 0 ? std::clamp(m_settings.arOrder, 2, 128)
                                       : std::clamp(static_cast<int>(std::lround(32 * scale)), 8, 64);
    p.windowLength = static_cast<int>(std::lround(4096 * scale));
    p.maxClickLength = std::max(2, static_cast<int>(std::lround(22 * scale)));
    p.widenBefore = 1;
    p.widenAfter = 2;
    p.mergeGap = 3;
    p.passes = 1;                 // dense impulses: a second pass costs more than it finds
    p.keepObservation = true;     // impulses as small as LSAR's own error: blend, don't discard
    p.maxListed = 0;
    p.onsetWindow = static_cast<int>(std::lround(0.005 * sampleRate));
    m_engine.prepare(channels, p);
    return Status::success();
}

void Decrackler::process(const AudioBlock& in, AudioBlock& out)
{
    if (m_bypass)
        out = in;
    else
        m_engine.process(in, out);
}

void Decrackler::finish(AudioBlock& out)
{
    if (m_bypass)
        out.resize(out.channels(), 0);
    else
        m_engine.finish(out);
}

QJsonObject Decrackler::report() const
{
    return {
        {QStringLiteral("crackle_events"), static_cast<qint64>(m_engine.eventCount())},
        {QStringLiteral("samples_repaired"), static_cast<qint64>(m_engine.samplesRepaired())},
        {QStringLiteral("threshold_k"), m_bypass ? 0.0 : m_engine.params().thresholdK},
    };
}

} // namespace shellac::dsp
