#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"
#include "degrade/AdaptiveArtifactDataset.h"
#include "degrade/DegradationProfile.h"
#include "degrade/DegradationSynthesizer.h"
#include "eval/Metrics.h"

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

/// Where the synthetic half of a MixedRestorationDataset takes its damage from.
enum class SyntheticProfileSource {
    /// MixedDatasetSettings::fixedProfile (e.g. the "typical78" preset) with its wow switched off
    /// (wow delays the music, so input and target would no longer be sample-aligned and
    /// `artifact` would hold music), jittered per example.
    Fixed,
    Adaptive, ///< measured on the real degraded folder by ArtifactAnalyzer (AdaptiveArtifactDataset)
};

/// Options of a MixedRestorationDataset.
struct MixedDatasetSettings {
    QString cleanDir;    ///< clean music, searched recursively; first-level subfolder = genre
    QString degradedDir; ///< real degraded transfers without clean references, searched recursively
    int sampleRate = 44100;             ///< Hz: every file is mixed to mono and resampled to it
    std::int64_t segmentFrames = 44100; ///< example length, frames at sampleRate (> 0)
    double syntheticRatio = 0.7;        ///< default share of synthetic examples in a batch, [0, 1]
    bool useContrastive = false;        ///< fill MixedExample::anchors (see there)
    bool useCycleConsistency = true;    ///< fill MixedExample::artifact for synthetic examples
    SyntheticProfileSource profileSource = SyntheticProfileSource::Adaptive;
    DegradationProfile fixedProfile;    ///< used when profileSource == Fixed
    int analyzeEvery = 10;              ///< epochs between re-analyses (Adaptive only), >= 1
    /// Real training files per analysis, >= 1 (Adaptive; with Fixed, the files create() checks
    /// for "looks clean", at most their first 60 s each).
    int referencesPerAnalysis = 5;
    /// Share of the files of each folder held out for validation (files, not segments; at least
    /// one file per folder when the folder has two or more, none when it has only one: then the
    /// validation examples come from the training files and warnings() says so). [0, 1); 0
    /// holds out nothing (validation reuses the training files, with the same warning).
    double validationFraction = 0.15;
    std::uint64_t seed = 0;             ///< everything random derives from it
    double gainMinDb = -12.0;           ///< random gain of clean segments, dB (real segments keep their level)
    double gainMaxDb = 0.0;             ///< >= gainMinDb
    double cacheBudgetMiB = 512.0;      ///< decoded-audio cache bound for each folder, MiB (2^20 bytes)
    QString analysisLogPath;            ///< see AdaptiveDatasetSettings::analysisLogPath (Adaptive only)
    /// Paired supervised data (e.g. the post-filter of `restore --method hybrid`: the classical
    /// engine's restorations of degraded copies of the clean files). When set, synthetic
    /// examples are no longer synthesized: each is a segment of a file of this folder (input)
    /// cut at the same frames from the clean file with the same path relative to cleanDir
    /// (target; the shorter length of the two counts). Paired files without such a clean file
    /// are skipped with a reason; the pairs are split into training and validation like the
    /// other folders. Pairs keep their level (no random gain); `mask` and `impulses` are empty,
    /// `artifact` is input − target, contrastive anchors are the target's clean transients.
    /// The damage profile (fixed or adaptive) is then not used for examples, and beginEpoch()
    /// does not re-analyse. Empty: off.
    QString pairedDir;
};

/// What a MixedExample is.
enum class ExampleKind {
    Synthetic, ///< clean + synthesized damage: `target` is the clean ground truth
    Real,      ///< a segment of a real degraded transfer: no ground truth
};

/// A labelled position inside an example for the contrastive loss.
struct ContrastiveAnchor {
    enum Label {
        SyntheticArtifact = 0, ///< the start of a synthesized click/pop (ground truth)
        RealArtifact = 1,      ///< a click the classical detector (ArDeclicker) finds in a real segment
        CleanTransient = 2,    ///< an onset of the clean music (drum, pluck, consonant), no impulse within ±10 ms
    };
    std::int64_t frame = 0; ///< frames from the segment start
    Label label = SyntheticArtifact;
};

