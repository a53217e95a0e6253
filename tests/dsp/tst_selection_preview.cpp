// SelectionPreview: "preview on the selection" restores exactly the selected frames of a file,
// with context around them, in memory.

#include "TestSignals.h"
#include "dsp/DspRestorer.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"
#include "restore/SelectionPreview.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace shellac;

namespace {

constexpr int kRate = 44100;

/// Three partials and a little noise (what the AR declicker expects of music), 2 channels.
AudioBlock cleanMusic(std::int64_t frames)
{
    AudioBlock b(2, frames);
    std::mt19937 rng(11);
    std::normal_distribution<float> noise(0.0f, 0.001f);
    for (int c = 0; c < 2; ++c) {
        auto x = b.channel(c);
        for (std::int64_t i = 0; i < frames; ++i) {
            const double t = double(i) / kRate;
            x[std::size_t(i)] = float(0.2 * std::sin(2 * M_PI * 220.0 * t + c) + 0.1 * std::sin(2 * M_PI * 330.0 * t)
                                      + 0.05 * std::sin(2 * M_PI * 550.0 * t))
                                + noise(rng);
        }
    }
    return b;
}

/// A 3-sample click of +0.5 at `frame` on every channel.
void addClick(AudioBlock& b, std::int64_t frame)
{
    for (int c = 0; c < b.channels(); ++c)
        for (std::int64_t i = frame; i < frame + 3; ++i)
            b.channel(c)[std::size_t(i)] += 0.5f;
}

dsp::DspRestorerSettings declickOnly()
{
    dsp::DspRestorerSettings s;
    s.rumbleCornerHz.reset();
    s.humMode = dsp::HumMode::Off;
    s.decrackleLevel.reset();
    s.dehissReductionDb.reset();
    return s;
}

SelectionPreviewRequest selection(const QString& path, std::int64_t start, std::int64_t end)
{
    SelectionPreviewRequest r;
    r.path = path;
    r.startFrame = start;
    r.endFrame = end;
    return r;
}

struct Recorder final : ProgressReporter {
    std::vector<double> fractions;
    void report(double fraction, const QString&) override { fractions.push_back(fraction); }
};

} // namespace

