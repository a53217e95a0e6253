// AdaptiveArtifactDataset: scanning (genres, mixed rates/channels, unreadable files, empty
// folders), determinism, per-example profile jitter around the pooled profile, the re-analysis
// schedule and its log, the cache bound, and that examples carry real damage.

#include "degrade/AdaptiveArtifactDataset.h"

#include "audio/AudioFileReader.h"
#include "audio/AudioFileWriter.h"
#include "degrade/DecodedAudioCache.h"
#include "degrade/DegradationSynthesizer.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <set>
#include <thread>

using namespace shellac;
using namespace shellac::degrade;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr int kRate = 22050;
constexpr std::int64_t kSegment = 11025; // 0.5 s at kRate

/// Sine of `freq` Hz on every channel (channel c scaled by 1 / (c + 1)), plus faint noise.
AudioBlock tone(int channels, std::int64_t frames, double rate, double freq, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.002);
    AudioBlock b(channels, frames);
    for (int c = 0; c < channels; ++c) {
        auto x = b.channel(c);
        for (std::int64_t i = 0; i < frames; ++i)
            x[std::size_t(i)] = float(0.3 / (c + 1) * std::sin(2 * kPi * freq * double(i) / rate) + noise(rng));
    }
    return b;
}

/// Music-like signal: a few partials with a slow envelope.
AudioBlock music(std::int64_t frames, double rate)
{
    AudioBlock b(1, frames);
    auto x = b.channel(0);
    for (std::int64_t i = 0; i < frames; ++i) {
        const double t = double(i) / rate;
        const double env = 0.6 + 0.4 * std::sin(2 * kPi * 0.7 * t);
        x[std::size_t(i)] = float(env * (0.2 * std::sin(2 * kPi * 220 * t) + 0.1 * std::sin(2 * kPi * 660 * t)
                                         + 0.05 * std::sin(2 * kPi * 1875 * t)));
    }
    return b;
}

void writeFile(const QString& path, const AudioBlock& block, int rate, SampleEncoding encoding = SampleEncoding::Pcm24)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    AudioWriteSpec spec;
    spec.sampleRate = rate;
    spec.channels = block.channels();
    spec.encoding = encoding;
    auto w = AudioFileWriter::create(path, spec, OverwritePolicy::Replace);
    QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message()));
    QVERIFY(w.value()->write(block).ok());
    QVERIFY(w.value()->commit().ok());
}

/// Zero crossings per second of a block's first channel.
double crossingsPerSecond(const AudioBlock& b, int rate)
{
    auto x = b.channel(0);
    int n = 0;
    for (std::size_t i = 1; i < x.size(); ++i)
        n += (x[i - 1] < 0) != (x[i] < 0);
    return double(n) * rate / double(x.size());
}

bool sameExample(const Example& a, const Example& b)
{
    return a.startFrame == b.startFrame && a.gainDb == b.gainDb && a.profile == b.profile
           && std::ranges::equal(a.clean.channel(0), b.clean.channel(0))
           && std::ranges::equal(a.degraded.channel(0), b.degraded.channel(0)) && a.mask.bits == b.mask.bits
           && a.impulses.size() == b.impulses.size();
}

} // namespace