/// One training example: mono blocks of segmentFrames frames at the dataset rate.
struct MixedExample {
    ExampleKind kind = ExampleKind::Synthetic;
    AudioBlock input;    ///< what the restorer sees (synthetic: degraded; real: the real segment)
    AudioBlock target;   ///< synthetic: the clean segment (gain applied); real: empty (0 frames)
    /// Synthetic with useCycleConsistency: the additive damage, input − target, so that
    /// re-applying the known degradation to an output y is y + artifact. Otherwise empty.
    AudioBlock artifact;
    ArtifactMask mask;                          ///< synthetic: ground truth; real: empty
    std::vector<eval::SampleInterval> impulses; ///< synthetic: ground truth (frames); real: empty
    /// Only with useContrastive; may be empty; ascending by frame within each label, at most 8
    /// per label. Synthetic: SyntheticArtifact at impulse starts and CleanTransient at onsets
    /// of `target` (energyFluxOnsets) with no impulse within ±10 ms; real: RealArtifact at the
    /// click starts ArDeclicker (sensitivity 5) finds in `input`. More are thinned evenly.
    std::vector<ContrastiveAnchor> anchors;
    QString genre;       ///< clean genre (synthetic) or "real"
    QString sourcePath;  ///< the file the segment was cut from
    std::int64_t startFrame = 0; ///< segment start in that file, frames at the dataset rate
    QString error;       ///< empty on success (see Example::error; real: input is then silence)
};

/// Clean music with synthetic damage (supervised) mixed with real degraded transfers that have
/// no clean reference (semi-supervised), the training data of the neural restorer.
///
/// Synthetic examples come from an AdaptiveArtifactDataset over cleanDir (profile measured on
/// degradedDir, or the fixed profile) with damageOnly set: band limits, horn resonances and wow
/// belong to the recording and are not synthesized, so `target` is reachable; real examples are random segments of the degraded files,
/// mixed to mono and resampled like the clean ones, with a random offset per epoch inside its
/// slot (as AdaptiveArtifactDataset cuts clean files; files shorter than a segment are
/// zero-padded at the end), at their own level. Files are split into training and validation
/// by a seeded shuffle (see validationFraction); in Adaptive mode only the real training files
/// are analysed.
///
/// With pairedDir (paired supervised data, see MixedDatasetSettings::pairedDir), the synthetic
/// examples are segments of the paired files against their clean counterparts instead,
/// cut like the real ones; everything else below holds for them as for synthesized examples.
///
/// Scanning (create()): every file of the folders is decoded once (mono, sampleRate) to check
/// it; unreadable files and files shorter than 0.1 s are left out (skippedFiles()). The caches
/// (one DecodedAudioCache per folder, cacheBudgetMiB each) start as warm as their budget allows.
///
/// Batches: batch(epoch, b, size, ratio) returns `size` examples of which round(ratio × size)
/// are synthetic (ratio is the caller's, so a curriculum can change it per epoch); with
/// useContrastive and 0 < ratio < 1, every batch has at least one of each kind (size >= 2).
/// Each epoch walks a seeded permutation of the synthetic segments and one of the real segments:
/// batch b takes the next round(ratio × size) synthetic and (size − that) real positions
/// after those of batches 0..b−1 of the same size and ratio; a kind whose segments run out
/// wraps around with a fresh random cut (and fresh damage) of each segment. Examples are in a
/// seeded random order (synthetic and real interleaved). Everything depends only on (seed,
/// epoch, b, size, ratio) and the analysis in force: a resumed run sees the same batches.
///
/// Validation: synthetic examples come from the held-out clean files with a profile fixed at
/// create() (Adaptive: the epoch-0 analysis; Fixed: the fixed profile), jittered per example
/// as in training; real ones are cuts of the held-out degraded files. They are recomputed on
/// each call, deterministically (the same every call and every epoch).
///
/// Cost: a synthetic example costs one synthesis of segmentFrames; with useContrastive a real
/// one costs an ArDeclicker pass and a synthetic one an onset scan; each batch() call also
/// shuffles the epoch's segment indices (8 bytes per segment, O(segments)). Memory as in
/// AdaptiveArtifactDataset, for each folder.
///
/// Threading: batch(), validation*() and the accessors are const and thread-safe;
/// beginEpoch() must not run concurrently with anything else on the same instance.
class MixedRestorationDataset {
public:
    /// Scans and checks both folders (and analyses the real training files: Adaptive, for the
    /// profile; Fixed, only for warnings()). Fails with an Error whose subject is the folder when
    /// a folder does not exist or has no usable audio (the message counts the files found,
    /// unreadable and too short), or whose subject is the name of the invalid setting (e.g.
    /// "syntheticRatio", "segmentFrames", "fixedProfile"). Files shorter than 0.1 s are skipped
    /// with a reason (skippedFiles()). `progress` gets [0, 1] on the calling thread; `cancel`
    /// stops it (reason "cancelled"); both may be null.
    static Result<std::unique_ptr<MixedRestorationDataset>> create(const MixedDatasetSettings& settings,
                                                                   ProgressReporter* progress = nullptr,
                                                                   const CancellationToken* cancel = nullptr);
    ~MixedRestorationDataset();
    MixedRestorationDataset(const MixedRestorationDataset&) = delete;
    MixedRestorationDataset& operator=(const MixedRestorationDataset&) = delete;

