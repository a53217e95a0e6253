// MixedRestorationDataset: settings and folder errors, skipped files, the train/validation split,
// the synthetic/real ratio of batches, determinism, cycle-consistency artifacts, contrastive
// anchors against known clicks and onsets, and the warnings (clean-looking degraded folder,
// validation reusing training files), and paired data (cut aligned with its clean counterpart).
// Fixtures: a few seconds of plucked "music" at 22.05 kHz, "real" transfers = music + clicks at
// known frames + hiss, and pairs = clean files + a known chirp residual.

#include "degrade/MixedRestorationDataset.h"

#include "audio/AudioFileWriter.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <random>
#include <set>
#include <thread>

using namespace shellac;
using namespace shellac::degrade;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr int kRate = 22050;
constexpr std::int64_t kSegment = 11025;      // 0.5 s
constexpr std::int64_t kPluckEvery = 5512;    // 0.25 s between note onsets
constexpr std::int64_t kClickTolerance = 66;  // 3 ms

/// Plucked notes every 0.25 s (3 ms attack, exponential decay, 80 ms), each a different pitch,
/// over a quiet pad; the first `silentFrames` are digital silence (a track's lead-in).
AudioBlock plucks(std::int64_t frames, double baseHz, std::int64_t silentFrames = 0)
{
    AudioBlock b(1, frames);
    auto x = b.channel(0);
    for (std::int64_t i = 0; i < frames; ++i) {
        if (i < silentFrames) {
            x[std::size_t(i)] = 0.0f;
            continue;
        }
        const double t = double(i) / kRate;
        const std::int64_t note = i / kPluckEvery;
        const double tn = double(i - note * kPluckEvery) / kRate;
        const double f = baseHz * (1.0 + 0.25 * double(note % 4));
        const double attack = std::min(1.0, tn / 0.003);
        x[std::size_t(i)] = float(0.4 * attack * std::exp(-tn / 0.08) * std::sin(2 * kPi * f * tn)
                                  + 0.01 * std::sin(2 * kPi * 110 * t));
    }
    return b;
}

void writeFile(const QString& path, const AudioBlock& block)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    AudioWriteSpec spec;
    spec.sampleRate = kRate;
    spec.channels = block.channels();
    spec.encoding = SampleEncoding::Float32;
    auto w = AudioFileWriter::create(path, spec, OverwritePolicy::Replace);
    QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message()));
    QVERIFY(w.value()->write(block).ok());
    QVERIFY(w.value()->commit().ok());
}

bool sameExample(const MixedExample& a, const MixedExample& b)
{
    const auto anchorsEqual = std::ranges::equal(a.anchors, b.anchors, [](const ContrastiveAnchor& x, const ContrastiveAnchor& y) {
        return x.frame == y.frame && x.label == y.label;
    });
    return a.kind == b.kind && a.sourcePath == b.sourcePath && a.startFrame == b.startFrame && anchorsEqual
           && std::ranges::equal(a.input.channel(0), b.input.channel(0)) && a.target.frames() == b.target.frames()
           && (a.target.isEmpty() || std::ranges::equal(a.target.channel(0), b.target.channel(0)));
}

QString canonical(const QString& path) { return QFileInfo(path).canonicalFilePath(); }

/// The paired fixtures' residual (input − clean) at frame i: a chirp, so that a misaligned cut
/// cannot match it.
float pairResidual(std::int64_t i)
{
    const double t = double(i) / kRate;
    return float(0.02 * std::sin(2 * kPi * (60.0 + 150.0 * t) * t));
}

/// The clean fixtures by path relative to the clean folder: (base pitch, frames) of plucks().
const std::map<QString, std::pair<double, std::int64_t>>& cleanFixtures()
{
    static const std::map<QString, std::pair<double, std::int64_t>> fixtures{
        {QStringLiteral("jazz/a.wav"), {220, 2 * kRate}},
        {QStringLiteral("jazz/b.wav"), {330, 2 * kRate}},
        {QStringLiteral("opera/c.wav"), {262, 2 * kRate}},
        {QStringLiteral("d.wav"), {392, 3 * kRate / 2}},
    };
    return fixtures;
}

} // namespace