class TestAdaptiveArtifactDataset : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clean, m_refs, m_broken, m_log;
    std::unique_ptr<AdaptiveArtifactDataset> m_dataset;

    AdaptiveDatasetSettings settings() const
    {
        AdaptiveDatasetSettings s;
        s.cleanDir = m_clean;
        s.referenceDegradedDir = m_refs;
        s.sampleRate = kRate;
        s.segmentFrames = kSegment;
        s.analyzeEvery = 2;
        s.referencesPerAnalysis = 2;
        s.seed = 1234;
        s.gainMinDb = -12;
        s.gainMaxDb = 0;
        s.cacheBudgetMiB = 64;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clean = m_dir.filePath(QStringLiteral("clean"));
        m_refs = m_dir.filePath(QStringLiteral("refs"));
        m_log = m_dir.filePath(QStringLiteral("analysis.jsonl"));
        // 2 s mono at 44.1 kHz -> 4 segments; 1.5 s stereo at 22.05 kHz -> 3; 0.3 s stereo at
        // 44.1 kHz directly in cleanDir -> 1 (zero-padded).
        writeFile(m_clean + QStringLiteral("/jazz/a.wav"), tone(1, 88200, 44100, 440, 1), 44100);
        writeFile(m_clean + QStringLiteral("/opera/b.wav"), tone(2, 33075, 22050, 330, 2), 22050);
        writeFile(m_clean + QStringLiteral("/c.wav"), tone(2, 13230, 44100, 550, 3), 44100);
        m_broken = m_clean + QStringLiteral("/jazz/broken.wav");
        QFile text(m_broken);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not audio, just some notes about the session\n");
        text.close();

        const auto typical = DegradationProfile::preset(QStringLiteral("typical78")).value();
        for (int i = 0; i < 3; ++i) {
            SynthesisOptions o;
            o.seed = 100 + std::uint64_t(i);
            auto r = DegradationSynthesizer::degrade(music(3 * kRate, kRate), kRate, typical, o);
            QVERIFY(r.ok());
            writeFile(m_refs + QStringLiteral("/real%1.wav").arg(i), r.value().degraded, kRate, SampleEncoding::Float32);
        }

        AdaptiveDatasetSettings s = settings();
        s.analysisLogPath = m_log;
        auto created = AdaptiveArtifactDataset::create(s);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
        m_dataset = std::move(created).value();
    }

    void scansAndLabelsGenres()
    {
        QCOMPARE(m_dataset->cleanFileCount(), 3);
        QCOMPARE(m_dataset->referenceFileCount(), 3);
        QCOMPARE(m_dataset->size(), std::int64_t(8));
        std::set<QString> genres;
        for (std::int64_t i = 0; i < m_dataset->size(); ++i) {
            const Example ex = m_dataset->get(i, 0);
            QVERIFY(ex.error.isEmpty());
            const QString name = QFileInfo(ex.sourcePath).fileName();
            const QString expected = name == QLatin1String("a.wav")   ? QStringLiteral("jazz")
                                     : name == QLatin1String("b.wav") ? QStringLiteral("opera")
                                                                      : QStringLiteral("unsorted");
            QCOMPARE(ex.genre, expected);
            genres.insert(ex.genre);
        }
        QCOMPARE(genres, (std::set<QString>{QStringLiteral("jazz"), QStringLiteral("opera"), QStringLiteral("unsorted")}));
    }

    void mixedRatesAndChannelsComeOutMonoAtDatasetRate()
    {
        for (std::int64_t i = 0; i < m_dataset->size(); ++i) {
            const Example ex = m_dataset->get(i, 0);
            QCOMPARE(ex.clean.channels(), 1);
            QCOMPARE(ex.degraded.channels(), 1);
            QCOMPARE(ex.clean.frames(), kSegment);
            QCOMPARE(ex.degraded.frames(), kSegment);
            QCOMPARE(ex.mask.channels, 1);
            QCOMPARE(ex.mask.frames, kSegment);
            QVERIFY(ex.gainDb >= -12.0 && ex.gainDb <= 0.0);
            const QString name = QFileInfo(ex.sourcePath).fileName();
            if (name == QLatin1String("c.wav"))
                continue; // 0.3 s of tone then zero padding
            // A tone of f Hz crosses zero 2f times a second: only right when resampled correctly.
            const double f = name == QLatin1String("a.wav") ? 440.0 : 330.0;
            QVERIFY2(std::abs(crossingsPerSecond(ex.clean, kRate) - 2 * f) < 0.03 * 2 * f,
                     qPrintable(QStringLiteral("%1: %2 crossings/s").arg(name).arg(crossingsPerSecond(ex.clean, kRate))));
            // Stereo b.wav is mixed down to the mean of 0.3 and 0.15 amplitude sines: 0.225 peak.
            if (name == QLatin1String("b.wav")) {
                float peak = 0;
                for (float v : ex.clean.channel(0))
                    peak = std::max(peak, std::abs(v));
                const double expectedPeak = 0.225 * std::pow(10.0, ex.gainDb / 20.0);
                QVERIFY2(std::abs(peak - expectedPeak) < 0.02 * 0.3, qPrintable(QString::number(peak)));
            }
        }
        // The short file: its tone, then silence to the segment end.
        for (std::int64_t i = 0; i < m_dataset->size(); ++i) {
            const Example ex = m_dataset->get(i, 0);
            if (QFileInfo(ex.sourcePath).fileName() != QLatin1String("c.wav"))
                continue;
            QCOMPARE(ex.startFrame, std::int64_t(0));
            QVERIFY(std::abs(ex.clean.channel(0)[1000]) + std::abs(ex.clean.channel(0)[1010]) > 0);
            QCOMPARE(ex.clean.channel(0)[std::size_t(kSegment - 1)], 0.0f);
        }
    }

    void unreadableFileIsListed()
    {
        const auto skipped = m_dataset->skippedFiles();
        QCOMPARE(skipped.size(), std::size_t(1));
        QCOMPARE(QFileInfo(skipped[0].path).canonicalFilePath(), QFileInfo(m_broken).canonicalFilePath());
        auto direct = AudioFileReader::open(m_broken);
        QVERIFY(!direct.ok());
        QCOMPARE(skipped[0].reason, direct.error().reason);
        QVERIFY(!skipped[0].reason.isEmpty());
    }

    void emptyFoldersFail()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        AdaptiveDatasetSettings s = settings();
        s.cleanDir = empty;
        auto noClean = AdaptiveArtifactDataset::create(s);
        QVERIFY(!noClean.ok());
        QCOMPARE(noClean.error().subject, empty);
        QVERIFY(noClean.error().message().contains(empty));

        s = settings();
        s.referenceDegradedDir = empty;
        auto noRefs = AdaptiveArtifactDataset::create(s);
        QVERIFY(!noRefs.ok());
        QCOMPARE(noRefs.error().subject, empty);

        // A clean folder holding only the unreadable file also fails, naming the folder.
        const QString onlyBroken = m_dir.filePath(QStringLiteral("only-broken"));
        QVERIFY(QDir().mkpath(onlyBroken));
        QVERIFY(QFile::copy(m_broken, onlyBroken + QStringLiteral("/x.wav")));
        s = settings();
        s.cleanDir = onlyBroken;
        auto broken = AdaptiveArtifactDataset::create(s);
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().subject, onlyBroken);
    }

    void deterministicPerEpochAndIndex()
    {
        for (std::int64_t i : {std::int64_t(0), std::int64_t(5)}) {
            const Example a = m_dataset->get(i, 1);
            const Example b = m_dataset->get(i, 1);
            QVERIFY(sameExample(a, b));
            const Example other = m_dataset->get(i, 0);
            QVERIFY(!std::ranges::equal(a.degraded.channel(0), other.degraded.channel(0)));
            QVERIFY(!(a.profile == other.profile));
        }
    }

    void smallCacheGivesTheSameExamples()
    {
        // Decoded sizes at 22.05 kHz mono: 176400, 132300 and 26460 bytes (335160 in all).
        QCOMPARE(m_dataset->cachedBytes(), std::size_t(335160));
        // 0.3 MiB holds two of the three files: cycling through them keeps evicting (LRU) and
        // decoding again; 0.02 MiB holds none.
        for (double mib : {0.3, 0.02}) {
            AdaptiveDatasetSettings s = settings();
            s.cacheBudgetMiB = mib;
            auto small = AdaptiveArtifactDataset::create(s);
            QVERIFY(small.ok());
            const std::size_t budget = std::size_t(mib * 1024 * 1024);
            QVERIFY(small.value()->cachedBytes() <= budget);
            for (int round = 0; round < 2; ++round)
                for (std::int64_t i = 0; i < m_dataset->size(); ++i) {
                    QVERIFY(sameExample(small.value()->get(i, 1), m_dataset->get(i, 1)));
                    QVERIFY(small.value()->cachedBytes() <= budget);
                }
            if (mib > 0.1)
                QVERIFY(small.value()->cachedBytes() > 0);
        }
    }

    void concurrentGetMatchesSerial()
    {
        const std::int64_t n = m_dataset->size();
        std::vector<Example> serial;
        for (std::int64_t i = 0; i < 2 * n; ++i)
            serial.push_back(m_dataset->get(i % n, 1 + int(i / n)));
        std::vector<Example> parallel(serial.size());
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (std::size_t i = std::size_t(t); i < parallel.size(); i += 4)
                    parallel[i] = m_dataset->get(std::int64_t(i) % n, 1 + int(std::int64_t(i) / n));
            });
        for (auto& th : threads)
            th.join();
        for (std::size_t i = 0; i < serial.size(); ++i)
            QVERIFY(sameExample(serial[i], parallel[i]));
    }

    void progressAndCancellation()
    {
        struct Recorder : ProgressReporter {
            std::vector<double> fractions;
            void report(double f, const QString&) override { fractions.push_back(f); }
        } recorder;
        auto withProgress = AdaptiveArtifactDataset::create(settings(), &recorder);
        QVERIFY(withProgress.ok());
        QVERIFY(!recorder.fractions.empty());
        QVERIFY(std::ranges::is_sorted(recorder.fractions));
        QCOMPARE(recorder.fractions.back(), 1.0);

        CancellationToken cancel;
        cancel.cancel();
        auto cancelled = AdaptiveArtifactDataset::create(settings(), nullptr, &cancel);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().reason, QStringLiteral("cancelled"));
    }

    void profilesJitterAroundThePooledOne()
    {
        const DegradationProfile pooled = m_dataset->pooledProfile(0);
        QVERIFY2(pooled.impulseRatePerS > 0, "the analysis found no clicks in typical78 references");
        QCOMPARE(pooled.wowDepthPercent, 0.0); // so clean and degraded stay sample-aligned
        std::vector<double> rates;
        std::set<double> hums;
        for (int k = 0; k < 50; ++k) {
            const Example ex = m_dataset->get(k % m_dataset->size(), k / int(m_dataset->size()));
            QVERIFY(ex.profile.validate().ok());
            rates.push_back(ex.profile.impulseRatePerS);
            hums.insert(ex.profile.humFundamentalHz);
        }
        std::ranges::sort(rates);
        const double median = 0.5 * (rates[24] + rates[25]);
        qInfo("pooled impulse rate %.2f/s; examples: min %.2f median %.2f max %.2f", pooled.impulseRatePerS,
              rates.front(), median, rates.back());
        QVERIFY(rates.back() > 1.5 * rates.front());
        QVERIFY(median > pooled.impulseRatePerS / 2 && median < pooled.impulseRatePerS * 2);
        QCOMPARE(hums.size(), std::size_t(1)); // hum frequency is kept
        QCOMPARE(*hums.begin(), pooled.humFundamentalHz);
    }

    void examplesCarryDamage()
    {
        double diff = 0;
        std::int64_t masked = 0;
        std::size_t impulses = 0;
        for (std::int64_t i = 0; i < m_dataset->size(); ++i) {
            const Example ex = m_dataset->get(i, 0);
            for (std::int64_t n = 0; n < kSegment; ++n)
                diff += std::abs(double(ex.degraded.channel(0)[std::size_t(n)]) - ex.clean.channel(0)[std::size_t(n)]);
            masked += std::ranges::count_if(ex.mask.bits, [](std::uint8_t b) { return b != 0; });
            impulses += ex.impulses.size();
        }
        qInfo("mean |degraded - clean| %.5f, masked samples %lld, impulses %zu", diff / double(8 * kSegment),
              (long long)masked, impulses);
        QVERIFY(diff > 0);
        QVERIFY(masked > 0);
    }

    void fixedProfileModeNeedsNoReferences()
    {
        DegradationProfile fixed = DegradationProfile::preset(QStringLiteral("light")).value();
        fixed.wowDepthPercent = 0;
        AdaptiveDatasetSettings s = settings();
        s.referenceDegradedDir.clear();
        s.fixedProfile = fixed;
        s.analysisLogPath = m_dir.filePath(QStringLiteral("never.jsonl"));
        auto created = AdaptiveArtifactDataset::create(s);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
        auto& ds = *created.value();
        QCOMPARE(ds.size(), std::int64_t(8));
        QCOMPARE(ds.referenceFileCount(), 0);
        QVERIFY(ds.analysisLog().isEmpty());
        QVERIFY(!QFileInfo::exists(s.analysisLogPath));
        for (int epoch : {0, 2, 20}) {
            QVERIFY(ds.beginEpoch(epoch).ok());
            QCOMPARE(ds.pooledProfile(epoch), fixed);
        }
        // Jitter still applies around the fixed profile; the hum frequency is kept.
        std::set<double> rates;
        for (std::int64_t i = 0; i < ds.size(); ++i) {
            const Example ex = ds.get(i, 0);
            QVERIFY(ex.error.isEmpty());
            QVERIFY(ex.profile.validate().ok());
            QCOMPARE(ex.profile.humFundamentalHz, fixed.humFundamentalHz);
            rates.insert(ex.profile.impulseRatePerS);
        }
        QVERIFY(rates.size() > 4);
        QVERIFY(*rates.begin() < fixed.impulseRatePerS && *rates.rbegin() > fixed.impulseRatePerS);

        // An invalid fixed profile is named.
        s.fixedProfile->impulseRatePerS = -1;
        auto invalid = AdaptiveArtifactDataset::create(s);
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().subject, QStringLiteral("fixedProfile"));
    }

    void explicitFileListsRestrictTheDataset()
    {
        AdaptiveDatasetSettings s = settings();
        s.cleanFiles = {m_clean + QStringLiteral("/opera/b.wav"), m_clean + QStringLiteral("/c.wav")};
        s.referenceFiles = {m_refs + QStringLiteral("/real1.wav")};
        auto created = AdaptiveArtifactDataset::create(s);
        QVERIFY(created.ok());
        auto& ds = *created.value();
        QCOMPARE(ds.cleanFileCount(), 2);
        QCOMPARE(ds.referenceFileCount(), 1);
        QCOMPARE(ds.size(), std::int64_t(4)); // 3 + 1 segments
        std::set<QString> genres;
        for (std::int64_t i = 0; i < ds.size(); ++i) {
            const Example ex = ds.get(i, 0);
            QVERIFY(s.cleanFiles.contains(ex.sourcePath));
            genres.insert(ex.genre);
        }
        QCOMPARE(genres, (std::set<QString>{QStringLiteral("opera"), QStringLiteral("unsorted")}));
        const QJsonArray files = ds.analysisLog()[0].toObject().value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].toString(), s.referenceFiles[0]);
    }

    void sharedCacheIsUsedAndChecked()
    {
        auto cache = std::make_shared<DecodedAudioCache>(kRate, 64);
        AdaptiveDatasetSettings s = settings();
        s.sharedCache = cache;
        auto created = AdaptiveArtifactDataset::create(s);
        QVERIFY(created.ok());
        QCOMPARE(cache->bytes(), std::size_t(335160));
        QCOMPARE(created.value()->cachedBytes(), cache->bytes());
        QVERIFY(sameExample(created.value()->get(3, 1), m_dataset->get(3, 1)));

        s.sharedCache = std::make_shared<DecodedAudioCache>(44100, 64);
        auto wrongRate = AdaptiveArtifactDataset::create(s);
        QVERIFY(!wrongRate.ok());
        QCOMPARE(wrongRate.error().subject, QStringLiteral("sharedCache"));
    }

    void furtherDrawsDifferAndRepeat()
    {
        const Example plain = m_dataset->get(2, 1);
        QVERIFY(sameExample(m_dataset->get(2, 1, 0), plain));
        const Example first = m_dataset->get(2, 1, 1);
        const Example second = m_dataset->get(2, 1, 2);
        QVERIFY(sameExample(m_dataset->get(2, 1, 1), first));
        QCOMPARE(first.sourcePath, plain.sourcePath);
        QVERIFY(!std::ranges::equal(first.degraded.channel(0), plain.degraded.channel(0)));
        QVERIFY(!std::ranges::equal(first.degraded.channel(0), second.degraded.channel(0)));
    }

    void reanalysesAtMultiplesOfAnalyzeEvery()
    {
        QCOMPARE(m_dataset->analysisLog().size(), 1);
        const DegradationProfile first = m_dataset->pooledProfile(0);
        for (int epoch = 0; epoch <= 5; ++epoch) {
            QVERIFY(m_dataset->beginEpoch(epoch).ok());
            QVERIFY(m_dataset->beginEpoch(epoch).ok()); // a second call does not re-run it
        }
        const QJsonArray log = m_dataset->analysisLog();
        QCOMPARE(log.size(), 3);
        for (int k = 0; k < 3; ++k) {
            const QJsonObject entry = log[k].toObject();
            QCOMPARE(entry.value(QStringLiteral("epoch")).toInt(), 2 * k);
            QCOMPARE(entry.value(QStringLiteral("files")).toArray().size(), 2);
            auto profile = DegradationProfile::fromJson(entry.value(QStringLiteral("profile")).toObject());
            QVERIFY2(profile.ok(), qPrintable(profile.ok() ? QString() : profile.error().message()));
            QCOMPARE(profile.value(), m_dataset->pooledProfile(2 * k + 1));
        }
        QCOMPARE(m_dataset->pooledProfile(1), first);

        // The JSON-lines file holds the same entries.
        QFile f(m_log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(QJsonDocument::fromJson(lines[k]).object(), log[k].toObject());
    }
};

QTEST_APPLESS_MAIN(TestAdaptiveArtifactDataset)
#include "tst_adaptive_artifact_dataset.moc"
