#pragma once
// Tiny generated training data and a tiny network for the ml tests (seconds, not minutes).

#include "ml/RestorationNetConfig.h"
#include "ml/TrainingSettings.h"

#include <QString>

namespace shellac::test {

inline constexpr int kTrainingRate = 16000; ///< Hz of the fixtures and of tinyNetConfig()

/// A network of a few thousand parameters at kTrainingRate.
ml::RestorationNetConfig tinyNetConfig();

/// Writes `root`/clean/{strings,voice}/*.wav (plucked notes and a gliding tone, 3 s each) and
/// `root`/degraded/*.wav (other notes with clicks every ~0.1 s and hiss), all at kTrainingRate.
void writeTrainingFixtures(const QString& root);

/// Writes `root`/pairs/, the paired data for those clean files: each clean file under the same
/// relative path with white noise of standard deviation `hissSigma` added (sample-aligned).
void writePairedFixtures(const QString& root, float hissSigma);

/// Settings for a run on those fixtures into `runDir`: tiny net, 0.5 s segments, batch 4,
/// `steps` steps per epoch, 1 thread.
ml::TrainingSettings tinyTrainingSettings(const QString& root, const QString& runDir, int epochs, int steps);

} // namespace shellac::test