class TestMixedRestorationDataset : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clean, m_real, m_empty, m_onlyShort, m_single, m_pairs;
    std::map<QString, std::vector<std::int64_t>> m_clicks; ///< canonical real path -> click frames
    std::unique_ptr<MixedRestorationDataset> m_fixed;       ///< Fixed typical78, contrastive + cycle
    std::unique_ptr<MixedRestorationDataset> m_plain;       ///< Fixed, neither

    MixedDatasetSettings settings() const
    {
        MixedDatasetSettings s;
        s.cleanDir = m_clean;
        s.degradedDir = m_real;
        s.sampleRate = kRate;
        s.segmentFrames = kSegment;
        s.profileSource = SyntheticProfileSource::Fixed;
        s.fixedProfile = DegradationProfile::preset(QStringLiteral("typical78")).value();
        s.useContrastive = true;
        s.useCycleConsistency = true;
        s.validationFraction = 0.25;
        s.referencesPerAnalysis = 2;
        s.seed = 77;
        s.cacheBudgetMiB = 16;
        return s;
    }

    std::unique_ptr<MixedRestorationDataset> make(const MixedDatasetSettings& s)
    {
        auto created = MixedRestorationDataset::create(s);
        if (!created.ok())
            qWarning("%s", qPrintable(created.error().message()));
        return created.ok() ? std::move(created).value() : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clean = m_dir.filePath(QStringLiteral("clean"));
        m_real = m_dir.filePath(QStringLiteral("real"));
        m_empty = m_dir.filePath(QStringLiteral("empty"));
        m_onlyShort = m_dir.filePath(QStringLiteral("only-short"));
        m_single = m_dir.filePath(QStringLiteral("single"));
        QVERIFY(QDir().mkpath(m_empty));
        // Clean: four usable files (2 s, 2 s, 2 s, 1.5 s), one too short, one not audio.
        for (const auto& [relative, fixture] : cleanFixtures())
            writeFile(m_clean + u'/' + relative, plucks(fixture.second, fixture.first, kPluckEvery));
        writeFile(m_clean + QStringLiteral("/short.wav"), plucks(kRate / 20, 440));
        QFile text(m_clean + QStringLiteral("/notes.wav"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not audio\n");
        text.close();
        // Real: four 2 s transfers with clicks at known frames and hiss at about -45 dBFS.
        std::mt19937_64 rng(5);
        std::normal_distribution<double> hiss(0.0, 0.0056);
        for (int r = 0; r < 4; ++r) {
            AudioBlock b = plucks(2 * kRate, 180 + 40 * r);
            auto x = b.channel(0);
            for (float& v : x)
                v += float(hiss(rng));
            const QString path = m_real + QStringLiteral("/disc%1.wav").arg(r);
            std::vector<std::int64_t> clicks;
            for (std::int64_t at = 1500 + 300 * r; at + 10 < b.frames(); at += 2900 + 37 * r) {
                for (int k = 0; k < 4; ++k)
                    x[std::size_t(at + k)] += float((k % 2 ? -0.4 : 0.6) * std::exp(-0.5 * k));
                clicks.push_back(at);
            }
            writeFile(path, b);
            m_clicks[canonical(path)] = clicks;
        }
        writeFile(m_real + QStringLiteral("/tiny.wav"), plucks(kRate / 20, 200));
        writeFile(m_onlyShort + QStringLiteral("/tiny.wav"), plucks(kRate / 20, 200));
        writeFile(m_single + QStringLiteral("/one.wav"), plucks(2 * kRate, 300));
        // Pairs: every clean file + the chirp residual (b.wav 0.5 s longer than its clean file),
        // and one file with no clean counterpart.
        m_pairs = m_dir.filePath(QStringLiteral("pairs"));
        for (const auto& [relative, fixture] : cleanFixtures()) {
            const std::int64_t frames = fixture.second + (relative == QLatin1String("jazz/b.wav") ? kRate / 2 : 0);
            const AudioBlock clean = plucks(fixture.second, fixture.first, kPluckEvery);
            AudioBlock b(1, frames);
            for (std::int64_t i = 0; i < frames; ++i)
                b.channel(0)[std::size_t(i)] = (i < clean.frames() ? clean.channel(0)[std::size_t(i)] : 0.0f) + pairResidual(i);
            writeFile(m_pairs + u'/' + relative, b);
        }
        writeFile(m_pairs + QStringLiteral("/jazz/orphan.wav"), plucks(2 * kRate, 500));

        m_fixed = make(settings());
        QVERIFY(m_fixed);
        MixedDatasetSettings plain = settings();
        plain.useContrastive = false;
        plain.useCycleConsistency = false;
        m_plain = make(plain);
        QVERIFY(m_plain);
    }

    void invalidSettingsNameTheSetting_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<double>("value");
        QTest::newRow("ratio below 0") << QStringLiteral("syntheticRatio") << -0.1;
        QTest::newRow("ratio above 1") << QStringLiteral("syntheticRatio") << 1.5;
        QTest::newRow("ratio NaN") << QStringLiteral("syntheticRatio") << std::nan("");
        QTest::newRow("segment 0") << QStringLiteral("segmentFrames") << 0.0;
        QTest::newRow("segment negative") << QStringLiteral("segmentFrames") << -5.0;
        QTest::newRow("validation 1") << QStringLiteral("validationFraction") << 1.0;
        QTest::newRow("rate") << QStringLiteral("sampleRate") << 100.0;
        QTest::newRow("analyzeEvery") << QStringLiteral("analyzeEvery") << 0.0;
        QTest::newRow("fixed profile") << QStringLiteral("fixedProfile") << -3.0;
    }
    void invalidSettingsNameTheSetting()
    {
        QFETCH(QString, setting);
        QFETCH(double, value);
        MixedDatasetSettings s = settings();
        if (setting == QLatin1String("syntheticRatio"))
            s.syntheticRatio = value;
        else if (setting == QLatin1String("segmentFrames"))
            s.segmentFrames = std::int64_t(value);
        else if (setting == QLatin1String("validationFraction"))
            s.validationFraction = value;
        else if (setting == QLatin1String("sampleRate"))
            s.sampleRate = int(value);
        else if (setting == QLatin1String("analyzeEvery"))
            s.analyzeEvery = int(value);
        else
            s.fixedProfile.impulseRatePerS = value;
        auto created = MixedRestorationDataset::create(s);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().subject, setting);
        QVERIFY(created.error().message().startsWith(setting));
    }

    void unusableFoldersNameTheFolder_data()
    {
        QTest::addColumn<bool>("asClean");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty clean") << true << m_empty << QStringLiteral("0 found");
        QTest::newRow("empty degraded") << false << m_empty << QStringLiteral("0 found");
        QTest::newRow("degraded too short") << false << m_onlyShort << QStringLiteral("1 shorter than 0.1 s");
        QTest::newRow("missing clean") << true << m_dir.filePath(QStringLiteral("nope")) << QStringLiteral("does not exist");
    }
    void unusableFoldersNameTheFolder()
    {
        QFETCH(bool, asClean);
        QFETCH(QString, folder);
        QFETCH(QString, says);
        MixedDatasetSettings s = settings();
        (asClean ? s.cleanDir : s.degradedDir) = folder;
        auto created = MixedRestorationDataset::create(s);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().subject, folder);
        QVERIFY2(created.error().message().contains(says), qPrintable(created.error().message()));
    }

    void shortAndUnreadableFilesAreSkippedWithReasons()
    {
        std::map<QString, QString> reasons;
        for (const SkippedFile& f : m_fixed->skippedFiles())
            reasons[QFileInfo(f.path).fileName()] = f.reason;
        QCOMPARE(reasons.size(), std::size_t(3)); // clean short.wav, notes.wav, real tiny.wav
        QVERIFY2(reasons[QStringLiteral("short.wav")].contains(QStringLiteral("shorter than 0.1 s (0.050 s)")),
                 qPrintable(reasons[QStringLiteral("short.wav")]));
        QVERIFY(reasons[QStringLiteral("tiny.wav")].contains(QStringLiteral("shorter than 0.1 s")));
        QVERIFY(!reasons[QStringLiteral("notes.wav")].isEmpty());
    }

    void validationFilesAreDisjointFromTraining()
    {
        for (ExampleKind kind : {ExampleKind::Synthetic, ExampleKind::Real}) {
            std::set<QString> training, validation;
            const int batches = int(m_fixed->batchesPerEpoch(4));
            for (int epoch = 0; epoch < 2; ++epoch)
                for (int b = 0; b < batches; ++b)
                    for (const MixedExample& ex : m_plain->batch(epoch, b, 4, kind == ExampleKind::Synthetic ? 1.0 : 0.0))
                        training.insert(canonical(ex.sourcePath));
            for (const MixedExample& ex : m_plain->validationExamples(kind, 6))
                validation.insert(canonical(ex.sourcePath));
            QCOMPARE(validation.size(), std::size_t(1)); // 0.25 × 4 usable files
            QCOMPARE(training.size(), std::size_t(3));
            for (const QString& v : validation)
                QVERIFY(!training.count(v));
        }
        // Segment counts are those of the training files: 2 s -> 4, 1.5 s -> 3 segments.
        std::int64_t expected = 0;
        std::set<QString> seen;
        for (int b = 0; b < 8; ++b)
            for (const MixedExample& ex : m_plain->batch(0, b, 4, 1.0))
                if (seen.insert(canonical(ex.sourcePath)).second)
                    expected += QFileInfo(ex.sourcePath).fileName() == QLatin1String("d.wav") ? 3 : 4;
        QCOMPARE(m_plain->syntheticSegmentCount(), expected);
        QCOMPARE(m_plain->realSegmentCount(), std::int64_t(12));
        QCOMPARE(m_plain->batchesPerEpoch(5), (std::max(expected, std::int64_t(12)) + 4) / 5);
        QVERIFY(m_plain->warnings().isEmpty());
    }

    void ratioIsHonoured_data()
    {
        QTest::addColumn<bool>("contrastive");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("synthetic");
        QTest::newRow("0.7 of 10") << false << 0.7 << 10 << 7;
        QTest::newRow("0.7 of 10, contrastive") << true << 0.7 << 10 << 7;
        QTest::newRow("all synthetic") << false << 1.0 << 6 << 6;
        QTest::newRow("all real") << true << 0.0 << 6 << 0;
        QTest::newRow("0.04 of 10") << false << 0.04 << 10 << 0;
        QTest::newRow("0.04 of 10, contrastive: one of each") << true << 0.04 << 10 << 1;
        QTest::newRow("0.96 of 10, contrastive: one of each") << true << 0.96 << 10 << 9;
        QTest::newRow("0.5 of 3 rounds up") << false << 0.5 << 3 << 2;
    }
    void ratioIsHonoured()
    {
        QFETCH(bool, contrastive);
        QFETCH(double, ratio);
        QFETCH(int, size);
        QFETCH(int, synthetic);
        const auto& ds = contrastive ? *m_fixed : *m_plain;
        for (int b : {0, 3}) {
            const auto batch = ds.batch(1, b, size, ratio);
            QCOMPARE(int(batch.size()), size);
            const auto n = std::ranges::count_if(batch, [](const MixedExample& ex) { return ex.kind == ExampleKind::Synthetic; });
            QCOMPARE(int(n), synthetic);
            for (const MixedExample& ex : batch) {
                QVERIFY(ex.error.isEmpty());
                QCOMPARE(ex.input.channels(), 1);
                QCOMPARE(ex.input.frames(), kSegment);
            }
        }
    }

    void batchesAreDeterministic()
    {
        const auto a = m_fixed->batch(2, 1, 6, 0.5);
        const auto b = m_fixed->batch(2, 1, 6, 0.5);
        auto again = make(settings()); // a resumed run
        QVERIFY(again);
        const auto c = again->batch(2, 1, 6, 0.5);
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY(sameExample(a[i], b[i]));
            QVERIFY(sameExample(a[i], c[i]));
        }
        // Another epoch cuts the same files elsewhere.
        std::set<std::pair<QString, std::int64_t>> cuts1, cuts2;
        for (int batch = 0; batch < 3; ++batch) {
            for (const MixedExample& ex : m_plain->batch(1, batch, 4, 0.5))
                cuts1.insert({ex.sourcePath, ex.startFrame});
            for (const MixedExample& ex : m_plain->batch(2, batch, 4, 0.5))
                cuts2.insert({ex.sourcePath, ex.startFrame});
        }
        QVERIFY(cuts1 != cuts2);
        std::vector<std::pair<QString, std::int64_t>> common;
        std::ranges::set_intersection(cuts1, cuts2, std::back_inserter(common));
        QVERIFY2(common.size() < cuts1.size() / 2, qPrintable(QString::number(common.size())));
    }

    void concurrentBatchesMatchSerial()
    {
        std::vector<std::vector<MixedExample>> serial, parallel(4);
        for (int b = 0; b < 4; ++b)
            serial.push_back(m_fixed->batch(3, b, 4, 0.5));
        std::vector<std::thread> threads;
        for (int b = 0; b < 4; ++b)
            threads.emplace_back([&, b] { parallel[std::size_t(b)] = m_fixed->batch(3, b, 4, 0.5); });
        for (auto& t : threads)
            t.join();
        for (std::size_t b = 0; b < 4; ++b)
            for (std::size_t i = 0; i < 4; ++i)
                QVERIFY(sameExample(serial[b][i], parallel[b][i]));
    }

    void progressAndCancellation()
    {
        struct Recorder : ProgressReporter {
            std::vector<double> fractions;
            void report(double f, const QString&) override { fractions.push_back(f); }
        } recorder;
        QVERIFY(MixedRestorationDataset::create(settings(), &recorder).ok());
        QVERIFY(!recorder.fractions.empty());
        QVERIFY(std::ranges::is_sorted(recorder.fractions));
        QCOMPARE(recorder.fractions.back(), 1.0);
        CancellationToken cancel;
        cancel.cancel();
        auto cancelled = MixedRestorationDataset::create(settings(), nullptr, &cancel);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().reason, QStringLiteral("cancelled"));
    }

    void artifactIsInputMinusTarget()
    {
        int synthetic = 0, real = 0;
        for (const MixedExample& ex : m_fixed->batch(0, 0, 8, 0.5)) {
            if (ex.kind == ExampleKind::Synthetic) {
                ++synthetic;
                QCOMPARE(ex.target.frames(), kSegment);
                QCOMPARE(ex.artifact.frames(), kSegment);
                QCOMPARE(ex.mask.frames, kSegment);
                QVERIFY(ex.genre == QLatin1String("jazz") || ex.genre == QLatin1String("opera") || ex.genre == QLatin1String("unsorted"));
                double damage = 0;
                for (std::int64_t i = 0; i < kSegment; ++i) {
                    const auto n = std::size_t(i);
                    const float x = ex.input.channel(0)[n], y = ex.target.channel(0)[n], a = ex.artifact.channel(0)[n];
                    QVERIFY(std::abs(y + a - x) <= 1e-6f * std::max(1.0f, std::abs(x)));
                    damage += std::abs(a);
                }
                QVERIFY(damage > 0);
            } else {
                ++real;
                QCOMPARE(ex.target.frames(), std::int64_t(0));
                QCOMPARE(ex.artifact.frames(), std::int64_t(0));
                QCOMPARE(ex.mask.frames, std::int64_t(0));
                QVERIFY(ex.impulses.empty());
                QCOMPARE(ex.genre, QStringLiteral("real"));
            }
        }
        QCOMPARE(synthetic, 4);
        QCOMPARE(real, 4);
        for (const MixedExample& ex : m_plain->batch(0, 0, 4, 1.0))
            QVERIFY(ex.artifact.isEmpty() && ex.anchors.empty());
    }

    void anchorsSitOnClicksAndOnsets()
    {
        int realAnchors = 0, transients = 0, syntheticAnchors = 0;
        for (int b = 0; b < 3; ++b)
            for (const MixedExample& ex : m_fixed->batch(0, b, 8, 0.5)) {
                std::map<int, int> perLabel;
                for (const ContrastiveAnchor& anchor : ex.anchors) {
                    QVERIFY(anchor.frame >= 0 && anchor.frame < kSegment);
                    ++perLabel[anchor.label];
                    const std::int64_t inFile = ex.startFrame + anchor.frame;
                    if (anchor.label == ContrastiveAnchor::RealArtifact) {
                        QCOMPARE(ex.kind, ExampleKind::Real);
                        const auto& clicks = m_clicks.at(canonical(ex.sourcePath));
                        const bool near = std::ranges::any_of(clicks, [&](std::int64_t c) { return std::abs(c - inFile) <= kClickTolerance; });
                        QVERIFY2(near, qPrintable(QStringLiteral("real anchor at file frame %1 is no click").arg(inFile)));
                        ++realAnchors;
                    } else if (anchor.label == ContrastiveAnchor::SyntheticArtifact) {
                        QVERIFY(std::ranges::any_of(ex.impulses, [&](const eval::SampleInterval& iv) { return iv.start == anchor.frame; }));
                        ++syntheticAnchors;
                    } else {
                        // A note onset (every kPluckEvery frames of the file), no impulse within 10 ms.
                        const std::int64_t offset = inFile % kPluckEvery;
                        QVERIFY2(std::min(offset, kPluckEvery - offset) <= 110, qPrintable(QString::number(inFile)));
                        for (const eval::SampleInterval& iv : ex.impulses)
                            QVERIFY(anchor.frame < iv.start - 220 || anchor.frame >= iv.start + iv.length + 220);
                        ++transients;
                    }
                }
                for (const auto& [label, n] : perLabel)
                    QVERIFY(n <= 8);
            }
        qInfo("anchors: %d synthetic, %d real, %d clean transients", syntheticAnchors, realAnchors, transients);
        QVERIFY(realAnchors >= 4);
        QVERIFY(syntheticAnchors >= 4);
        QVERIFY(transients >= 1);
    }

    void fixedProfileHasWowOff()
    {
        const DegradationProfile typical = DegradationProfile::preset(QStringLiteral("typical78")).value();
        QVERIFY(typical.wowDepthPercent > 0);
        DegradationProfile expected = typical;
        expected.wowDepthPercent = 0;
        QCOMPARE(m_fixed->profile(0), expected);
        QCOMPARE(m_fixed->profile(7), expected);
        QVERIFY(m_fixed->analysisLog().isEmpty());
        QVERIFY(m_fixed->beginEpoch(10).ok());
    }

    void validationExamplesAreFixed()
    {
        for (ExampleKind kind : {ExampleKind::Synthetic, ExampleKind::Real}) {
            const auto a = m_fixed->validationExamples(kind, 5);
            const auto b = m_fixed->validationExamples(kind, 5);
            QCOMPARE(a.size(), std::size_t(5));
            for (std::size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(a[i].kind, kind);
                QVERIFY(sameExample(a[i], b[i]));
            }
        }
    }

    void cleanDegradedFolderWarns_data()
    {
        QTest::addColumn<bool>("adaptive");
        QTest::newRow("fixed") << false;
        QTest::newRow("adaptive") << true;
    }
    void cleanDegradedFolderWarns()
    {
        QFETCH(bool, adaptive);
        MixedDatasetSettings s = settings();
        s.degradedDir = m_clean;
        if (adaptive)
            s.profileSource = SyntheticProfileSource::Adaptive;
        auto ds = make(s);
        QVERIFY(ds);
        const QStringList warnings = ds->warnings();
        QVERIFY(std::ranges::any_of(warnings, [&](const QString& w) { return w.contains(QStringLiteral("looks clean")) && w.contains(m_clean); }));
        QVERIFY(!std::ranges::any_of(m_fixed->warnings(), [](const QString& w) { return w.contains(QStringLiteral("looks clean")); }));
    }

    void adaptiveProfileIsMeasuredOnTrainingFiles()
    {
        MixedDatasetSettings s = settings();
        s.profileSource = SyntheticProfileSource::Adaptive;
        auto ds = make(s);
        QVERIFY(ds);
        QVERIFY2(ds->profile(0).impulseRatePerS > 1, qPrintable(QString::number(ds->profile(0).impulseRatePerS)));
        QCOMPARE(ds->profile(0).wowDepthPercent, 0.0);
        const QJsonArray log = ds->analysisLog();
        QCOMPARE(log.size(), 1);
        const QString held = canonical(ds->validationExamples(ExampleKind::Real, 1).front().sourcePath);
        for (const QJsonValue& file : log[0].toObject().value(QStringLiteral("files")).toArray())
            QVERIFY(canonical(file.toString()) != held);
        QVERIFY(ds->warnings().isEmpty());
    }

    void pairsAreCutAlignedWithTheirCleanFiles()
    {
        MixedDatasetSettings s = settings();
        s.pairedDir = m_pairs;
        s.useContrastive = false;
        auto ds = make(s);
        QVERIFY(ds);
        const std::vector<SkippedFile> skipped = ds->skippedFiles();
        const auto orphan = std::ranges::find_if(skipped, [](const SkippedFile& f) {
            return QFileInfo(f.path).fileName() == QLatin1String("orphan.wav");
        });
        QVERIFY(orphan != skipped.end());
        QVERIFY2(orphan->reason.contains(QStringLiteral("same relative path")), qPrintable(orphan->reason));

        const auto check = [&](const MixedExample& ex) {
            QCOMPARE(ex.kind, ExampleKind::Synthetic);
            QVERIFY2(ex.error.isEmpty(), qPrintable(ex.error));
            const QString relative = QDir(canonical(m_pairs)).relativeFilePath(canonical(ex.sourcePath));
            QVERIFY2(cleanFixtures().count(relative), qPrintable(relative));
            const auto [hz, frames] = cleanFixtures().at(relative);
            QCOMPARE(ex.genre, relative.contains(u'/') ? relative.section(u'/', 0, 0) : QStringLiteral("unsorted"));
            QCOMPARE(ex.target.frames(), kSegment);
            QVERIFY2(ex.startFrame + kSegment <= frames, "cut beyond the shorter of the pair"); // b.wav's pair is longer
            const AudioBlock clean = plucks(frames, hz, kPluckEvery);
            for (std::int64_t i = 0; i < kSegment; ++i) {
                const auto n = std::size_t(i);
                const float y = clean.channel(0)[std::size_t(ex.startFrame + i)];
                QCOMPARE(ex.target.channel(0)[n], y);
                QVERIFY(std::abs(ex.input.channel(0)[n] - y - pairResidual(ex.startFrame + i)) < 1e-6f);
                QVERIFY(std::abs(ex.artifact.channel(0)[n] - pairResidual(ex.startFrame + i)) < 1e-6f);
            }
            QVERIFY(ex.impulses.empty());
        };
        std::set<QString> training, validation;
        for (int b = 0; b < int(ds->batchesPerEpoch(4)); ++b)
            for (const MixedExample& ex : ds->batch(1, b, 4, 1.0)) {
                check(ex);
                training.insert(canonical(ex.sourcePath));
            }
        for (const MixedExample& ex : ds->validationExamples(ExampleKind::Synthetic, 4)) {
            check(ex);
            validation.insert(canonical(ex.sourcePath));
        }
        QCOMPARE(training.size(), std::size_t(3)); // 4 pairs, 0.25 held out
        QCOMPARE(validation.size(), std::size_t(1));
        QVERIFY(!training.count(*validation.begin()));
        std::int64_t segments = 0;
        for (const QString& path : training)
            segments += QFileInfo(path).fileName() == QLatin1String("d.wav") ? 3 : 4; // b.wav: 2 s of the pair's 2.5 s
        QCOMPARE(ds->syntheticSegmentCount(), segments);
        for (const MixedExample& ex : ds->batch(0, 0, 4, 0.5))
            if (ex.kind == ExampleKind::Real)
                QCOMPARE(ex.genre, QStringLiteral("real"));
    }

    void pairsAreNotReanalysed()
    {
        // Adaptive, re-analysed every epoch: without pairs the log grows, with pairs (whose
        // examples do not use the profile) it does not.
        for (const bool paired : {false, true}) {
            MixedDatasetSettings s = settings();
            s.profileSource = SyntheticProfileSource::Adaptive;
            s.analyzeEvery = 1;
            if (paired)
                s.pairedDir = m_pairs;
            auto ds = make(s);
            QVERIFY(ds);
            QVERIFY(ds->beginEpoch(1).ok());
            QCOMPARE(ds->analysisLog().size(), paired ? 1 : 2);
        }
    }

    void pairsWithoutCleanCounterpartsNameTheFolder()
    {
        MixedDatasetSettings s = settings();
        s.pairedDir = m_real; // disc0.wav … exist only there
        auto created = MixedRestorationDataset::create(s);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().subject, m_real);
        QVERIFY2(created.error().message().contains(QStringLiteral("same relative path")), qPrintable(created.error().message()));
    }

    void singleFileFolderReusesTrainingForValidation()
    {
        MixedDatasetSettings s = settings();
        s.degradedDir = m_single;
        auto ds = make(s);
        QVERIFY(ds);
        QVERIFY(std::ranges::any_of(ds->warnings(), [&](const QString& w) { return w.contains(m_single) && w.contains(QStringLiteral("validation reuses")); }));
        QCOMPARE(QFileInfo(ds->validationExamples(ExampleKind::Real, 1).front().sourcePath).fileName(), QStringLiteral("one.wav"));
        QCOMPARE(ds->realSegmentCount(), std::int64_t(4));
    }
};

QTEST_APPLESS_MAIN(TestMixedRestorationDataset)
#include "tst_mixed_restoration_dataset.moc"
