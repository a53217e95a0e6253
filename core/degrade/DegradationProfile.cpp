#include "degrade/DegradationProfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace shellac::degrade {

namespace {

/// One numeric field: its JSON key, where it lives, its range; `zeroMeansOff` also allows
/// exactly 0 below `min` ("0 (none) or min..max").
struct NumberField {
    const char* key;
    double DegradationProfile::*member;
    double min;
    double max;
    bool zeroMeansOff = false;
};

constexpr double kOff = DegradationProfile::kOffDb;

const std::vector<NumberField>& numberFields()
{
    using P = DegradationProfile;
    static const std::vector<NumberField> fields = {
        {"impulse_rate_per_s", &P::impulseRatePerS, 0, 2000},
        {"impulse_peak_median_db", &P::impulsePeakMedianDb, -60, 40},
        {"impulse_peak_sigma_db", &P::impulsePeakSigmaDb, 0, 30},
        {"impulse_width_median_ms", &P::impulseWidthMedianMs, 0.01, 10},
        {"impulse_width_sigma_octaves", &P::impulseWidthSigmaOctaves, 0, 4},
        {"impulse_width_min_ms", &P::impulseWidthMinMs, 0.001, 20},
        {"impulse_width_max_ms", &P::impulseWidthMaxMs, 0.001, 20},
        {"pop_fraction", &P::popFraction, 0, 1},
        {"pop_width_median_ms", &P::popWidthMedianMs, 1, 100},
        {"impulse_positive_fraction", &P::impulsePositiveFraction, 0, 1},
        {"impulse_resonance_hz", &P::impulseResonanceHz, 100, 96000, true},
        {"impulse_resonance_decay_ms", &P::impulseResonanceDecayMs, 0, 50},
        {"crackle_rate_per_s", &P::crackleRatePerS, 0, 20000},
        {"crackle_peak_median_db", &P::cracklePeakMedianDb, -100, 20},
        {"crackle_peak_sigma_db", &P::cracklePeakSigmaDb, 0, 30},
        {"hiss_level_dbfs", &P::hissLevelDbfs, kOff, 0},
        {"hiss_tilt_db_per_octave", &P::hissTiltDbPerOctave, -12, 12},
        {"hiss_channel_correlation", &P::hissChannelCorrelation, 0, 1},
        {"hum_fundamental_hz", &P::humFundamentalHz, 16, 1000, true},
        {"hum_level_dbfs", &P::humLevelDbfs, kOff, 0},
        {"rumble_level_dbfs", &P::rumbleLevelDbfs, kOff, 0},
        {"rumble_corner_hz", &P::rumbleCornerHz, 1, 500},
        {"bandwidth_low_pass_hz", &P::bandwidthLowPassHz, 500, 96000, true},
        {"bandwidth_high_pass_hz", &P::bandwidthHighPassHz, 10, 2000, true},
        {"wow_depth_percent", &P::wowDepthPercent, 0, 5},
        {"wow_rate_hz", &P::wowRateHz, 0.05, 20},
        {"real_noise_gain_db", &P::realNoiseGainDb, kOff, 40},
        {"real_noise_gain_spread_db", &P::realNoiseGainSpreadDb, 0, 20},
    };
    return fields;
}

constexpr const char* kVersionKey = "version";
constexpr const char* kDescriptionKey = "description";
constexpr const char* kCorrelatedKey = "impulses_correlated_across_channels";
constexpr const char* kHarmonicsKey = "hum_harmonics_db";
constexpr const char* kHornKey = "horn_resonances";
constexpr int kMaxHarmonics = 40;
constexpr int kMaxHornResonances = 16;

Error fieldError(const QString& field, const QString& problem)
{
    return Error{QString(), QObject::tr("field \"%1\" %2").arg(field, problem)};
}

QString number(double v) { return QString::number(v, 'g', 10); }

/// Range check shared by fromJson and validate().
std::optional<Error> checkRange(const QString& field, double value, double min, double max, bool zeroMeansOff)
{
    if (!std::isfinite(value))
        return fieldError(field, QObject::tr("must be a finite number"));
    if (zeroMeansOff && value == 0.0)
        return std::nullopt;
    if (value < min || value > max) {
        if (zeroMeansOff)
            return fieldError(field, QObject::tr("must be 0 (none) or between %1 and %2, got %3")
                                         .arg(number(min), number(max), number(value)));
        return fieldError(field, QObject::tr("must be between %1 and %2, got %3")
                                     .arg(number(min), number(max), number(value)));
    }
    return std::nullopt;
}

/// Reads json[key]; errors name `shownAs` (the key itself unless nested).
Result<double> readNumber(const QJsonObject& json, const QString& key, const QString& shownAs = {})
{
    const QString field = shownAs.isEmpty() ? key : shownAs;
    if (!json.contains(key))
        return fieldError(field, QObject::tr("is missing"));
    const QJsonValue v = json.value(key);
    if (!v.isDouble())
        return fieldError(field, QObject::tr("must be a number"));
    return v.toDouble();
}

const char* hornKeys[] = {"freq_hz", "gain_db", "q"};

std::optional<Error> checkHorn(const QString& prefix, const HornResonance& h)
{
    if (auto e = checkRange(prefix + QStringLiteral(".freq_hz"), h.freqHz, 20, 96000, false))
        return e;
    if (auto e = checkRange(prefix + QStringLiteral(".gain_db"), h.gainDb, -30, 30, false))
        return e;
    return checkRange(prefix + QStringLiteral(".q"), h.q, 0.1, 50, false);
}

std::optional<Error> checkCrossFields(const DegradationProfile& p)
{
    if (p.impulseWidthMinMs > p.impulseWidthMaxMs)
        return fieldError(QStringLiteral("impulse_width_min_ms"),
                          QObject::tr("must not exceed \"impulse_width_max_ms\" (%1 > %2)")
                              .arg(number(p.impulseWidthMinMs), number(p.impulseWidthMaxMs)));
    return std::nullopt;
}

} // namespace

