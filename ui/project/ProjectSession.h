#pragma once

#include "common/Result.h"
#include "project/ProjectFile.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <vector>

class QFileSystemWatcher;

namespace shellac::ui {

class EditorDocument;

/// The open project: the recordings (EditorDocuments, in file-list order), where the project
/// file lives, the folder that holds its takes, the project-wide settings, and autosave.
///
/// Autosave: every change a document reports (take applied or undone, checklist answered) is
/// saved ~1.5 s later, atomically (ProjectFile::save). A saved project autosaves into its own
/// file; an untitled one into a recovery file (recoveryFolder()/UUID.shellac) that the next
/// start offers to reopen after a crash, and that a clean close removes. A project file that
/// failed to load is never adopted, so nothing ever writes over it.
///
/// Files are opened in the background (header only: fast even for an hour of audio); the
/// session watches each original on disk and marks a document missing when the file is deleted
/// or moved while open, and usable again when it comes back.
/// GUI thread only.
class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    int documentCount() const { return int(m_documents.size()); }
    EditorDocument* document(int index) const { return m_documents.at(std::size_t(index)); }
    int indexOf(const EditorDocument* document) const;
    /// The document whose original is `path` (cleaned absolute path), or nullptr.
    EditorDocument* documentForPath(const QString& path) const;

    /// Opens recordings (already expanded from folders); paths already open are skipped.
    /// Returns how many documents were added; each reports its outcome via statusChanged.
    int openFiles(const QStringList& paths);
    /// Closes a document (its takes stay on disk until the project is deleted).
    void closeDocument(int index);
    /// True while any file is still being opened.
    bool isOpening() const { return m_opening > 0; }

    /// The project file, empty while untitled.
    QString projectPath() const { return m_projectPath; }
    QString displayName() const;
    /// Unsaved changes exist (for the window title's "*"; autosave clears it).
    bool isDirty() const { return m_dirty; }

    /// Writes the project to `path` and adopts it as the project file. `replace` lets Save As
    /// overwrite a file the user agreed to replace (see ProjectFile::SaveMode).
    Status saveAs(const QString& path, bool replace);
    /// Saves to projectPath() (precondition: not untitled).
    Status save();
    /// Starts a new, untitled project with no files (after flush()).
    void startNew();
    /// Replaces the whole session with the project at `path`. On failure the session is left
    /// as it was and the file untouched; the error names the file and the problem.
    Status load(const QString& path);
    /// Saves now if anything changed (before quitting), and removes the recovery file of an
    /// untitled project when `discardRecovery`.
    Status flush(bool discardRecovery);

    /// Project-wide settings (opaque JSON: "restore" holds the default RestorationSettings).
    QJsonObject settings() const { return m_project.settings; }
    void setSettings(const QJsonObject& settings);
    QJsonObject uiState() const { return m_project.uiState; }
    void setUiState(const QJsonObject& state);

    /// Folder for this project's restored takes (created on demand): the app data folder's
    /// takes/UUID for every project, so that takes survive restarts and never sit beside the
    /// originals.
    QString takesFolder() const;
    /// Deletes this project's takes folder (an untitled project the user chose not to save:
    /// nothing refers to its takes any more). Never touches an original.
    void discardTakes();
    /// Where untitled projects autosave; one file per project uuid.
    static QString recoveryFolder();
    /// Recovery files left behind by a previous run that ended without a clean close.
    static QStringList leftoverRecoveryFiles();
    /// The recovery file of this session (untitled projects only).
    QString recoveryPath() const;

    /// The project as it would be saved now (for reports).
    Project snapshot() const;

    /// Milliseconds between a change and its autosave (tests shorten it).
    void setAutosaveDelay(int milliseconds) { m_autosave.setInterval(milliseconds); }

Q_SIGNALS:
    void documentAdded(int index);
    void documentAboutToBeRemoved(int index);
    void documentRemoved(int index);
    /// Everything was replaced (project loaded).
    void reset();
    void projectPathChanged();
    void dirtyChanged(bool dirty);
    /// An autosave failed (disk full, folder gone): shown in the status bar, retried later.
    void autosaveFailed(const QString& message);
    /// Any document's status changed (the file list repaints).
    void documentStatusChanged(EditorDocument* document);

private:
    EditorDocument* addDocument(const QString& path);
    void startOpening(EditorDocument* document);
    void watch(EditorDocument* document);
    void onWatchedPathChanged(const QString& path);
    void markDirty();
    void autosave();
    QString nextDocumentId();

    std::vector<EditorDocument*> m_documents;
    Project m_project;
    QString m_projectPath;
    bool m_dirty = false;
    int m_opening = 0;
    int m_nextId = 1;
    QTimer m_autosave;
    QFileSystemWatcher* m_watcher;
};

} // namespace shellac::ui
