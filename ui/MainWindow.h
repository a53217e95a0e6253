#pragma once

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QTableView;
class QUndoGroup;

namespace shellac::ui {

class ChecklistPanel;
class DatasetManager;
class EditorDocument;
class EditorWidget;
class FileListModel;
class ProjectController;
class ProjectSession;
class RestoreController;
class RestorePanel;
class TrainingDashboard;

/// The application window: a thin shell that lays out the per-feature parts and builds the
/// menus from their actions. The file list (left) shows the project's recordings; the editor
/// (centre) shows the current one; the restore panel and the listening checklist sit on the
/// right; the training dashboard opens at the bottom on demand.
///
/// Work is handed to controllers: ProjectSession (documents, autosave), ProjectController
/// (project files, export, report, recovery), RestoreController (background restores,
/// previews, takes), EditorWidget (views, playback). Dropping files or folders onto the window
/// opens them. Window layout is remembered (QSettings). GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ProjectSession* session() const { return m_session; }
    FileListModel* fileList() const { return m_files; }
    EditorWidget* editor() const { return m_editor; }
    RestorePanel* restorePanel() const { return m_restorePanel; }
    RestoreController* restoreController() const { return m_restore; }
    ChecklistPanel* checklistPanel() const { return m_checklist; }
    ProjectController* projectController() const { return m_project; }
    QTableView* fileTable() const { return m_table; }
    QUndoGroup* undoGroup() const { return m_undo; }
    /// The training dashboard, created on first use (Training ▸ Dashboard); nullptr before.
    TrainingDashboard* trainingDashboard() const { return m_training; }
    /// Shows the training dashboard dock, creating it on first use.
    void showTrainingDashboard();
    /// The dataset manager, created on first use (Training ▸ Datasets…); nullptr before.
    DatasetManager* datasetManager() const { return m_datasets; }
    /// Shows the dataset manager dock, creating it on first use: its folders are stored in the
    /// project settings under "datasets" and restored when a project loads.
    void showDatasetManager();

    /// Opens files and folders as if they had been dropped.
    void openPaths(const QStringList& paths);
    /// Makes row `row` of the file list the document in the editor.
    void showDocument(int row);
    EditorDocument* currentDocument() const;

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void connectSession();
    /// A dock at the bottom, tabbed with the other training dock when that one exists.
    QDockWidget* addBottomDock(const QString& title, const QString& objectName, QWidget* widget);
    /// Training settings saved with the project; checkpoints previewed and promoted in the editor.
    void connectTrainingDashboard();
    void showOpenDialog();
    void closeCurrentFile();
    void showAbout();
    void showShortcuts();
    void updateStatus();
    void updateTitle();
    void loadRestoreSettings();
    QList<EditorDocument*> selectedDocuments() const;

    ProjectSession* m_session;
    FileListModel* m_files;
    EditorWidget* m_editor;
    QTableView* m_table;
    RestorePanel* m_restorePanel;
    ChecklistPanel* m_checklist;
    RestoreController* m_restore;
    ProjectController* m_project;
    QUndoGroup* m_undo;
    QDockWidget* m_filesDock = nullptr;
    QDockWidget* m_restoreDock = nullptr;
    QDockWidget* m_checklistDock = nullptr;
    QDockWidget* m_trainingDock = nullptr;
    TrainingDashboard* m_training = nullptr;
    QDockWidget* m_datasetsDock = nullptr;
    DatasetManager* m_datasets = nullptr;
    QLabel* m_counts; ///< "3 file(s) open · 1 checked" in the status bar
    bool m_applyingSettings = false;
};

} // namespace shellac::ui
