#include "commands/RestoreOptions.h"

#include "ml/RestorerFactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace shellac::cli {

namespace {

/// "off" → nullopt; a number → that number; anything else → error naming the option.
Result<std::optional<double>> numberOrOff(const QCommandLineParser& parser, const QString& option,
                                          std::optional<double> fallback)
{
    if (!parser.isSet(option))
        return fallback;
    const QString text = parser.value(option).trimmed().toLower();
    if (text == u"off" || text == u"none")
        return std::optional<double>();
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        return Error{QStringLiteral("--") + option,
                     QObject::tr("expected a number or 'off', got '%1'").arg(parser.value(option))};
    return std::optional<double>(v);
}

std::optional<double> parseSeconds(const QString& text)
{
    // Accepts "12.5", "1:05", "1:02:03.5".
    const QStringList parts = text.trimmed().split(QLatin1Char(':'));
    if (parts.isEmpty() || parts.size() > 3)
        return std::nullopt;
    double total = 0;
    for (const QString& p : parts) {
        bool ok = false;
        const double v = p.toDouble(&ok);
        if (!ok || v < 0)
            return std::nullopt;
        total = total * 60.0 + v;
    }
    return total;
}

} // namespace

QString firstDspOnlyOption(const QCommandLineParser& parser)
{
    for (const char* option : {"declick", "pulses", "decrackle", "dehum", "dehiss", "noise-from", "rumble"})
        if (parser.isSet(QLatin1String(option)))
            return QStringLiteral("--") + QLatin1String(option);
    return {};
}

Result<ml::NeuralRestorerSettings> parseNeuralSettings(const QCommandLineParser& parser)
{
    ml::NeuralRestorerSettings s;
    if (parser.isSet(QStringLiteral("mix"))) {
        bool ok = false;
        s.mix = parser.value(QStringLiteral("mix")).trimmed().toDouble(&ok);
        if (!ok || !(s.mix >= 0.0 && s.mix <= 1.0))
            return Error{QStringLiteral("--mix"), QObject::tr("expected a number from 0 to 1, got '%1'")
                                                      .arg(parser.value(QStringLiteral("mix")))};
    }
    if (Status v = s.validate(); !v)
        return v.error();
    return s;
}

QString findDefaultModel(RestorationMethod method) { return ml::RestorerFactory::defaultModelPath(method); }

std::optional<std::pair<double, double>> parseTimeRange(const QString& text)
{
    const qsizetype dash = text.indexOf(QLatin1Char('-'), 1);
    if (dash < 0)
        return std::nullopt;
    const auto start = parseSeconds(text.left(dash));
    const auto end = parseSeconds(text.mid(dash + 1));
    if (!start || !end)
        return std::nullopt;
    return std::make_pair(*start, *end);
}

Result<dsp::DspRestorerSettings> parseDspSettings(const QCommandLineParser& parser)
{
    dsp::DspRestorerSettings s;
    auto rumble = numberOrOff(parser, QStringLiteral("rumble"), s.rumbleCornerHz);
    if (!rumble)
        return rumble.error();
    s.rumbleCornerHz = rumble.value();
    auto declick = numberOrOff(parser, QStringLiteral("declick"), s.declickSensitivity);
    if (!declick)
        return declick.error();
    s.declickSensitivity = declick.value();
    if (parser.isSet(QStringLiteral("pulses"))) {
        const QString v = parser.value(QStringLiteral("pulses")).trimmed().toLower();
        if (v != u"on" && v != u"off")
            return Error{QStringLiteral("--pulses"), QObject::tr("expected 'on' or 'off', got '%1'").arg(parser.value(QStringLiteral("pulses")))};
        if (v == u"on" && !s.declickSensitivity)
            return Error{QStringLiteral("--pulses"), QObject::tr("needs the declick stage (it is part of it), but --declick is off")};
        s.smoothPulses = v == u"on";
    }
    auto decrackle = numberOrOff(parser, QStringLiteral("decrackle"), s.decrackleLevel);
    if (!decrackle)
        return decrackle.error();
    s.decrackleLevel = decrackle.value();
    auto dehiss = numberOrOff(parser, QStringLiteral("dehiss"), s.dehissReductionDb);
    if (!dehiss)
        return dehiss.error();
    s.dehissReductionDb = dehiss.value();

    if (parser.isSet(QStringLiteral("dehum"))) {
        const QString v = parser.value(QStringLiteral("dehum")).trimmed().toLower();
        if (v == u"auto")
            s.humMode = dsp::HumMode::Auto;
        else if (v == u"50")
            s.humMode = dsp::HumMode::Force50;
        else if (v == u"60")
            s.humMode = dsp::HumMode::Force60;
        else if (v == u"off")
            s.humMode = dsp::HumMode::Off;
        else
            return Error{QStringLiteral("--dehum"), QObject::tr("expected auto, 50, 60 or off, got '%1'").arg(v)};
    }
    if (parser.isSet(QStringLiteral("noise-from"))) {
        const auto range = parseTimeRange(parser.value(QStringLiteral("noise-from")));
        if (!range)
            return Error{QStringLiteral("--noise-from"),
                         QObject::tr("expected START-END in seconds (e.g. 0-2.5 or 0:01-0:03), got '%1'")
                             .arg(parser.value(QStringLiteral("noise-from")))};
        s.noiseRangeSeconds = range;
    }
    if (Status v = s.validate(); !v)
        return v.error();
    return s;
}

} // namespace shellac::cli
