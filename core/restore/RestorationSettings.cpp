#include "restore/RestorationSettings.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QObject>
#include <QStringList>

#include <cmath>

namespace shellac {

namespace {

const QString kRumble = QStringLiteral("rumble_hz");
const QString kDehum = QStringLiteral("dehum");
const QString kDeclick = QStringLiteral("declick_sensitivity");
const QString kDecrackle = QStringLiteral("decrackle_level");
const QString kDehiss = QStringLiteral("dehiss_db");
const QString kNoise = QStringLiteral("noise_from_s");
const QString kPulses = QStringLiteral("smooth_pulses");

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble());
    case QJsonValue::String: return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

/// A number, or "off" (→ nullopt).
Result<std::optional<double>> numberOrOff(const QJsonValue& v, const QString& field)
{
    if (v.isDouble())
        return std::optional<double>(v.toDouble());
    if (v.isString() && v.toString().trimmed().compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return std::optional<double>();
    return Error{field, QObject::tr("expected a number or \"off\", got %1").arg(typeName(v))};
}

/// DspRestorerSettings::validate() names CLI options; here the JSON fields are named instead.
QString fieldForOption(const QString& option)
{
    static const std::pair<const char*, const QString*> map[] = {
        {"--rumble", &kRumble}, {"--declick", &kDeclick}, {"--decrackle", &kDecrackle},
        {"--dehiss", &kDehiss}, {"--noise-from", &kNoise}};
    for (const auto& [cli, field] : map)
        if (option == QLatin1String(cli))
            return QStringLiteral("dsp.") + *field;
    return QStringLiteral("dsp");
}

QString number(double v) { return QString::number(v, 'g', 6); }

QString dspSummary(const dsp::DspRestorerSettings& s)
{
    const auto stage = [](const QString& name, const std::optional<double>& v, const QString& unit) {
        return v ? name + QLatin1Char(' ') + number(*v) + unit : name + QObject::tr(" off");
    };
    QString hum;
    switch (s.humMode) {
    case dsp::HumMode::Off: hum = QObject::tr("off"); break;
    case dsp::HumMode::Auto: hum = QObject::tr("auto"); break;
    case dsp::HumMode::Force50: hum = QStringLiteral("50 Hz"); break;
    case dsp::HumMode::Force60: hum = QStringLiteral("60 Hz"); break;
    }
    QString dehiss = stage(QObject::tr("dehiss"), s.dehissReductionDb, QStringLiteral(" dB"));
    if (s.dehissReductionDb && s.noiseRangeSeconds)
        dehiss += QObject::tr(" (noise %1–%2 s)").arg(number(s.noiseRangeSeconds->first), number(s.noiseRangeSeconds->second));
    QString declick = stage(QObject::tr("declick"), s.declickSensitivity, {});
    if (s.declickSensitivity && !s.smoothPulses)
        declick += QObject::tr(" (pulses off)");
    return QStringList{declick,
                       stage(QObject::tr("decrackle"), s.decrackleLevel, {}), QObject::tr("dehum %1").arg(hum), dehiss,
                       stage(QObject::tr("rumble"), s.rumbleCornerHz, QStringLiteral(" Hz"))}
        .join(QStringLiteral(" · "));
}

QString neuralSummary(const RestorationSettings& s)
{
    const QString model = s.modelPath.isEmpty() ? QObject::tr("default model") : QFileInfo(s.modelPath).fileName();
    return QObject::tr("%1 · mix %2 %").arg(model, number(s.mix * 100.0));
}

QString genericValue(const QJsonValue& v);

QString genericObject(const QJsonObject& o)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it)
        parts << it.key() + QLatin1Char(' ') + genericValue(it.value());
    return parts.join(QStringLiteral(" · "));
}

QString genericValue(const QJsonValue& v)
{
    if (v.isObject())
        return QLatin1Char('(') + genericObject(v.toObject()) + QLatin1Char(')');
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items << genericValue(item);
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (v.isString())
        return v.toString();
    return typeName(v);
}

} // namespace

QString restorationMethodName(RestorationMethod method)
{
    switch (method) {
    case RestorationMethod::Dsp: return QStringLiteral("dsp");
    case RestorationMethod::Neural: return QStringLiteral("neural");
    case RestorationMethod::Hybrid: return QStringLiteral("hybrid");
    }
    return {};
}

std::optional<RestorationMethod> restorationMethodFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (RestorationMethod m : {RestorationMethod::Dsp, RestorationMethod::Neural, RestorationMethod::Hybrid})
        if (n == restorationMethodName(m))
            return m;
    return std::nullopt;
}

