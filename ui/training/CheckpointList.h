#pragma once

#include "ui/training/TrainingProgress.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace shellac::ui {

/// The checkpoints of a training run: best.pt (the epoch with the best validation SI-SDR gain),
/// model.pt (the latest) and every checkpoints/checkpoint_epoch_N.pt, each with its epoch's
/// validation figures (SI-SDR gain on synthetic damage, impulse removal on real transfers,
/// transient preservation). Every one of them loads as a restoration model.
///
/// "A/B on current file" asks the window to preview the editor's selection with the chosen
/// model (Restored = that model, Original = the recording); "Use as restorer" asks it to make
/// the model the project's restorer (the Restore panel, saved with the project and used by
/// `shellac-cli restore --project`). GUI thread only.
class CheckpointList : public QWidget {
    Q_OBJECT
public:
    explicit CheckpointList(QWidget* parent = nullptr);

    /// Lists the model files of `runDir` with the figures of `epochs` (the run's metrics).
    void setRun(const QString& runDir, const QList<TrainingEpoch>& epochs);
    /// Number of listed model files.
    int count() const;
    /// The model file of row `row` (0 = first listed).
    QString pathAt(int row) const;
    /// Selects row `row` (tests; the user clicks).
    void selectRow(int row);
    /// The selected model file, empty when none.
    QString selectedPath() const;

    /// The rows a run folder offers, in display order: best.pt, model.pt, then the epoch
    /// checkpoints from the newest; epoch −1 where unknown. For tests and the list itself.
    struct Entry {
        QString path;
        QString label;
        int epoch = -1;
    };
    static QList<Entry> entriesOf(const QString& runDir);

Q_SIGNALS:
    void previewRequested(const QString& modelPath);
    void useAsRestorerRequested(const QString& modelPath);

private:
    void refreshButtons();

    QTreeWidget* m_tree;
    QPushButton* m_preview;
    QPushButton* m_use;
};

} // namespace shellac::ui
