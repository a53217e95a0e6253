#include "dsp/RumbleFilter.h"

#include <algorithm>
#include <cmath>

namespace shellac::dsp {

RumbleFilter::RumbleFilter(RumbleFilterSettings settings) : m_settings(settings) {}

Status RumbleFilter::prepare(int sampleRate, int channels)
{
    if (sampleRate < 8000 || sampleRate > 192000)
        return Error{QStringLiteral("rumble"), QStringLiteral("unsupported sample rate %1 Hz").arg(sampleRate)};
    if (channels < 1 || channels > 8)
        return Error{QStringLiteral("rumble"), QStringLiteral("unsupported channel count %1").arg(channels)};
    m_cornerHz = std::clamp(m_settings.cornerHz, 5.0, 0.45 * sampleRate);
    m_order = std::clamp(m_settings.order + (m_settings.order & 1), 2, 8);
    m_channels = channels;
    m_filter = BiquadCascade::butterworthHighPass(m_order, sampleRate, m_cornerHz, channels);
    m_fir.reset();
    m_framesIn = m_framesOut = 0;
    if (m_settings.linearPhase) {
        // A Blackman-windowed sinc has a transition band of about 5.5 fs / taps: make it half
        // the corner frequency wide, so that -6 dB sits at the corner and the music from 1.25x
        // the corner up passes untouched (orchestral bass at 40-60 Hz survives a 20 Hz corner).
        int taps = int(std::ceil(5.5 * sampleRate / (0.5 * m_cornerHz))) | 1;
        taps = std::min(taps, 65535);
        m_fir = std::make_unique<FirFilter>(FirFilter::designHighPass(taps, sampleRate, m_cornerHz), channels);
        m_delay = (taps - 1) / 2;
        m_toDrop = m_delay;
    }
    return Status::success();
}

void RumbleFilter::process(const AudioBlock& in, AudioBlock& out)
{
    if (!m_fir) {
        out.resize(in.channels(), 0);
        out.append(in);
        m_filter.process(out);
        return;
    }
    m_framesIn += in.frames();
    m_fir->process(in, out);
    const std::int64_t drop = std::min(m_toDrop, out.frames());
    out.dropFront(drop);
    m_toDrop -= drop;
    m_framesOut += out.frames();
}

void RumbleFilter::finish(AudioBlock& out)
{
    out.resize(m_channels, 0);
    if (!m_fir)
        return;
    // Push the group delay's worth of silence through to release the last input frames.
    AudioBlock zeros(m_channels, m_delay);
    m_fir->process(zeros, m_scratch);
    out.append(m_scratch);
    m_fir->finish(m_scratch);
    out.append(m_scratch);
    const std::int64_t drop = std::min(m_toDrop, out.frames());
    out.dropFront(drop);
    m_toDrop -= drop;
    out.setFrames(std::max<std::int64_t>(0, std::min(out.frames(), m_framesIn - m_framesOut)));
    m_framesOut += out.frames();
}

QJsonObject RumbleFilter::report() const
{
    QJsonObject o{{QStringLiteral("corner_hz"), m_cornerHz},
                  {QStringLiteral("order"), m_order},
                  {QStringLiteral("linear_phase"), m_fir != nullptr}};
    if (m_fir)
        o.insert(QStringLiteral("taps"), m_fir->taps());
    return o;
}

} // namespace shellac::dsp
