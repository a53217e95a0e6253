#include "ml/NeuralRestorer.h"

#include "ml/NeuralModel.h"

#include <QObject>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace shellac::ml {

namespace {

/// `seconds` at `rate` in whole multiples of `stride` frames, at least `minimum` strides.
std::int64_t framesOnGrid(double seconds, int rate, int stride, std::int64_t minimum)
{
    const auto strides = std::int64_t(std::llround(seconds * rate / stride));
    return std::max(strides, minimum) * stride;
}

} // namespace

Status NeuralRestorerSettings::validate() const
{
    if (!(mix >= 0.0 && mix <= 1.0))
        return Error{QStringLiteral("mix"), QObject::tr("must be between 0 and 1, got %1").arg(mix)};
    if (!(overlapSeconds >= 0.005))
        return Error{QStringLiteral("overlap"), QObject::tr("must be at least 0.005 s, got %1 s").arg(overlapSeconds)};
    if (!(chunkSeconds >= 2 * overlapSeconds) || chunkSeconds > 3600)
        return Error{QStringLiteral("chunk"), QObject::tr("must be at least twice the overlap (%1 s) and at most 3600 s, got %2 s")
                                                 .arg(overlapSeconds).arg(chunkSeconds)};
    return Status::success();
}

NeuralRestorer::NeuralRestorer(std::shared_ptr<NeuralModel> model, NeuralRestorerSettings settings)
    : m_model(std::move(model)), m_settings(settings)
{
    assert(m_model);
    m_model->setDevice(m_settings.device);
}

NeuralRestorer::~NeuralRestorer() = default;

Status NeuralRestorer::prepare(const AudioFormat& input)
{
    if (Status s = m_settings.validate(); !s)
        return s;
    if (input.sampleRate <= 0 || input.channels < 1)
        return Error{QString(), QObject::tr("cannot restore a stream of %1 Hz with %2 channels")
                                    .arg(input.sampleRate).arg(input.channels)};
    m_sampleRate = input.sampleRate;
    m_channels = input.channels;
    const int modelRate = m_model->sampleRate();
    const int stride = m_model->config().encoderStride;
    m_overlapFrames = framesOnGrid(m_settings.overlapSeconds, modelRate, stride, 1);
    // At least two overlaps per chunk, so that only two passes ever share a frame.
    m_chunkFrames = std::max(framesOnGrid(m_settings.chunkSeconds, modelRate, stride, 1), 2 * m_overlapFrames);

    m_toModel.reset();
    m_fromModel.reset();
    if (input.sampleRate != modelRate) {
        auto to = Resampler::create(input.sampleRate, modelRate, m_channels);
        if (!to)
            return to.error();
        auto from = Resampler::create(modelRate, input.sampleRate, m_channels);
        if (!from)
            return from.error();
        m_toModel = std::move(to).value();
        m_fromModel = std::move(from).value();
    }
    for (AudioBlock* b : {&m_pending, &m_tail, &m_ready, &m_wet, &m_dry})
        b->resize(m_channels, 0);
    m_inputFrames = m_outputFrames = m_chunks = 0;
    return Status::success();
}

void NeuralRestorer::runChunk(std::int64_t frames, bool last)
{
    const std::int64_t fade = m_tail.frames();
    const std::int64_t keep = last ? frames : frames - m_overlapFrames;
    const std::int64_t readyStart = m_ready.frames();
    m_ready.setFrames(readyStart + keep);
    AudioBlock nextTail(m_channels, last ? 0 : m_overlapFrames);
    for (int c = 0; c < m_channels; ++c) {
        const std::vector<float> restored = m_model->restore(m_pending.channel(c).first(std::size_t(frames)));
        const std::span<const float> tail = m_tail.channel(c);
        const std::span<float> ready = m_ready.channel(c).subspan(std::size_t(readyStart));
        for (std::int64_t i = 0; i < keep; ++i) {
            float v = restored[std::size_t(i)];
            if (i < fade) {
                // Raised-cosine crossfade: the new pass fades in with sin², the previous with cos².
                const double s = std::sin(0.5 * std::numbers::pi * (double(i) + 0.5) / double(fade));
                v = float(s * s * v + (1.0 - s * s) * tail[std::size_t(i)]);
            }
            ready[std::size_t(i)] = v;
        }
        if (!last)
            std::copy_n(restored.begin() + keep, m_overlapFrames, nextTail.channel(c).begin());
    }
    m_tail = std::move(nextTail);
    m_pending.dropFront(last ? m_pending.frames() : keep);
    ++m_chunks;
}

