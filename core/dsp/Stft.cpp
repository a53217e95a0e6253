#include "dsp/Stft.h"

#include <fftw3.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <numbers>

namespace shellac::dsp {

namespace {

struct PlanPair {
    fftwf_plan forward = nullptr;
    fftwf_plan inverse = nullptr;
};

/// Process-wide plan cache: FFTW's planner is not thread-safe, executing plans is. Plans live
/// until static destruction at exit (so leak checkers stay quiet).
struct PlanCache {
    std::mutex mutex;
    std::map<int, PlanPair> plans;
    ~PlanCache()
    {
        for (auto& [size, p] : plans) {
            fftwf_destroy_plan(p.forward);
            fftwf_destroy_plan(p.inverse);
        }
    }
};

PlanPair plansFor(int size)
{
    static PlanCache instance;
    std::lock_guard lock(instance.mutex);
    auto& cache = instance.plans;
    auto it = cache.find(size);
    if (it != cache.end())
        return it->second;
    float* real = fftwf_alloc_real(static_cast<std::size_t>(size));
    fftwf_complex* spec = fftwf_alloc_complex(static_cast<std::size_t>(size / 2 + 1));
    PlanPair plans;
    plans.forward = fftwf_plan_dft_r2c_1d(size, real, spec, FFTW_ESTIMATE);
    plans.inverse = fftwf_plan_dft_c2r_1d(size, spec, real, FFTW_ESTIMATE);
    fftwf_free(real);
    fftwf_free(spec);
    cache.emplace(size, plans);
    return plans;
}

} // namespace

struct RealFft::Buffers {
    PlanPair plans;
    float* real = nullptr;
    fftwf_complex* spec = nullptr;
    ~Buffers()
    {
        fftwf_free(real);
        fftwf_free(spec);
    }
};

RealFft::RealFft(int size) : m_size(size), m_buffers(std::make_unique<Buffers>())
{
    assert(size >= 2 && size % 2 == 0);
    m_buffers->plans = plansFor(size);
    // fftwf_malloc'ed arrays have the alignment the plans were made for (new-array execute).
    m_buffers->real = fftwf_alloc_real(static_cast<std::size_t>(size));
    m_buffers->spec = fftwf_alloc_complex(static_cast<std::size_t>(bins()));
}

RealFft::~RealFft() = default;
RealFft::RealFft(RealFft&&) noexcept = default;
RealFft& RealFft::operator=(RealFft&&) noexcept = default;

void RealFft::forward(const float* in, std::complex<float>* out)
{
    std::memcpy(m_buffers->real, in, sizeof(float) * static_cast<std::size_t>(m_size));
    fftwf_execute_dft_r2c(m_buffers->plans.forward, m_buffers->real, m_buffers->spec);
    std::memcpy(static_cast<void*>(out), m_buffers->spec, sizeof(fftwf_complex) * static_cast<std::size_t>(bins()));
}

void RealFft::inverse(const std::complex<float>* in, float* out)
{
    std::memcpy(m_buffers->spec, static_cast<const void*>(in), sizeof(fftwf_complex) * static_cast<std::size_t>(bins()));
    m_buffers->spec[0][1] = 0.0f;
    m_buffers->spec[m_size / 2][1] = 0.0f;
    fftwf_execute_dft_c2r(m_buffers->plans.inverse, m_buffers->spec, m_buffers->real);
    std::memcpy(out, m_buffers->real, sizeof(float) * static_cast<std::size_t>(m_size));
}

StftProcessor::StftProcessor(int frameSize, int channels)
    : m_frameSize(frameSize), m_hop(frameSize / 4), m_channels(channels), m_fft(frameSize),
      m_window(static_cast<std::size_t>(frameSize)), m_scratch(static_cast<std::size_t>(frameSize)),
      m_spectrum(static_cast<std::size_t>(frameSize / 2 + 1))
{
    assert(frameSize >= 8 && frameSize % 4 == 0 && channels >= 1);
    for (int i = 0; i < frameSize; ++i)
        m_window[static_cast<std::size_t>(i)] = static_cast<float>(
            std::sqrt(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / frameSize)));
    m_input.assign(static_cast<std::size_t>(channels), std::vector<float>(static_cast<std::size_t>(frameSize)));
    m_output.assign(static_cast<std::size_t>(channels), std::vector<float>(static_cast<std::size_t>(frameSize)));
    reset();
}

