// Decrackler: dense small impulses removed, clean music left alone.
#include "dsp/Decrackler.h"

#include "ImpulseTestSignals.h"

#include <QElapsedTimer>
#include <QtTest>

#include <cmath>

using namespace shellac;
using namespace shellac::dsp;
using namespace shellac::test::impulse;

namespace {
constexpr int kRate = 44100;

Signal decrackle(const Signal& x, Decrackler& stage, std::int64_t block = 4096)
{
    if (!stage.prepare(kRate, 1).ok())
        qFatal("prepare failed");
    return runStage(stage, x, block);
}
} // namespace

class TestDecrackler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void removesDenseCrackle_data();
    void removesDenseCrackle();
    void leavesCleanMusicAlone();
    void leavesTransientsAlone();
    void levelZeroBypasses();
    void blockSizeDoesNotMatter();
    void speed();
};

void TestDecrackler::removesDenseCrackle_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("maxAmp");
    QTest::addColumn<double>("minGainDb");
    QTest::newRow("300/s, up to 0.03") << 300.0 << 0.03 << 6.0;
    QTest::newRow("800/s, up to 0.05") << 800.0 << 0.05 << 6.0;
    // Faint crackle (peaks -50..-36 dBFS under music at -20 dBFS RMS): smaller gain.
    QTest::newRow("150/s, up to 0.015 (faint)") << 150.0 << 0.015 << 3.0;
}

void TestDecrackler::removesDenseCrackle()
{
    QFETCH(double, rate);
    QFETCH(double, maxAmp);
    QFETCH(double, minGainDb);
    const Signal clean = music(4.0, kRate, 21);
    Signal dirty = clean;
    const auto truth = addCrackle(dirty, rate, maxAmp / 5.0, maxAmp);
    Decrackler stage;
    const Signal out = decrackle(dirty, stage);
    QCOMPARE(out.size(), dirty.size());
    const double before = snr(clean, dirty), after = snr(clean, out);
    qInfo("crackle %.0f/s (%zu impulses, peaks %.3f..%.3f): SNR %.1f -> %.1f dB (+%.1f dB), %lld events, %lld samples",
          rate, truth.size(), maxAmp / 5, maxAmp, before, after, after - before,
          static_cast<long long>(stage.crackleEvents()), static_cast<long long>(stage.samplesRepaired()));
    QVERIFY2(after - before >= minGainDb, qPrintable(QString::number(after - before)));
    const QJsonObject r = stage.report();
    QCOMPARE(r.value("crackle_events").toInteger(), stage.crackleEvents());
    QCOMPARE(r.value("samples_repaired").toInteger(), stage.samplesRepaired());
    QVERIFY(stage.crackleEvents() > static_cast<qint64>(truth.size()) / 2);
}

void TestDecrackler::leavesCleanMusicAlone()
{
    const Signal clean = music(4.0, kRate, 22);
    for (double level : {5.0, 10.0}) {
        Decrackler stage({level, 0});
        const Signal out = decrackle(clean, stage);
        const double changeDb = -snr(clean, out);
        qInfo("clean music, level %.0f: output differs by %.1f dB re the signal (%lld events)", level, changeDb,
              static_cast<long long>(stage.crackleEvents()));
        QVERIFY2(changeDb < -40.0, qPrintable(QString::number(changeDb)));
    }
}

void TestDecrackler::leavesTransientsAlone()
{
    std::vector<std::int64_t> onsets;
    const Signal clean = transients(6.0, &onsets);
    Decrackler stage;
    const Signal out = decrackle(clean, stage);
    const double changeDb = -snr(clean, out);
    qInfo("clean transients: output differs by %.1f dB re the signal (%lld events)", changeDb,
          static_cast<long long>(stage.crackleEvents()));
    // The first, bright period of a Karplus-Strong pluck draws a few detections at the default
    // level; the blend keeps most of each observed sample.
    QVERIFY2(changeDb < -25.0, qPrintable(QString::number(changeDb)));
}

void TestDecrackler::levelZeroBypasses()
{
    Signal dirty = music(1.0, kRate, 23);
    addCrackle(dirty, 300, 0.005, 0.03);
    Decrackler stage({0.0, 0});
    const Signal out = decrackle(dirty, stage, 777);
    QCOMPARE(out.size(), dirty.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        QCOMPARE(out[i], dirty[i]);
    QCOMPARE(stage.report().value("crackle_events").toInt(), 0);
    QCOMPARE(stage.name(), QStringLiteral("decrackle"));
    QVERIFY(Decrackler::thresholdForLevel(10) < Decrackler::thresholdForLevel(1));
}

void TestDecrackler::blockSizeDoesNotMatter()
{
    Signal dirty = music(1.0, kRate, 24);
    addCrackle(dirty, 400, 0.005, 0.03);
    Decrackler a, b;
    const Signal whole = decrackle(dirty, a, static_cast<std::int64_t>(dirty.size()));
    const Signal streamed = decrackle(dirty, b, 37);
    QCOMPARE(streamed.size(), whole.size());
    double worst = 0.0;
    for (std::size_t i = 0; i < whole.size(); ++i)
        worst = std::max(worst, double(std::abs(whole[i] - streamed[i])));
    QVERIFY(worst <= 1e-6);
    QCOMPARE(a.crackleEvents(), b.crackleEvents());
}

void TestDecrackler::speed()
{
    const double seconds = 20.0;
    Signal dirty = music(seconds, kRate, 25);
    addCrackle(dirty, 300, 0.005, 0.03);
    Decrackler stage;
    QVERIFY(stage.prepare(kRate, 1).ok());
    QElapsedTimer timer;
    timer.start();
    const Signal out = runStage(stage, dirty, 4096);
    const double elapsed = timer.nsecsElapsed() * 1e-9;
    qInfo("decrackle speed (300 impulses/s, 44.1 kHz mono): %.0fx real time", seconds / elapsed);
    QCOMPARE(out.size(), dirty.size());
}

QTEST_APPLESS_MAIN(TestDecrackler)
#include "tst_decrackler.moc"
