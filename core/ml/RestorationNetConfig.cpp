#include "ml/RestorationNetConfig.h"

#include <QJsonValue>

#include <array>

namespace shellac::ml {

namespace {

struct IntField {
    const char* key;
    int RestorationNetConfig::*member;
    int minimum;
    int maximum;
};

constexpr std::array<IntField, 9> kFields{{
    {"sample_rate", &RestorationNetConfig::sampleRate, 8000, 192000},
    {"encoder_filters", &RestorationNetConfig::encoderFilters, 4, 1024},
    {"encoder_kernel", &RestorationNetConfig::encoderKernel, 2, 1024},
    {"encoder_stride", &RestorationNetConfig::encoderStride, 1, 512},
    {"bottleneck", &RestorationNetConfig::bottleneck, 4, 1024},
    {"hidden", &RestorationNetConfig::hidden, 4, 2048},
    {"blocks", &RestorationNetConfig::blocks, 1, 64},
    {"blocks_per_repeat", &RestorationNetConfig::blocksPerRepeat, 1, 16},
    {"embedding_size", &RestorationNetConfig::embeddingSize, 2, 512},
}};

} // namespace

std::int64_t RestorationNetConfig::contextSamples() const
{
    std::int64_t frames = 0;
    for (int b = 0; b < blocks; ++b)
        frames += std::int64_t(1) << (b % blocksPerRepeat); // kernel 3: one dilation step each side
    return frames * encoderStride + encoderKernel;
}

std::int64_t RestorationNetConfig::parameterCount() const
{
    const std::int64_t n = encoderFilters, k = encoderKernel, b = bottleneck, h = hidden;
    const std::int64_t encoder = n * k;
    const std::int64_t input = 2 * n + n * b + b;
    const std::int64_t block = (b * h + h) + 1 + 2 * h + (3 * h + h) + 1 + 2 * h + (h * b + b);
    const std::int64_t maskHead = 1 + b * n + n;
    const std::int64_t decoder = n * k;
    const std::int64_t embedding = b * embeddingSize + embeddingSize;
    return encoder + input + blocks * block + maskHead + decoder + embedding;
}

QJsonObject RestorationNetConfig::toJson() const
{
    QJsonObject json{{QStringLiteral("version"), kVersion}};
    for (const IntField& f : kFields)
        json.insert(QLatin1String(f.key), this->*f.member);
    return json;
}

Result<RestorationNetConfig> RestorationNetConfig::fromJson(const QJsonObject& json)
{
    const auto fieldError = [](const QString& key, const QString& reason) {
        return Error{QStringLiteral("model config field '%1'").arg(key), reason};
    };
    if (!json.contains(QStringLiteral("version")))
        return fieldError(QStringLiteral("version"), QStringLiteral("is missing"));
    if (json.value(QStringLiteral("version")).toInt(-1) != kVersion)
        return fieldError(QStringLiteral("version"),
                          QStringLiteral("is %1, this Shellac reads version %2 (the model comes from another version)")
                              .arg(json.value(QStringLiteral("version")).toVariant().toString())
                              .arg(kVersion));
    RestorationNetConfig config;
    for (const IntField& f : kFields) {
        const QString key = QLatin1String(f.key);
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return fieldError(key, QStringLiteral("is missing"));
        if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            return fieldError(key, QStringLiteral("must be an integer"));
        config.*f.member = value.toInt();
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        bool known = it.key() == u"version";
        for (const IntField& f : kFields)
            known = known || it.key() == QLatin1String(f.key);
        if (!known)
            return fieldError(it.key(), QStringLiteral("is not a field of this model format"));
    }
    if (Status valid = config.validate(); !valid)
        return valid.error();
    return config;
}

Status RestorationNetConfig::validate() const
{
    for (const IntField& f : kFields) {
        const int v = this->*f.member;
        if (v < f.minimum || v > f.maximum)
            return Error{QStringLiteral("model config field '%1'").arg(QLatin1String(f.key)),
                         QStringLiteral("is %1, must be in %2..%3").arg(v).arg(f.minimum).arg(f.maximum)};
    }
    if (encoderKernel % encoderStride != 0)
        return Error{QStringLiteral("model config field 'encoder_kernel'"),
                     QStringLiteral("is %1, must be a multiple of encoder_stride (%2)").arg(encoderKernel).arg(encoderStride)};
    return Status::success();
}

} // namespace shellac::ml