class TestSelectionPreview : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_file;
    AudioBlock m_clean;
    AudioBlock m_degraded;
    std::int64_t m_clickInside = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clean = cleanMusic(6 * kRate);
        m_degraded = m_clean;
        m_clickInside = 3 * kRate + 1234;
        addClick(m_degraded, m_clickInside);
        addClick(m_degraded, 2 * kRate + 500); // before the selection, inside its context
        m_file = m_dir.filePath(QStringLiteral("side-a.wav"));
        test::writeAudio(m_file, m_degraded, kRate);
    }

    void clickInsideTheSelectionIsRemoved()
    {
        SelectionPreviewRequest request;
        request.path = m_file;
        request.startFrame = 2 * kRate + 22050; // 2.5 s
        request.endFrame = 4 * kRate;
        dsp::DspRestorer restorer(declickOnly());
        Recorder progress;
        auto run = SelectionPreview::run(request, restorer, nullptr, &progress);
        QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message()));
        const SelectionPreviewResult& r = run.value();
        QCOMPARE(r.restored.frames(), request.endFrame - request.startFrame);
        QCOMPARE(r.original.frames(), request.endFrame - request.startFrame);
        QCOMPARE(r.restored.channels(), 2);
        QCOMPARE(r.startFrame, request.startFrame);
        QCOMPARE(r.sampleRate, kRate);
        QCOMPARE(r.contextFrames, std::int64_t(std::llround(1.5 * kRate)));
        QCOMPARE(r.report.value(QStringLiteral("method")).toString(), QStringLiteral("dsp"));
        for (int c = 0; c < 2; ++c) {
            // The original block is the file's frames [start, end), nothing before or after.
            for (std::int64_t i = 0; i < r.original.frames(); ++i)
                QCOMPARE(r.original.channel(c)[std::size_t(i)], m_degraded.channel(c)[std::size_t(request.startFrame + i)]);
            // The click's samples are back near the clean signal (they were 0.5 off).
            double worst = 0;
            for (std::int64_t f = m_clickInside; f < m_clickInside + 3; ++f) {
                const std::int64_t i = f - request.startFrame;
                worst = std::max(worst, double(std::abs(r.restored.channel(c)[std::size_t(i)] - m_clean.channel(c)[std::size_t(f)])));
            }
            QVERIFY2(worst < 0.01, qPrintable(QStringLiteral("click residue %1 on channel %2").arg(worst).arg(c)));
            // Away from the click the restored selection is the music itself.
            const double snr = test::snrDb(m_clean.channel(c).subspan(std::size_t(request.startFrame), std::size_t(r.restored.frames())),
                                           r.restored.channel(c), 0, std::size_t(r.restored.frames()));
            QVERIFY2(snr > 60.0, qPrintable(QStringLiteral("SNR %1 dB on channel %2").arg(snr).arg(c)));
        }
        QVERIFY(!progress.fractions.empty());
        QCOMPARE(progress.fractions.back(), 1.0);
        QVERIFY(std::is_sorted(progress.fractions.begin(), progress.fractions.end()));
    }

    void matchesTheWholeFileRestoration()
    {
        // With enough context the selection restores (nearly) as it would inside the whole file.
        dsp::DspRestorer whole(declickOnly());
        SelectionPreviewRequest all;
        all.path = m_file;
        all.endFrame = m_degraded.frames();
        auto full = SelectionPreview::run(all, whole);
        QVERIFY(full.ok());
        SelectionPreviewRequest part;
        part.path = m_file;
        part.startFrame = 3 * kRate;
        part.endFrame = 3 * kRate + kRate / 2;
        dsp::DspRestorer restorer(declickOnly());
        auto piece = SelectionPreview::run(part, restorer);
        QVERIFY(piece.ok());
        for (int c = 0; c < 2; ++c) {
            const auto reference = full.value().restored.channel(c).subspan(std::size_t(part.startFrame),
                                                                           std::size_t(part.endFrame - part.startFrame));
            const double snr = test::snrDb(reference, piece.value().restored.channel(c), 0, reference.size());
            QVERIFY2(snr > 80.0, qPrintable(QStringLiteral("preview vs whole file: %1 dB").arg(snr)));
        }
    }

    void selectionAtTheFilesEnds_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("context");
        QTest::newRow("at the start") << qint64(0) << qint64(kRate) << qint64(0);
        QTest::newRow("near the start") << qint64(kRate / 2) << qint64(kRate) << qint64(kRate / 2);
        QTest::newRow("at the end") << qint64(5 * kRate) << qint64(6 * kRate) << qint64(std::llround(1.5 * kRate));
        QTest::newRow("whole file") << qint64(0) << qint64(6 * kRate) << qint64(0);
        QTest::newRow("one frame") << qint64(4 * kRate) << qint64(4 * kRate + 1) << qint64(std::llround(1.5 * kRate));
    }
    void selectionAtTheFilesEnds()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(qint64, context);
        SelectionPreviewRequest request;
        request.path = m_file;
        request.startFrame = start;
        request.endFrame = end;
        dsp::DspRestorer restorer(dsp::DspRestorerSettings{}); // the whole chain, analysis pass included
        auto run = SelectionPreview::run(request, restorer);
        QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message()));
        QCOMPARE(run.value().restored.frames(), end - start);
        QCOMPARE(run.value().contextFrames, context);
        for (std::int64_t i = 0; i < end - start; ++i)
            QCOMPARE(run.value().original.channel(1)[std::size_t(i)], m_degraded.channel(1)[std::size_t(start + i)]);
        for (float v : run.value().restored.channel(0))
            QVERIFY(std::isfinite(v) && std::abs(v) < 1.0f);
    }

    void noiseRangeFeedsTheAnalysis()
    {
        // The lead-in at 0.5-1.5 s names the noise; the selection at 4-5 s lies far from it.
        RestorationSettings settings;
        settings.dsp.noiseRangeSeconds = std::make_pair(0.5, 1.5);
        const RestorationSettings rebased = SelectionPreview::settingsForPreview(settings);
        QCOMPARE(rebased.dsp.noiseRangeSeconds, std::optional(std::make_pair(0.0, 1.0)));
        SelectionPreviewRequest request;
        request.path = m_file;
        request.startFrame = 4 * kRate;
        request.endFrame = 5 * kRate;
        request.noiseRangeSeconds = settings.dsp.noiseRangeSeconds;
        dsp::DspRestorer restorer(rebased.dsp);
        auto run = SelectionPreview::run(request, restorer);
        QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message()));
        QCOMPARE(run.value().restored.frames(), kRate);
        // Without the lead-in the restorer's own range would not fit the excerpt (4 s of it).
        dsp::DspRestorer unprepared(settings.dsp);
        request.noiseRangeSeconds.reset();
        request.contextSeconds = 0.0;
        auto refused = SelectionPreview::run(request, unprepared);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("ends after the end")), qPrintable(refused.error().message()));
    }

    void badRangesAreRefused_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << qint64(100) << qint64(100) << QStringLiteral("is empty or inverted");
        QTest::newRow("inverted") << qint64(200) << qint64(100) << QStringLiteral("is empty or inverted");
        QTest::newRow("negative") << qint64(-5) << qint64(100) << QStringLiteral("is empty or inverted");
        QTest::newRow("past the end") << qint64(0) << qint64(6 * kRate + 1) << QStringLiteral("after the end of the recording");
    }
    void badRangesAreRefused()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(QString, reason);
        dsp::DspRestorer restorer(declickOnly());
        auto run = SelectionPreview::run(selection(m_file, start, end), restorer);
        QVERIFY(!run.ok());
        QVERIFY2(run.error().message().startsWith(m_file), qPrintable(run.error().message()));
        QVERIFY2(run.error().reason.contains(reason), qPrintable(run.error().message()));
    }

    void tooLongASelectionIsRefused()
    {
        constexpr int rate = 8000;
        const QString longFile = m_dir.filePath(QStringLiteral("long.wav"));
        test::writeAudio(longFile, test::sine(1, 62 * rate, rate, 440.0, 0.1), rate);
        dsp::DspRestorer restorer(declickOnly());
        auto run = SelectionPreview::run(selection(longFile, rate / 2, 61 * rate + rate / 2), restorer);
        QVERIFY(!run.ok());
        QCOMPARE(run.error().message(),
                 longFile + QStringLiteral(": the selection is 61.0 s long; a preview restores at most 60 s: "
                                           "use Restore file for longer passages"));
        dsp::DspRestorer fits(declickOnly());
        auto ok = SelectionPreview::run(selection(longFile, 0, 60 * rate), fits);
        QVERIFY(ok.ok());
        QCOMPARE(ok.value().restored.frames(), std::int64_t(60 * rate));
    }

    void unreadableFileNamesIt()
    {
        dsp::DspRestorer restorer(declickOnly());
        const QString missing = m_dir.filePath(QStringLiteral("missing.wav"));
        auto run = SelectionPreview::run(selection(missing, 0, 100), restorer);
        QVERIFY(!run.ok());
        QVERIFY2(run.error().message().contains(QStringLiteral("missing.wav")), qPrintable(run.error().message()));
    }

    void cancellationReturnsCancelled()
    {
        CancellationToken token;
        token.cancel();
        dsp::DspRestorer restorer(dsp::DspRestorerSettings{});
        auto run = SelectionPreview::run(selection(m_file, kRate, 2 * kRate), restorer, &token);
        QVERIFY(!run.ok());
        QCOMPARE(run.error().reason, QStringLiteral("cancelled"));
        QCOMPARE(run.error().subject, m_file);
    }
};

QTEST_GUILESS_MAIN(TestSelectionPreview)
#include "tst_selection_preview.moc"
