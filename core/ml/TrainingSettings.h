#pragma once

#include "common/Result.h"
#include "ml/RestorationNetConfig.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>

namespace shellac::ml {

/// How the training data is put together (docs: ../shared/seed/training-strategies.md).
enum class TrainingStrategy {
    Synthetic,  ///< clean + a fixed generic damage profile ("typical78", jittered), supervised only
    Adaptive,   ///< clean + damage measured on the user's real transfers (ArtifactAnalyzer), supervised only
    Mixed,      ///< adaptive synthetic examples mixed with real transfers at syntheticRatio
    Curriculum, ///< like Mixed, the synthetic ratio going linearly from curriculumStart to curriculumEnd
};

QString strategyName(TrainingStrategy strategy);
/// "synthetic", "adaptive", "mixed" or "curriculum"; false for anything else.
bool parseStrategy(const QString& text, TrainingStrategy& strategy);

/// Weights of the loss terms (training-strategies.md: 1.0, 0.2, 0.3).
struct LossWeights {
    double supervised = 1.0;  ///< synthetic: multi-resolution STFT + waveform L1 against the clean target
    /// Inside the supervised term: weight of −SI-SDR / 10 dB (see losses::supervised); 0 = off,
    /// the default, which keeps the seed note's loss. Not an outer weight: scaled by `supervised`.
    double siSdr = 0.0;
    double cycle = 0.2;       ///< synthetic: output + known damage must give the input back
    double consistency = 0.3; ///< real: fewer impulses, envelope and energy kept
    double contrastive = 0.1; ///< InfoNCE on artifact embeddings (with `contrastive` only)
    double pseudo = 0.3;      ///< real: supervised loss against the previous round's output (iterative refinement)
};

/// Everything a training run depends on; saved in every checkpoint so --resume continues the
/// same run. Times are seconds, rates Hz.
struct TrainingSettings {
    QString cleanDir;
    QString degradedDir;
    QString runDir;

    TrainingStrategy strategy = TrainingStrategy::Mixed;
    bool contrastive = false;
    double syntheticRatio = 0.7;   ///< Mixed: share of synthetic examples per batch, [0, 1]
    double curriculumStart = 1.0;  ///< Curriculum: ratio at the first epoch
    double curriculumEnd = 0.3;    ///< Curriculum: ratio at the last epoch
    QString fixedPreset = QStringLiteral("typical78"); ///< Synthetic: the generic profile

    int epochs = 20;
    int batchSize = 8;
    double segmentSeconds = 1.0;
    int stepsPerEpoch = 0;         ///< 0: one pass over the larger of the two folders' segments
    double learningRate = 1e-3;    ///< AdamW peak learning rate
    double weightDecay = 1e-2;
    double gradientClip = 5.0;     ///< max global gradient L2 norm
    int warmupSteps = 50;          ///< linear warm-up, then cosine decay to 10 % over the run
    std::uint64_t seed = 1;
    QString device = QStringLiteral("auto"); ///< auto | cpu | cuda
    int threads = 0;               ///< CPU threads for LibTorch, 0 = all cores

    LossWeights weights;
    bool cycleConsistency = true;
    int pseudoLabelFromEpoch = 0;  ///< iterative refinement from this epoch on (1-based), 0 = off
    int analyzeEvery = 5;          ///< epochs between re-analyses of the real transfers
    int validationExamples = 8;    ///< per kind (synthetic, real)
    /// Paired supervised data (CLI --pairs): a folder of degraded (or partly restored) copies of
    /// the files of cleanDir, with the same relative paths, sample-aligned; the synthetic
    /// examples are then cut from these pairs instead of being synthesized (see
    /// degrade::MixedDatasetSettings::pairedDir). Empty: off.
    QString pairedDir;
    /// The model is the post-filter of `restore --method hybrid` (CLI --post-filter, needs
    /// pairedDir): the pairs' inputs and the degraded folder hold the classical engine's
    /// restorations (`restore --method dsp` of whole files, as at inference), so the network
    /// learns what that chain leaves behind and the validation gain is the gain over it. Saved
    /// in the model's metadata ("settings"), where RestorerFactory reads it (isPostFilterModel()).
    bool postFilter = false;

    RestorationNetConfig net;

    /// Synthetic-example share for `epoch` (0-based) of the run: 1 for Synthetic and Adaptive,
    /// syntheticRatio for Mixed, the linear schedule for Curriculum.
    double syntheticRatioAt(int epoch) const;
    /// Whether the run needs the degraded folder's audio as real examples.
    bool usesRealExamples() const;

    /// Error naming the first invalid setting (as its CLI option), or success.
    Status validate() const;
    QJsonObject toJson() const;
    static Result<TrainingSettings> fromJson(const QJsonObject& json);
};

/// Whether a model's metadata (NeuralModel::metadata()) says it was trained as the classical
/// engine's post-filter (TrainingSettings::postFilter): such a model expects the classical
/// engine's output, not a raw transfer, and belongs behind it (method hybrid) only.
bool isPostFilterModel(const QJsonObject& metadata);

/// Ok unless a model (its metadata, file `modelPath`) is a post-filter asked to restore on its
/// own (`alone`: method neural, not hybrid); then an Error naming the file that says to use
/// the hybrid method.
Status checkModelUse(const QJsonObject& metadata, const QString& modelPath, bool alone);

} // namespace shellac::ml