Result<dsp::DspRestorerSettings> dspSettingsFromJson(const QJsonObject& json, const QString& fieldPrefix)
{
    dsp::DspRestorerSettings s;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString& key = it.key();
        const QString field = fieldPrefix + key;
        const QJsonValue v = it.value();
        std::optional<double>* target = key == kRumble      ? &s.rumbleCornerHz
                                        : key == kDeclick   ? &s.declickSensitivity
                                        : key == kDecrackle ? &s.decrackleLevel
                                        : key == kDehiss    ? &s.dehissReductionDb
                                                            : nullptr;
        if (target) {
            auto parsed = numberOrOff(v, field);
            if (!parsed)
                return parsed.error();
            *target = parsed.value();
        } else if (key == kDehum) {
            const QString text = v.isDouble() ? number(v.toDouble()) : v.toString().trimmed().toLower();
            if (text == u"off")
                s.humMode = dsp::HumMode::Off;
            else if (text == u"auto")
                s.humMode = dsp::HumMode::Auto;
            else if (text == u"50")
                s.humMode = dsp::HumMode::Force50;
            else if (text == u"60")
                s.humMode = dsp::HumMode::Force60;
            else
                return Error{field, QObject::tr("expected \"auto\", \"50\", \"60\" or \"off\", got %1").arg(typeName(v))};
        } else if (key == kPulses) {
            if (!v.isBool())
                return Error{field, QObject::tr("expected true or false, got %1").arg(typeName(v))};
            s.smoothPulses = v.toBool();
        } else if (key == kNoise) {
            const QJsonArray range = v.toArray();
            if (!v.isArray() || range.size() != 2 || !range[0].isDouble() || !range[1].isDouble())
                return Error{field, QObject::tr("expected [START, END] in seconds, got %1").arg(genericValue(v))};
            s.noiseRangeSeconds = std::make_pair(range[0].toDouble(), range[1].toDouble());
        } else {
            return Error{field, QObject::tr("unknown setting")};
        }
    }
    return s;
}

Status RestorationSettings::validate() const
{
    if (dsp.noiseRangeSeconds && !dsp.dehissReductionDb)
        return Error{QStringLiteral("dsp.noise_from_s"), QObject::tr("a noise range needs dehiss on")};
    dsp::DspRestorerSettings probe = dsp;
    if (!usesDsp())
        probe.humMode = dsp::HumMode::Auto; // "every step is off" is fine when the chain does not run
    if (Status s = probe.validate(); !s)
        return Error{fieldForOption(s.error().subject), s.error().reason};
    if (!(mix >= 0.0 && mix <= 1.0))
        return Error{QStringLiteral("mix"), QObject::tr("must be between 0 and 1, got %1").arg(mix)};
    return Status::success();
}

QJsonObject RestorationSettings::toJson() const
{
    return {{QStringLiteral("version"), kVersion},
            {QStringLiteral("method"), restorationMethodName(method)},
            {QStringLiteral("dsp"), dsp.toJson()},
            {QStringLiteral("model"), modelPath},
            {QStringLiteral("mix"), mix}};
}

Result<RestorationSettings> RestorationSettings::fromJson(const QJsonObject& json)
{
    RestorationSettings s;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString& key = it.key();
        const QJsonValue v = it.value();
        if (key == u"version") {
            if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < 1)
                return Error{key, QObject::tr("expected a whole number from 1, got %1").arg(typeName(v))};
            if (v.toInt() > kVersion)
                return Error{key, QObject::tr("%1 is newer than this Shellac understands (%2)").arg(v.toInt()).arg(kVersion)};
        } else if (key == u"method") {
            const auto m = restorationMethodFromName(v.toString());
            if (!v.isString() || !m)
                return Error{key, QObject::tr("expected \"dsp\", \"neural\" or \"hybrid\", got %1").arg(typeName(v))};
            s.method = *m;
        } else if (key == u"dsp") {
            if (!v.isObject())
                return Error{key, QObject::tr("expected an object, got %1").arg(typeName(v))};
            auto parsed = dspSettingsFromJson(v.toObject(), QStringLiteral("dsp."));
            if (!parsed)
                return parsed.error();
            s.dsp = parsed.value();
        } else if (key == u"model") {
            if (!v.isString())
                return Error{key, QObject::tr("expected a file path (\"\" for the default model), got %1").arg(typeName(v))};
            s.modelPath = v.toString();
        } else if (key == u"mix") {
            if (!v.isDouble())
                return Error{key, QObject::tr("expected a number from 0 to 1, got %1").arg(typeName(v))};
            s.mix = v.toDouble();
        } else {
            return Error{key, QObject::tr("unknown setting")};
        }
    }
    if (Status valid = s.validate(); !valid)
        return valid.error();
    return s;
}

QString RestorationSettings::summary() const
{
    switch (method) {
    case RestorationMethod::Dsp: return QObject::tr("classical: %1").arg(dspSummary(dsp));
    case RestorationMethod::Neural: return QObject::tr("neural: %1").arg(neuralSummary(*this));
    case RestorationMethod::Hybrid:
        return QObject::tr("hybrid: %1, then %2").arg(dspSummary(dsp), neuralSummary(*this));
    }
    return {};
}

QString RestorationSettings::summaryOf(const QJsonObject& json)
{
    if (json.isEmpty())
        return {};
    if (auto parsed = fromJson(json))
        return parsed.value().summary();
    return genericObject(json);
}

bool operator==(const RestorationSettings& a, const RestorationSettings& b)
{
    const auto& x = a.dsp;
    const auto& y = b.dsp;
    return a.method == b.method && a.modelPath == b.modelPath && a.mix == b.mix && x.rumbleCornerHz == y.rumbleCornerHz
           && x.humMode == y.humMode && x.declickSensitivity == y.declickSensitivity && x.decrackleLevel == y.decrackleLevel
           && x.dehissReductionDb == y.dehissReductionDb && x.noiseRangeSeconds == y.noiseRangeSeconds
           && x.smoothPulses == y.smoothPulses;
}

} // namespace shellac
