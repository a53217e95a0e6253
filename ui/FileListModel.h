#pragma once

#include <QAbstractTableModel>

namespace shellac::ui {

class EditorDocument;
class ProjectSession;

/// The file list (side panel): one row per recording of the ProjectSession with its duration,
/// format and status (opening / new / restoring NN % / restored / checked, or the same error
/// text the CLI prints for a file that cannot be read or was deleted while open).
///
/// A view of the session: rows follow its documents. GUI thread only.
class FileListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DurationColumn, FormatColumn, ChannelsColumn, RateColumn, StatusColumn, ColumnCount };
    /// Coarse state for callers that only care whether a file can be used.
    enum class State { Reading, Ready, Failed };

    explicit FileListModel(ProjectSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    EditorDocument* document(int row) const;
    QString path(int row) const;
    State state(int row) const;
    /// The error message (file: reason) of an unreadable or missing file; empty otherwise.
    QString errorMessage(int row) const;
    /// True while any file is still being opened.
    bool isBusy() const;

Q_SIGNALS:
    /// A file finished opening (successfully or not).
    void fileInspected(int row);

private:
    void onStatusChanged(EditorDocument* document);

    ProjectSession* m_session;
};

} // namespace shellac::ui
