#pragma once
// Private to core/ml: includes LibTorch (see RestorationNet.h).

#include "common/Result.h"
#include "ml/torch/RestorationNet.h"

#include <QJsonObject>
#include <QString>

namespace shellac::ml {

/// Where a run stands after an epoch: enough, with the weights and the optimizer, to continue
/// exactly (the data order is a function of seed and epoch, the learning rate of globalStep).
struct CheckpointState {
    int epoch = 0;                  ///< epochs completed (1-based number of the last one)
    std::int64_t globalStep = 0;    ///< optimisation steps completed
    QJsonObject settings;           ///< TrainingSettings::toJson()
};

/// <runDir>/checkpoints/checkpoint_epoch_<epoch>.pt
QString checkpointPath(const QString& runDir, int epoch);
/// The checkpoint with the highest epoch in <runDir>/checkpoints, or an empty string.
QString latestCheckpoint(const QString& runDir);

/// Writes model, optimizer (AdamW moments and step counts), the CPU random generator state and
/// `state` to `path` atomically (temporary file + rename): an interruption leaves no partial
/// checkpoint. Creates the folder.
Status saveCheckpoint(const QString& path, RestorationNet& net, torch::optim::Optimizer& optimizer,
                      const CheckpointState& state);

/// Reads only the state (to learn the settings before building the network).
Result<CheckpointState> readCheckpointState(const QString& path);

/// Restores model and optimizer from `path` (their shapes must match).
Status loadCheckpoint(const QString& path, RestorationNet& net, torch::optim::Optimizer& optimizer);

} // namespace shellac::ml
