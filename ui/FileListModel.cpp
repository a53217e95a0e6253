#include "ui/FileListModel.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace shellac::ui {

struct FileListModel::Entry {
    QString path;
    State state = State::Reading;
    AudioFileReport report;
    QString error;
    QFutureWatcher<Result<AudioFileReport>> watcher;
};

FileListModel::FileListModel(QObject* parent) : QAbstractTableModel(parent) {}

FileListModel::~FileListModel()
{
    for (auto& e : m_entries)
        e->watcher.waitForFinished();
}

int FileListModel::addFiles(const QStringList& paths)
{
    QStringList fresh;
    for (const QString& p : paths) {
        const bool known = std::any_of(m_entries.begin(), m_entries.end(),
                                       [&](const auto& e) { return e->path == p; });
        if (!known && !fresh.contains(p))
            fresh << p;
    }
    if (fresh.isEmpty())
        return 0;
    const int first = rowCount();
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const QString& p : fresh) {
        auto entry = std::make_unique<Entry>();
        entry->path = p;
        Entry* raw = entry.get();
        connect(&raw->watcher, &QFutureWatcherBase::finished, this, [this, raw] { onInspected(raw); });
        m_entries.push_back(std::move(entry));
        ++m_pending;
        raw->watcher.setFuture(QtConcurrent::run([p] { return inspectAudioFile(p); }));
    }
    endInsertRows();
    return int(fresh.size());
}

void FileListModel::onInspected(Entry* entry)
{
    const Result<AudioFileReport> result = entry->watcher.result();
    if (result) {
        entry->state = State::Ready;
        entry->report = result.value();
    } else {
        entry->state = State::Failed;
        entry->error = result.error().message();
    }
    int row = 0;
    while (row < rowCount() && m_entries[std::size_t(row)].get() != entry)
        ++row;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT fileInspected(row);
    if (--m_pending == 0)
        Q_EMIT idle();
}

int FileListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FileListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry& e = *m_entries[std::size_t(index.row())];
    const AudioFormat& f = e.report.format;
    if (role == Qt::ToolTipRole)
        return e.state == State::Failed ? e.error : QDir::toNativeSeparators(e.path);
    if (role == Qt::ForegroundRole && e.state == State::Failed && index.column() == StatusColumn)
        return QColor(Qt::red);
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn && index.column() != StatusColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const bool ready = e.state == State::Ready;
    switch (index.column()) {
    case NameColumn: return QFileInfo(e.path).fileName();
    case DurationColumn: return ready ? formatDuration(f.durationSeconds()) : QString();
    case FormatColumn: return ready ? f.containerName() + QStringLiteral(" ") + f.encodingName() : QString();
    case ChannelsColumn: return ready ? QString::number(f.channels) : QString();
    case RateColumn: return ready ? tr("%1 Hz").arg(f.sampleRate) : QString();
    case StatusColumn:
        switch (e.state) {
        case State::Reading: return tr("reading…");
        case State::Ready: return tr("ready");
        case State::Failed: return e.error;
        }
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

QString FileListModel::path(int row) const { return m_entries.at(std::size_t(row))->path; }
FileListModel::State FileListModel::state(int row) const { return m_entries.at(std::size_t(row))->state; }
QString FileListModel::errorMessage(int row) const { return m_entries.at(std::size_t(row))->error; }
bool FileListModel::isBusy() const { return m_pending > 0; }

} // namespace shellac::ui
