// DegradationProfile: presets, exact JSON round trips, and one clear error per bad field.

#include "degrade/DegradationProfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace shellac;
using namespace shellac::degrade;

namespace {

QJsonObject typicalJson()
{
    return DegradationProfile::preset(QStringLiteral("typical78")).value().toJson();
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestDegradationProfile : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void presetsExist()
    {
        QCOMPARE(DegradationProfile::presetNames(),
                 (QStringList{QStringLiteral("clean"), QStringLiteral("light"), QStringLiteral("typical78"), QStringLiteral("heavy")}));
        for (const QString& name : DegradationProfile::presetNames()) {
            auto p = DegradationProfile::preset(name);
            QVERIFY2(p.ok(), qPrintable(name));
            QVERIFY2(p.value().validate().ok(), qPrintable(name));
        }
        const auto typical = DegradationProfile::preset(QStringLiteral("typical78")).value();
        QVERIFY(typical.impulseRatePerS >= 10 && typical.impulseRatePerS <= 30);
        QVERIFY(typical.crackleRatePerS >= 100 && typical.crackleRatePerS <= 900);
        QCOMPARE(typical.hissLevelDbfs, -45.0);
        QVERIFY(typical.hissTiltDbPerOctave < 0);
        QCOMPARE(typical.humFundamentalHz, 50.0);
        QCOMPARE(typical.humLevelDbfs, -55.0);
        QVERIFY(typical.bandwidthLowPassHz >= 5000 && typical.bandwidthLowPassHz <= 6000);
        const auto clean = DegradationProfile::preset(QStringLiteral("clean")).value();
        QCOMPARE(clean.impulseRatePerS, 0.0);
        QCOMPARE(clean.crackleRatePerS, 0.0);
        QCOMPARE(clean.hissLevelDbfs, DegradationProfile::kOffDb);
        QCOMPARE(clean.humFundamentalHz, 0.0);
        QCOMPARE(clean.wowDepthPercent, 0.0);

        auto unknown = DegradationProfile::preset(QStringLiteral("mint"));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().message().contains(QStringLiteral("mint")));
        QVERIFY(unknown.error().message().contains(QStringLiteral("typical78")));
    }

    void jsonRoundTripIsExact_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : DegradationProfile::presetNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void jsonRoundTripIsExact()
    {
        QFETCH(QString, name);
        const DegradationProfile original = DegradationProfile::preset(name).value();
        const QJsonObject json = original.toJson();
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
        // Through text, as a file would carry it.
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Indented);
        const auto parsed = DegradationProfile::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QVERIFY(parsed.value() == original);
        QCOMPARE(parsed.value().toJson(), json);

