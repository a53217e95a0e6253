#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"
#include "degrade/DegradationProfile.h"
#include "degrade/DegradationSynthesizer.h"
#include "eval/Metrics.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace shellac {
class CancellationToken;
class ProgressReporter;
} // namespace shellac

namespace shellac::degrade {

class DecodedAudioCache;

/// Options of an AdaptiveArtifactDataset.
struct AdaptiveDatasetSettings {
    QString cleanDir;             ///< clean music, searched recursively; first-level subfolder = genre
    /// When not empty: exactly these clean files (in this order) instead of scanning cleanDir,
    /// e.g. the training share of a train/validation split. cleanDir stays the root genres are
    /// taken from and the subject of errors; a file outside it has the genre "unsorted".
    QStringList cleanFiles;
    /// The user's real degraded transfers, searched recursively. May be empty with fixedProfile.
    QString referenceDegradedDir;
    /// When not empty: exactly these reference files instead of scanning referenceDegradedDir
    /// (still the subject of errors). Unused with fixedProfile.
    QStringList referenceFiles;
    /// Fixed-profile mode: when set, no reference is scanned or analysed (referenceDegradedDir
    /// may be empty, analysisLog() stays empty, beginEpoch() does nothing) and pooledProfile()
    /// returns this profile for every epoch; the per-example jitter still applies. It must pass
    /// validate(); it is used as given, so a wow in it breaks the sample alignment of clean and
    /// degraded (switch wow off where alignment matters).
    std::optional<DegradationProfile> fixedProfile;
    /// When true, per-example profiles keep only the damage a restorer should undo: the
    /// recording's own colouration (band limits, horn resonances, wow) is switched off, so
    /// `clean` is the target a restorer can reach (a network cannot invent the treble an
    /// acoustic recording never had). The pooled profile and the analysis log keep it.
    bool damageOnly = false;
    /// When set, decoded clean audio goes into this cache (shared, e.g. by a training and a
    /// validation dataset over one folder; its sample rate must equal sampleRate) instead of an
    /// own cache of cacheBudgetMiB.
    std::shared_ptr<DecodedAudioCache> sharedCache;
    int sampleRate = 44100;       ///< Hz (8000..192000): every file is resampled to it
    std::int64_t segmentFrames = 88200; ///< example length, frames at sampleRate (> 0)
    int analyzeEvery = 10;        ///< epochs between re-analyses of the references (>= 1)
    int referencesPerAnalysis = 5; ///< reference files drawn per analysis (>= 1; all when fewer)
    std::uint64_t seed = 0;       ///< everything random derives from it
    double gainMinDb = -12.0;     ///< random gain per example, dB, uniform in [gainMinDb, gainMaxDb]
    double gainMaxDb = 0.0;
    double cacheBudgetMiB = 512.0; ///< decoded-audio cache bound, MiB (2^20 bytes)
    /// When not empty, every analysis is appended to this file as one JSON line (see analysisLog()).
    QString analysisLogPath;
    /// Per-example jitter around the pooled profile: rates × exp(N(0, rateJitterSigma)),
    /// levels + N(0, levelJitterDb) dB, hiss tilt + N(0, tiltJitterDbPerOctave) dB/octave.
    double rateJitterSigma = 0.3;
    double levelJitterDb = 3.0;
    double tiltJitterDbPerOctave = 1.0;
};

/// A file that was left out, and why (the message AudioFileReader / ArtifactAnalyzer gave).
struct SkippedFile {
    QString path;
    QString reason;
};

/// One supervised training example. All blocks are mono, segmentFrames long, at the dataset
/// sample rate; `degraded`, `mask` and `impulses` are DegradationSynthesizer's ground truth for
/// `clean` (the gain is already applied to `clean`). clean and degraded are sample-aligned: the
/// analyzer does not measure wow, so the pooled profiles keep the "clean" preset's wow (off).
struct Example {
    AudioBlock clean;
    AudioBlock degraded;
    ArtifactMask mask;
    std::vector<eval::SampleInterval> impulses; ///< frames relative to the segment start
    QString genre;                ///< first-level subfolder of cleanDir, "unsorted" for files directly in it
    DegradationProfile profile;   ///< the per-example profile that was synthesized
    QString sourcePath;           ///< the clean file
    std::int64_t startFrame = 0;  ///< segment start in that file, frames at the dataset rate
    double gainDb = 0.0;          ///< gain applied to the clean segment, dB
    /// Empty on success. Set (and clean/degraded are silence) only when a file that decoded at
    /// create() can no longer be decoded (changed or removed on disk since).
    QString error;
};

/// Supervised training examples: clean music plus synthetic 78 rpm damage whose profile is
/// measured on the user's own real degraded transfers and re-measured as training goes on.
///
/// Scanning (create()): clean files are collected recursively (collectAudioPaths; or taken from
/// settings.cleanFiles, likewise references from settings.referenceFiles), decoded once
/// to check them (unreadable ones are listed in skippedFiles() with AudioFileReader's message),
/// mixed down to mono (mean of the channels: multichannel files of any channel count are
/// accepted) and resampled with shellac::Resampler to settings.sampleRate (mixed input rates
/// are fine). Reference files are checked with AudioFileReader::open(). When no clean or no
/// reference file is usable, create() fails with an Error whose subject is that folder. With
/// settings.fixedProfile no reference is looked at (see there).
///
/// Epochs: size() examples per epoch, one per segment: each clean file of F frames (at the
/// dataset rate) contributes max(1, F / segmentFrames) segments. get(index, epoch) picks segment
/// `index`, shifted by a random offset inside its slot (so epochs see different cuts; files
/// shorter than a segment are zero-padded at the end), applies a random gain, draws a profile
/// around the pooled reference profile (see AdaptiveDatasetSettings jitter; hum frequency kept;
/// clamped with clampProfileToValidRanges) and synthesizes it.
///
/// Analysis (not with fixedProfile): at epoch 0 (inside create()) and at every epoch that is a
/// multiple of analyzeEvery (in beginEpoch()), referencesPerAnalysis reference files are drawn
/// (seeded by seed and epoch), analysed with ArtifactAnalyzer::analyseFile and pooled with ArtifactAnalyzer::pool.
/// get(index, epoch) uses the analysis of epoch (epoch / analyzeEvery) * analyzeEvery, or the
/// latest one before it when that has not run. Each analysis is recorded in analysisLog().
///
/// Determinism: get() depends only on (seed, epoch, index, draw) and the analysis in force, which is
/// itself seeded: the same settings and files reproduce a run bit for bit.
///
/// Memory: decoded mono float audio is cached (DecodedAudioCache, or settings.sharedCache),
/// least recently used files dropped first, so the cache holds at most cacheBudgetMiB (a file
/// larger than the budget is decoded for each use and not kept); on top of it, each concurrent get() holds its file's decoded audio (4 bytes per
/// frame) and its example (~13 bytes per frame).
///
/// Threading: get(), size(), skippedFiles(), analysisLog() are const and may be called from
/// several threads at once (the cache is guarded by a mutex; decoding runs outside it).
/// beginEpoch() must not run concurrently with anything else on the same instance.
class AdaptiveArtifactDataset {
public:
    /// Scans, checks and analyses (epoch 0). `progress` gets [0, 1] on the calling thread,
    /// `cancel` stops it (Error reason "cancelled"); both may be null. Fails with an Error for
    /// invalid settings, an empty/unusable folder (subject: the folder), a failed analysis of
    /// every drawn reference, or an analysis log that cannot be written.
    static Result<std::unique_ptr<AdaptiveArtifactDataset>> create(const AdaptiveDatasetSettings& settings,
                                                                   ProgressReporter* progress = nullptr,
                                                                   const CancellationToken* cancel = nullptr);
    ~AdaptiveArtifactDataset();
    AdaptiveArtifactDataset(const AdaptiveArtifactDataset&) = delete;
    AdaptiveArtifactDataset& operator=(const AdaptiveArtifactDataset&) = delete;

