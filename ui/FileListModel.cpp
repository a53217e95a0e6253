#include "ui/FileListModel.h"

#include "ui/editor/EditorDocument.h"
#include "ui/project/ProjectSession.h"

#include <QDir>
#include <QColor>

namespace shellac::ui {

FileListModel::FileListModel(ProjectSession* session, QObject* parent) : QAbstractTableModel(parent), m_session(session)
{
    connect(session, &ProjectSession::documentAdded, this, [this](int index) {
        beginInsertRows({}, index, index);
        endInsertRows();
    });
    connect(session, &ProjectSession::documentAboutToBeRemoved, this, [this](int index) { beginRemoveRows({}, index, index); });
    connect(session, &ProjectSession::documentRemoved, this, [this](int) { endRemoveRows(); });
    connect(session, &ProjectSession::reset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(session, &ProjectSession::documentStatusChanged, this, &FileListModel::onStatusChanged);
}

void FileListModel::onStatusChanged(EditorDocument* document)
{
    const int row = m_session->indexOf(document);
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (document->status() != EditorDocument::Status::Opening)
        Q_EMIT fileInspected(row);
}

int FileListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_session->documentCount();
}

int FileListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const EditorDocument& d = *m_session->document(index.row());
    const State s = state(index.row());
    const AudioFormat& f = d.format();
    if (role == Qt::ToolTipRole)
        return s == State::Failed || !d.errorMessage().isEmpty() ? d.errorMessage() : QDir::toNativeSeparators(d.path());
    if (role == Qt::ForegroundRole && !d.errorMessage().isEmpty() && index.column() == StatusColumn)
        return QColor(0xd0, 0x30, 0x30); // readable on light and dark palettes
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn && index.column() != StatusColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const bool known = s == State::Ready || d.status() == EditorDocument::Status::Missing;
    switch (index.column()) {
    case NameColumn: return d.fileName();
    case DurationColumn: return known ? formatDuration(f.durationSeconds()) : QString();
    case FormatColumn: return known ? f.containerName() + QStringLiteral(" ") + f.encodingName() : QString();
    case ChannelsColumn: return known ? QString::number(f.channels) : QString();
    case RateColumn: return known ? tr("%1 Hz").arg(f.sampleRate) : QString();
    case StatusColumn: return d.statusText();
    }
    return {};
}

QVariant FileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("File");
    case DurationColumn: return tr("Duration");
    case FormatColumn: return tr("Format");
    case ChannelsColumn: return tr("Channels");
    case RateColumn: return tr("Sample rate");
    case StatusColumn: return tr("Status");
    }
    return {};
}

EditorDocument* FileListModel::document(int row) const { return m_session->document(row); }
QString FileListModel::path(int row) const { return document(row)->path(); }

FileListModel::State FileListModel::state(int row) const
{
    switch (document(row)->status()) {
    case EditorDocument::Status::Opening: return State::Reading;
    case EditorDocument::Status::Unreadable:
    case EditorDocument::Status::Missing: return State::Failed;
    default: return State::Ready;
    }
}

QString FileListModel::errorMessage(int row) const { return document(row)->errorMessage(); }
bool FileListModel::isBusy() const { return m_session->isOpening(); }

} // namespace shellac::ui