        // And through save()/load().
        const QString path = m_dir.filePath(name + QStringLiteral(".json"));
        QVERIFY(original.save(path).ok());
        const auto loaded = DegradationProfile::load(path);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value() == original);
    }

    void unusualValuesRoundTrip()
    {
        DegradationProfile p = DegradationProfile::preset(QStringLiteral("heavy")).value();
        p.impulseRatePerS = 0.1 + 0.2; // not exactly representable in short decimal
        p.hissTiltDbPerOctave = -3.0 / 7.0;
        p.humHarmonicsDb = {-1.0 / 3.0, -200, 20};
        p.hornResonances.push_back({12345.678901234567, -29.999999, 49.5});
        p.description = QStringLiteral("Ünïcode “quotes”");
        QVERIFY(p.validate().ok());
        const QByteArray text = QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
        const auto back = DegradationProfile::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY(back.ok());
        QVERIFY(back.value() == p);
    }

    void badFieldIsNamed_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("expected");

        QJsonObject j = typicalJson();
        j.remove(QStringLiteral("impulse_rate_per_s"));
        QTest::newRow("missing number") << j << QStringLiteral("field \"impulse_rate_per_s\" is missing");
        j = typicalJson();
        j.remove(QStringLiteral("impulses_correlated_across_channels"));
        QTest::newRow("missing bool") << j << QStringLiteral("field \"impulses_correlated_across_channels\" is missing");
        j = typicalJson();
        j.remove(QStringLiteral("horn_resonances"));
        QTest::newRow("missing list") << j << QStringLiteral("field \"horn_resonances\" is missing");
        j = typicalJson();
        j.remove(QStringLiteral("version"));
        QTest::newRow("missing version") << j << QStringLiteral("field \"version\" is missing");

        j = typicalJson();
        j.insert(QStringLiteral("impulse_rate"), 10);
        QTest::newRow("unknown field") << j << QStringLiteral("field \"impulse_rate\" is not a known field");

        j = typicalJson();
        j.insert(QStringLiteral("hiss_level_dbfs"), QStringLiteral("loud"));
        QTest::newRow("string for number") << j << QStringLiteral("field \"hiss_level_dbfs\" must be a number");
        j = typicalJson();
        j.insert(QStringLiteral("impulses_correlated_across_channels"), 1);
        QTest::newRow("number for bool") << j << QStringLiteral("field \"impulses_correlated_across_channels\" must be true or false");
        j = typicalJson();
        j.insert(QStringLiteral("hum_harmonics_db"), -6);
        QTest::newRow("number for list") << j << QStringLiteral("field \"hum_harmonics_db\" must be a list");
        j = typicalJson();
        j.insert(QStringLiteral("hum_harmonics_db"), QJsonArray{-6, QStringLiteral("x")});
        QTest::newRow("bad list item") << j << QStringLiteral("field \"hum_harmonics_db[1]\" must be a number");
        j = typicalJson();
        j.insert(QStringLiteral("description"), 3);
        QTest::newRow("number for text") << j << QStringLiteral("field \"description\" must be a string");

        j = typicalJson();
        j.insert(QStringLiteral("impulse_rate_per_s"), -3);
        QTest::newRow("below range") << j << QStringLiteral("field \"impulse_rate_per_s\" must be between 0 and 2000, got -3");
        j = typicalJson();
        j.insert(QStringLiteral("pop_fraction"), 1.5);
        QTest::newRow("above range") << j << QStringLiteral("field \"pop_fraction\" must be between 0 and 1, got 1.5");
        j = typicalJson();
        j.insert(QStringLiteral("hum_fundamental_hz"), 5);
        QTest::newRow("zero or range") << j << QStringLiteral("field \"hum_fundamental_hz\" must be 0 (none) or between 16 and 1000, got 5");
        j = typicalJson();
        j.insert(QStringLiteral("hiss_level_dbfs"), 6);
        QTest::newRow("positive dBFS") << j << QStringLiteral("field \"hiss_level_dbfs\" must be between -200 and 0, got 6");
        j = typicalJson();
        j.insert(QStringLiteral("version"), 2);
        QTest::newRow("future version") << j << QStringLiteral("field \"version\" must be 1");
        j = typicalJson();
        j.insert(QStringLiteral("hum_harmonics_db"), QJsonArray{-6, 30});
        QTest::newRow("list item range") << j << QStringLiteral("field \"hum_harmonics_db[1]\" must be between -200 and 20, got 30");

        j = typicalJson();
        j.insert(QStringLiteral("horn_resonances"), QJsonArray{QJsonObject{{QStringLiteral("freq_hz"), 700}, {QStringLiteral("gain_db"), 3}, {QStringLiteral("q"), 0}}});
        QTest::newRow("horn q range") << j << QStringLiteral("field \"horn_resonances[0].q\" must be between 0.1 and 50, got 0");
        j = typicalJson();
        j.insert(QStringLiteral("horn_resonances"), QJsonArray{QJsonObject{{QStringLiteral("freq_hz"), 700}, {QStringLiteral("gain_db"), 3}}});
        QTest::newRow("horn q missing") << j << QStringLiteral("field \"horn_resonances[0].q\" is missing");
        j = typicalJson();
        j.insert(QStringLiteral("horn_resonances"), QJsonArray{QJsonObject{{QStringLiteral("freq_hz"), 700}, {QStringLiteral("gain_db"), 3},
                                                                           {QStringLiteral("q"), 2}, {QStringLiteral("bandwidth"), 1}}});
        QTest::newRow("horn unknown key") << j << QStringLiteral("field \"horn_resonances[0].bandwidth\" is not a known field");
        j = typicalJson();
        j.insert(QStringLiteral("horn_resonances"), QJsonArray{42});
        QTest::newRow("horn not object") << j << QStringLiteral("field \"horn_resonances[0]\" must be an object");

        j = typicalJson();
        j.insert(QStringLiteral("impulse_width_min_ms"), 6);
        QTest::newRow("min above max") << j << QStringLiteral("field \"impulse_width_min_ms\" must not exceed \"impulse_width_max_ms\"");
    }

    void badFieldIsNamed()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, expected);
        const auto parsed = DegradationProfile::fromJson(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().reason.startsWith(expected),
                 qPrintable(QStringLiteral("got: ") + parsed.error().reason + QStringLiteral("\nexpected: ") + expected));

        // The same problem through a file names the file too.
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        writeText(path, QJsonDocument(json).toJson());
        const auto loaded = DegradationProfile::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().subject, QDir::toNativeSeparators(path));
        QVERIFY(loaded.error().message().contains(expected));
    }

    void validateCatchesProgrammaticErrors()
    {
        DegradationProfile p = DegradationProfile::preset(QStringLiteral("light")).value();
        p.crackleRatePerS = 1e9;
        QVERIFY(!p.validate().ok());
        QVERIFY(p.validate().error().reason.contains(QStringLiteral("\"crackle_rate_per_s\"")));
        p = DegradationProfile::preset(QStringLiteral("light")).value();
        p.hornResonances.push_back({50, 3, 200});
        QVERIFY(p.validate().error().reason.contains(QStringLiteral("\"horn_resonances[0].q\"")));
        p = DegradationProfile::preset(QStringLiteral("light")).value();
        p.wowRateHz = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(p.validate().error().reason.contains(QStringLiteral("\"wow_rate_hz\"")));
    }

    void fileErrorsNameTheFile()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nope.json"));
        auto r = DegradationProfile::load(missing);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().subject, QDir::toNativeSeparators(missing));
        QVERIFY(r.error().reason.contains(QStringLiteral("does not exist")));

        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        writeText(broken, "{\"version\": 1,");
        r = DegradationProfile::load(broken);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().subject, QDir::toNativeSeparators(broken));
        QVERIFY(r.error().reason.contains(QStringLiteral("not valid JSON")));

        const QString array = m_dir.filePath(QStringLiteral("array.json"));
        writeText(array, "[1, 2]");
        r = DegradationProfile::load(array);
        QVERIFY(!r.ok());
        QVERIFY(r.error().reason.contains(QStringLiteral("expected a JSON object")));

        const QString noFolder = m_dir.filePath(QStringLiteral("no/such/folder/p.json"));
        const Status saved = DegradationProfile::preset(QStringLiteral("light")).value().save(noFolder);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().subject, QDir::toNativeSeparators(noFolder));
        QVERIFY(!QFile::exists(noFolder));
    }

    void saveReplacesAtomically()
    {
        const QString path = m_dir.filePath(QStringLiteral("replace.json"));
        QVERIFY(DegradationProfile::preset(QStringLiteral("light")).value().save(path).ok());
        QVERIFY(DegradationProfile::preset(QStringLiteral("heavy")).value().save(path).ok());
        QVERIFY(DegradationProfile::load(path).value() == DegradationProfile::preset(QStringLiteral("heavy")).value());
        // No temporary files left next to it.
        const QStringList left = QDir(m_dir.path()).entryList(QStringList{QStringLiteral("replace.json*")}, QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList{QStringLiteral("replace.json")});
    }
};

QTEST_GUILESS_MAIN(TestDegradationProfile)
#include "tst_degradation_profile.moc"
