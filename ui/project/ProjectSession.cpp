#include "ui/project/ProjectSession.h"

#include "audio/AudioFileReader.h"
#include "ui/editor/EditorDocument.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace shellac::ui {

namespace {

QString cleanAbsolute(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString appDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

} // namespace

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent), m_project(Project::createNew()), m_watcher(new QFileSystemWatcher(this))
{
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(1500);
    connect(&m_autosave, &QTimer::timeout, this, &ProjectSession::autosave);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ProjectSession::onWatchedPathChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ProjectSession::onWatchedPathChanged);
}

ProjectSession::~ProjectSession() = default;

int ProjectSession::indexOf(const EditorDocument* document) const
{
    const auto it = std::find(m_documents.begin(), m_documents.end(), document);
    return it == m_documents.end() ? -1 : int(it - m_documents.begin());
}

EditorDocument* ProjectSession::documentForPath(const QString& path) const
{
    const QString wanted = cleanAbsolute(path);
    for (EditorDocument* d : m_documents)
        if (d->path() == wanted)
            return d;
    return nullptr;
}

QString ProjectSession::nextDocumentId()
{
    return QStringLiteral("f%1").arg(m_nextId++, 4, 10, QLatin1Char('0'));
}

EditorDocument* ProjectSession::addDocument(const QString& path)
{
    auto* document = new EditorDocument(nextDocumentId(), cleanAbsolute(path), this);
    connect(document, &EditorDocument::modified, this, &ProjectSession::markDirty);
    connect(document, &EditorDocument::statusChanged, this, [this, document] { Q_EMIT documentStatusChanged(document); });
    m_documents.push_back(document);
    return document;
}

int ProjectSession::openFiles(const QStringList& paths)
{
    int added = 0;
    for (const QString& p : paths) {
        if (documentForPath(p) != nullptr)
            continue;
        EditorDocument* document = addDocument(p);
        Q_EMIT documentAdded(int(m_documents.size()) - 1);
        startOpening(document);
        watch(document);
        ++added;
    }
    if (added > 0)
        markDirty();
    return added;
}

void ProjectSession::startOpening(EditorDocument* document)
{
    ++m_opening;
    auto* watcher = new QFutureWatcher<Result<AudioFormat>>(document);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, document] {
        const Result<AudioFormat> result = watcher->result();
        if (result)
            document->setOpened(result.value());
        else
            document->setUnreadable(result.error().message());
        watcher->deleteLater();
        --m_opening;
    });
    const QString path = document->path();
    watcher->setFuture(QtConcurrent::run([path]() -> Result<AudioFormat> {
        auto reader = AudioFileReader::open(path);
        if (!reader)
            return reader.error();
        return reader.value()->format();
    }));
}

void ProjectSession::watch(EditorDocument* document)
{
    m_watcher->addPath(document->path());
    // The folder too: a deleted file drops out of the file watch, and its return shows up here.
    m_watcher->addPath(QFileInfo(document->path()).absolutePath());
}

void ProjectSession::onWatchedPathChanged(const QString& changed)
{
    for (EditorDocument* d : m_documents) {
        if (d->path() != changed && QFileInfo(d->path()).absolutePath() != changed)
            continue;
        const bool exists = QFileInfo::exists(d->path());
        if (!exists && d->status() != EditorDocument::Status::Missing && d->status() != EditorDocument::Status::Unreadable) {
            d->setMissing(tr("%1: the file was deleted or moved while open; its takes and checklist are kept")
                              .arg(QDir::toNativeSeparators(d->path())));
        } else if (exists && d->status() == EditorDocument::Status::Missing) {
            d->setMissing(QString());
            m_watcher->addPath(d->path());
            startOpening(d);
        }
    }
}

void ProjectSession::closeDocument(int index)
{
    if (index < 0 || index >= documentCount())
        return;
    Q_EMIT documentAboutToBeRemoved(index);
    EditorDocument* document = m_documents[std::size_t(index)];
    m_documents.erase(m_documents.begin() + index);
    m_watcher->removePath(document->path());
    document->deleteLater();
    Q_EMIT documentRemoved(index);
    markDirty();
}

QString ProjectSession::displayName() const
{
    return m_projectPath.isEmpty() ? tr("Untitled project") : QFileInfo(m_projectPath).completeBaseName();
}

void ProjectSession::markDirty()
{
    if (!m_dirty) {
        m_dirty = true;
        Q_EMIT dirtyChanged(true);
    }
    m_autosave.start();
}

Project ProjectSession::snapshot() const
{
    Project project = m_project;
    project.entries.clear();
    for (const EditorDocument* d : m_documents) {
        ProjectEntry entry;
        entry.originalPath = d->path();
        entry.status = d->projectStatus();
        entry.takes = d->takes();
        entry.currentTake = d->currentTakeIndex();
        entry.checklist = d->checklist();
        project.entries.push_back(std::move(entry));
    }
    project.markModified();
    return project;
}

