#pragma once

#include "ui/training/DatasetScan.h"

#include <QStandardItemModel>

#include <vector>

namespace shellac::ui {

/// The dataset manager's scan tree: two side rows ("Clean music", "Real degraded transfers")
/// with their totals, a row per scanned folder under each, and a row per genre (first-level
/// sub-folder or "(top level)") under each folder. Columns: see Column; durations are shown as
/// h:mm:ss.s with the seconds in SecondsRole. Read-only items. GUI thread only.
class DatasetScanModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, FilesColumn, DurationColumn, RatesColumn, ChannelsColumn, UnreadableColumn, NoteColumn, ColumnCount };
    /// Item data role of DurationColumn: total seconds (double).
    static constexpr int SecondsRole = Qt::UserRole + 1;

    explicit DatasetScanModel(QObject* parent = nullptr);

    /// Replaces the rows with a scan's summaries: the first `cleanCount` are clean folders, the
    /// rest degraded ones (DatasetScan::results() order).
    void setScan(const std::vector<DatasetFolderSummary>& results, int cleanCount);
    /// "Clean music: 12 file(s), 1:02:03.0 · Real degraded transfers: …" for the last setScan().
    QString summaryText() const { return m_summary; }

private:
    QString m_summary;
};

} // namespace shellac::ui
