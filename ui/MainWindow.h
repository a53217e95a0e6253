#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTableView;

namespace shellac::ui {

class FileListModel;

/// The application window: a thin shell that accepts dropped recordings (files or folders),
/// lists them with their facts, and hands work to per-feature controllers.
/// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    FileListModel* fileList() const { return m_files; }

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
};

} // namespace shellac::ui
