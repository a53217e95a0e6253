#include "eval/FileComparison.h"

#include "audio/AudioFileReader.h"
#include "dsp/Stft.h"
#include "restore/RestorationReport.h"

#include <QDir>
#include <QObject>

namespace shellac::eval {

namespace {

struct Loaded {
    AudioBlock audio;
    int sampleRate = 0;
};

Result<Loaded> loadWhole(const QString& path)
{
    auto reader = AudioFileReader::open(path);
    if (!reader)
        return reader.error();
    Loaded loaded;
    loaded.sampleRate = reader.value()->format().sampleRate;
    loaded.audio.resize(reader.value()->format().channels, 0);
    AudioBlock block;
    for (;;) {
        auto got = reader.value()->read(block, 1 << 16);
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        loaded.audio.append(block);
    }
    return loaded;
}

Status sameShape(const Loaded& reference, const Loaded& other, const QString& otherPath, const QString& referencePath)
{
    if (other.sampleRate != reference.sampleRate)
        return Error{QDir::toNativeSeparators(otherPath), QObject::tr("sample rate %1 Hz differs from %2 (%3 Hz)")
                                                              .arg(other.sampleRate)
                                                              .arg(QDir::toNativeSeparators(referencePath))
                                                              .arg(reference.sampleRate)};
    if (other.audio.channels() != reference.audio.channels())
        return Error{QDir::toNativeSeparators(otherPath), QObject::tr("has %1 channels, %2 has %3")
                                                              .arg(other.audio.channels())
                                                              .arg(QDir::toNativeSeparators(referencePath))
                                                              .arg(reference.audio.channels())};
    if (other.audio.frames() != reference.audio.frames())
        return Error{QDir::toNativeSeparators(otherPath), QObject::tr("has %1 frames, %2 has %3")
                                                              .arg(other.audio.frames())
                                                              .arg(QDir::toNativeSeparators(referencePath))
                                                              .arg(reference.audio.frames())};
    return Status::success();
}

/// Shifts every channel of `block` earlier by `lag` frames (later when negative), zero-filling.
void shift(AudioBlock& block, std::int64_t lag)
{
    const std::int64_t n = block.frames();
    for (int c = 0; c < block.channels(); ++c) {
        auto ch = block.channel(c);
        std::vector<float> copy(ch.begin(), ch.end());
        for (std::int64_t i = 0; i < n; ++i) {
            const std::int64_t src = i + lag;
            ch[std::size_t(i)] = src >= 0 && src < n ? copy[std::size_t(src)] : 0.0f;
        }
    }
}

} // namespace

std::int64_t estimateLag(std::span<const float> reference, std::span<const float> estimate, std::int64_t maxLag)
{
    const std::int64_t n = std::int64_t(std::min(reference.size(), estimate.size()));
    if (n == 0 || maxLag <= 0)
        return 0;
    int size = 2;
    while (size < 2 * n)
        size *= 2;
    dsp::RealFft fft(size);
    std::vector<float> a(std::size_t(size), 0.0f), b(std::size_t(size), 0.0f);
    std::vector<float> r(std::size_t(size), 0.0f);
    std::copy_n(reference.begin(), n, a.begin());
    std::copy_n(estimate.begin(), n, b.begin());
    std::vector<std::complex<float>> A(std::size_t(fft.bins())), B(std::size_t(fft.bins()));
    fft.forward(a.data(), A.data());
    fft.forward(b.data(), B.data());
    for (std::size_t k = 0; k < A.size(); ++k)
        A[k] = std::conj(A[k]) * B[k];
    fft.inverse(A.data(), r.data());
    // r[l] = sum ref[i] est[i + l] (circular; negative lags wrap to the end).
    std::int64_t best = 0;
    float bestValue = r[0];
    for (std::int64_t l = -std::min(maxLag, n - 1); l <= std::min(maxLag, n - 1); ++l) {
        const float v = r[std::size_t(l >= 0 ? l : size + l)];
        if (v > bestValue) {
            bestValue = v;
            best = l;
        }
    }
    return best;
}

Result<FileScore> compareFiles(const FileComparisonRequest& request)
{
    auto clean = loadWhole(request.cleanPath);
    if (!clean)
        return clean.error();
    auto degraded = loadWhole(request.degradedPath);
    if (!degraded)
        return degraded.error();
    auto restored = loadWhole(request.restoredPath);
    if (!restored)
        return restored.error();
    if (Status s = sameShape(clean.value(), degraded.value(), request.degradedPath, request.cleanPath); !s)
        return s.error();
    if (Status s = sameShape(clean.value(), restored.value(), request.restoredPath, request.cleanPath); !s)
        return s.error();

    std::optional<std::vector<SampleInterval>> truth;
    if (!request.truthPath.isEmpty()) {
        auto list = readImpulseList(request.truthPath);
        if (!list)
            return list.error();
        truth = std::move(list).value();
    }

    FileScore score;
    score.name = request.name;
    if (request.maxLagFrames > 0) {
        score.lagFrames = estimateLag(clean.value().audio.channel(0), restored.value().audio.channel(0), request.maxLagFrames);
        if (score.lagFrames != 0)
            shift(restored.value().audio, score.lagFrames);
    }
    const AudioBlock& c = clean.value().audio;
    const int channels = c.channels();
    const std::int64_t guard = clean.value().sampleRate / 500; // 2 ms
    double cleanRegion = 0;
    for (int ch = 0; ch < channels; ++ch) {
        score.inputSiSdrDb += siSdrDb(c.channel(ch), degraded.value().audio.channel(ch)) / channels;
        score.restoredSiSdrDb += siSdrDb(c.channel(ch), restored.value().audio.channel(ch)) / channels;
        if (truth)
            cleanRegion += siSdrDbMasked(c.channel(ch), restored.value().audio.channel(ch),
                                         cleanMask(*truth, ch, c.frames(), guard))
                           / channels;
    }
    if (truth)
        score.cleanRegionSiSdrDb = cleanRegion;
    if (truth && !request.reportPath.isEmpty()) {
        auto detected = RestorationReport::readClicks(request.reportPath);
        if (!detected)
            return detected.error();
        score.detection = scoreDetections(*truth, detected.value(), guard);
    }
    return score;
}

} // namespace shellac::eval
