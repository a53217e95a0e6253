#pragma once

#include "audio/AudioFormat.h"
#include "common/Result.h"

#include <cstdint>
#include <memory>
#include <span>

namespace shellac {
class AudioFileReader;
class CancellationToken;
} // namespace shellac

namespace shellac::dsp {

/// Magnitude spectra of a file for a spectrogram view, one per display column, in dB relative to
/// a full-scale sine (a sine of amplitude 1 at a bin centre reads 0 dB; between bins the Hann
/// window's scalloping lowers it by up to 1.42 dB). White noise of power σ² reads
/// 10·log10(6·σ²/N) per bin. Channels are mixed to mono as the mean power over channels.
///
/// Column i of a request covers frames [start + i·fpp, start + (i+1)·fpp) (fpp: frames per
/// column, may be fractional). Its spectrum comes from K Hann windows of fftSize() frames whose
/// centres are spread evenly over the column, K = clamp(ceil(fpp / fftSize()), 1,
/// maxWindowsPerColumn()); their power is averaged. Zoomed far out on a long file (fpp ≫ N)
/// that keeps one column representative while reading at most K·N frames for it, not the whole
/// column. Frames outside the file read as zeros (windows at either end are zero-padded).
///
/// The file is read by random access (seek + read): windows that overlap or nearly touch are read
/// in one contiguous chunk (up to max(4·N, 65536) frames), windows far apart each on their own. FFT plans are shared and created under FFTW's planner mutex
/// (RealFft); each instance owns its reader and work buffers.
/// Threading: not thread-safe; one instance per thread (instances on the same file in several
/// threads are fine).
class SpectrogramColumns {
public:
    static constexpr int kMinFftSize = 256;
    static constexpr int kMaxFftSize = 16384;
    static constexpr int kDefaultFftSize = 2048;
    static constexpr int kDefaultMaxWindowsPerColumn = 6;
    /// The value written for bins with no energy at all (digital silence), dB.
    static constexpr float kFloorDb = -200.0f;

    ~SpectrogramColumns();
    SpectrogramColumns(const SpectrogramColumns&) = delete;
    SpectrogramColumns& operator=(const SpectrogramColumns&) = delete;

    /// Opens `path` for reading. Fails with the reader's message (naming the file) when it
    /// cannot be read, or when `fftSize` is not a power of two in [kMinFftSize, kMaxFftSize].
    static Result<std::unique_ptr<SpectrogramColumns>> open(const QString& path,
                                                            int fftSize = kDefaultFftSize);

    const QString& path() const;
    /// The file's format (rate in Hz, channels, length in frames).
    const AudioFormat& format() const;

    /// Window and FFT length in frames.
    int fftSize() const { return m_fftSize; }
    /// Values per column: fftSize()/2 + 1; bin b is at b·sampleRate/fftSize() Hz.
    int bins() const { return m_fftSize / 2 + 1; }
    /// Width of one bin in Hz.
    double binHz() const;

    /// Upper bound K on the windows averaged per column (1..64; default 6).
    void setMaxWindowsPerColumn(int windows);
    int maxWindowsPerColumn() const { return m_maxWindows; }
    /// The K used for columns of `framesPerColumn` frames (see class comment).
    static int windowsPerColumn(double framesPerColumn, int fftSize, int maxWindows);

    /// Computes `columns` columns from `startFrame` on, `framesPerColumn` (> 0) frames each, into
    /// `out` (columns·bins() floats, column-major: out[i·bins() + b]) in dB, never below kFloorDb.
    /// Fails with a message naming the file when reading fails, or with "cancelled" when `cancel`
    /// is set (checked between columns); `out` is then partly written.
    Status compute(double startFrame, double framesPerColumn, int columns, std::span<float> out,
                   const CancellationToken* cancel = nullptr);

private:
    struct Impl;
    SpectrogramColumns(std::unique_ptr<AudioFileReader> reader, int fftSize);
    Status fillBuffer(std::int64_t start, std::int64_t end);
    void windowPower(std::int64_t windowStart, std::span<double> power);

    int m_fftSize;
    int m_maxWindows = kDefaultMaxWindowsPerColumn;
    std::unique_ptr<Impl> d;
};

} // namespace shellac::dsp
