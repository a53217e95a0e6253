// The chain keeps every stage's contract: aligned, length-preserving, flushes at the end.

#include "TestSignals.h"

#include "dsp/StageChain.h"

#include <QTest>

using namespace shellac;
using namespace shellac::dsp;

namespace {

/// Delays its output by `latency` frames internally but hands back an aligned stream
/// (like a look-ahead stage), multiplying by `gain`.
class LookAheadGain final : public DspStage {
public:
    LookAheadGain(std::int64_t latency, float gain, bool analysis = false)
        : m_latency(latency), m_gain(gain), m_analysis(analysis) {}
    QString name() const override { return QStringLiteral("gain"); }
    Status prepare(int, int channels) override
    {
        m_held.resize(channels, 0);
        return Status::success();
    }
    bool wantsAnalysis() const override { return m_analysis; }
    void analyse(const AudioBlock& in) override { analysed += in.frames(); }
    void process(const AudioBlock& in, AudioBlock& out) override
    {
        m_held.append(in);
        const std::int64_t ready = std::max<std::int64_t>(0, m_held.frames() - m_latency);
        out.resize(in.channels(), ready);
        for (int c = 0; c < in.channels(); ++c)
            for (std::int64_t i = 0; i < ready; ++i)
                out.channel(c)[std::size_t(i)] = m_held.channel(c)[std::size_t(i)] * m_gain;
        m_held.dropFront(ready);
    }
    void finish(AudioBlock& out) override
    {
        out = m_held;
        for (int c = 0; c < out.channels(); ++c)
            for (float& v : out.channel(c))
                v *= m_gain;
        m_held.setFrames(0);
    }
    QJsonObject report() const override { return {{QStringLiteral("gain"), m_gain}}; }
    std::int64_t analysed = 0;

private:
    std::int64_t m_latency;
    float m_gain;
    bool m_analysis;
    AudioBlock m_held;
};

} // namespace

class TestStageChain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chainIsAlignedAndComplete_data()
    {
        QTest::addColumn<int>("blockSize");
        QTest::newRow("1") << 1;
        QTest::newRow("37") << 37;
        QTest::newRow("4096") << 4096;
    }

    void chainIsAlignedAndComplete()
    {
        QFETCH(int, blockSize);
        StageChain chain;
        chain.add(std::make_unique<LookAheadGain>(100, 0.5f));
        chain.add(std::make_unique<LookAheadGain>(333, 0.5f, true));
        chain.add(std::make_unique<LookAheadGain>(0, 2.0f));
        QVERIFY(chain.prepare(44100, 2));
        QVERIFY(chain.wantsAnalysis());

        const AudioBlock input = test::sine(2, 5000, 44100, 440, 0.8);
        AudioBlock piece;
        AudioBlock out;
        AudioBlock collected(2, 0);
        for (std::int64_t pos = 0; pos < input.frames(); pos += blockSize) {
            const std::int64_t n = std::min<std::int64_t>(blockSize, input.frames() - pos);
            piece.assignFrames(input, pos, n);
            chain.process(piece, out);
            collected.append(out);
        }
        chain.finish(out);
        collected.append(out);
        QCOMPARE(collected.frames(), input.frames());
        for (int c = 0; c < 2; ++c)
            for (std::int64_t i = 0; i < input.frames(); ++i)
                QCOMPARE(collected.channel(c)[std::size_t(i)], input.channel(c)[std::size_t(i)] * 0.5f);
        QCOMPARE(chain.report().size(), 3);
        QCOMPARE(chain.report().at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("gain"));
    }
};

QTEST_APPLESS_MAIN(TestStageChain)
#include "tst_stage_chain.moc"
