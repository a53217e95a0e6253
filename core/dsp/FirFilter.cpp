#include "dsp/FirFilter.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <numbers>

namespace shellac::dsp {

namespace {

double besselI0(double x)
{
    double sum = 1.0, term = 1.0;
    for (int k = 1; k < 50; ++k) {
        term *= (x / (2.0 * k)) * (x / (2.0 * k));
        sum += term;
        if (term < sum * 1e-17)
            break;
    }
    return sum;
}

double windowValue(FirFilter::Window window, int i, int taps, double beta)
{
    if (taps == 1)
        return 1.0;
    const double x = static_cast<double>(i) / (taps - 1); // 0..1
    const double pi = std::numbers::pi;
    switch (window) {
    case FirFilter::Window::Hann:
        return 0.5 - 0.5 * std::cos(2 * pi * x);
    case FirFilter::Window::Blackman:
        return 0.42 - 0.5 * std::cos(2 * pi * x) + 0.08 * std::cos(4 * pi * x);
    case FirFilter::Window::Kaiser: {
        const double r = 2.0 * x - 1.0;
        return besselI0(beta * std::sqrt(std::max(0.0, 1.0 - r * r))) / besselI0(beta);
    }
    }
    return 1.0;
}

} // namespace

FirFilter::FirFilter(std::vector<double> kernel, int channels, Method method)
    : m_kernel(std::move(kernel)), m_channels(channels)
{
    assert(!m_kernel.empty() && channels >= 1);
    const bool fft = method == Method::OverlapSave || (method == Method::Auto && taps() > directMaxTaps());
    if (fft) {
        m_fftSize = 256;
        while (m_fftSize < 4 * taps())
            m_fftSize *= 2;
        m_blockSize = m_fftSize - taps() + 1;
        m_fft = std::make_unique<RealFft>(m_fftSize);
        m_time.assign(static_cast<std::size_t>(m_fftSize), 0.0f);
        m_spec.resize(static_cast<std::size_t>(m_fft->bins()));
        m_kernelSpectrum.resize(static_cast<std::size_t>(m_fft->bins()));
        for (int i = 0; i < taps(); ++i)
            m_time[static_cast<std::size_t>(i)] = static_cast<float>(m_kernel[static_cast<std::size_t>(i)] / m_fftSize);
        m_fft->forward(m_time.data(), m_kernelSpectrum.data());
    }
    reset();
}

void FirFilter::reset()
{
    m_history.assign(static_cast<std::size_t>(m_channels), std::vector<double>(static_cast<std::size_t>(taps() - 1), 0.0));
    m_buffer.assign(static_cast<std::size_t>(m_channels), std::vector<float>(static_cast<std::size_t>(m_fftSize), 0.0f));
    m_fill = 0;
    m_totalIn = 0;
    m_totalOut = 0;
}

void FirFilter::process(const AudioBlock& in, AudioBlock& out)
{
    assert(in.channels() == m_channels);
    if (!usesFft()) {
        processDirect(in, out);
        return;
    }
    out.resize(m_channels, 0);
    m_totalIn += in.frames();
    const int history = taps() - 1;
    std::int64_t pos = 0;
    while (pos < in.frames()) {
        const int n = static_cast<int>(std::min<std::int64_t>(m_blockSize - m_fill, in.frames() - pos));
        for (int c = 0; c < m_channels; ++c)
            std::copy_n(in.channel(c).data() + pos, n, m_buffer[static_cast<std::size_t>(c)].data() + history + m_fill);
        m_fill += n;
        pos += n;
        if (m_fill == m_blockSize)
            runFftBlock(out, m_blockSize);
    }
}

void FirFilter::finish(AudioBlock& out)
{
    out.resize(m_channels, 0);
    if (!usesFft() || m_fill == 0)
        return;
    const int history = taps() - 1;
    const int emit = m_fill;
    for (auto& b : m_buffer)
        std::fill(b.begin() + history + m_fill, b.end(), 0.0f);
    runFftBlock(out, emit);
}

void FirFilter::runFftBlock(AudioBlock& out, std::int64_t emit)
{
    const int history = taps() - 1;
    const std::int64_t at = out.frames();
    out.setFrames(at + emit);
    for (int c = 0; c < m_channels; ++c) {
        std::vector<float>& buf = m_buffer[static_cast<std::size_t>(c)];
        m_fft->forward(buf.data(), m_spec.data());
        for (std::size_t k = 0; k < m_spec.size(); ++k)
            m_spec[k] *= m_kernelSpectrum[k];
        m_fft->inverse(m_spec.data(), m_time.data());
        // Overlap-save: the first taps-1 outputs are circularly aliased; the rest are valid.
        std::copy_n(m_time.data() + history, emit, out.channel(c).data() + at);
        std::memmove(buf.data(), buf.data() + m_blockSize, sizeof(float) * static_cast<std::size_t>(history));
    }
    m_totalOut += emit;
    m_fill = 0;
}

void FirFilter::processDirect(const AudioBlock& in, AudioBlock& out)
{
    const std::int64_t frames = in.frames();
    out.resize(m_channels, frames);
    const int t = taps();
    const double* h = m_kernel.data();
    std::vector<double> x; // history followed by the block, as double
    for (int c = 0; c < m_channels; ++c) {
        std::vector<double>& hist = m_history[static_cast<std::size_t>(c)];
        x.resize(static_cast<std::size_t>(t - 1 + frames));
        std::copy(hist.begin(), hist.end(), x.begin());
        const float* src = in.channel(c).data();
        for (std::int64_t i = 0; i < frames; ++i)
            x[static_cast<std::size_t>(t - 1 + i)] = src[i];
        float* dst = out.channel(c).data();
        for (std::int64_t i = 0; i < frames; ++i) {
            const double* xi = x.data() + i + t - 1; // x[n]
            double acc = 0.0;
            for (int k = 0; k < t; ++k)
                acc += h[k] * xi[-k];
            dst[i] = static_cast<float>(acc);
        }
        std::copy(x.end() - (t - 1), x.end(), hist.begin());
    }
}

std::complex<double> FirFilter::response(double sampleRate, double frequency) const
{
    const double w = 2.0 * std::numbers::pi * frequency / sampleRate;
    std::complex<double> h = 0.0;
    for (std::size_t k = 0; k < m_kernel.size(); ++k)
        h += m_kernel[k] * std::polar(1.0, -w * static_cast<double>(k));
    return h;
}

std::vector<double> FirFilter::designLowPass(int taps, double sampleRate, double cutoffHz, Window window,
                                             double kaiserBeta)
{
    assert(taps >= 1 && taps % 2 == 1 && cutoffHz > 0 && cutoffHz < sampleRate / 2);
    std::vector<double> h(static_cast<std::size_t>(taps));
    const double fc = cutoffHz / sampleRate; // cycles per sample
    const int mid = (taps - 1) / 2;
    double sum = 0.0;
    for (int i = 0; i < taps; ++i) {
        const int m = i - mid;
        const double sinc = m == 0 ? 2.0 * fc : std::sin(2.0 * std::numbers::pi * fc * m) / (std::numbers::pi * m);
        h[static_cast<std::size_t>(i)] = sinc * windowValue(window, i, taps, kaiserBeta);
        sum += h[static_cast<std::size_t>(i)];
    }
    for (double& v : h)
        v /= sum;
    return h;
}

std::vector<double> FirFilter::designHighPass(int taps, double sampleRate, double cutoffHz, Window window,
                                              double kaiserBeta)
{
    std::vector<double> h = designLowPass(taps, sampleRate, cutoffHz, window, kaiserBeta);
    for (double& v : h)
        v = -v;
    h[static_cast<std::size_t>((taps - 1) / 2)] += 1.0;
    return h;
}

std::vector<double> FirFilter::designBandPass(int taps, double sampleRate, double lowHz, double highHz,
                                              Window window, double kaiserBeta)
{
    assert(lowHz < highHz);
    std::vector<double> h = designLowPass(taps, sampleRate, highHz, window, kaiserBeta);
    const std::vector<double> l = designLowPass(taps, sampleRate, lowHz, window, kaiserBeta);
    for (std::size_t i = 0; i < h.size(); ++i)
        h[i] -= l[i];
    return h;
}

} // namespace shellac::dsp
