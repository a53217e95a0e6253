#include "degrade/AdaptiveArtifactDataset.h"

#include "audio/AudioFileReader.h"
#include "audio/AudioPathCollector.h"
#include "audio/Decibels.h"
#include "degrade/ArtifactAnalyzer.h"
#include "degrade/DecodedAudioCache.h"
#include "degrade/SeedMixing.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace shellac::degrade {

namespace {

enum Stream : std::uint64_t { kAnalysis = 1, kSegment = 2, kProfile = 3, kSynthesis = 4 };

/// The seed coordinate of (index, draw): draw 0 keeps the plain index, so existing runs replay.
std::uint64_t drawKey(std::int64_t index, std::uint64_t draw)
{
    return draw == 0 ? std::uint64_t(index) : splitmix64(std::uint64_t(index) ^ splitmix64(draw));
}

QString genreOf(const QString& cleanDir, const QString& path)
{
    // Canonical on both sides, so a symlinked folder still yields "genre/file".
    const QString root = QFileInfo(cleanDir).canonicalFilePath();
    const QString file = QFileInfo(path).canonicalFilePath();
    const QString rel = QDir(root.isEmpty() ? cleanDir : root).relativeFilePath(file.isEmpty() ? path : file);
    const int slash = rel.indexOf(QLatin1Char('/'));
    return slash > 0 ? rel.left(slash) : QStringLiteral("unsorted");
}

Error cancelledError(const QString& subject) { return Error{subject, QStringLiteral("cancelled")}; }

} // namespace

struct AdaptiveArtifactDataset::Impl {
    struct CleanFile {
        QString path;
        QString genre;
        std::int64_t frames = 0; ///< at the dataset rate
        std::int64_t segments = 0;
    };

    AdaptiveDatasetSettings settings;
    std::vector<CleanFile> clean;
    std::vector<std::int64_t> firstSegment; ///< cumulative segment offsets, size clean.size() + 1
    QStringList references;
    std::vector<SkippedFile> skipped;
    std::map<int, DegradationProfile> analyses; ///< analysis epoch -> pooled profile
    QJsonArray log;

    std::shared_ptr<DecodedAudioCache> cache;

    Status analyse(int epoch, ProgressReporter* progress, const CancellationToken* cancel)
    {
        std::mt19937_64 rng(mixSeed(settings.seed, std::uint64_t(epoch), 0, kAnalysis));
        std::vector<int> order(std::size_t(references.size()));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        const std::size_t want = std::min<std::size_t>(order.size(), std::size_t(std::max(1, settings.referencesPerAnalysis)));

        std::vector<AnalysisResult> results;
        QJsonArray files, failed;
        // Draw in order; a file that fails is replaced by the next one in the shuffled order.
        for (std::size_t k = 0; k < order.size() && results.size() < want; ++k) {
            if (cancel && cancel->isCancelled())
                return cancelledError(settings.referenceDegradedDir);
            const QString path = references[order[k]];
            ScaledProgress sub(progress, double(results.size()) / double(want), double(results.size() + 1) / double(want));
            auto r = ArtifactAnalyzer::analyseFile(path, cancel, progress ? &sub : nullptr);
            if (!r.ok()) {
                if (cancel && cancel->isCancelled())
                    return cancelledError(settings.referenceDegradedDir);
                failed.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("reason"), r.error().reason}});
                skipped.push_back({path, r.error().reason});
                continue;
            }
            results.push_back(std::move(r).value());
            files.append(path);
        }
        if (results.empty())
            return Error{settings.referenceDegradedDir,
                         QStringLiteral("no reference recording could be analysed (epoch %1)").arg(epoch)};
        AnalysisResult pooled = ArtifactAnalyzer::pool(results);
        clampProfileToValidRanges(pooled.profile);

        QJsonObject entry{{QStringLiteral("epoch"), epoch},
                          {QStringLiteral("seed"), QString::number(settings.seed)},
                          {QStringLiteral("files"), files},
                          {QStringLiteral("failed"), failed},
                          {QStringLiteral("profile"), pooled.profile.toJson()}};
        if (!settings.analysisLogPath.isEmpty()) {
            QFile f(settings.analysisLogPath);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
                return Error{settings.analysisLogPath, QStringLiteral("cannot append the analysis log: %1").arg(f.errorString())};
            const QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
            if (f.write(line) != line.size())
                return Error{settings.analysisLogPath, QStringLiteral("cannot write the analysis log: %1").arg(f.errorString())};
        }
        analyses[epoch] = pooled.profile;
        log.append(entry);
        if (progress)
            progress->report(1.0, QStringLiteral("analysing references"));
        return {};
    }

    DegradationProfile jitter(const DegradationProfile& pooled, std::mt19937_64& rng) const
    {
        DegradationProfile p = pooled;
        std::normal_distribution<double> n01(0.0, 1.0);
        const auto rate = [&](double& v) { v *= std::exp(settings.rateJitterSigma * n01(rng)); };
        const auto level = [&](double& v) {
            const double j = settings.levelJitterDb * n01(rng);
            if (v > DegradationProfile::kOffDb)
                v += j;
        };
        rate(p.impulseRatePerS);
        rate(p.crackleRatePerS);
        level(p.impulsePeakMedianDb);
        level(p.cracklePeakMedianDb);
        level(p.hissLevelDbfs);
        level(p.humLevelDbfs);
        level(p.rumbleLevelDbfs);
        p.hissTiltDbPerOctave += settings.tiltJitterDbPerOctave * n01(rng);
        if (settings.damageOnly) {
            p.bandwidthLowPassHz = 0;
            p.bandwidthHighPassHz = 0;
            p.hornResonances.clear();
            p.wowDepthPercent = 0;
        }
        clampProfileToValidRanges(p);
        return p;
    }
};

