#pragma once

#include "audio/AudioBlock.h"
#include "dsp/Stft.h"

#include <complex>
#include <vector>

namespace shellac::dsp {

/// Streaming FIR filter: y[n] = sum_k h[k] x[n-k], one history per channel.
///
/// Short kernels (<= directMaxTaps() taps) run in direct form and return every frame at once;
/// long kernels use FFT overlap-save and hold back up to one FFT block, which finish() flushes.
/// Either way the output stream equals the causal convolution truncated to the input length
/// (no extra delay beyond the kernel's own group delay, (taps-1)/2 samples for linear-phase
/// designs) and total output frames == total input frames. Not thread-safe; one stream each.
class FirFilter {
public:
    enum class Method { Auto, Direct, OverlapSave };
    enum class Window { Hann, Blackman, Kaiser };

    /// @param kernel taps (>= 1), @param channels 1..8
    FirFilter(std::vector<double> kernel, int channels, Method method = Method::Auto);

    static constexpr int directMaxTaps() { return 64; }
    bool usesFft() const { return m_fftSize > 0; }
    int taps() const { return static_cast<int>(m_kernel.size()); }
    const std::vector<double>& kernel() const { return m_kernel; }

    /// Replaces `out` with the frames that are ready (all of them in direct form).
    void process(const AudioBlock& in, AudioBlock& out);
    /// End of stream: replaces `out` with the frames still held back.
    void finish(AudioBlock& out);
    void reset();

    /// Complex response of the kernel at `frequency` Hz.
    std::complex<double> response(double sampleRate, double frequency) const;

    /// Windowed-sinc low-pass, `taps` odd (linear phase, delay (taps-1)/2 samples), unity DC gain.
    /// `cutoffHz` is the -6 dB point; transition width depends on taps and window.
    static std::vector<double> designLowPass(int taps, double sampleRate, double cutoffHz,
                                             Window window = Window::Blackman, double kaiserBeta = 8.6);
    /// Spectral inversion of designLowPass(): unity gain at Nyquist, -6 dB at `cutoffHz`.
    static std::vector<double> designHighPass(int taps, double sampleRate, double cutoffHz,
                                              Window window = Window::Blackman, double kaiserBeta = 8.6);
    /// Band-pass between `lowHz` and `highHz` (difference of two low-passes).
    static std::vector<double> designBandPass(int taps, double sampleRate, double lowHz, double highHz,
                                              Window window = Window::Blackman, double kaiserBeta = 8.6);

private:
    void processDirect(const AudioBlock& in, AudioBlock& out);
    void runFftBlock(AudioBlock& out, std::int64_t emit);

    std::vector<double> m_kernel;
    int m_channels;
    // direct form
    std::vector<std::vector<double>> m_history; // per channel, taps-1 newest inputs, newest last
    // overlap-save
    int m_fftSize = 0;
    int m_blockSize = 0; // new samples per FFT block
    std::unique_ptr<RealFft> m_fft;
    std::vector<std::complex<float>> m_kernelSpectrum;
    std::vector<std::vector<float>> m_buffer; // per channel, fftSize: taps-1 history + block
    std::vector<float> m_time;
    std::vector<std::complex<float>> m_spec;
    int m_fill = 0; // new samples in the current block
    std::int64_t m_totalIn = 0;
    std::int64_t m_totalOut = 0;
};

} // namespace shellac::dsp
