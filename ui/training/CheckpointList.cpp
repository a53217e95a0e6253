#include "ui/training/CheckpointList.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace shellac::ui {

namespace {

enum Column { NameColumn, SiSdrColumn, ImpulseColumn, TransientColumn, ColumnCount };

} // namespace

CheckpointList::CheckpointList(QWidget* parent)
    : QWidget(parent), m_tree(new QTreeWidget(this)), m_preview(new QPushButton(tr("A/B on current file"), this)),
      m_use(new QPushButton(tr("Use as restorer"), this))
{
    m_tree->setObjectName(QStringLiteral("checkpointTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Model"), tr("SI-SDR gain"), tr("Impulses removed"), tr("Transients kept")});
    m_tree->headerItem()->setToolTip(SiSdrColumn, tr("Validation SI-SDR improvement on synthetic damage, dB (higher is better)"));
    m_tree->headerItem()->setToolTip(ImpulseColumn, tr("Share of impulses removed on the held-out real transfers"));
    m_tree->headerItem()->setToolTip(TransientColumn, tr("Correlation of clean transients before and after (1 = untouched)"));
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_preview->setObjectName(QStringLiteral("checkpointPreview"));
    m_preview->setToolTip(tr("Restore the editor's selection with this model and play it looped: press 1 and 2 to "
                             "compare Original and this model"));
    m_use->setObjectName(QStringLiteral("checkpointUse"));
    m_use->setToolTip(tr("Make this model the project's restorer: the Restore panel switches to it, and "
                         "shellac-cli restore --project uses it too"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_preview);
    buttons->addWidget(m_use);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &CheckpointList::refreshButtons);
    connect(m_preview, &QPushButton::clicked, this, [this] { Q_EMIT previewRequested(selectedPath()); });
    connect(m_use, &QPushButton::clicked, this, [this] { Q_EMIT useAsRestorerRequested(selectedPath()); });
    refreshButtons();
}

QList<CheckpointList::Entry> CheckpointList::entriesOf(const QString& runDir)
{
    QList<Entry> entries;
    if (runDir.isEmpty())
        return entries;
    const QDir run(runDir);
    if (QFileInfo::exists(run.filePath(QStringLiteral("best.pt"))))
        entries.append({run.filePath(QStringLiteral("best.pt")), tr("best.pt (best validation epoch)"), -1});
    if (QFileInfo::exists(run.filePath(QStringLiteral("model.pt"))))
        entries.append({run.filePath(QStringLiteral("model.pt")), tr("model.pt (latest epoch)"), -1});
    static const QRegularExpression pattern(QStringLiteral("^checkpoint_epoch_(\\d+)\\.pt$"));
    QList<Entry> epochs;
    const QDir checkpoints(run.filePath(QStringLiteral("checkpoints")));
    for (const QString& name : checkpoints.entryList({QStringLiteral("checkpoint_epoch_*.pt")}, QDir::Files)) {
        const auto match = pattern.match(name);
        if (match.hasMatch()) {
            const int epoch = match.captured(1).toInt();
            epochs.append({checkpoints.filePath(name), tr("epoch %1").arg(epoch), epoch});
        }
    }
    std::sort(epochs.begin(), epochs.end(), [](const Entry& a, const Entry& b) { return a.epoch > b.epoch; });
    return entries + epochs;
}

void CheckpointList::setRun(const QString& runDir, const QList<TrainingEpoch>& epochs)
{
    const QString selected = selectedPath();
    m_tree->clear();
    for (const Entry& e : entriesOf(runDir)) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(NameColumn, e.label);
        item->setToolTip(NameColumn, QDir::toNativeSeparators(e.path));
        item->setData(NameColumn, Qt::UserRole, e.path);
        const auto metrics = std::find_if(epochs.begin(), epochs.end(), [&](const TrainingEpoch& m) { return m.epoch == e.epoch; });
        if (metrics != epochs.end()) {
            item->setText(SiSdrColumn, tr("%1 dB").arg(metrics->siSdrImprovementDb, 0, 'f', 2));
            item->setText(ImpulseColumn, tr("%1 %").arg(metrics->impulseRemovalRate * 100.0, 0, 'f', 0));
            item->setText(TransientColumn, QString::number(metrics->transientPreservation, 'f', 3));
            for (int c = SiSdrColumn; c < ColumnCount; ++c)
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
        if (e.path == selected)
            item->setSelected(true);
    }
    refreshButtons();
}

int CheckpointList::count() const { return m_tree->topLevelItemCount(); }

QString CheckpointList::pathAt(int row) const
{
    const QTreeWidgetItem* item = m_tree->topLevelItem(row);
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void CheckpointList::selectRow(int row)
{
    m_tree->clearSelection();
    if (QTreeWidgetItem* item = m_tree->topLevelItem(row))
        item->setSelected(true);
}

QString CheckpointList::selectedPath() const
{
    const auto items = m_tree->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, Qt::UserRole).toString();
}

void CheckpointList::refreshButtons()
{
    const bool any = !selectedPath().isEmpty();
    m_preview->setEnabled(any);
    m_use->setEnabled(any);
}

} // namespace shellac::ui