    const AdaptiveDatasetSettings& settings() const;

    /// Examples per epoch (>= number of usable clean files).
    std::int64_t size() const;
    /// Usable clean files and reference files.
    int cleanFileCount() const;
    int referenceFileCount() const;

    /// Re-analyses the references when `epoch` is a multiple of analyzeEvery and has not been
    /// analysed yet; otherwise does nothing. Call before the epoch's get() calls. On failure the
    /// previous analysis stays in force. Not concurrent with get().
    Status beginEpoch(int epoch, ProgressReporter* progress = nullptr, const CancellationToken* cancel = nullptr);

    /// Example `index` (0..size()-1, a precondition) of `epoch` (>= 0). `draw` > 0 gives another
    /// independent draw (cut, gain, profile, damage) of the same segment in the same epoch, for a
    /// caller that needs a segment more than once per epoch; draw 0 is the plain example.
    /// Thread-safe.
    Example get(std::int64_t index, int epoch, std::uint64_t draw = 0) const;

    /// The pooled (unjittered) profile get() uses for `epoch`.
    DegradationProfile pooledProfile(int epoch) const;

    /// Bytes of decoded audio the cache holds now (<= cacheBudgetMiB × 2^20; with sharedCache, that
    /// cache's bytes, whoever filled it). Thread-safe.
    std::size_t cachedBytes() const;

    /// Files left out (clean and reference), with reasons.
    std::vector<SkippedFile> skippedFiles() const;

    /// One object per analysis run, in order: {"epoch": int, "files": [paths], "failed":
    /// [{"path", "reason"}], "profile": DegradationProfile JSON (pooled, clamped, unjittered),
    /// "seed": settings.seed as a decimal string (JSON numbers cannot hold 64 bits)}.
    /// Thread-safe to read (returns a copy) while no beginEpoch() runs.
    QJsonArray analysisLog() const;

private:
    struct Impl;
    explicit AdaptiveArtifactDataset(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace shellac::degrade
