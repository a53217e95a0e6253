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
    return Status::success();
}

Status HybridRestorer::process(const AudioBlock& in, AudioBlock& out)
{
    if (Status s = m_first->process(in, m_between); !s)
        return s;
    return m_second->process(m_between, out);
}

Status HybridRestorer::finish(AudioBlock& out)
{
    if (Status s = m_first->finish(m_between); !s)
        return s;
    if (Status s = m_second->process(m_between, out); !s)
        return s;
    if (Status s = m_second->finish(m_tail); !s)
        return s;
    if (out.frames() == 0)
        out = m_tail;
    else if (m_tail.frames() > 0)
        out.append(m_tail);
    return Status::success();
}

QJsonObject HybridRestorer::report() const
{
    return {{QStringLiteral("method"), method()}, {QStringLiteral("stages"), QJsonArray{m_first->report(), m_second->report()}}};
}

} // namespace shellac