    const MixedDatasetSettings& settings() const;

    /// Training segments available per epoch (synthetic — the paired files' with pairedDir —,
    /// real): each file of F frames gives max(1, F / segmentFrames) segments.
    std::int64_t syntheticSegmentCount() const;
    std::int64_t realSegmentCount() const;

    /// Batches per epoch for `batchSize`: ceil(max(synthetic, real) segments / batchSize), >= 1.
    std::int64_t batchesPerEpoch(int batchSize) const;

    /// Re-analysis hook (see AdaptiveArtifactDataset::beginEpoch); a no-op for Fixed profiles
    /// and with pairedDir.
    Status beginEpoch(int epoch, ProgressReporter* progress = nullptr, const CancellationToken* cancel = nullptr);

    /// Batch `batchIndex` (>= 0; 0..batchesPerEpoch-1 cover an epoch) of `epoch` (>= 0), see the
    /// class comment. Preconditions: batchSize >= 1, syntheticRatio in [0, 1]. Thread-safe.
    std::vector<MixedExample> batch(int epoch, std::int64_t batchIndex, int batchSize, double syntheticRatio) const;

    /// Fixed validation examples from the held-out files (same every call): `count` synthetic
    /// examples (segments of held-out clean files with a seeded profile) or `count` real segments
    /// (count >= 0; beyond the held-out segments, further cuts of the same ones). artifact and
    /// anchors follow the settings as in batch(). Thread-safe.
    std::vector<MixedExample> validationExamples(ExampleKind kind, int count) const;

    /// Pooled profile in force for `epoch` (Fixed: the fixed profile with wow off).
    DegradationProfile profile(int epoch) const;

    /// Files left out (both folders), with reasons; analysis records
    /// (AdaptiveArtifactDataset::analysisLog; empty for Fixed).
    std::vector<SkippedFile> skippedFiles() const;
    QJsonArray analysisLog() const;

    /// Things a user should know before training, one sentence each, fixed at create(): that
    /// the degraded folder looks clean (ArtifactAnalyzer measured on the real training files
    /// fewer than 10 clicks and crackles per second — the "light" preset has 84 — and a noise
    /// floor below −70 dBFS or none at all: the real-data losses would teach nothing), or that
    /// validation reuses training files (per folder).
    QStringList warnings() const;

private:
    struct Impl;
    explicit MixedRestorationDataset(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace shellac::degrade
