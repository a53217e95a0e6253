// DspRestorer's stage order: the rumble filter runs after the click repair. A linear-phase
// 20 Hz high-pass turns every click into the click minus its low-passed self, a dent some
// 0.27 s wide that the declicker after it cannot see (it is no click) and that stays in the
// music; repaired first, the clicks leave nothing for the high-pass to spread.

#include "ImpulseTestSignals.h"
#include "StageRunner.h"
#include "audio/AudioBlock.h"
#include "dsp/DspRestorer.h"
#include "eval/Metrics.h"

#include <QTest>

#include <random>

using namespace shellac;
using namespace shellac::test::impulse;

namespace {

constexpr int kRate = 44100;

AudioBlock toBlock(const Signal& x)
{
    AudioBlock b(1, static_cast<std::int64_t>(x.size()));
    std::copy(x.begin(), x.end(), b.channel(0).begin());
    return b;
}

/// The restorer over the whole of `in` in blocks of 4096 frames, analysis pass included.
Signal restore(dsp::DspRestorerSettings settings, const Signal& in)
{
    dsp::DspRestorer r(std::move(settings));
    const AudioBlock out = test::runRestorer(r, toBlock(in), kRate, 4096);
    return {out.channel(0).begin(), out.channel(0).end()};
}

} // namespace

class TestDspRestorerOrder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rumbleFilterLeavesNoDentsAroundClicks();
};

void TestDspRestorerOrder::rumbleFilterLeavesNoDentsAroundClicks()
{
    const Signal clean = music(4.0, kRate, 9);
    Signal dirty = clean;
    std::mt19937 rng(4);
    std::vector<TrueClick> truth;
    for (int i = 0; i < 60; ++i) {   // 15 clicks per second, 2-40 samples, 0.3-0.6 peak
        const int width = 2 + static_cast<int>(rng() % 39);
        const double amp = (0.3 + 0.3 * (rng() % 100) / 100.0) * (i % 2 ? 1 : -1);
        truth.push_back(addClick(dirty, 4000 + i * 2800 + static_cast<std::int64_t>(rng() % 800), width, amp,
                                 static_cast<ClickShape>(i % 3), rng));
    }
    // Only the samples more than 2 ms from every click: what the repair should leave alone.
    std::vector<bool> away(clean.size(), true);
    for (const TrueClick& c : truth)
        for (std::int64_t i = c.start - 88; i < c.start + c.width + 88; ++i)
            away[std::size_t(i)] = false;
    dsp::DspRestorerSettings declickOnly;
    declickOnly.humMode = dsp::HumMode::Off;
    declickOnly.decrackleLevel.reset();
    declickOnly.dehissReductionDb.reset();
    declickOnly.rumbleCornerHz.reset();
    dsp::DspRestorerSettings withRumble = declickOnly;
    withRumble.rumbleCornerHz = 20.0;
    // The high-pass on the clean music alone: what removing its (small) sub-20 Hz part costs.
    dsp::DspRestorerSettings rumbleOnly = withRumble;
    rumbleOnly.declickSensitivity.reset();
    const double cleanDb = eval::siSdrDbMasked(clean, restore(rumbleOnly, clean), away);
    const double declickDb = eval::siSdrDbMasked(clean, restore(declickOnly, dirty), away);
    const double bothDb = eval::siSdrDbMasked(clean, restore(withRumble, dirty), away);
    qInfo("SI-SDR away from the clicks: high-pass on clean music %.1f dB, declick %.1f dB, declick + high-pass %.1f dB",
          cleanDb, declickDb, bothDb);
    // Measured: 45.0 dB, against 37.2 dB with the high-pass before the declicker (the dents).
    // What is left is the repairs' own small errors, spread by the high-pass.
    QVERIFY2(bothDb > 40.0, qPrintable(QString::number(bothDb)));
    QVERIFY(cleanDb > 45.0);   // the music itself has almost nothing below 20 Hz
}

QTEST_GUILESS_MAIN(TestDspRestorerOrder)
#include "tst_dsp_restorer_order.moc"
