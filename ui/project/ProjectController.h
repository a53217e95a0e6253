#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace shellac::ui {

class EditorDocument;
class ProjectSession;

/// The project side of the File menu: New / Open / Save / Save As for .shellac projects,
/// Export Restored Audio (the current take, in the format and bit depth chosen, never over the
/// original, atomically, with progress and Cancel), Export Report (CSV or HTML of every file's
/// checklist, method and settings), and crash recovery at start-up.
///
/// Every failure is shown in a message box that names the file and says that nothing was
/// changed or overwritten. GUI thread only; `window` parents the dialogs.
class ProjectController : public QObject {
    Q_OBJECT
public:
    ProjectController(ProjectSession* session, QWidget* window, QObject* parent = nullptr);

    QList<QAction*> projectActions() const;
    QList<QAction*> exportActions() const;

    /// The document Export Restored Audio works on, asked for when it runs.
    void setCurrentDocumentProvider(std::function<EditorDocument*()> provider);

    /// Offers to reopen an untitled project that a crash left behind (call once, after the
    /// window is shown).
    void offerRecovery();
    /// Before the window closes: saves a titled project; asks whether to save an untitled one
    /// that holds files. False when the user cancelled closing.
    bool confirmClose();

    bool openProject(const QString& path);
    bool saveProjectAs();
    bool saveProject();
    /// Exports `document`'s current take to `path` (blocking with a progress dialog).
    bool exportAudio(EditorDocument* document, const QString& path, int encoding);

Q_SIGNALS:
    void message(const QString& text);

private:
    void newProject();
    void chooseProjectToOpen();
    void chooseExport();
    void chooseReport();
    void showError(const QString& title, const QString& text);

    ProjectSession* m_session;
    QWidget* m_window;
    std::function<EditorDocument*()> m_currentDocument;
    QAction* m_new;
    QAction* m_open;
    QAction* m_save;
    QAction* m_saveAs;
    QAction* m_exportAudio;
    QAction* m_exportReport;
};

} // namespace shellac::ui
