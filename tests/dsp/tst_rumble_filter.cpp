// The "rumble" stage: Butterworth high-pass at the chosen corner, zero latency, report JSON.

#include "StageRunner.h"
#include "TestSignals.h"

#include "dsp/RumbleFilter.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace shellac;
using namespace shellac::dsp;
using shellac::test::runStage;

namespace {

double gainDb(const AudioBlock& in, const AudioBlock& out, std::int64_t from)
{
    double pi = 0, po = 0;
    for (std::int64_t i = from; i < in.frames(); ++i) {
        pi += double(in.channel(0)[i]) * in.channel(0)[i];
        po += double(out.channel(0)[i]) * out.channel(0)[i];
    }
    return 10 * std::log10(po / pi);
}

} // namespace

class TestRumbleFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void response_data()
    {
        QTest::addColumn<double>("corner");
        QTest::addColumn<double>("freq");
        for (double corner : {30.0, 60.0})
            for (double f : {8.0, 15.0, 30.0, 60.0, 120.0, 1000.0})
                QTest::addRow("corner %g at %g Hz", corner, f) << corner << f;
    }
    void response()
    {
        QFETCH(double, corner);
        QFETCH(double, freq);
        const int rate = 44100;
        RumbleFilter stage({corner, 4});
        QVERIFY(stage.prepare(rate, 1).ok());
        QVERIFY(!stage.wantsAnalysis());
        const AudioBlock in = test::sine(1, 6 * rate, rate, freq, 0.5);
        const AudioBlock out = runStage(stage, in, 4097);
        QCOMPARE(out.frames(), in.frames());
        const double ideal = -10 * std::log10(1 + std::pow(corner / freq, 8)); // 4th-order Butterworth
        const double measured = gainDb(in, out, 3 * rate);
        QVERIFY2(std::abs(measured - ideal) < 0.1, qPrintable(QString("%1 vs %2").arg(measured).arg(ideal)));
    }

    void reportAndDefaults()
    {
        RumbleFilter stage;
        QCOMPARE(stage.name(), QStringLiteral("rumble"));
        QVERIFY(stage.prepare(48000, 2).ok());
        const QJsonObject r = stage.report();
        QCOMPARE(r.value("corner_hz").toDouble(), 30.0);
        QCOMPARE(r.value("order").toInt(), 4);
        QVERIFY(!RumbleFilter().prepare(4000, 1).ok());
        QVERIFY(!RumbleFilter().prepare(44100, 9).ok());
    }

    void zeroLatencyAndChannelsIndependent()
    {
        RumbleFilter stage;
        QVERIFY(stage.prepare(44100, 2).ok());
        AudioBlock in(2, 1000);
        in.channel(0)[100] = 1.0f; // an impulse on the left only
        const AudioBlock out = runStage(stage, in, 7);
        QCOMPARE(out.frames(), in.frames());
        for (int i = 0; i < 100; ++i)
            QCOMPARE(out.channel(0)[i], 0.0f);
        QVERIFY(out.channel(0)[100] > 0.9f); // the impulse is where it was
        for (float v : out.channel(1))
            QCOMPARE(v, 0.0f);
    }

    void edgeCases()
    {
        RumbleFilter stage;
        QVERIFY(stage.prepare(44100, 1).ok());
        AudioBlock one(1, 1), out;
        one.channel(0)[0] = 0.5f;
        stage.process(one, out);
        QCOMPARE(out.frames(), std::int64_t(1));
        stage.finish(out);
        QCOMPARE(out.frames(), std::int64_t(0));

        // DC offset is removed, a full-scale square stays finite.
        RumbleFilter dc;
        QVERIFY(dc.prepare(44100, 1).ok());
        AudioBlock in(1, 3 * 44100);
        for (std::int64_t i = 0; i < in.frames(); ++i)
            in.channel(0)[i] = 0.3f + ((i / 50) % 2 ? 0.7f : -0.7f);
        const AudioBlock o = runStage(dc, in, 65536);
        double mean = 0;
        for (std::int64_t i = 2 * 44100; i < o.frames(); ++i) {
            QVERIFY(std::isfinite(o.channel(0)[i]));
            mean += o.channel(0)[i];
        }
        QVERIFY(std::abs(mean / 44100) < 1e-3);

        RumbleFilter silent;
        QVERIFY(silent.prepare(8000, 1).ok());
        const AudioBlock quiet = runStage(silent, AudioBlock(1, 8000), 100);
        QCOMPARE(quiet.frames(), std::int64_t(8000));
        for (float v : quiet.channel(0))
            QCOMPARE(v, 0.0f);
    }

    void linearPhaseKeepsTheWaveform_data()
    {
        QTest::addColumn<int>("block");
        QTest::newRow("1") << 1;
        QTest::newRow("777") << 777;
        QTest::newRow("65536") << 65536;
    }

    void linearPhaseKeepsTheWaveform()
    {
        QFETCH(int, block);
        RumbleFilterSettings settings;
        settings.linearPhase = true;
        const int rate = 44100;
        const std::int64_t frames = block == 1 ? rate / 2 : 3 * rate;
        // A 220 Hz partial must come out sample-aligned and unchanged (no IIR phase turn), while
        // 8 Hz rumble goes.
        const AudioBlock music = test::sine(1, frames, rate, 220, 0.3);
        AudioBlock input = music;
        const AudioBlock rumble = test::sine(1, frames, rate, 8, 0.3);
        for (std::int64_t i = 0; i < frames; ++i)
            input.channel(0)[i] += rumble.channel(0)[i];
        RumbleFilter stage(settings);
        QVERIFY(stage.prepare(rate, 1).ok());
        const AudioBlock out = runStage(stage, input, block);
        QCOMPARE(out.frames(), frames);
        // Away from the start/end transients (one kernel length).
        const std::size_t edge = std::size_t(stage.report().value(QStringLiteral("taps")).toInt());
        QVERIFY(edge > 1000);
        const double snr = test::snrDb(music.channel(0), out.channel(0), edge, std::size_t(frames) - edge);
        qInfo("linear-phase rumble filter: 220 Hz kept at %.1f dB SNR with 8 Hz rumble removed", snr);
        QVERIFY2(snr > 40.0, qPrintable(QString::number(snr)));
        QVERIFY(stage.report().value(QStringLiteral("linear_phase")).toBool());
    }

    void speed()
    {
        RumbleFilter stage;
        QVERIFY(stage.prepare(44100, 1).ok());
        const AudioBlock in = test::sine(1, 60 * 44100, 44100, 440, 0.5);
        QElapsedTimer t;
        t.start();
        runStage(stage, in, 65536);
        qInfo("rumble: %.0f x real time (44.1 kHz mono)", 60.0 / (t.nsecsElapsed() / 1e9));
    }
};

QTEST_APPLESS_MAIN(TestRumbleFilter)
#include "tst_rumble_filter.moc"
