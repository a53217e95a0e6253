#include "restore/HybridRestorer.h"

#include <QJsonArray>

#include <cassert>

namespace shellac {

HybridRestorer::HybridRestorer(std::unique_ptr<Restorer> first, std::unique_ptr<Restorer> second)
    : m_first(std::move(first)), m_second(std::move(second))
{
    assert(m_first && m_second);
}

Status HybridRestorer::prepare(const AudioFormat& input)
{
    if (Status s = m_first->prepare(input); !s)
        return s;
    AudioFormat between = input;
    between.sampleRate = m_first->outputSampleRate();
    if (Status s = m_second->prepare(between); !s)
        return s;
    if (m_second->wantsAnalysisPass())
        return Error{QStringLiteral("hybrid restorer"),
                     QStringLiteral("its second stage (%1) needs an analysis pass over its input, which a streaming "
                                    "chain cannot give it").arg(m_second->method())};
    m_sampleRate = m_second->outputSampleRate();
    if (m_sampleRate != between.sampleRate)
        return Error{QStringLiteral("hybrid restorer"),
                     QStringLiteral("its second stage (%1) changes the sample rate, so its output cannot be checked "
                                    "against its input").arg(m_second->method())};
    m_guard.prepare(input.channels, m_sampleRate, -300.0);
    m_floorRead = false;
    return Status::success();
}

double HybridRestorer::noiseFloorOfFirst() const
{
    for (const QJsonValue& stage : m_first->report().value(QStringLiteral("stages")).toArray())
        if (stage.toObject().value(QStringLiteral("name")).toString() == u"dehiss")
            return stage.toObject().value(QStringLiteral("noise_profile_db")).toDouble(-300.0);
    return -300.0;
}

Status HybridRestorer::process(const AudioBlock& in, AudioBlock& out)
{
    if (!m_floorRead) { // the analysis pass, if any, is over now
        m_guard.setNoiseFloor(noiseFloorOfFirst());
        m_floorRead = true;
    }
    if (Status s = m_first->process(in, m_between); !s)
        return s;
    m_guard.pushInput(m_between);
    if (Status s = m_second->process(m_between, m_filtered); !s)
        return s;
    m_guard.pushOutput(m_filtered, out);
    return Status::success();
}

Status HybridRestorer::finish(AudioBlock& out)
{
    if (!m_floorRead) {
        m_guard.setNoiseFloor(noiseFloorOfFirst());
        m_floorRead = true;
    }
    if (Status s = m_first->finish(m_between); !s)
        return s;
    m_guard.pushInput(m_between);
    if (Status s = m_second->process(m_between, m_filtered); !s)
        return s;
    if (Status s = m_second->finish(m_tail); !s)
        return s;
    m_filtered.append(m_tail);
    m_guard.pushOutput(m_filtered, out);
    m_guard.finish(m_tail);
    out.append(m_tail);
    return Status::success();
}

QJsonObject HybridRestorer::report() const
{
    return {{QStringLiteral("method"), method()},
            {QStringLiteral("stages"), QJsonArray{m_first->report(), m_second->report()}},
            {QStringLiteral("guard"), m_guard.report()}};
}

} // namespace shellac