QJsonObject DegradationProfile::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String(kVersionKey), kVersion);
    if (!description.isEmpty())
        json.insert(QLatin1String(kDescriptionKey), description);
    for (const NumberField& f : numberFields())
        json.insert(QLatin1String(f.key), this->*f.member);
    json.insert(QLatin1String(kCorrelatedKey), impulsesCorrelatedAcrossChannels);
    QJsonArray harmonics;
    for (double h : humHarmonicsDb)
        harmonics.append(h);
    json.insert(QLatin1String(kHarmonicsKey), harmonics);
    QJsonArray horns;
    for (const HornResonance& h : hornResonances)
        horns.append(QJsonObject{{QStringLiteral("freq_hz"), h.freqHz},
                                 {QStringLiteral("gain_db"), h.gainDb},
                                 {QStringLiteral("q"), h.q}});
    json.insert(QLatin1String(kHornKey), horns);
    return json;
}

Result<DegradationProfile> DegradationProfile::fromJson(const QJsonObject& json)
{
    QSet<QString> known{QLatin1String(kVersionKey), QLatin1String(kDescriptionKey), QLatin1String(kCorrelatedKey),
                        QLatin1String(kHarmonicsKey), QLatin1String(kHornKey)};
    for (const NumberField& f : numberFields())
        known.insert(QLatin1String(f.key));
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.contains(it.key()))
            return fieldError(it.key(), QObject::tr("is not a known field of a degradation profile"));

    DegradationProfile p;
    {
        const QString key = QLatin1String(kVersionKey);
        auto v = readNumber(json, key);
        if (!v)
            return v.error();
        if (v.value() != kVersion)
            return fieldError(key, QObject::tr("must be %1 (the only version this Shellac reads), got %2")
                                       .arg(kVersion)
                                       .arg(number(v.value())));
    }
    if (json.contains(QLatin1String(kDescriptionKey))) {
        const QJsonValue d = json.value(QLatin1String(kDescriptionKey));
        if (!d.isString())
            return fieldError(QLatin1String(kDescriptionKey), QObject::tr("must be a string"));
        p.description = d.toString();
    }
    for (const NumberField& f : numberFields()) {
        const QString key = QLatin1String(f.key);
        auto v = readNumber(json, key);
        if (!v)
            return v.error();
        if (auto e = checkRange(key, v.value(), f.min, f.max, f.zeroMeansOff))
            return *e;
        p.*f.member = v.value();
    }
    {
        const QString key = QLatin1String(kCorrelatedKey);
        if (!json.contains(key))
            return fieldError(key, QObject::tr("is missing"));
        if (!json.value(key).isBool())
            return fieldError(key, QObject::tr("must be true or false"));
        p.impulsesCorrelatedAcrossChannels = json.value(key).toBool();
    }
    {
        const QString key = QLatin1String(kHarmonicsKey);
        if (!json.contains(key))
            return fieldError(key, QObject::tr("is missing"));
        if (!json.value(key).isArray())
            return fieldError(key, QObject::tr("must be a list of numbers (dB re the fundamental)"));
        const QJsonArray list = json.value(key).toArray();
        if (list.size() > kMaxHarmonics)
            return fieldError(key, QObject::tr("may hold at most %1 harmonics, got %2").arg(kMaxHarmonics).arg(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString item = key + QStringLiteral("[%1]").arg(i);
            if (!list.at(i).isDouble())
                return fieldError(item, QObject::tr("must be a number"));
            if (auto e = checkRange(item, list.at(i).toDouble(), kOffDb, 20, false))
                return *e;
            p.humHarmonicsDb.push_back(list.at(i).toDouble());
        }
    }
    {
        const QString key = QLatin1String(kHornKey);
        if (!json.contains(key))
            return fieldError(key, QObject::tr("is missing"));
        if (!json.value(key).isArray())
            return fieldError(key, QObject::tr("must be a list of {\"freq_hz\", \"gain_db\", \"q\"} objects"));
        const QJsonArray list = json.value(key).toArray();
        if (list.size() > kMaxHornResonances)
            return fieldError(key, QObject::tr("may hold at most %1 resonances, got %2").arg(kMaxHornResonances).arg(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString item = key + QStringLiteral("[%1]").arg(i);
            if (!list.at(i).isObject())
                return fieldError(item, QObject::tr("must be an object {\"freq_hz\", \"gain_db\", \"q\"}"));
            const QJsonObject o = list.at(i).toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.key() != u"freq_hz" && it.key() != u"gain_db" && it.key() != u"q")
                    return fieldError(item + QLatin1Char('.') + it.key(), QObject::tr("is not a known field of a horn resonance"));
            double values[3] = {};
            for (int k = 0; k < 3; ++k) {
                auto v = readNumber(o, QLatin1String(hornKeys[k]), item + QLatin1Char('.') + QLatin1String(hornKeys[k]));
                if (!v)
                    return v.error();
                values[k] = v.value();
            }
            const HornResonance h{values[0], values[1], values[2]};
            if (auto e = checkHorn(item, h))
                return *e;
            p.hornResonances.push_back(h);
        }
    }
    if (auto e = checkCrossFields(p))
        return *e;
    return p;
}