AdaptiveArtifactDataset::AdaptiveArtifactDataset(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
AdaptiveArtifactDataset::~AdaptiveArtifactDataset() = default;

Result<std::unique_ptr<AdaptiveArtifactDataset>> AdaptiveArtifactDataset::create(const AdaptiveDatasetSettings& settings,
                                                                                 ProgressReporter* progress,
                                                                                 const CancellationToken* cancel)
{
    const auto bad = [](const char* option, const QString& why) { return Error{QString::fromLatin1(option), why}; };
    if (settings.sampleRate < 8000 || settings.sampleRate > 192000)
        return bad("sampleRate", QStringLiteral("must be between 8000 and 192000 Hz, got %1").arg(settings.sampleRate));
    if (settings.segmentFrames <= 0)
        return bad("segmentFrames", QStringLiteral("must be positive, got %1").arg(settings.segmentFrames));
    if (settings.analyzeEvery < 1)
        return bad("analyzeEvery", QStringLiteral("must be at least 1, got %1").arg(settings.analyzeEvery));
    if (settings.referencesPerAnalysis < 1)
        return bad("referencesPerAnalysis", QStringLiteral("must be at least 1, got %1").arg(settings.referencesPerAnalysis));
    if (!(settings.gainMinDb <= settings.gainMaxDb))
        return bad("gainMinDb", QStringLiteral("must not exceed gainMaxDb"));
    if (settings.sharedCache && settings.sharedCache->sampleRate() != settings.sampleRate)
        return bad("sharedCache", QStringLiteral("decodes at %1 Hz, not at sampleRate %2 Hz")
                                      .arg(settings.sharedCache->sampleRate())
                                      .arg(settings.sampleRate));
    if (settings.fixedProfile) {
        if (Status valid = settings.fixedProfile->validate(); !valid.ok())
            return bad("fixedProfile", valid.error().message());
    }
    QStringList dirs{settings.cleanDir};
    if (!settings.fixedProfile)
        dirs.append(settings.referenceDegradedDir);
    for (const QString& dir : dirs)
        if (dir.isEmpty() || !QFileInfo(dir).isDir())
            return Error{dir, QStringLiteral("folder does not exist")};

    auto impl = std::make_unique<Impl>();
    impl->settings = settings;
    Impl& d = *impl;
    d.cache = settings.sharedCache ? settings.sharedCache
                                   : std::make_shared<DecodedAudioCache>(settings.sampleRate, settings.cacheBudgetMiB);

    // Clean files: decode once (checks them and warms the cache).
    const QStringList cleanPaths = settings.cleanFiles.isEmpty() ? collectAudioPaths({settings.cleanDir}) : settings.cleanFiles;
    const double cleanShare = settings.fixedProfile ? 1.0 : 0.5;
    for (int i = 0; i < cleanPaths.size(); ++i) {
        if (cancel && cancel->isCancelled())
            return cancelledError(settings.cleanDir);
        if (progress)
            progress->report(cleanShare * double(i) / double(cleanPaths.size()), QStringLiteral("reading clean audio"));
        const QString& path = cleanPaths[i];
        auto decoded = d.cache->get(path);
        if (!decoded.ok()) {
            d.skipped.push_back({path, decoded.error().reason});
            continue;
        }
        Impl::CleanFile f;
        f.path = path;
        f.genre = genreOf(settings.cleanDir, path);
        f.frames = std::int64_t(decoded.value()->size());
        f.segments = std::max<std::int64_t>(1, f.frames / settings.segmentFrames);
        d.clean.push_back(f);
    }
    if (d.clean.empty())
        return Error{settings.cleanDir, QStringLiteral("no usable clean audio file in this folder (%1 found, %2 unreadable)")
                                            .arg(cleanPaths.size())
                                            .arg(d.skipped.size())};
    d.firstSegment.assign(1, 0);
    for (const Impl::CleanFile& f : d.clean)
        d.firstSegment.push_back(d.firstSegment.back() + f.segments);

    if (settings.fixedProfile) {
        d.analyses[0] = *settings.fixedProfile;
        if (progress)
            progress->report(1.0, QStringLiteral("reading clean audio"));
        return std::unique_ptr<AdaptiveArtifactDataset>(new AdaptiveArtifactDataset(std::move(impl)));
    }

    // References: header checks only; the analysis reads them.
    const QStringList refPaths = settings.referenceFiles.isEmpty() ? collectAudioPaths({settings.referenceDegradedDir})
                                                                   : settings.referenceFiles;
    for (const QString& path : refPaths) {
        auto opened = AudioFileReader::open(path);
        if (!opened.ok())
            d.skipped.push_back({path, opened.error().reason});
        else
            d.references.append(path);
    }
    if (d.references.isEmpty())
        return Error{settings.referenceDegradedDir,
                     QStringLiteral("no usable reference (degraded) audio file in this folder (%1 found)").arg(refPaths.size())};

    ScaledProgress analysisProgress(progress, 0.5, 1.0);
    if (Status s = d.analyse(0, progress ? &analysisProgress : nullptr, cancel); !s.ok())
        return s.error();
    return std::unique_ptr<AdaptiveArtifactDataset>(new AdaptiveArtifactDataset(std::move(impl)));
}

const AdaptiveDatasetSettings& AdaptiveArtifactDataset::settings() const { return d->settings; }
std::int64_t AdaptiveArtifactDataset::size() const { return d->firstSegment.back(); }
int AdaptiveArtifactDataset::cleanFileCount() const { return int(d->clean.size()); }
int AdaptiveArtifactDataset::referenceFileCount() const { return int(d->references.size()); }
std::size_t AdaptiveArtifactDataset::cachedBytes() const { return d->cache->bytes(); }
std::vector<SkippedFile> AdaptiveArtifactDataset::skippedFiles() const { return d->skipped; }
QJsonArray AdaptiveArtifactDataset::analysisLog() const { return d->log; }

Status AdaptiveArtifactDataset::beginEpoch(int epoch, ProgressReporter* progress, const CancellationToken* cancel)
{
    if (d->settings.fixedProfile || epoch < 0 || epoch % d->settings.analyzeEvery != 0 || d->analyses.count(epoch))
        return {};
    return d->analyse(epoch, progress, cancel);
}

DegradationProfile AdaptiveArtifactDataset::pooledProfile(int epoch) const
{
    const int due = (std::max(0, epoch) / d->settings.analyzeEvery) * d->settings.analyzeEvery;
    auto it = d->analyses.upper_bound(due);
    return std::prev(it)->second; // epoch 0 always exists
}

Example AdaptiveArtifactDataset::get(std::int64_t index, int epoch, std::uint64_t draw) const
{
    Q_ASSERT(index >= 0 && index < size());
    const AdaptiveDatasetSettings& s = d->settings;
    const auto fileIt = std::upper_bound(d->firstSegment.begin(), d->firstSegment.end(), index) - 1;
    const int file = int(fileIt - d->firstSegment.begin());
    const Impl::CleanFile& cf = d->clean[std::size_t(file)];
    const std::int64_t slot = index - *fileIt;
    const std::uint64_t key = drawKey(index, draw);

    std::mt19937_64 segRng(mixSeed(s.seed, std::uint64_t(epoch), key, kSegment));
    // The segment starts anywhere in its slot [slot * L, (slot + 1) * L] that keeps it inside
    // the file (the last slot also takes the remainder of the file).
    const std::int64_t L = s.segmentFrames;
    const std::int64_t lo = slot * L;
    const std::int64_t hi = std::max(lo, std::min((slot + 1) * L, cf.frames - L));
    const std::int64_t start = lo + std::int64_t(std::uniform_int_distribution<std::int64_t>(0, hi - lo)(segRng));
    const double gainDb = std::uniform_real_distribution<double>(s.gainMinDb, std::nextafter(s.gainMaxDb, 1e300))(segRng);

    Example ex;
    ex.genre = cf.genre;
    ex.sourcePath = cf.path;
    ex.startFrame = start;
    ex.gainDb = gainDb;
    ex.clean.resize(1, L, true);
    if (auto audio = d->cache->get(cf.path); audio.ok()) {
        const std::vector<float>& x = *audio.value();
        const float g = float(dbToAmplitude(gainDb));
        auto out = ex.clean.channel(0);
        const std::int64_t n = std::min<std::int64_t>(L, std::int64_t(x.size()) - start);
        for (std::int64_t i = 0; i < n; ++i)
            out[std::size_t(i)] = g * x[std::size_t(start + i)];
    } else {
        ex.error = audio.error().message();
    }

    std::mt19937_64 profileRng(mixSeed(s.seed, std::uint64_t(epoch), key, kProfile));
    ex.profile = d->jitter(pooledProfile(epoch), profileRng);

    SynthesisOptions options;
    options.seed = mixSeed(s.seed, std::uint64_t(epoch), key, kSynthesis);
    auto synth = DegradationSynthesizer::degrade(ex.clean, s.sampleRate, ex.profile, options);
    if (synth.ok()) {
        DegradationResult r = std::move(synth).value();
        ex.degraded = std::move(r.degraded);
        ex.mask = std::move(r.mask);
        ex.impulses = std::move(r.impulses);
    } else { // cannot happen for a clamped profile and a valid rate; reported, not hidden
        ex.degraded = ex.clean;
        ex.mask.resize(1, L);
        if (ex.error.isEmpty())
            ex.error = synth.error().message();
    }
    return ex;
}

} // namespace shellac::degrade
