#include "audio/ResamplingProcessor.h"

namespace shellac {

ResamplingProcessor::ResamplingProcessor(int outputRate) : m_requestedRate(outputRate) {}

Status ResamplingProcessor::prepare(const AudioFormat& input)
{
    m_resampler.reset();
    m_outputRate = m_requestedRate > 0 ? m_requestedRate : input.sampleRate;
    if (input.sampleRate == m_outputRate)
        return Status::success();
    auto created = Resampler::create(input.sampleRate, m_outputRate, input.channels);
    if (!created)
        return created.error();
    m_resampler = std::move(created).value();
    return Status::success();
}

Status ResamplingProcessor::process(const AudioBlock& in, AudioBlock& out)
{
    if (!m_resampler) {
        out = in;
        return Status::success();
    }
    return m_resampler->process(in, out);
}

Status ResamplingProcessor::finish(AudioBlock& out)
{
    if (!m_resampler) {
        out.resize(out.channels(), 0);
        return Status::success();
    }
    return m_resampler->flush(out);
}

} // namespace shellac