Status NeuralRestorer::convertReady(bool flush)
{
    if (!m_fromModel) {
        m_wet.append(m_ready);
    } else {
        if (Status s = m_fromModel->process(m_ready, m_converted); !s)
            return s;
        m_wet.append(m_converted);
        if (flush) {
            if (Status s = m_fromModel->flush(m_converted); !s)
                return s;
            m_wet.append(m_converted);
        }
    }
    m_ready.resize(m_channels, 0);
    return Status::success();
}

void NeuralRestorer::writeOutput(AudioBlock& out, bool final)
{
    std::int64_t wetFrames = m_wet.frames();
    if (final) {
        // The rate round trip may give a frame more or less than the input had.
        wetFrames = std::min(wetFrames, m_dry.frames());
    }
    const std::int64_t frames = final ? m_dry.frames() : std::min(m_dry.frames(), wetFrames);
    out.resize(m_channels, frames);
    const auto mix = float(m_settings.mix);
    for (int c = 0; c < m_channels; ++c) {
        const std::span<const float> dry = m_dry.channel(c);
        const std::span<const float> wet = m_wet.channel(c);
        const std::span<float> o = out.channel(c);
        for (std::int64_t i = 0; i < frames; ++i) {
            const float x = dry[std::size_t(i)];
            if (i >= wetFrames || m_settings.mix == 0.0)
                o[std::size_t(i)] = x; // bit-exact dry signal
            else if (m_settings.mix == 1.0)
                o[std::size_t(i)] = wet[std::size_t(i)];
            else
                o[std::size_t(i)] = mix * wet[std::size_t(i)] + (1.0f - mix) * x;
        }
    }
    m_dry.dropFront(frames);
    m_wet.dropFront(std::min(frames, m_wet.frames()));
    m_outputFrames += frames;
}

Status NeuralRestorer::process(const AudioBlock& in, AudioBlock& out)
{
    m_inputFrames += in.frames();
    m_dry.append(in);
    if (m_toModel) {
        if (Status s = m_toModel->process(in, m_modelIn); !s)
            return s;
        m_pending.append(m_modelIn);
    } else {
        m_pending.append(in);
    }
    while (m_pending.frames() >= m_chunkFrames)
        runChunk(m_chunkFrames, false);
    if (Status s = convertReady(false); !s)
        return s;
    writeOutput(out, false);
    return Status::success();
}

Status NeuralRestorer::finish(AudioBlock& out)
{
    if (m_toModel) {
        if (Status s = m_toModel->flush(m_modelIn); !s)
            return s;
        m_pending.append(m_modelIn);
    }
    while (m_pending.frames() >= m_chunkFrames)
        runChunk(m_chunkFrames, false);
    if (m_pending.frames() > m_tail.frames()) {
        runChunk(m_pending.frames(), true);
    } else {
        // The stream ended exactly where the previous chunk did: its overlap is final as it is.
        m_ready.append(m_tail);
        m_tail.resize(m_channels, 0);
        m_pending.resize(m_channels, 0);
    }
    if (Status s = convertReady(true); !s)
        return s;
    writeOutput(out, true);
    return Status::success();
}

QJsonObject NeuralRestorer::report() const
{
    const int modelRate = m_model->sampleRate();
    QJsonObject r{{QStringLiteral("method"), method()},
                  {QStringLiteral("model_sample_rate"), modelRate},
                  {QStringLiteral("parameters"), double(m_model->parameterCount())},
                  {QStringLiteral("chunks"), double(m_chunks)},
                  {QStringLiteral("chunk_s"), double(m_chunkFrames) / modelRate},
                  {QStringLiteral("overlap_s"), double(m_overlapFrames) / modelRate},
                  {QStringLiteral("mix"), m_settings.mix},
                  {QStringLiteral("device"), m_settings.device == ComputeDevice::Cuda ? QStringLiteral("cuda")
                                                                                       : QStringLiteral("cpu")},
                  {QStringLiteral("resampled"), m_toModel != nullptr},
                  {QStringLiteral("model_metadata"), m_model->metadata()}};
    const QJsonObject metadata = m_model->metadata();
    if (metadata.contains(QStringLiteral("epoch")))
        r.insert(QStringLiteral("model_metadata_epoch"), metadata.value(QStringLiteral("epoch")));
    return r;
}

} // namespace shellac::ml
