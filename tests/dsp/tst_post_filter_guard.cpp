// PostFilterGuard: small corrections pass whole, a post-filter that wipes loud music is undone
// there, noise-only blocks are left to it, the gain has no steps, and streaming in any split
// gives the same output.

#include "TestSignals.h"
#include "restore/PostFilterGuard.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;

namespace {

constexpr int kRate = 44100;
constexpr double kFloorDb = -60.0; // the "recording's" noise floor given to the guard

/// 1 s of silence-level noise (-66 dBFS), 2 s of a loud chord, 1 s of noise again.
AudioBlock programme()
{
    const std::int64_t n = 4 * kRate;
    AudioBlock b(1, n);
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.0f, 0.0005f);
    auto x = b.channel(0);
    for (std::int64_t i = 0; i < n; ++i) {
        const double t = double(i) / kRate;
        const bool loud = i >= kRate && i < 3 * kRate;
        x[std::size_t(i)] = noise(rng) + (loud ? float(0.2 * std::sin(2 * M_PI * 110 * t) + 0.1 * std::sin(2 * M_PI * 330 * t)) : 0.0f);
    }
    return b;
}

/// Runs the guard over (in, filtered), pushing `step` frames at a time with the filtered
/// stream `lag` frames behind, as a post-filter that holds audio back would deliver it.
AudioBlock guard(const AudioBlock& in, const AudioBlock& filtered, std::int64_t step, std::int64_t lag,
                 QJsonObject* report = nullptr)
{
    PostFilterGuard g;
    g.prepare(in.channels(), kRate, kFloorDb);
    AudioBlock out(in.channels(), 0), piece, released;
    std::int64_t pushedIn = 0, pushedOut = 0;
    while (pushedOut < in.frames()) {
        const std::int64_t inNow = std::min(step, in.frames() - pushedIn);
        if (inNow > 0) {
            piece.assignFrames(in, pushedIn, inNow);
            g.pushInput(piece);
            pushedIn += inNow;
        }
        const std::int64_t outNow = std::min(std::max<std::int64_t>(0, pushedIn - lag) - pushedOut, in.frames() - pushedOut);
        const std::int64_t take = pushedIn == in.frames() ? in.frames() - pushedOut : outNow;
        piece.assignFrames(filtered, pushedOut, take);
        g.pushOutput(piece, released);
        out.append(released);
        pushedOut += take;
    }
    g.finish(released);
    out.append(released);
    if (report)
        *report = g.report();
    return out;
}

double rmsOver(const AudioBlock& b, std::int64_t from, std::int64_t to)
{
    double s = 0.0;
    for (std::int64_t i = from; i < to; ++i)
        s += double(b.channel(0)[std::size_t(i)]) * b.channel(0)[std::size_t(i)];
    return std::sqrt(s / double(to - from));
}

} // namespace

class TestPostFilterGuard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void smallCorrectionsPassWhole()
    {
        // Removing the noise (about 50 dB below the chord) is what a post-filter is for.
        const AudioBlock in = programme();
        AudioBlock filtered = in;
        std::mt19937 rng(9);
        std::normal_distribution<float> change(0.0f, 0.002f);
        for (float& v : filtered.channel(0))
            v += change(rng);
        QJsonObject report;
        const AudioBlock out = guard(in, filtered, 4096, 0, &report);
        QCOMPARE(out.frames(), in.frames());
        for (std::int64_t i = 0; i < in.frames(); ++i)
            QCOMPARE(out.channel(0)[std::size_t(i)], filtered.channel(0)[std::size_t(i)]);
        QCOMPARE(report.value(QStringLiteral("blocks_limited")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("noise_floor_dbfs")).toDouble(), kFloorDb);
    }

    void aWipedLoudPassageKeepsItsInput()
    {
        // A post-filter that silences everything: the loud chord must survive, the noise-only
        // seconds (below floor + 12 dB) may be silenced.
        const AudioBlock in = programme();
        AudioBlock silent;
        silent.resize(1, in.frames(), true);
        QJsonObject report;
        const AudioBlock out = guard(in, silent, 1000, 3000, &report);
        QCOMPARE(out.frames(), in.frames());
        // Well inside the chord (one block from its edges) the input is back unchanged.
        const std::int64_t margin = 2 * 2029;
        for (std::int64_t i = kRate + margin; i < 3 * kRate - margin; ++i)
            QCOMPARE(out.channel(0)[std::size_t(i)], in.channel(0)[std::size_t(i)]);
        QVERIFY(rmsOver(out, kRate, 3 * kRate) > 0.95 * rmsOver(in, kRate, 3 * kRate));
        // The noise is left to the post-filter (silenced), away from the chord.
        QCOMPARE(rmsOver(out, 0, kRate - margin), 0.0);
        QCOMPARE(rmsOver(out, 3 * kRate + margin, in.frames()), 0.0);
        QVERIFY(report.value(QStringLiteral("blocks_dropped")).toInt() >= 40);
        // No step: the gain moves by at most 1/block per sample, so the output never jumps by
        // more than the input's own sample-to-sample change plus that share of its level.
        double worstJump = 0.0;
        for (std::int64_t i = 1; i < out.frames(); ++i) {
            const double jump = std::abs(out.channel(0)[std::size_t(i)] - out.channel(0)[std::size_t(i - 1)])
                                - std::abs(in.channel(0)[std::size_t(i)] - in.channel(0)[std::size_t(i - 1)]);
            worstJump = std::max(worstJump, jump);
        }
        QVERIFY2(worstJump < 0.3 / 2029 * 2 + 1e-6, qPrintable(QString::number(worstJump)));
    }

    void withoutAFloorEveryBlockIsChecked()
    {
        const AudioBlock in = programme();
        AudioBlock silent;
        silent.resize(1, in.frames(), true);
        PostFilterGuard g;
        g.prepare(1, kRate, -300.0); // unknown
        AudioBlock out, tail;
        g.pushInput(in);
        g.pushOutput(silent, out);
        g.finish(tail);
        out.append(tail);
        QCOMPARE(out.frames(), in.frames());
        // Even the noise seconds keep their input now (the noise does not resemble silence).
        QVERIFY(rmsOver(out, 0, kRate / 2) > 0.9 * rmsOver(in, 0, kRate / 2));
        QVERIFY(g.report().value(QStringLiteral("noise_floor_dbfs")).isNull());
    }

    void splittingDoesNotMatter()
    {
        const AudioBlock in = programme();
        AudioBlock filtered = in;
        for (std::int64_t i = 0; i < in.frames(); ++i) // half the chord wiped, the rest a small change
            filtered.channel(0)[std::size_t(i)] *= (i > 2 * kRate && i < 5 * kRate / 2) ? 0.0f : 0.999f;
        const AudioBlock reference = guard(in, filtered, in.frames(), 0);
        for (auto [step, lag] : {std::pair<std::int64_t, std::int64_t>{1, 0}, {777, 5000}, {4096, 100}, {30000, 29999}}) {
            const AudioBlock out = guard(in, filtered, step, lag);
            QCOMPARE(out.frames(), reference.frames());
            for (std::int64_t i = 0; i < out.frames(); ++i)
                QCOMPARE(out.channel(0)[std::size_t(i)], reference.channel(0)[std::size_t(i)]);
        }
    }
};

QTEST_MAIN(TestPostFilterGuard)
#include "tst_post_filter_guard.moc"
