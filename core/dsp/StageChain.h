#pragma once

#include "dsp/DspStage.h"

#include <QJsonArray>

#include <memory>
#include <vector>

namespace shellac::dsp {

/// Runs DspStages one after another on a stream, in the order they were added.
///
/// Each stage's (time-aligned, length-preserving) output feeds the next; the chain as a whole
/// keeps the same contract as a single stage. In the analysis pass every stage that wants one
/// sees the raw input (not the output of the stages before it: that would need a second
/// decode of the file per stage). Not thread-safe.
class StageChain {
public:
    void add(std::unique_ptr<DspStage> stage);
    bool isEmpty() const { return m_stages.empty(); }
    std::size_t size() const { return m_stages.size(); }

    Status prepare(int sampleRate, int channels);
    bool wantsAnalysis() const;
    void analyse(const AudioBlock& in);
    void finishAnalysis();
    void process(const AudioBlock& in, AudioBlock& out);
    void finish(AudioBlock& out);

    /// [{ "name": ..., ...stage report }] in chain order.
    QJsonArray report() const;

    /// The stage with this name, or null.
    DspStage* stage(const QString& name) const;

private:
    std::vector<std::unique_ptr<DspStage>> m_stages;
    std::vector<AudioBlock> m_buffers; // one intermediate buffer between each pair of stages
};

} // namespace shellac::dsp