Status DegradationProfile::validate() const
{
    for (const NumberField& f : numberFields())
        if (auto e = checkRange(QLatin1String(f.key), this->*f.member, f.min, f.max, f.zeroMeansOff))
            return *e;
    if (humHarmonicsDb.size() > std::size_t(kMaxHarmonics))
        return fieldError(QLatin1String(kHarmonicsKey), QObject::tr("may hold at most %1 harmonics").arg(kMaxHarmonics));
    for (std::size_t i = 0; i < humHarmonicsDb.size(); ++i)
        if (auto e = checkRange(QLatin1String(kHarmonicsKey) + QStringLiteral("[%1]").arg(i), humHarmonicsDb[i], kOffDb, 20, false))
            return *e;
    if (hornResonances.size() > std::size_t(kMaxHornResonances))
        return fieldError(QLatin1String(kHornKey), QObject::tr("may hold at most %1 resonances").arg(kMaxHornResonances));
    for (std::size_t i = 0; i < hornResonances.size(); ++i)
        if (auto e = checkHorn(QLatin1String(kHornKey) + QStringLiteral("[%1]").arg(i), hornResonances[i]))
            return *e;
    if (auto e = checkCrossFields(*this))
        return *e;
    return Status::success();
}

Result<DegradationProfile> DegradationProfile::load(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.exists())
        return Error{shown, QObject::tr("profile file does not exist")};
    if (!file.open(QIODevice::ReadOnly))
        return Error{shown, QObject::tr("cannot read (%1)").arg(file.errorString())};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{shown, QObject::tr("not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)};
    if (!doc.isObject())
        return Error{shown, QObject::tr("expected a JSON object (a degradation profile)")};
    auto profile = fromJson(doc.object());
    if (!profile)
        return Error{shown, profile.error().reason};
    return profile;
}

Status DegradationProfile::save(const QString& path) const
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{shown, QObject::tr("cannot write (%1)").arg(file.errorString())};
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error{shown, QObject::tr("cannot write (%1)").arg(file.errorString())};
    return Status::success();
}

QStringList DegradationProfile::presetNames()
{
    return {QStringLiteral("clean"), QStringLiteral("light"), QStringLiteral("typical78"), QStringLiteral("heavy")};
}

