#include "ui/training/DatasetAudition.h"

#include "audio/AudioFileReader.h"
#include "audio/Resampler.h"
#include "degrade/DegradationSynthesizer.h"

#include <QDir>

#include <algorithm>
#include <cmath>

namespace shellac::ui {

namespace {

struct Excerpt {
    AudioBlock audio;
    int sampleRate = 0;
    double startSeconds = 0;
};

/// Up to `frames` frames from the middle of `path`.
Result<Excerpt> readMiddle(const QString& path, std::int64_t frames)
{
    auto opened = AudioFileReader::open(path);
    if (!opened)
        return opened.error();
    AudioFileReader& reader = *opened.value();
    const AudioFormat& format = reader.format();
    const std::int64_t length = std::min(frames, format.frames);
    const std::int64_t start = (format.frames - length) / 2;
    if (Status s = reader.seek(start); !s)
        return s.error();
    Excerpt excerpt;
    excerpt.sampleRate = format.sampleRate;
    excerpt.startSeconds = double(start) / format.sampleRate;
    excerpt.audio.resize(format.channels, 0);
    AudioBlock block;
    while (excerpt.audio.frames() < length) {
        auto got = reader.read(block, length - excerpt.audio.frames());
        if (!got)
            return got.error();
        if (got.value() == 0)
            break;
        excerpt.audio.append(block);
    }
    if (excerpt.audio.isEmpty())
        return Error{QDir::toNativeSeparators(path), QStringLiteral("no audio could be read")};
    return excerpt;
}

AudioBlock mapChannels(const AudioBlock& in, int channels)
{
    if (in.channels() == channels)
        return in;
    AudioBlock out(channels, in.frames());
    for (int c = 0; c < channels; ++c) {
        auto dst = out.channel(c);
        if (channels == 1) {
            std::fill(dst.begin(), dst.end(), 0.0f);
            for (int k = 0; k < in.channels(); ++k) {
                const auto src = in.channel(k);
                for (std::size_t i = 0; i < dst.size(); ++i)
                    dst[i] += src[i] / float(in.channels());
            }
        } else {
            const auto src = in.channel(c % in.channels());
            std::copy(src.begin(), src.end(), dst.begin());
        }
    }
    return out;
}

} // namespace

Result<AuditionExcerpts> DatasetAudition::build(const QString& cleanPath, const QString& realPath,
                                                const degrade::DegradationProfile& profile, double seconds,
                                                std::uint64_t seed)
{
    auto real = AudioFileReader::open(realPath);
    if (!real)
        return real.error();
    const int rate = real.value()->format().sampleRate;
    real.value().reset();
    auto realExcerpt = readMiddle(realPath, std::int64_t(std::llround(seconds * rate)));
    if (!realExcerpt)
        return realExcerpt.error();

    auto clean = AudioFileReader::open(cleanPath);
    if (!clean)
        return clean.error();
    const int cleanRate = clean.value()->format().sampleRate;
    clean.value().reset();
    const auto wanted = std::int64_t(std::ceil(double(realExcerpt.value().audio.frames()) * cleanRate / rate));
    auto cleanExcerpt = readMiddle(cleanPath, wanted);
    if (!cleanExcerpt)
        return cleanExcerpt.error();
    AudioBlock music = std::move(cleanExcerpt.value().audio);
    if (cleanRate != rate) {
        auto converted = Resampler::convert(music, cleanRate, rate, Resampler::Quality::High);
        if (!converted)
            return Error{QDir::toNativeSeparators(cleanPath), converted.error().message()};
        music = std::move(converted).value();
    }
    music = mapChannels(music, realExcerpt.value().audio.channels());

    AuditionExcerpts excerpts;
    excerpts.sampleRate = rate;
    excerpts.realPath = realPath;
    excerpts.cleanPath = cleanPath;
    excerpts.realStartSeconds = realExcerpt.value().startSeconds;
    excerpts.cleanStartSeconds = cleanExcerpt.value().startSeconds;
    const std::int64_t frames = std::min(music.frames(), realExcerpt.value().audio.frames());
    music.setFrames(frames);
    excerpts.real = std::move(realExcerpt.value().audio);
    excerpts.real.setFrames(frames);

    degrade::SynthesisOptions options;
    options.seed = seed;
    auto degraded = degrade::DegradationSynthesizer::degrade(music, rate, profile, options);
    if (!degraded)
        return Error{QDir::toNativeSeparators(cleanPath), degraded.error().message()};
    excerpts.synthetic = std::move(degraded.value().degraded);
    excerpts.syntheticImpulses = int(degraded.value().impulses.size());
    return excerpts;
}

} // namespace shellac::ui
