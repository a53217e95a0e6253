#include "degrade/MixedRestorationDataset.h"

#include "audio/AudioPathCollector.h"
#include "degrade/ArtifactAnalyzer.h"
#include "degrade/DecodedAudioCache.h"
#include "degrade/SeedMixing.h"
#include "degrade/TransientFinder.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <random>

namespace shellac::degrade {

namespace {

enum Stream : std::uint64_t {
    kSplitClean = 101,
    kSplitReal = 102,
    kValidationSynthetic = 103,
    kSyntheticOrder = 104,
    kRealOrder = 105,
    kRealCut = 106,
    kBatchOrder = 107,
    kCheckDraw = 108,
    kValidationReal = 109,
    kSplitPaired = 110,
    kPairedOrder = 111,
    kValidationPaired = 112,
};

constexpr double kMinSeconds = 0.1;
constexpr std::size_t kMaxAnchorsPerLabel = 8;
constexpr double kTransientGuardSeconds = 0.010;
constexpr double kCheckSeconds = 60.0;
constexpr double kCleanEventsPerS = 10.0;
constexpr double kCleanNoiseDbfs = -70.0;

Error cancelledError(const QString& subject) { return Error{subject, QStringLiteral("cancelled")}; }

/// One usable file of a folder, frames at the dataset rate.
struct FileInfo {
    QString path;
    std::int64_t frames = 0;
    QString reference; ///< paired files: the clean counterpart (target); empty otherwise
    QString genre;     ///< paired files: first-level subfolder of the relative path ("unsorted" if none)
};

/// Copies `x` from frame `start` into the mono `block` (already sized; zeros past the end of `x`).
void copySegment(const std::vector<float>& x, std::int64_t start, AudioBlock& block)
{
    const std::int64_t n = std::clamp<std::int64_t>(std::int64_t(x.size()) - start, 0, block.frames());
    std::copy_n(x.begin() + start, n, block.channel(0).begin());
}

struct FolderScan {
    std::vector<FileInfo> usable;
    int found = 0;
    int unreadable = 0;
    int tooShort = 0;
};

/// Decodes every file of `dir` into `cache` to check it; failures go to `skipped`.
Result<FolderScan> scanFolder(const QString& dir, const char* what, const DecodedAudioCache& cache,
                              std::vector<SkippedFile>& skipped, ProgressReporter* progress,
                              const CancellationToken* cancel)
{
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return Error{dir, QStringLiteral("folder does not exist")};
    FolderScan scan;
    const QStringList paths = collectAudioPaths({dir});
    scan.found = int(paths.size());
    const auto minFrames = std::int64_t(std::ceil(kMinSeconds * cache.sampleRate()));
    for (int i = 0; i < paths.size(); ++i) {
        if (cancel && cancel->isCancelled())
            return cancelledError(dir);
        if (progress)
            progress->report(double(i) / double(paths.size()), QStringLiteral("reading %1 audio").arg(QLatin1String(what)));
        auto decoded = cache.get(paths[i]);
        if (!decoded.ok()) {
            ++scan.unreadable;
            skipped.push_back({paths[i], decoded.error().reason});
            continue;
        }
        const auto frames = std::int64_t(decoded.value()->size());
        if (frames < minFrames) {
            ++scan.tooShort;
            skipped.push_back({paths[i], QStringLiteral("shorter than %1 s (%2 s): too short to cut a training segment from")
                                             .arg(kMinSeconds)
                                             .arg(double(frames) / cache.sampleRate(), 0, 'f', 3)});
            continue;
        }
        scan.usable.push_back({paths[i], frames, {}, {}});
    }
    if (scan.usable.empty())
        return Error{dir, QStringLiteral("no usable %1 audio file in this folder (%2 found, %3 unreadable, %4 shorter than %5 s)")
                              .arg(QLatin1String(what))
                              .arg(scan.found)
                              .arg(scan.unreadable)
                              .arg(scan.tooShort)
                              .arg(kMinSeconds)};
    return scan;
}

/// Seeded split of `files` into (training, validation), each in scan order.
std::pair<std::vector<FileInfo>, std::vector<FileInfo>> splitFiles(const std::vector<FileInfo>& files, double fraction,
                                                                   std::uint64_t seed)
{
    const auto n = std::int64_t(files.size());
    const std::int64_t held = n >= 2 && fraction > 0 ? std::clamp<std::int64_t>(std::llround(fraction * double(n)), 1, n - 1) : 0;
    std::vector<std::size_t> order(files.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<bool> isValidation(files.size(), false);
    for (std::int64_t k = 0; k < held; ++k)
        isValidation[order[std::size_t(k)]] = true;
    std::pair<std::vector<FileInfo>, std::vector<FileInfo>> split;
    for (std::size_t i = 0; i < files.size(); ++i)
        (isValidation[i] ? split.second : split.first).push_back(files[i]);
    return split;
}

QStringList pathsOf(const std::vector<FileInfo>& files)
{
    QStringList paths;
    for (const FileInfo& f : files)
        paths.append(f.path);
    return paths;
}

/// A path compared across folder scans: absolute and cleaned, symlinks left as they are.
QString comparablePath(const QString& path) { return QDir::cleanPath(QFileInfo(path).absoluteFilePath()); }

/// The usable paired files that have a usable clean file of the same relative path (under
/// settings.cleanDir), with reference, genre and the shorter length of the two set; the others
/// go to `skipped`. An Error (subject: the paired folder) when none has.
Result<std::vector<FileInfo>> matchPairs(const MixedDatasetSettings& settings, const std::vector<FileInfo>& paired,
                                         const std::vector<FileInfo>& clean, std::vector<SkippedFile>& skipped)
{
    QHash<QString, std::int64_t> cleanFrames;
    for (const FileInfo& f : clean)
        cleanFrames.insert(comparablePath(f.path), f.frames);
    const QDir pairedRoot(settings.pairedDir), cleanRoot(settings.cleanDir);
    std::vector<FileInfo> matched;
    for (const FileInfo& f : paired) {
        const QString relative = pairedRoot.relativeFilePath(f.path);
        const QString reference = cleanRoot.filePath(relative);
        const auto it = cleanFrames.constFind(comparablePath(reference));
        if (it == cleanFrames.cend()) {
            skipped.push_back({f.path, QStringLiteral("no usable clean counterpart: a paired file needs the clean file of "
                                                      "the same relative path, %1")
                                           .arg(QDir::toNativeSeparators(reference))});
            continue;
        }
        const int slash = relative.indexOf(QLatin1Char('/'));
        matched.push_back({f.path, std::min(f.frames, it.value()), reference,
                           slash > 0 ? relative.left(slash) : QStringLiteral("unsorted")});
    }
    if (matched.empty())
        return Error{settings.pairedDir, QStringLiteral("none of its %1 usable audio files has a clean file of the same "
                                                        "relative path in %2")
                                             .arg(paired.size())
                                             .arg(QDir::toNativeSeparators(settings.cleanDir))};
    return matched;
}

/// Segments of a set of files (real transfers or pairs): each file of F frames has max(1, F / L) slots.
struct FileSegments {
    std::vector<FileInfo> files;
    std::vector<std::int64_t> first; ///< cumulative slot offsets, size files.size() + 1

    FileSegments() = default;
    FileSegments(std::vector<FileInfo> list, std::int64_t segmentFrames) : files(std::move(list)), first{0}
    {
        for (const FileInfo& f : files)
            first.push_back(first.back() + std::max<std::int64_t>(1, f.frames / segmentFrames));
    }
    std::int64_t count() const { return first.empty() ? 0 : first.back(); }
};

/// A permutation of [0, n) seeded by (seed, epoch, stream).
std::vector<std::int64_t> epochPermutation(std::int64_t n, std::uint64_t seed, int epoch, std::uint64_t stream)
{
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(mixSeed(seed, std::uint64_t(epoch), 0, stream));
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

void appendAnchors(std::vector<ContrastiveAnchor>& anchors, const std::vector<std::int64_t>& frames,
                   ContrastiveAnchor::Label label)
{
    for (std::int64_t f : spreadEvenly(frames, kMaxAnchorsPerLabel))
        anchors.push_back({f, label});
}

bool isNearImpulse(std::int64_t frame, const std::vector<eval::SampleInterval>& impulses, std::int64_t guard)
{
    return std::ranges::any_of(impulses, [&](const eval::SampleInterval& iv) {
        return frame >= iv.start - guard && frame < iv.start + iv.length + guard;
    });
}

} // namespace

struct MixedRestorationDataset::Impl {
    MixedDatasetSettings settings;
    std::shared_ptr<DecodedAudioCache> cleanCache, realCache, pairedCache;
    std::unique_ptr<AdaptiveArtifactDataset> training, validation;
    FileSegments realTraining, realValidation;
    FileSegments pairedTraining, pairedValidation; ///< only with settings.pairedDir

    bool hasPairs() const { return !settings.pairedDir.isEmpty(); }
    std::vector<SkippedFile> skipped;
    QStringList warnings;

    MixedExample fromSynthetic(Example&& ex) const
    {
        MixedExample m;
        m.kind = ExampleKind::Synthetic;
        m.input = std::move(ex.degraded);
        m.target = std::move(ex.clean);
        m.mask = std::move(ex.mask);
        m.impulses = std::move(ex.impulses);
        addSupervisedExtras(m);
        m.genre = std::move(ex.genre);
        m.sourcePath = std::move(ex.sourcePath);
        m.startFrame = ex.startFrame;
        m.error = std::move(ex.error);
        return m;
    }

    /// Segment `index` of `set` read from `cache`, cut at random inside its slot by (seed,
    /// epoch, index, draw): input, sourcePath, startFrame and error are set; `file` is the
    /// file it was cut from.
    MixedExample cut(const FileSegments& set, std::int64_t index, int epoch, std::uint64_t draw, std::uint64_t seed,
                     const DecodedAudioCache& cache, const FileInfo*& file) const
    {
        const auto it = std::upper_bound(set.first.begin(), set.first.end(), index) - 1;
        file = &set.files[std::size_t(it - set.first.begin())];
        const std::int64_t slot = index - *it;
        const std::int64_t L = settings.segmentFrames;
        std::mt19937_64 rng(mixSeed(mixSeed(seed, std::uint64_t(epoch), std::uint64_t(index), kRealCut), draw, 0, kRealCut));
        const std::int64_t lo = slot * L;
        const std::int64_t hi = std::max(lo, std::min((slot + 1) * L, file->frames - L));
        const std::int64_t start = lo + std::uniform_int_distribution<std::int64_t>(0, hi - lo)(rng);

        MixedExample m;
        m.sourcePath = file->path;
        m.startFrame = start;
        m.input.resize(1, L, true);
        if (auto audio = cache.get(file->path); audio.ok())
            copySegment(*audio.value(), start, m.input);
        else
            m.error = audio.error().message();
        return m;
    }

    /// Segment `index` of the real `set` (see cut()).
    MixedExample real(const FileSegments& set, std::int64_t index, int epoch, std::uint64_t draw, std::uint64_t seed) const
    {
        const FileInfo* file = nullptr;
        MixedExample m = cut(set, index, epoch, draw, seed, *realCache, file);
        m.kind = ExampleKind::Real;
        m.genre = QStringLiteral("real");
        if (settings.useContrastive)
            appendAnchors(m.anchors, classicalClickStarts(m.input.channel(0), settings.sampleRate),
                          ContrastiveAnchor::RealArtifact);
        return m;
    }

    /// Segment `index` of the pairs `set` (see cut()): the paired file's frames as input, the
    /// same frames of its clean counterpart as target.
    MixedExample paired(const FileSegments& set, std::int64_t index, int epoch, std::uint64_t draw, std::uint64_t seed) const
    {
        const FileInfo* file = nullptr;
        MixedExample m = cut(set, index, epoch, draw, seed, *pairedCache, file);
        m.kind = ExampleKind::Synthetic;
        m.genre = file->genre;
        m.target.resize(1, m.input.frames(), true);
        if (auto audio = cleanCache->get(file->reference); audio.ok())
            copySegment(*audio.value(), m.startFrame, m.target);
        else if (m.error.isEmpty())
            m.error = audio.error().message();
        addSupervisedExtras(m);
        return m;
    }

    /// artifact (input − target) and the contrastive anchors of a supervised example whose
    /// input, target and impulses are set.
    void addSupervisedExtras(MixedExample& m) const
    {
        if (settings.useCycleConsistency) {
            m.artifact.resize(1, m.input.frames());
            auto a = m.artifact.channel(0);
            auto x = m.input.channel(0);
            auto y = m.target.channel(0);
            for (std::size_t i = 0; i < a.size(); ++i)
                a[i] = x[i] - y[i];
        }
        if (settings.useContrastive) {
            std::vector<std::int64_t> starts;
            for (const eval::SampleInterval& iv : m.impulses)
                if (iv.channel == 0)
                    starts.push_back(iv.start);
            std::ranges::sort(starts);
            appendAnchors(m.anchors, starts, ContrastiveAnchor::SyntheticArtifact);
            const auto guard = std::int64_t(std::llround(kTransientGuardSeconds * settings.sampleRate));
            std::vector<std::int64_t> onsets;
            for (std::int64_t f : energyFluxOnsets(m.target.channel(0), settings.sampleRate))
                if (!isNearImpulse(f, m.impulses, guard))
                    onsets.push_back(f);
            appendAnchors(m.anchors, onsets, ContrastiveAnchor::CleanTransient);
        }
    }

    /// Fixed mode: measures up to referencesPerAnalysis real training files (first 60 s each).
    std::optional<DegradationProfile> measureReal(const CancellationToken* cancel) const
    {
        std::vector<std::size_t> order(realTraining.files.size());
        std::iota(order.begin(), order.end(), 0);
        std::mt19937_64 rng(mixSeed(settings.seed, 0, 0, kCheckDraw));
        std::shuffle(order.begin(), order.end(), rng);
        order.resize(std::min<std::size_t>(order.size(), std::size_t(settings.referencesPerAnalysis)));
        std::vector<AnalysisResult> results;
        for (std::size_t k : order) {
            if (cancel && cancel->isCancelled())
                return std::nullopt;
            auto audio = realCache->get(realTraining.files[k].path);
            ArtifactAnalyzer analyzer;
            if (!audio.ok() || !analyzer.prepare(settings.sampleRate, 1).ok())
                continue;
            const std::vector<float>& x = *audio.value();
            const auto n = std::min<std::int64_t>(std::int64_t(x.size()), std::int64_t(kCheckSeconds * settings.sampleRate));
            AudioBlock block(1, n);
            std::copy_n(x.begin(), n, block.channel(0).begin());
            analyzer.add(block);
            AnalysisResult result = analyzer.finish(cancel);
            if (cancel && cancel->isCancelled())
                return std::nullopt;
            results.push_back(std::move(result));
        }
        if (results.empty())
            return std::nullopt;
        return ArtifactAnalyzer::pool(results).profile;
    }

    void addCleanLookingWarning(const DegradationProfile& real)
    {
        const double events = real.impulseRatePerS + real.crackleRatePerS;
        if (events >= kCleanEventsPerS || real.hissLevelDbfs >= kCleanNoiseDbfs)
            return;
        const QString floor = real.hissLevelDbfs <= DegradationProfile::kOffDb
                                  ? QStringLiteral("no measurable noise floor")
                                  : QStringLiteral("a noise floor of %1 dBFS").arg(real.hissLevelDbfs, 0, 'f', 1);
        warnings.append(QStringLiteral("The degraded folder %1 looks clean (%2 clicks and crackles per second, %3): the real-data "
                                       "losses would teach nothing; check that it holds real degraded transfers.")
                            .arg(settings.degradedDir)
                            .arg(events, 0, 'f', 2)
                            .arg(floor));
    }
};

MixedRestorationDataset::MixedRestorationDataset(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
MixedRestorationDataset::~MixedRestorationDataset() = default;

Result<std::unique_ptr<MixedRestorationDataset>> MixedRestorationDataset::create(const MixedDatasetSettings& settings,
                                                                                 ProgressReporter* progress,
                                                                                 const CancellationToken* cancel)
{
    const auto bad = [](const char* option, const QString& why) { return Error{QString::fromLatin1(option), why}; };
    if (!(settings.syntheticRatio >= 0.0 && settings.syntheticRatio <= 1.0))
        return bad("syntheticRatio", QStringLiteral("must be between 0 and 1, got %1").arg(settings.syntheticRatio));
    if (settings.segmentFrames <= 0)
        return bad("segmentFrames", QStringLiteral("must be positive, got %1").arg(settings.segmentFrames));
    if (settings.sampleRate < 8000 || settings.sampleRate > 192000)
        return bad("sampleRate", QStringLiteral("must be between 8000 and 192000 Hz, got %1").arg(settings.sampleRate));
    if (!(settings.validationFraction >= 0.0 && settings.validationFraction < 1.0))
        return bad("validationFraction", QStringLiteral("must be at least 0 and below 1, got %1").arg(settings.validationFraction));
    if (settings.analyzeEvery < 1)
        return bad("analyzeEvery", QStringLiteral("must be at least 1, got %1").arg(settings.analyzeEvery));
    if (settings.referencesPerAnalysis < 1)
        return bad("referencesPerAnalysis", QStringLiteral("must be at least 1, got %1").arg(settings.referencesPerAnalysis));
    if (!(settings.gainMinDb <= settings.gainMaxDb))
        return bad("gainMinDb", QStringLiteral("must not exceed gainMaxDb"));
    if (!(settings.cacheBudgetMiB >= 0.0))
        return bad("cacheBudgetMiB", QStringLiteral("must not be negative, got %1").arg(settings.cacheBudgetMiB));
    DegradationProfile fixed = settings.fixedProfile;
    fixed.wowDepthPercent = 0.0;
    if (settings.profileSource == SyntheticProfileSource::Fixed) {
        if (Status valid = fixed.validate(); !valid.ok())
            return bad("fixedProfile", valid.error().message());
    }

    auto impl = std::make_unique<Impl>();
    Impl& d = *impl;
    d.settings = settings;
    d.cleanCache = std::make_shared<DecodedAudioCache>(settings.sampleRate, settings.cacheBudgetMiB);
    d.realCache = std::make_shared<DecodedAudioCache>(settings.sampleRate, settings.cacheBudgetMiB);

    ScaledProgress cleanProgress(progress, 0.0, 0.3), realProgress(progress, 0.3, 0.6);
    auto clean = scanFolder(settings.cleanDir, "clean", *d.cleanCache, d.skipped, progress ? &cleanProgress : nullptr, cancel);
    if (!clean.ok())
        return clean.error();
    auto real = scanFolder(settings.degradedDir, "degraded", *d.realCache, d.skipped, progress ? &realProgress : nullptr,
                           cancel);
    if (!real.ok())
        return real.error();

    const double fraction = settings.validationFraction;
    auto [cleanTrain, cleanHeld] = splitFiles(clean.value().usable, fraction, mixSeed(settings.seed, 0, 0, kSplitClean));
    auto [realTrain, realHeld] = splitFiles(real.value().usable, fraction, mixSeed(settings.seed, 0, 0, kSplitReal));
    const auto reuseWarning = [&](const QString& dir, std::size_t usable) {
        d.warnings.append(
            usable < 2 ? QStringLiteral("The folder %1 has only one usable file: validation reuses the training file.").arg(dir)
                       : QStringLiteral("No file of the folder %1 is held out (validationFraction is 0): validation reuses "
                                        "the training files.")
                             .arg(dir));
    };
    if (cleanHeld.empty())
        reuseWarning(settings.cleanDir, cleanTrain.size());
    if (realHeld.empty())
        reuseWarning(settings.degradedDir, realTrain.size());
    if (d.hasPairs()) {
        d.pairedCache = std::make_shared<DecodedAudioCache>(settings.sampleRate, settings.cacheBudgetMiB);
        ScaledProgress pairedProgress(progress, 0.6, 0.75);
        auto paired = scanFolder(settings.pairedDir, "paired", *d.pairedCache, d.skipped,
                                 progress ? &pairedProgress : nullptr, cancel);
        if (!paired.ok())
            return paired.error();
        auto matched = matchPairs(settings, paired.value().usable, clean.value().usable, d.skipped);
        if (!matched.ok())
            return matched.error();
        auto [pairedTrain, pairedHeld] = splitFiles(matched.value(), fraction, mixSeed(settings.seed, 0, 0, kSplitPaired));
        if (pairedHeld.empty())
            reuseWarning(settings.pairedDir, pairedTrain.size());
        d.pairedTraining = FileSegments(pairedTrain, settings.segmentFrames);
        d.pairedValidation = FileSegments(pairedHeld.empty() ? pairedTrain : pairedHeld, settings.segmentFrames);
    }

    AdaptiveDatasetSettings a;
    a.cleanDir = settings.cleanDir;
    a.cleanFiles = pathsOf(cleanTrain);
    a.referenceDegradedDir = settings.degradedDir;
    a.referenceFiles = pathsOf(realTrain);
    if (settings.profileSource == SyntheticProfileSource::Fixed)
        a.fixedProfile = fixed;
    a.damageOnly = true; // the target is the music as recorded; only the damage is undone
    a.sharedCache = d.cleanCache;
    a.sampleRate = settings.sampleRate;
    a.segmentFrames = settings.segmentFrames;
    a.analyzeEvery = settings.analyzeEvery;
    a.referencesPerAnalysis = settings.referencesPerAnalysis;
    a.seed = settings.seed;
    a.gainMinDb = settings.gainMinDb;
    a.gainMaxDb = settings.gainMaxDb;
    a.cacheBudgetMiB = settings.cacheBudgetMiB;
    a.analysisLogPath = settings.analysisLogPath;
    ScaledProgress trainingProgress(progress, 0.75, 0.9);
    auto training = AdaptiveArtifactDataset::create(a, progress ? &trainingProgress : nullptr, cancel);
    if (!training.ok())
        return training.error();
    d.training = std::move(training).value();

    // Validation: the held-out clean files (or the training ones) with a profile fixed now.
    AdaptiveDatasetSettings v = a;
    v.cleanFiles = pathsOf(cleanHeld.empty() ? cleanTrain : cleanHeld);
    v.fixedProfile = d.training->pooledProfile(0);
    v.seed = mixSeed(settings.seed, 0, 0, kValidationSynthetic);
    v.analysisLogPath.clear();
    auto validation = AdaptiveArtifactDataset::create(v, nullptr, cancel);
    if (!validation.ok())
        return validation.error();
    d.validation = std::move(validation).value();
    for (const auto* ds : {d.training.get(), d.validation.get()})
        for (const SkippedFile& f : ds->skippedFiles())
            if (std::ranges::none_of(d.skipped, [&](const SkippedFile& s) { return s.path == f.path; }))
                d.skipped.push_back(f);

    d.realTraining = FileSegments(realTrain, settings.segmentFrames);
    d.realValidation = FileSegments(realHeld.empty() ? realTrain : realHeld, settings.segmentFrames);

    if (settings.profileSource == SyntheticProfileSource::Adaptive) {
        d.addCleanLookingWarning(d.training->pooledProfile(0));
    } else {
        if (progress)
            progress->report(0.9, QStringLiteral("checking degraded audio"));
        const auto measured = d.measureReal(cancel);
        if (cancel && cancel->isCancelled())
            return cancelledError(settings.degradedDir);
        if (measured)
            d.addCleanLookingWarning(*measured);
    }
    if (progress)
        progress->report(1.0, QStringLiteral("ready"));
    return std::unique_ptr<MixedRestorationDataset>(new MixedRestorationDataset(std::move(impl)));
}

const MixedDatasetSettings& MixedRestorationDataset::settings() const { return d->settings; }
std::int64_t MixedRestorationDataset::syntheticSegmentCount() const
{
    return d->hasPairs() ? d->pairedTraining.count() : d->training->size();
}
std::int64_t MixedRestorationDataset::realSegmentCount() const { return d->realTraining.count(); }

std::int64_t MixedRestorationDataset::batchesPerEpoch(int batchSize) const
{
    Q_ASSERT(batchSize >= 1);
    const std::int64_t most = std::max(syntheticSegmentCount(), realSegmentCount());
    return std::max<std::int64_t>(1, (most + batchSize - 1) / batchSize);
}

Status MixedRestorationDataset::beginEpoch(int epoch, ProgressReporter* progress, const CancellationToken* cancel)
{
    if (d->hasPairs())
        return {}; // the examples come from the pairs: a re-analysed profile would go unused
    return d->training->beginEpoch(epoch, progress, cancel);
}

std::vector<MixedExample> MixedRestorationDataset::batch(int epoch, std::int64_t batchIndex, int batchSize,
                                                         double syntheticRatio) const
{
    Q_ASSERT(epoch >= 0 && batchIndex >= 0 && batchSize >= 1);
    Q_ASSERT(syntheticRatio >= 0.0 && syntheticRatio <= 1.0);
    const MixedDatasetSettings& s = d->settings;
    std::int64_t synthetic = std::llround(syntheticRatio * batchSize);
    if (s.useContrastive && syntheticRatio > 0.0 && syntheticRatio < 1.0 && batchSize >= 2)
        synthetic = std::clamp<std::int64_t>(synthetic, 1, batchSize - 1);
    const std::int64_t real = batchSize - synthetic;

    std::vector<MixedExample> out;
    out.reserve(std::size_t(batchSize));
    if (synthetic > 0) {
        const std::int64_t n = syntheticSegmentCount();
        const auto order = epochPermutation(n, s.seed, epoch, kSyntheticOrder);
        const std::uint64_t pairSeed = mixSeed(s.seed, 0, 0, kPairedOrder);
        for (std::int64_t k = 0; k < synthetic; ++k) {
            const std::int64_t position = batchIndex * synthetic + k;
            const auto draw = std::uint64_t(position / n);
            const std::int64_t index = order[std::size_t(position % n)];
            out.push_back(d->hasPairs() ? d->paired(d->pairedTraining, index, epoch, draw, pairSeed)
                                        : d->fromSynthetic(d->training->get(index, epoch, draw)));
        }
    }
    if (real > 0) {
        const std::int64_t n = d->realTraining.count();
        const auto order = epochPermutation(n, s.seed, epoch, kRealOrder);
        for (std::int64_t k = 0; k < real; ++k) {
            const std::int64_t position = batchIndex * real + k;
            const auto draw = std::uint64_t(position / n);
            out.push_back(d->real(d->realTraining, order[std::size_t(position % n)], epoch, draw, s.seed));
        }
    }
    const std::uint64_t shape = splitmix64(std::uint64_t(batchSize)) ^ std::bit_cast<std::uint64_t>(syntheticRatio);
    std::mt19937_64 rng(mixSeed(s.seed, std::uint64_t(epoch), std::uint64_t(batchIndex) ^ splitmix64(shape), kBatchOrder));
    std::shuffle(out.begin(), out.end(), rng);
    return out;
}

std::vector<MixedExample> MixedRestorationDataset::validationExamples(ExampleKind kind, int count) const
{
    std::vector<MixedExample> out;
    out.reserve(std::size_t(std::max(0, count)));
    const std::uint64_t seed = mixSeed(d->settings.seed, 0, 0, kValidationReal);
    for (std::int64_t i = 0; i < count; ++i) {
        if (kind == ExampleKind::Synthetic && d->hasPairs()) {
            const std::int64_t n = d->pairedValidation.count();
            out.push_back(d->paired(d->pairedValidation, i % n, 0, std::uint64_t(i / n),
                                    mixSeed(d->settings.seed, 0, 0, kValidationPaired)));
        } else if (kind == ExampleKind::Synthetic) {
            const std::int64_t n = d->validation->size();
            out.push_back(d->fromSynthetic(d->validation->get(i % n, 0, std::uint64_t(i / n))));
        } else {
            const std::int64_t n = d->realValidation.count();
            out.push_back(d->real(d->realValidation, i % n, 0, std::uint64_t(i / n), seed));
        }
    }
    return out;
}

DegradationProfile MixedRestorationDataset::profile(int epoch) const { return d->training->pooledProfile(epoch); }
std::vector<SkippedFile> MixedRestorationDataset::skippedFiles() const { return d->skipped; }
QJsonArray MixedRestorationDataset::analysisLog() const { return d->training->analysisLog(); }
QStringList MixedRestorationDataset::warnings() const { return d->warnings; }

} // namespace shellac::degrade