Result<DegradationProfile> DegradationProfile::preset(const QString& name)
{
    DegradationProfile p; // defaults: every source off
    if (name == u"clean") {
        p.description = QStringLiteral("No degradation at all: output equals input.");
        return p;
    }
    if (name == u"light") {
        p.description = QStringLiteral("A well-kept shellac disc: few clicks, faint crackle and hiss.");
        p.impulseRatePerS = 4;
        p.impulsePeakMedianDb = 0;
        p.impulsePeakSigmaDb = 6;
        p.impulseWidthMedianMs = 0.15;
        p.impulseWidthSigmaOctaves = 1;
        p.impulseWidthMinMs = 0.02;
        p.impulseWidthMaxMs = 3;
        p.popFraction = 0;
        p.impulsePositiveFraction = 0.5;
        p.impulseResonanceHz = 12000;
        p.impulseResonanceDecayMs = 0.1;
        p.crackleRatePerS = 80;
        p.cracklePeakMedianDb = -26;
        p.hissLevelDbfs = -55;
        p.hissTiltDbPerOctave = -3;
        p.hissChannelCorrelation = 0.5;
        p.rumbleLevelDbfs = -66;
        p.rumbleCornerHz = 15;
        p.bandwidthLowPassHz = 8000;
        p.bandwidthHighPassHz = 40;
        return p;
    }
    if (name == u"typical78") {
        p.description = QStringLiteral("Typical worn shellac (electrical era): clicks, crackle, hiss, 50 Hz hum, 5.5 kHz bandwidth.");
        p.impulseRatePerS = 20;
        p.impulsePeakMedianDb = 4;
        p.impulsePeakSigmaDb = 7;
        p.impulseWidthMedianMs = 0.3;
        p.impulseWidthSigmaOctaves = 1;
        p.impulseWidthMinMs = 0.02;
        p.impulseWidthMaxMs = 5;
        p.popFraction = 0.02;
        p.popWidthMedianMs = 8;
        p.impulsePositiveFraction = 0.6;
        p.impulseResonanceHz = 9000;
        p.impulseResonanceDecayMs = 0.15;
        p.crackleRatePerS = 300;
        p.cracklePeakMedianDb = -14;
        p.cracklePeakSigmaDb = 6;
        p.hissLevelDbfs = -45;
        p.hissTiltDbPerOctave = -3;
        p.hissChannelCorrelation = 0.5;
        p.humFundamentalHz = 50;
        p.humLevelDbfs = -55;
        p.humHarmonicsDb = {-6, -12, -20};
        p.rumbleLevelDbfs = -52;
        p.rumbleCornerHz = 20;
        p.bandwidthLowPassHz = 5500;
        p.bandwidthHighPassHz = 60;
        p.wowDepthPercent = 0.1;
        p.wowRateHz = 1.3; // 78 rpm: once per revolution
        p.realNoiseGainDb = 0;
        p.realNoiseGainSpreadDb = 3;
        return p;
    }
    if (name == u"heavy") {
        p.description = QStringLiteral("Badly worn acoustic-era disc: many clicks and pops, dense crackle, loud hiss, "
                                       "60 Hz hum, 4 kHz bandwidth with horn resonances, wow.");
        p.impulseRatePerS = 80;
        p.impulsePeakMedianDb = 8;
        p.impulsePeakSigmaDb = 8;
        p.impulseWidthMedianMs = 0.5;
        p.impulseWidthSigmaOctaves = 1.2;
        p.impulseWidthMinMs = 0.02;
        p.impulseWidthMaxMs = 5;
        p.popFraction = 0.06;
        p.popWidthMedianMs = 12;
        p.impulsePositiveFraction = 0.65;
        p.impulseResonanceHz = 7000;
        p.impulseResonanceDecayMs = 0.25;
        p.crackleRatePerS = 1000;
        p.cracklePeakMedianDb = -8;
        p.cracklePeakSigmaDb = 7;
        p.hissLevelDbfs = -36;
        p.hissTiltDbPerOctave = -2;
        p.hissChannelCorrelation = 0.6;
        p.humFundamentalHz = 60;
        p.humLevelDbfs = -46;
        p.humHarmonicsDb = {-4, -8, -14, -20};
        p.rumbleLevelDbfs = -42;
        p.rumbleCornerHz = 25;
        p.bandwidthLowPassHz = 4000;
        p.bandwidthHighPassHz = 180;
        p.hornResonances = {{650, 6, 3}, {1700, 4, 4}, {3100, 5, 5}};
        p.wowDepthPercent = 0.3;
        p.wowRateHz = 1.3;
        p.realNoiseGainDb = 3;
        p.realNoiseGainSpreadDb = 4;
        return p;
    }
    return Error{name, QObject::tr("unknown degradation preset (choose %1)")
                           .arg(presetNames().join(QStringLiteral(", ")))};
}

} // namespace shellac::degrade
