#include "ui/training/DatasetScanModel.h"

#include "audio/AudioFormat.h"

#include <QDir>

#include <algorithm>

namespace shellac::ui {

namespace {

void unite(QList<int>& into, const QList<int>& values)
{
    for (int v : values)
        if (!into.contains(v))
            into.insert(std::lower_bound(into.begin(), into.end(), v), v);
}

QString ratesText(const QList<int>& rates)
{
    QStringList parts;
    for (int r : rates)
        parts << QString::number(r / 1000.0, 'g', 4);
    return parts.isEmpty() ? QString() : DatasetScanModel::tr("%1 kHz").arg(parts.join(QStringLiteral(", ")));
}

QString channelsText(const QList<int>& channels)
{
    QStringList parts;
    for (int c : channels)
        parts << (c == 1 ? DatasetScanModel::tr("mono") : c == 2 ? DatasetScanModel::tr("stereo") : DatasetScanModel::tr("%1 ch").arg(c));
    return parts.join(QStringLiteral(", "));
}

struct RowValues {
    QString name;
    int files = 0;
    double seconds = 0;
    QList<int> rates;
    QList<int> channels;
    int unreadable = 0;
    QString note;
};

QList<QStandardItem*> makeRow(const RowValues& v)
{
    QList<QStandardItem*> row;
    for (int c = 0; c < DatasetScanModel::ColumnCount; ++c) {
        auto* item = new QStandardItem;
        item->setEditable(false);
        row << item;
    }
    row[DatasetScanModel::NameColumn]->setText(v.name);
    row[DatasetScanModel::NameColumn]->setToolTip(v.name);
    row[DatasetScanModel::FilesColumn]->setData(v.files, Qt::DisplayRole);
    row[DatasetScanModel::DurationColumn]->setText(formatDuration(v.seconds));
    row[DatasetScanModel::DurationColumn]->setData(v.seconds, DatasetScanModel::SecondsRole);
    row[DatasetScanModel::RatesColumn]->setText(ratesText(v.rates));
    row[DatasetScanModel::ChannelsColumn]->setText(channelsText(v.channels));
    row[DatasetScanModel::UnreadableColumn]->setData(v.unreadable, Qt::DisplayRole);
    row[DatasetScanModel::NoteColumn]->setText(v.note);
    row[DatasetScanModel::NoteColumn]->setToolTip(v.note);
    return row;
}

} // namespace

DatasetScanModel::DatasetScanModel(QObject* parent) : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Folder / genre"), tr("Files"), tr("Duration"), tr("Sample rates"), tr("Channels"),
                               tr("Unreadable"), tr("Note")});
}

void DatasetScanModel::setScan(const std::vector<DatasetFolderSummary>& results, int cleanCount)
{
    removeRows(0, rowCount());
    QStringList summary;
    for (int side = 0; side < 2; ++side) {
        RowValues total;
        total.name = side == 0 ? tr("Clean music") : tr("Real degraded transfers");
        QList<QList<QStandardItem*>> folderRows;
        for (std::size_t i = 0; i < results.size(); ++i) {
            if ((int(i) >= cleanCount) != (side == 1))
                continue;
            const DatasetFolderSummary& s = results[i];
            QList<QStandardItem*> folderRow = makeRow({QDir::toNativeSeparators(s.folder), s.files, s.durationSeconds, s.sampleRates,
                                                       s.channelCounts, int(s.unreadable.size()), s.note});
            for (const DatasetGenreSummary& g : s.genres)
                folderRow.first()->appendRow(makeRow({g.name, g.files, g.durationSeconds, g.sampleRates, g.channelCounts, g.unreadable, {}}));
            folderRows << folderRow;
            total.files += s.files;
            total.seconds += s.durationSeconds;
            total.unreadable += int(s.unreadable.size());
            unite(total.rates, s.sampleRates);
            unite(total.channels, s.channelCounts);
        }
        QList<QStandardItem*> sideRow = makeRow(total);
        for (const auto& row : folderRows)
            sideRow.first()->appendRow(row);
        appendRow(sideRow);
        summary << tr("%1: %n file(s), %2", "", total.files).arg(total.name, formatDuration(total.seconds));
    }
    m_summary = summary.join(QStringLiteral(" · "));
}

} // namespace shellac::ui
