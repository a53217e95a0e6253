#pragma once

#include "audio/AudioBlock.h"

#include <complex>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace shellac::dsp {

/// Real-to-complex FFT of one fixed size on FFTW single precision, unnormalised both ways
/// (inverse(forward(x)) == size() * x).
///
/// Plans are created once per size for the whole process and shared: FFTW's planner is not
/// thread-safe, so plan creation is serialised by a process-wide mutex, while executing a plan
/// (forward(), inverse()) is safe from any number of threads. Each RealFft owns its aligned work
/// buffers, so one instance must be used by one thread at a time.
class RealFft {
public:
    /// @param size transform length in samples (even, >= 2; powers of two are fastest)
    explicit RealFft(int size);
    ~RealFft();
    RealFft(const RealFft&) = delete;
    RealFft& operator=(const RealFft&) = delete;
    RealFft(RealFft&&) noexcept;
    RealFft& operator=(RealFft&&) noexcept;

    int size() const { return m_size; }
    /// Number of complex bins, size()/2 + 1 (bin k is at k * sampleRate / size() Hz).
    int bins() const { return m_size / 2 + 1; }

    /// `in`: size() samples; `out`: bins() values.
    void forward(const float* in, std::complex<float>* out);
    /// `in`: bins() values (imaginary parts of bin 0 and size()/2 are ignored); `out`: size() samples.
    void inverse(const std::complex<float>* in, float* out);

private:
    struct Buffers;
    int m_size = 0;
    std::unique_ptr<Buffers> m_buffers;
};

/// Streaming short-time Fourier transform with overlap-add resynthesis.
///
/// Frames of frameSize() samples every hop() = frameSize()/4 samples, periodic sqrt-Hann window
/// for analysis and synthesis; the synthesis scale makes identity processing reconstruct the
/// input exactly (up to float rounding). Spectra are unnormalised FFTW output: a sine of
/// amplitude A at a bin centre reads |X| = A * sum(window) / 2 = A * frameSize() / pi.
///
/// Resynthesis (process()/finish()): blocks of any size in; the callback sees every frame of
/// every channel and may change the spectrum in place; output is time-aligned with the input
/// (frame 0 is centred so that input sample 0 is fully covered) and over the stream exactly as
/// many frames come out as went in. The processor holds back latency() frames internally.
///
/// Analysis (analyse()): frames start at input sample 0 (no padding), only full frames are
/// delivered, nothing is synthesised; use a separate instance or reset() between modes.
///
/// Memory: O(channels * frameSize()). Not thread-safe; one stream per instance.
class StftProcessor {
public:
    /// Called once per frame and channel. `frameStart` is the input sample index where the
    /// frame begins (negative for the padded first frames in resynthesis mode).
    using FrameCallback =
        std::function<void(int channel, std::int64_t frameStart, std::span<std::complex<float>> spectrum)>;

    /// @param frameSize samples, a multiple of 4 (>= 8)
    StftProcessor(int frameSize, int channels);

    int frameSize() const { return m_frameSize; }
    int hop() const { return m_hop; }
    int bins() const { return m_frameSize / 2 + 1; }
    int channels() const { return m_channels; }
    /// Frames held back between input and output in resynthesis mode (frameSize() - 1 at most).
    int latency() const { return m_frameSize - 1; }

    /// The analysis (= synthesis) window, frameSize() values.
    std::span<const float> window() const { return m_window; }

    /// Resynthesis: replaces `out` with the frames that are ready (same channel count as `in`).
    void process(const AudioBlock& in, AudioBlock& out, const FrameCallback& onFrame);
    /// End of stream: replaces `out` with the rest, so total output == total input.
    void finish(AudioBlock& out, const FrameCallback& onFrame);

    /// Analysis only: feeds `in` and calls `onFrame` for each completed full frame.
    void analyse(const AudioBlock& in, const FrameCallback& onFrame);

    /// Back to the state after construction.
    void reset();

private:
    void runFrame(const FrameCallback& onFrame, bool synthesise, AudioBlock* out);
    void feed(const AudioBlock* in, std::int64_t count, const FrameCallback& onFrame, bool synthesise,
              AudioBlock* out);

    int m_frameSize;
    int m_hop;
    int m_channels;
    RealFft m_fft;
    std::vector<float> m_window;
    std::vector<std::vector<float>> m_input;  // per channel, frameSize samples
    std::vector<std::vector<float>> m_output; // per channel, overlap-add accumulator
    std::vector<float> m_scratch;
    std::vector<std::complex<float>> m_spectrum;
    int m_fill = 0;                // samples in m_input
    std::int64_t m_frameStart = 0; // input index of m_input[0]
    std::int64_t m_totalIn = 0;
    std::int64_t m_totalOut = 0;
    std::int64_t m_toSkip = 0;     // padded output samples still to discard
    bool m_started = false;
    bool m_analysisMode = false;
};

} // namespace shellac::dsp
