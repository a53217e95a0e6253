#pragma once

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QStackedWidget;
class QTableView;

namespace shellac::ui {

class FileListModel;
class TrainingDashboard;

/// The application window: a thin shell that accepts dropped recordings (files or folders),
/// lists them with their facts, and hands work to per-feature controllers.
/// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    FileListModel* fileList() const { return m_files; }
    /// The training dashboard, created on first use (Training ▸ Dashboard); nullptr before.
    TrainingDashboard* trainingDashboard() const { return m_training; }
    /// Shows the training dashboard dock, creating it on first use.
    void showTrainingDashboard();

    /// Opens files and folders as if they had been dropped.
    void openPaths(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void showOpenDialog();
    void showAbout();
    void updateStatus();

    FileListModel* m_files;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QLabel* m_emptyHint;
    QDockWidget* m_trainingDock = nullptr;
    TrainingDashboard* m_training = nullptr;
};

} // namespace shellac::ui