void StftProcessor::reset()
{
    for (auto& v : m_input)
        std::fill(v.begin(), v.end(), 0.0f);
    for (auto& v : m_output)
        std::fill(v.begin(), v.end(), 0.0f);
    m_fill = 0;
    m_frameStart = 0;
    m_totalIn = 0;
    m_totalOut = 0;
    m_toSkip = 0;
    m_started = false;
    m_analysisMode = false;
}

void StftProcessor::process(const AudioBlock& in, AudioBlock& out, const FrameCallback& onFrame)
{
    assert(in.channels() == m_channels);
    if (!m_started) {
        // Pad the front with frameSize - hop zeros so that input sample 0 is covered by the
        // full set of overlapping frames; the padded output is discarded.
        m_started = true;
        m_fill = m_frameSize - m_hop;
        m_frameStart = -m_fill;
        m_toSkip = m_fill;
    }
    out.resize(m_channels, 0);
    m_totalIn += in.frames();
    feed(&in, in.frames(), onFrame, true, &out);
}

void StftProcessor::finish(AudioBlock& out, const FrameCallback& onFrame)
{
    out.resize(m_channels, 0);
    while (m_started && m_totalOut < m_totalIn)
        feed(nullptr, m_frameSize - m_fill, onFrame, true, &out);
}

void StftProcessor::analyse(const AudioBlock& in, const FrameCallback& onFrame)
{
    assert(in.channels() == m_channels);
    m_started = true;
    m_analysisMode = true;
    feed(&in, in.frames(), onFrame, false, nullptr);
}

void StftProcessor::feed(const AudioBlock* in, std::int64_t count, const FrameCallback& onFrame, bool synthesise,
                         AudioBlock* out)
{
    std::int64_t pos = 0;
    while (pos < count) {
        const int n = static_cast<int>(std::min<std::int64_t>(m_frameSize - m_fill, count - pos));
        for (int c = 0; c < m_channels; ++c) {
            float* dst = m_input[static_cast<std::size_t>(c)].data() + m_fill;
            if (in)
                std::copy_n(in->channel(c).data() + pos, n, dst);
            else
                std::fill_n(dst, n, 0.0f);
        }
        m_fill += n;
        pos += n;
        if (m_fill == m_frameSize) {
            runFrame(onFrame, synthesise, out);
            for (auto& v : m_input)
                std::memmove(v.data(), v.data() + m_hop, sizeof(float) * static_cast<std::size_t>(m_frameSize - m_hop));
            m_fill = m_frameSize - m_hop;
            m_frameStart += m_hop;
        }
    }
}

void StftProcessor::runFrame(const FrameCallback& onFrame, bool synthesise, AudioBlock* out)
{
    const std::size_t n = static_cast<std::size_t>(m_frameSize);
    // Periodic Hann summed at hop N/4 gives 2; FFTW's inverse multiplies by N.
    const float scale = 1.0f / (2.0f * static_cast<float>(m_frameSize));
    for (int c = 0; c < m_channels; ++c) {
        const float* src = m_input[static_cast<std::size_t>(c)].data();
        for (std::size_t i = 0; i < n; ++i)
            m_scratch[i] = src[i] * m_window[i];
        m_fft.forward(m_scratch.data(), m_spectrum.data());
        if (onFrame)
            onFrame(c, m_frameStart, m_spectrum);
        if (!synthesise)
            continue;
        m_fft.inverse(m_spectrum.data(), m_scratch.data());
        float* acc = m_output[static_cast<std::size_t>(c)].data();
        for (std::size_t i = 0; i < n; ++i)
            acc[i] += m_scratch[i] * m_window[i] * scale;
    }
    if (!synthesise)
        return;

    // Samples [0, hop) of the accumulator are final now.
    std::int64_t first = std::min<std::int64_t>(m_toSkip, m_hop);
    m_toSkip -= first;
    std::int64_t count = std::min<std::int64_t>(m_hop - first, m_totalIn - m_totalOut);
    if (count > 0) {
        const std::int64_t at = out->frames();
        out->setFrames(at + count);
        for (int c = 0; c < m_channels; ++c)
            std::copy_n(m_output[static_cast<std::size_t>(c)].data() + first, count, out->channel(c).data() + at);
        m_totalOut += count;
    }
    for (auto& v : m_output) {
        std::memmove(v.data(), v.data() + m_hop, sizeof(float) * (n - static_cast<std::size_t>(m_hop)));
        std::fill(v.end() - m_hop, v.end(), 0.0f);
    }
}

} // namespace shellac::dsp
