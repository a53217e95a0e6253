#include "dsp/SpectrogramColumns.h"

#include "audio/AudioFileReader.h"
#include "dsp/Stft.h"
#include "jobs/CancellationToken.h"

#include <QDir>
#include <QObject>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <vector>

namespace shellac::dsp {

struct SpectrogramColumns::Impl {
    std::unique_ptr<AudioFileReader> reader;
    RealFft fft;
    std::vector<float> window;
    double windowSum = 0;
    std::vector<float> scratch;
    std::vector<std::complex<float>> spectrum;
    std::vector<std::vector<float>> buffer; // per channel, frames [bufferStart, bufferEnd)
    std::int64_t bufferStart = 0;
    std::int64_t bufferEnd = 0;
    AudioBlock readBlock;

    Impl(std::unique_ptr<AudioFileReader> r, int n)
        : reader(std::move(r)), fft(n), window(std::size_t(n)), scratch(std::size_t(n)),
          spectrum(std::size_t(n / 2 + 1)), buffer(std::size_t(reader->format().channels))
    {
        for (int i = 0; i < n; ++i) {
            window[std::size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / n)); // periodic Hann
            windowSum += window[std::size_t(i)];
        }
    }
};

SpectrogramColumns::SpectrogramColumns(std::unique_ptr<AudioFileReader> reader, int fftSize)
    : m_fftSize(fftSize), d(std::make_unique<Impl>(std::move(reader), fftSize))
{
}

SpectrogramColumns::~SpectrogramColumns() = default;

Result<std::unique_ptr<SpectrogramColumns>> SpectrogramColumns::open(const QString& path, int fftSize)
{
    if (fftSize < kMinFftSize || fftSize > kMaxFftSize || (fftSize & (fftSize - 1)) != 0)
        return Error{QDir::toNativeSeparators(path),
                     QObject::tr("spectrogram FFT size %1 is not a power of two in %2–%3")
                         .arg(fftSize).arg(kMinFftSize).arg(kMaxFftSize)};
    auto reader = AudioFileReader::open(path);
    if (!reader)
        return reader.error();
    return std::unique_ptr<SpectrogramColumns>(new SpectrogramColumns(std::move(reader).value(), fftSize));
}

const QString& SpectrogramColumns::path() const { return d->reader->path(); }
const AudioFormat& SpectrogramColumns::format() const { return d->reader->format(); }
double SpectrogramColumns::binHz() const { return double(format().sampleRate) / m_fftSize; }

void SpectrogramColumns::setMaxWindowsPerColumn(int windows) { m_maxWindows = std::clamp(windows, 1, 64); }

int SpectrogramColumns::windowsPerColumn(double framesPerColumn, int fftSize, int maxWindows)
{
    const double k = std::ceil(framesPerColumn / fftSize);
    return int(std::clamp(k, 1.0, double(std::max(1, maxWindows))));
}

Status SpectrogramColumns::fillBuffer(std::int64_t start, std::int64_t end)
{
    const std::int64_t length = end - start;
    for (auto& channel : d->buffer)
        channel.assign(std::size_t(length), 0.0f);
    d->bufferStart = start;
    d->bufferEnd = end;
    // Only the part inside the file is read; the rest stays zero (padding at either end).
    const std::int64_t from = std::max<std::int64_t>(start, 0);
    const std::int64_t to = std::min(end, format().frames);
    if (to <= from)
        return Status::success();
    if (d->reader->position() != from) {
        if (Status sought = d->reader->seek(from); !sought)
            return sought;
    }
    std::int64_t at = from;
    while (at < to) {
        auto got = d->reader->read(d->readBlock, to - at);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break; // shorter than its header said: the rest stays zero
        for (int c = 0; c < d->readBlock.channels(); ++c)
            std::copy_n(d->readBlock.channel(c).data(), got.value(), d->buffer[std::size_t(c)].data() + (at - start));
        at += got.value();
    }
    return Status::success();
}

void SpectrogramColumns::windowPower(std::int64_t windowStart, std::span<double> power)
{
    std::fill(power.begin(), power.end(), 0.0);
    const auto offset = std::size_t(windowStart - d->bufferStart);
    for (const auto& channel : d->buffer) {
        const float* src = channel.data() + offset;
        for (int i = 0; i < m_fftSize; ++i)
            d->scratch[std::size_t(i)] = src[i] * d->window[std::size_t(i)];
        d->fft.forward(d->scratch.data(), d->spectrum.data());
        for (std::size_t b = 0; b < power.size(); ++b)
            power[b] += double(std::norm(d->spectrum[b]));
    }
}

Status SpectrogramColumns::compute(double startFrame, double framesPerColumn, int columns, std::span<float> out,
                                   const CancellationToken* cancel)
{
    assert(framesPerColumn > 0 && columns >= 0);
    assert(out.size() >= std::size_t(columns) * std::size_t(bins()));
    const int n = m_fftSize;
    const int k = windowsPerColumn(framesPerColumn, n, m_maxWindows);
    // Window starts, non-decreasing: centres spread evenly over each column.
    std::vector<std::int64_t> starts(std::size_t(columns) * std::size_t(k));
    for (int i = 0; i < columns; ++i)
        for (int w = 0; w < k; ++w) {
            const double centre = startFrame + (i + (w + 0.5) / k) * framesPerColumn;
            starts[std::size_t(i * k + w)] = std::int64_t(std::floor(centre)) - n / 2;
        }
    const std::int64_t chunk = std::max<std::int64_t>(4 * std::int64_t(n), 65536);
    const auto nBins = std::size_t(bins());
    std::vector<double> power(nBins);
    std::vector<double> last(nBins);
    std::int64_t lastStart = std::numeric_limits<std::int64_t>::min();
    const int channels = std::max(1, format().channels);
    // |X|² of a unit sine at a bin centre is (windowSum/2)²; dividing by it makes that 0 dB.
    const double scale = 4.0 / (d->windowSum * d->windowSum * k * channels);
    for (int i = 0; i < columns; ++i) {
        if (cancel && cancel->isCancelled())
            return Error{QDir::toNativeSeparators(path()), QObject::tr("cancelled")};
        std::fill(power.begin(), power.end(), 0.0);
        for (int w = 0; w < k; ++w) {
            const std::size_t index = std::size_t(i * k + w);
            const std::int64_t s = starts[index];
            if (s != lastStart) { // sub-frame zoom: neighbouring columns share windows
                if (s < d->bufferStart || s + n > d->bufferEnd) {
                    // Read on through the following windows while they overlap or nearly touch
                    // (gaps under one window), up to a chunk; far apart, each is read on its own.
                    std::int64_t end = s + n;
                    for (std::size_t j = index + 1;
                         j < starts.size() && starts[j] <= end + n && starts[j] + n <= s + chunk; ++j)
                        end = std::max(end, starts[j] + n);
                    if (Status filled = fillBuffer(s, end); !filled)
                        return filled;
                }
                windowPower(s, last);
                lastStart = s;
            }
            for (std::size_t b = 0; b < nBins; ++b)
                power[b] += last[b];
        }
        float* column = out.data() + std::size_t(i) * nBins;
        for (std::size_t b = 0; b < nBins; ++b) {
            const double p = power[b] * scale;
            column[b] = p > 0 ? std::max(kFloorDb, float(10.0 * std::log10(p))) : kFloorDb;
        }
    }
    return Status::success();
}

} // namespace shellac::dsp
