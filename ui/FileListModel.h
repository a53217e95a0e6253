#pragma once

#include "audio/AudioFileInspector.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <memory>
#include <vector>

namespace shellac::ui {

/// The recordings the user has opened: one row per file with its duration, format and state.
///
/// Files are inspected (read once, levels measured) in the global thread pool; rows show
/// "reading…" until then, and afterwards the facts or the same error text the CLI prints.
/// Lives on the GUI thread; results come back through queued signals.
class FileListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DurationColumn, FormatColumn, ChannelsColumn, RateColumn, StatusColumn, ColumnCount };
    enum class State { Reading, Ready, Failed };

    explicit FileListModel(QObject* parent = nullptr);
    ~FileListModel() override;

    /// Adds files (already expanded from folders); paths already in the list are skipped.
    /// Returns how many were added.
    int addFiles(const QStringList& paths);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QString path(int row) const;
    State state(int row) const;
    /// The error message (file: reason) of a failed row; empty otherwise.
    QString errorMessage(int row) const;
    /// True while any file is still being read.
    bool isBusy() const;

Q_SIGNALS:
    /// A file finished reading (successfully or not).
    void fileInspected(int row);
    /// No file is being read any more.
    void idle();

private:
    struct Entry;
    void onInspected(Entry* entry);
    std::vector<std::unique_ptr<Entry>> m_entries;
    int m_pending = 0;
};

} // namespace shellac::ui
