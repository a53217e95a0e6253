#include "dsp/DspRestorerSettings.h"

#include <QJsonArray>
#include <QObject>

namespace shellac::dsp {

namespace {

Status outOfRange(const char* option, double value, double lo, double hi)
{
    return Error{QString::fromLatin1(option),
                 QObject::tr("must be between %1 and %2 (or off), got %3").arg(lo).arg(hi).arg(value)};
}

} // namespace

Status DspRestorerSettings::validate() const
{
    if (rumbleCornerHz && (*rumbleCornerHz < 10.0 || *rumbleCornerHz > 300.0))
        return outOfRange("--rumble", *rumbleCornerHz, 10, 300);
    if (declickSensitivity && (*declickSensitivity < 1.0 || *declickSensitivity > 10.0))
        return outOfRange("--declick", *declickSensitivity, 1, 10);
    if (decrackleLevel && (*decrackleLevel < 0.0 || *decrackleLevel > 10.0))
        return outOfRange("--decrackle", *decrackleLevel, 0, 10);
    if (dehissReductionDb && (*dehissReductionDb < 1.0 || *dehissReductionDb > 40.0))
        return outOfRange("--dehiss", *dehissReductionDb, 1, 40);
    if (noiseRangeSeconds) {
        if (!dehissReductionDb)
            return Error{QStringLiteral("--noise-from"),
                         QObject::tr("a noise range only makes sense with dehiss on; drop --dehiss off or --noise-from")};
        const auto [start, end] = *noiseRangeSeconds;
        if (!(start >= 0.0) || !(end > start))
            return Error{QStringLiteral("--noise-from"),
                         QObject::tr("must be START-END in seconds with 0 <= START < END, got %1-%2").arg(start).arg(end)};
        if (end - start < 0.1)
            return Error{QStringLiteral("--noise-from"),
                         QObject::tr("the range %1-%2 s is shorter than 0.1 s, too short for a noise profile").arg(start).arg(end)};
    }
    const bool anything = rumbleCornerHz || humMode != HumMode::Off || declickSensitivity || decrackleLevel
                          || dehissReductionDb;
    if (!anything)
        return Error{QStringLiteral("options"), QObject::tr("every restoration step is off; nothing to do")};
    return Status::success();
}

Status DspRestorerSettings::validateForDuration(double durationSeconds) const
{
    if (noiseRangeSeconds && noiseRangeSeconds->second > durationSeconds + 1e-9)
        return Error{QStringLiteral("--noise-from"),
                     QObject::tr("the range %1-%2 s ends after the end of the recording (%3 s)")
                         .arg(noiseRangeSeconds->first)
                         .arg(noiseRangeSeconds->second)
                         .arg(durationSeconds, 0, 'f', 3)};
    return Status::success();
}

QJsonObject DspRestorerSettings::toJson() const
{
    const auto opt = [](const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(QStringLiteral("off")); };
    QString hum;
    switch (humMode) {
    case HumMode::Off: hum = QStringLiteral("off"); break;
    case HumMode::Auto: hum = QStringLiteral("auto"); break;
    case HumMode::Force50: hum = QStringLiteral("50"); break;
    case HumMode::Force60: hum = QStringLiteral("60"); break;
    }
    QJsonObject o{{QStringLiteral("rumble_hz"), opt(rumbleCornerHz)},
                  {QStringLiteral("dehum"), hum},
                  {QStringLiteral("declick_sensitivity"), opt(declickSensitivity)},
                  {QStringLiteral("decrackle_level"), opt(decrackleLevel)},
                  {QStringLiteral("dehiss_db"), opt(dehissReductionDb)},
                  {QStringLiteral("smooth_pulses"), smoothPulses}};
    if (noiseRangeSeconds)
        o.insert(QStringLiteral("noise_from_s"), QJsonArray{noiseRangeSeconds->first, noiseRangeSeconds->second});
    return o;
}

} // namespace shellac::dsp