Status ProjectSession::saveAs(const QString& path, bool replace)
{
    const QString target = cleanAbsolute(path);
    const Status saved = ProjectFile::save(target, snapshot(),
                                           replace ? ProjectFile::SaveMode::Replace : ProjectFile::SaveMode::UpdateSameProject);
    if (!saved)
        return saved;
    if (m_projectPath.isEmpty())
        QFile::remove(recoveryPath()); // the real file takes over from the recovery copy
    if (target != m_projectPath) {
        m_projectPath = target;
        Q_EMIT projectPathChanged();
    }
    m_autosave.stop();
    if (m_dirty) {
        m_dirty = false;
        Q_EMIT dirtyChanged(false);
    }
    return Status::success();
}

Status ProjectSession::save()
{
    Q_ASSERT(!m_projectPath.isEmpty());
    return saveAs(m_projectPath, false);
}

void ProjectSession::autosave()
{
    if (!m_projectPath.isEmpty()) {
        if (Status s = save(); !s)
            Q_EMIT autosaveFailed(s.error().message());
        return;
    }
    QDir().mkpath(recoveryFolder());
    if (Status s = ProjectFile::save(recoveryPath(), snapshot(), ProjectFile::SaveMode::Replace); !s)
        Q_EMIT autosaveFailed(s.error().message());
}

Status ProjectSession::flush(bool discardRecovery)
{
    m_autosave.stop();
    Status result;
    if (!m_projectPath.isEmpty() && m_dirty)
        result = save();
    if (m_projectPath.isEmpty() && discardRecovery)
        QFile::remove(recoveryPath());
    return result;
}

Status ProjectSession::load(const QString& path)
{
    const QString source = cleanAbsolute(path);
    auto loaded = ProjectFile::load(source);
    if (!loaded)
        return loaded.error();
    m_autosave.stop();
    for (EditorDocument* d : m_documents) {
        m_watcher->removePath(d->path());
        d->deleteLater();
    }
    m_documents.clear();
    const bool fromRecovery = QFileInfo(source).absolutePath() == QDir::cleanPath(recoveryFolder());
    m_project = std::move(loaded.value());
    const std::vector<ProjectEntry> entries = std::move(m_project.entries);
    m_project.entries.clear();
    for (const ProjectEntry& entry : entries) {
        EditorDocument* document = addDocument(entry.originalPath);
        document->setTakes(entry.takes, entry.currentTake);
        document->setChecklist(entry.checklist);
        startOpening(document);
        watch(document);
    }
    // A recovered project stays untitled (it keeps autosaving into its recovery file); a loaded
    // one has nothing to save yet (the documents' set-up above asked for an autosave).
    if (!fromRecovery)
        m_autosave.stop();
    m_projectPath = fromRecovery ? QString() : source;
    m_dirty = fromRecovery;
    Q_EMIT reset();
    Q_EMIT projectPathChanged();
    Q_EMIT dirtyChanged(m_dirty);
    return Status::success();
}

void ProjectSession::startNew()
{
    m_autosave.stop();
    for (EditorDocument* d : m_documents) {
        m_watcher->removePath(d->path());
        d->deleteLater();
    }
    m_documents.clear();
    m_project = Project::createNew();
    m_projectPath.clear();
    m_dirty = false;
    Q_EMIT reset();
    Q_EMIT projectPathChanged();
    Q_EMIT dirtyChanged(false);
}

void ProjectSession::setSettings(const QJsonObject& settings)
{
    if (settings == m_project.settings)
        return;
    m_project.settings = settings;
    markDirty();
}

void ProjectSession::setUiState(const QJsonObject& state)
{
    if (state == m_project.uiState)
        return;
    m_project.uiState = state;
    markDirty();
}

QString ProjectSession::takesFolder() const
{
    const QString folder = appDataFolder() + QStringLiteral("/takes/") + m_project.uuid.toString(QUuid::WithoutBraces);
    QDir().mkpath(folder);
    return folder;
}

void ProjectSession::discardTakes()
{
    QDir(takesFolder()).removeRecursively();
}

QString ProjectSession::recoveryFolder()
{
    return QDir::cleanPath(appDataFolder() + QStringLiteral("/recovery"));
}

QStringList ProjectSession::leftoverRecoveryFiles()
{
    QStringList files;
    const QDir dir(recoveryFolder());
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.shellac")}, QDir::Files, QDir::Time))
        files << info.absoluteFilePath();
    return files;
}

QString ProjectSession::recoveryPath() const
{
    return recoveryFolder() + QLatin1Char('/') + m_project.uuid.toString(QUuid::WithoutBraces) + QStringLiteral(".shellac");
}

} // namespace shellac::ui
