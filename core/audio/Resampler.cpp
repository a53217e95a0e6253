#include "audio/Resampler.h"

#include <QObject>

#include <soxr.h>

#include <cmath>
#include <vector>

namespace shellac {

struct Resampler::Impl {
    soxr_t soxr = nullptr;
    int channels = 0;
    double ratio = 1.0;
    std::int64_t framesIn = 0;
    std::int64_t framesOut = 0;
    ~Impl()
    {
        if (soxr)
            soxr_delete(soxr);
    }
};

Resampler::Resampler(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Resampler::~Resampler() = default;

int Resampler::channels() const { return d->channels; }
double Resampler::ratio() const { return d->ratio; }

Result<std::unique_ptr<Resampler>> Resampler::create(double inRate, double outRate, int channels,
                                                     Quality quality)
{
    if (!(inRate > 0) || !(outRate > 0) || channels < 1)
        return Error{QString(), QObject::tr("invalid resampling request: %1 Hz -> %2 Hz, %3 channels")
                                    .arg(inRate).arg(outRate).arg(channels)};
    auto impl = std::make_unique<Impl>();
    impl->channels = channels;
    impl->ratio = outRate / inRate;
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_S, SOXR_FLOAT32_S);
    const soxr_quality_spec_t q = soxr_quality_spec(quality == Quality::VeryHigh ? SOXR_VHQ : SOXR_HQ, 0);
    const soxr_runtime_spec_t rt = soxr_runtime_spec(1);
    soxr_error_t error = nullptr;
    impl->soxr = soxr_create(inRate, outRate, static_cast<unsigned>(channels), &error, &io, &q, &rt);
    if (!impl->soxr || error)
        return Error{QString(), QObject::tr("cannot create the resampler (%1)")
                                    .arg(QString::fromLatin1(error ? error : "unknown error"))};
    return std::unique_ptr<Resampler>(new Resampler(std::move(impl)));
}

Status Resampler::run(const AudioBlock* in, AudioBlock& out)
{
    const std::int64_t inFrames = in ? in->frames() : 0;
    std::vector<const float*> inPtrs(static_cast<std::size_t>(d->channels), nullptr);
    if (in)
        for (int c = 0; c < d->channels; ++c)
            inPtrs[static_cast<std::size_t>(c)] = in->channel(c).data();

    out.resize(d->channels, 0);
    AudioBlock chunk(d->channels, static_cast<std::int64_t>(std::ceil(inFrames * d->ratio)) + 1024);
    std::vector<float*> outPtrs(static_cast<std::size_t>(d->channels));
    std::int64_t consumed = 0;
    // soxr may need several calls to consume the input (and to drain when flushing).
    for (int guard = 0; guard < 1 << 20; ++guard) {
        for (int c = 0; c < d->channels; ++c) {
            outPtrs[static_cast<std::size_t>(c)] = chunk.channel(c).data();
            if (in)
                inPtrs[static_cast<std::size_t>(c)] = in->channel(c).data() + consumed;
        }
        size_t idone = 0;
        size_t odone = 0;
        const soxr_error_t error = soxr_process(
            d->soxr, in ? static_cast<soxr_in_t>(inPtrs.data()) : nullptr,
            static_cast<size_t>(inFrames - consumed), &idone,
            static_cast<soxr_out_t>(outPtrs.data()), static_cast<size_t>(chunk.frames()), &odone);
        if (error)
            return Error{QString(), QObject::tr("resampling failed (%1)").arg(QString::fromLatin1(error))};
        consumed += static_cast<std::int64_t>(idone);
        out.append(chunk, static_cast<std::int64_t>(odone));
        const bool outputFull = static_cast<std::int64_t>(odone) == chunk.frames();
        if (consumed >= inFrames && !outputFull)
            break;
    }
    d->framesIn += inFrames;
    d->framesOut += out.frames();
    return Status::success();
}

Status Resampler::process(const AudioBlock& in, AudioBlock& out)
{
    return run(&in, out);
}

Status Resampler::flush(AudioBlock& out)
{
    return run(nullptr, out);
}

Result<AudioBlock> Resampler::convert(const AudioBlock& in, double inRate, double outRate,
                                      Quality quality)
{
    auto created = create(inRate, outRate, in.channels(), quality);
    if (!created)
        return created.error();
    AudioBlock out;
    AudioBlock tail;
    if (Status s = created.value()->process(in, out); !s)
        return s.error();
    if (Status s = created.value()->flush(tail); !s)
        return s.error();
    out.append(tail);
    return out;
}

} // namespace shellac
