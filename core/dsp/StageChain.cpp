#include "dsp/StageChain.h"

namespace shellac::dsp {

void StageChain::add(std::unique_ptr<DspStage> stage)
{
    m_stages.push_back(std::move(stage));
}

Status StageChain::prepare(int sampleRate, int channels)
{
    for (auto& stage : m_stages)
        if (Status s = stage->prepare(sampleRate, channels); !s)
            return s;
    m_buffers.assign(m_stages.size(), AudioBlock(channels, 0));
    return Status::success();
}

bool StageChain::wantsAnalysis() const
{
    for (const auto& stage : m_stages)
        if (stage->wantsAnalysis())
            return true;
    return false;
}

void StageChain::analyse(const AudioBlock& in)
{
    for (auto& stage : m_stages)
        if (stage->wantsAnalysis())
            stage->analyse(in);
}

void StageChain::finishAnalysis()
{
    for (auto& stage : m_stages)
        if (stage->wantsAnalysis())
            stage->finishAnalysis();
}

void StageChain::process(const AudioBlock& in, AudioBlock& out)
{
    if (m_stages.empty()) {
        out = in;
        return;
    }
    const AudioBlock* current = &in;
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        AudioBlock& target = i + 1 == m_stages.size() ? out : m_buffers[i];
        m_stages[i]->process(*current, target);
        current = &target;
    }
}

void StageChain::finish(AudioBlock& out)
{
    if (m_stages.empty()) {
        out.resize(out.channels(), 0);
        return;
    }
    // Flush stage i, push what it released through the stages after it, then flush those.
    AudioBlock collected(m_buffers.empty() ? 0 : m_buffers.front().channels(), 0);
    AudioBlock released;
    AudioBlock passed;
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        // `collected` holds what stages before i released at their finish; stage i processes it.
        if (!collected.isEmpty()) {
            m_stages[i]->process(collected, passed);
            collected = passed;
        }
        m_stages[i]->finish(released);
        collected.append(released);
    }
    out = collected;
}

QJsonArray StageChain::report() const
{
    QJsonArray stages;
    for (const auto& stage : m_stages) {
        QJsonObject entry = stage->report();
        entry.insert(QStringLiteral("name"), stage->name());
        stages.append(entry);
    }
    return stages;
}

DspStage* StageChain::stage(const QString& name) const
{
    for (const auto& s : m_stages)
        if (s->name() == name)
            return s.get();
    return nullptr;
}

} // namespace shellac::dsp
