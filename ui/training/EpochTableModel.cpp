#include "ui/training/EpochTableModel.h"

#include "ui/training/TrainingProgress.h"

namespace shellac::ui {

EpochTableModel::EpochTableModel(TrainingProgress* progress, QObject* parent)
    : QAbstractTableModel(parent), m_progress(progress), m_rows(int(progress->epochs().size()))
{
    connect(m_progress, &TrainingProgress::epochAdded, this, [this] {
        beginInsertRows({}, m_rows, m_rows);
        m_rows = int(m_progress->epochs().size());
        endInsertRows();
    });
    connect(m_progress, &TrainingProgress::seriesReset, this, [this] {
        beginResetModel();
        m_rows = int(m_progress->epochs().size());
        endResetModel();
    });
}

int EpochTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EpochTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EpochTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_progress->epochs().size())
        return {};
    const TrainingEpoch& e = m_progress->epochs().at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == HealthColumn ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == HealthColumn) {
        QStringList lines;
        for (const TrainingHealthNotice& n : e.warnings)
            lines << n.message;
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case EpochColumn: return e.epoch;
    case SupervisedColumn: return QString::number(e.supervisedLoss, 'f', 4);
    case ConsistencyColumn: return QString::number(e.consistencyLoss, 'f', 4);
    case TotalColumn: return QString::number(e.totalLoss, 'f', 4);
    case SyntheticRatioColumn: return QString::number(100 * e.syntheticRatio, 'f', 0) + QStringLiteral(" %");
    case ImpulseRemovalColumn: return QString::number(100 * e.impulseRemovalRate, 'f', 1) + QStringLiteral(" %");
    case TransientColumn: return QString::number(e.transientPreservation, 'f', 3);
    case SiSdrColumn: return (e.siSdrImprovementDb >= 0 ? QStringLiteral("+") : QString()) + QString::number(e.siSdrImprovementDb, 'f', 2);
    case LearningRateColumn: return QString::number(e.learningRate, 'g', 3);
    case SecondsColumn: return QString::number(e.seconds, 'f', 1);
    case HealthColumn: return e.health.isEmpty() ? tr("ok") : e.health.join(QStringLiteral(", "));
    default: return {};
    }
}

QVariant EpochTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EpochColumn: return tr("Epoch");
    case SupervisedColumn: return tr("Supervised");
    case ConsistencyColumn: return tr("Consistency");
    case TotalColumn: return tr("Total");
    case SyntheticRatioColumn: return tr("Synthetic");
    case ImpulseRemovalColumn: return tr("Impulses removed");
    case TransientColumn: return tr("Transients kept");
    case SiSdrColumn: return tr("SI-SDR gain (dB)");
    case LearningRateColumn: return tr("Learning rate");
    case SecondsColumn: return tr("Time (s)");
    case HealthColumn: return tr("Health");
    default: return {};
    }
}

} // namespace shellac::ui
