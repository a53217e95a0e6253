#pragma once

#include <QAbstractTableModel>

namespace shellac::ui {

class TrainingProgress;

/// One row per finished epoch of a TrainingProgress, for the dashboard's table. Read-only;
/// rows are appended as epochs arrive, the whole model resets on the progress' seriesReset().
/// GUI thread only.
class EpochTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        EpochColumn,
        SupervisedColumn,      ///< loss
        ConsistencyColumn,     ///< loss
        TotalColumn,           ///< loss
        SyntheticRatioColumn,  ///< percent
        ImpulseRemovalColumn,  ///< percent
        TransientColumn,       ///< correlation, 0..1
        SiSdrColumn,           ///< dB
        LearningRateColumn,
        SecondsColumn,         ///< s
        HealthColumn,          ///< warning codes
        ColumnCount
    };

    explicit EpochTableModel(TrainingProgress* progress, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    TrainingProgress* m_progress;
    int m_rows = 0;
};

} // namespace shellac::ui
