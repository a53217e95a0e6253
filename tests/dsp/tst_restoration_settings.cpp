// RestorationSettings: what the restore panel and project files store. JSON round trip, strict
// parsing with the field named, validation, and the one-line summaries.

#include "restore/RestorationSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace shellac;

Q_DECLARE_METATYPE(shellac::RestorationSettings)

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/// fromJson's error text, or "ok".
QString errorOf(const QJsonObject& json)
{
    auto parsed = RestorationSettings::fromJson(json);
    return parsed ? QStringLiteral("ok") : parsed.error().message();
}

} // namespace

class TestRestorationSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsExact_data()
    {
        QTest::addColumn<RestorationSettings>("settings");
        QTest::newRow("defaults") << RestorationSettings{};
        RestorationSettings odd;
        odd.dsp.rumbleCornerHz.reset();
        odd.dsp.humMode = dsp::HumMode::Force60;
        odd.dsp.declickSensitivity = 7.25;
        odd.dsp.decrackleLevel = 0.1 + 0.2; // not exactly 0.3: the double must survive as is
        odd.dsp.dehissReductionDb = 17.5;
        odd.dsp.noiseRangeSeconds = std::make_pair(0.25, 2.75);
        odd.dsp.smoothPulses = false;
        QTest::newRow("dsp, odd values") << odd;
        RestorationSettings neural;
        neural.method = RestorationMethod::Neural;
        neural.modelPath = QStringLiteral("/models/run 3/best.pt");
        neural.mix = 0.7;
        neural.dsp.declickSensitivity.reset();
        neural.dsp.decrackleLevel.reset();
        neural.dsp.dehissReductionDb.reset();
        neural.dsp.rumbleCornerHz.reset();
        neural.dsp.humMode = dsp::HumMode::Off; // every classical step off is fine for neural
        QTest::newRow("neural, chain off") << neural;
        RestorationSettings hybrid;
        hybrid.method = RestorationMethod::Hybrid;
        hybrid.mix = 1.0 / 3.0;
        hybrid.dsp.humMode = dsp::HumMode::Force50;
        QTest::newRow("hybrid") << hybrid;
    }
    void roundTripIsExact()
    {
        QFETCH(RestorationSettings, settings);
        QVERIFY(settings.validate().ok());
        // Through text too, as a project file stores it.
        const QByteArray text = QJsonDocument(settings.toJson()).toJson();
        auto back = RestorationSettings::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back.ok(), back ? "" : qPrintable(back.error().message()));
        QVERIFY(back.value() == settings);
        QCOMPARE(back.value().toJson(), settings.toJson());
    }

    void layoutIsDocumented()
    {
        RestorationSettings s;
        s.method = RestorationMethod::Hybrid;
        const QJsonObject o = s.toJson();
        QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("hybrid"));
        QCOMPARE(o.value(QStringLiteral("model")).toString(), QString());
        QCOMPARE(o.value(QStringLiteral("mix")).toDouble(), 1.0);
        QCOMPARE(o.value(QStringLiteral("dsp")).toObject().value(QStringLiteral("rumble_hz")).toDouble(), 20.0);
        QCOMPARE(o.value(QStringLiteral("dsp")).toObject().value(QStringLiteral("smooth_pulses")), QJsonValue(true));
    }

    void missingKeysKeepDefaults()
    {
        auto parsed = RestorationSettings::fromJson(parse(R"({"method": "neural", "dsp": {"declick_sensitivity": "off"}})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().method, RestorationMethod::Neural);
        QVERIFY(!parsed.value().dsp.declickSensitivity);
        QCOMPARE(*parsed.value().dsp.dehissReductionDb, 12.0);
        QCOMPARE(parsed.value().mix, 1.0);
        QVERIFY(parsed.value().dsp.smoothPulses);   // files from before the key existed
    }

    void badJsonNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown top key") << QByteArray(R"({"method": "dsp", "strength": 3})")
                                         << QStringLiteral("strength: unknown setting");
        QTest::newRow("unknown dsp key") << QByteArray(R"({"dsp": {"declick": 5}})")
                                         << QStringLiteral("dsp.declick: unknown setting");
        QTest::newRow("unknown method") << QByteArray(R"({"method": "magic"})")
                                        << QStringLiteral("method: expected \"dsp\", \"neural\" or \"hybrid\", got \"magic\"");
        QTest::newRow("mix out of range") << QByteArray(R"({"method": "neural", "mix": 1.5})")
                                          << QStringLiteral("mix: must be between 0 and 1, got 1.5");
        QTest::newRow("mix not a number") << QByteArray(R"({"mix": "half"})")
                                          << QStringLiteral("mix: expected a number from 0 to 1, got \"half\"");
        QTest::newRow("rumble out of range") << QByteArray(R"({"dsp": {"rumble_hz": 5}})")
                                             << QStringLiteral("dsp.rumble_hz: must be between 10 and 300 (or off), got 5");
        QTest::newRow("declick out of range") << QByteArray(R"({"dsp": {"declick_sensitivity": 11}})")
                                              << QStringLiteral("dsp.declick_sensitivity: must be between 1 and 10 (or off), got 11");
        QTest::newRow("dehiss wrong type") << QByteArray(R"({"dsp": {"dehiss_db": true}})")
                                           << QStringLiteral("dsp.dehiss_db: expected a number or \"off\", got true");
        QTest::newRow("smooth pulses wrong type") << QByteArray(R"({"dsp": {"smooth_pulses": "on"}})")
                                                  << QStringLiteral("dsp.smooth_pulses: expected true or false, got \"on\"");
        QTest::newRow("dehum") << QByteArray(R"({"dsp": {"dehum": "55"}})")
                               << QStringLiteral("dsp.dehum: expected \"auto\", \"50\", \"60\" or \"off\", got \"55\"");
        QTest::newRow("noise range shape") << QByteArray(R"({"dsp": {"noise_from_s": [1]}})")
                                           << QStringLiteral("dsp.noise_from_s: expected [START, END] in seconds, got [1]");
        QTest::newRow("noise range inverted") << QByteArray(R"({"dsp": {"noise_from_s": [3, 1]}})")
                                              << QStringLiteral("dsp.noise_from_s: must be START-END in seconds with 0 <= START < END, got 3-1");
        QTest::newRow("noise range without dehiss") << QByteArray(R"({"dsp": {"noise_from_s": [0, 1], "dehiss_db": "off"}})")
                                                    << QStringLiteral("dsp.noise_from_s: a noise range needs dehiss on");
        QTest::newRow("everything off for dsp")
            << QByteArray(R"({"dsp": {"rumble_hz": "off", "dehum": "off", "declick_sensitivity": "off",
                          "decrackle_level": "off", "dehiss_db": "off"}})")
            << QStringLiteral("dsp: every restoration step is off; nothing to do");
        QTest::newRow("newer version") << QByteArray(R"({"version": 2})")
                                       << QStringLiteral("version: 2 is newer than this Shellac understands (1)");
        QTest::newRow("model not a string") << QByteArray(R"({"model": 3})")
                                            << QStringLiteral("model: expected a file path (\"\" for the default model), got 3");
    }
    void badJsonNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY(doc.isObject());
        QCOMPARE(errorOf(doc.object()), message);
    }

    void validateNamesTheField()
    {
        RestorationSettings s;
        s.mix = -0.1;
        QVERIFY(!s.validate().ok());
        QCOMPARE(s.validate().error().subject, QStringLiteral("mix"));
        s.mix = 0.5;
        s.dsp.decrackleLevel = 12;
        QCOMPARE(s.validate().error().subject, QStringLiteral("dsp.decrackle_level"));
        // Out of range is out of range even when the method does not run the chain.
        s.method = RestorationMethod::Neural;
        QCOMPARE(s.validate().error().subject, QStringLiteral("dsp.decrackle_level"));
    }

    void methodNames()
    {
        for (RestorationMethod m : {RestorationMethod::Dsp, RestorationMethod::Neural, RestorationMethod::Hybrid})
            QCOMPARE(restorationMethodFromName(restorationMethodName(m)), std::optional<RestorationMethod>(m));
        QCOMPARE(restorationMethodFromName(QStringLiteral(" Hybrid ")), std::optional<RestorationMethod>(RestorationMethod::Hybrid));
        QVERIFY(!restorationMethodFromName(QStringLiteral("auto")));
    }

    void summary_data()
    {
        QTest::addColumn<RestorationSettings>("settings");
        QTest::addColumn<QString>("text");
        QTest::newRow("classical defaults")
            << RestorationSettings{} << QStringLiteral("classical: declick 5 · decrackle 5 · dehum auto · dehiss 12 dB · rumble 20 Hz");
        RestorationSettings custom;
        custom.dsp.declickSensitivity = 7.5;
        custom.dsp.decrackleLevel.reset();
        custom.dsp.humMode = dsp::HumMode::Force60;
        custom.dsp.noiseRangeSeconds = std::make_pair(0.0, 2.5);
        custom.dsp.rumbleCornerHz.reset();
        QTest::newRow("classical custom")
            << custom << QStringLiteral("classical: declick 7.5 · decrackle off · dehum 60 Hz · dehiss 12 dB (noise 0–2.5 s) · rumble off");
        custom.dsp.smoothPulses = false;
        QTest::newRow("classical, pulses off")
            << custom
            << QStringLiteral("classical: declick 7.5 (pulses off) · decrackle off · dehum 60 Hz · dehiss 12 dB (noise 0–2.5 s) · rumble off");
        RestorationSettings neural;
        neural.method = RestorationMethod::Neural;
        QTest::newRow("neural default") << neural << QStringLiteral("neural: default model · mix 100 %");
        neural.modelPath = QStringLiteral("/home/me/runs/first/best.pt");
        neural.mix = 0.7;
        QTest::newRow("neural own model") << neural << QStringLiteral("neural: best.pt · mix 70 %");
        RestorationSettings hybrid;
        hybrid.method = RestorationMethod::Hybrid;
        QTest::newRow("hybrid")
            << hybrid
            << QStringLiteral("hybrid: declick 5 · decrackle 5 · dehum auto · dehiss 12 dB · rumble 20 Hz, then default model · mix 100 %");
    }
    void summary()
    {
        QFETCH(RestorationSettings, settings);
        QFETCH(QString, text);
        QCOMPARE(settings.summary(), text);
        QCOMPARE(RestorationSettings::summaryOf(settings.toJson()), text);
    }

    void summaryOfForeignJson()
    {
        // Something a later version (or another tool) wrote: rendered generically, never lost.
        const QJsonObject foreign = parse(R"({"engine": "fancy", "passes": 3, "bands": [1, 2], "opts": {"fast": true}})");
        QCOMPARE(RestorationSettings::summaryOf(foreign), QStringLiteral("bands [1, 2] · engine fancy · opts (fast true) · passes 3"));
        QCOMPARE(RestorationSettings::summaryOf(QJsonObject{}), QString());
    }

    void dspSettingsParserMatchesToJson()
    {
        dsp::DspRestorerSettings s;
        s.humMode = dsp::HumMode::Off;
        s.dehissReductionDb = 30.0;
        auto back = dspSettingsFromJson(s.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value().toJson(), s.toJson());
        auto bad = dspSettingsFromJson(parse(R"({"rumble_hz": [20]})"), QStringLiteral("settings."));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().subject, QStringLiteral("settings.rumble_hz"));
    }
};

QTEST_GUILESS_MAIN(TestRestorationSettings)
#include "tst_restoration_settings.moc"
