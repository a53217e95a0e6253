#include "ui/MainWindow.h"

#include "audio/AudioFormat.h"
#include "audio/AudioPathCollector.h"
#include "ui/FileListModel.h"
#include "ui/training/TrainingDashboard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

namespace shellac::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_files(new FileListModel(this)),
      m_stack(new QStackedWidget(this)),
      m_table(new QTableView(this)),
      m_emptyHint(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Shellac"));
    setAcceptDrops(true);

    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(tr("<h2>Drop recordings here</h2>"
                            "<p>WAV, FLAC, Ogg Vorbis or AIFF files, or whole folders of them.<br>"
                            "Or use File ▸ Open (Ctrl+O). Your originals are never modified.</p>"));

    m_table->setModel(m_files);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(FileListModel::NameColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(FileListModel::NameColumn, 260);

    m_stack->addWidget(m_emptyHint);
    m_stack->addWidget(m_table);
    setCentralWidget(m_stack);

    connect(m_files, &QAbstractItemModel::rowsInserted, this, [this] { m_stack->setCurrentWidget(m_table); });
    connect(m_files, &FileListModel::fileInspected, this, &MainWindow::updateStatus);

    createActions();
    statusBar()->showMessage(tr("Ready"));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(960, 600);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    QAction* dashboard = training->addAction(tr("&Dashboard"), this, &MainWindow::showTrainingDashboard);
    dashboard->setObjectName(QStringLiteral("actionTrainingDashboard"));
    dashboard->setStatusTip(tr("Train the neural restorer and watch its progress"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Shellac"), this, &MainWindow::showAbout);
}

void MainWindow::showTrainingDashboard()
{
    if (m_trainingDock == nullptr) {
        m_training = new TrainingDashboard;
        m_trainingDock = new QDockWidget(tr("Training"), this);
        m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
        m_trainingDock->setWidget(m_training);
        addDockWidget(Qt::BottomDockWidgetArea, m_trainingDock);
    }
    m_trainingDock->show();
    m_trainingDock->raise();
}

void MainWindow::openPaths(const QStringList& paths)
{
    const int added = m_files->addFiles(collectAudioPaths(paths));
    statusBar()->showMessage(tr("Opening %n file(s)…", nullptr, added));
}

void MainWindow::showOpenDialog()
{
    const QString filter = tr("Audio files (%1);;All files (*)").arg(readableNameFilters().join(QLatin1Char(' ')));
    const QStringList chosen = QFileDialog::getOpenFileNames(this, tr("Open recordings"), QString(), filter);
    if (!chosen.isEmpty())
        openPaths(chosen);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Shellac"),
                       tr("<h3>Shellac %1</h3><p>Restoration workstation for 78 rpm gramophone transfers.</p>")
                           .arg(QStringLiteral(SHELLAC_VERSION)));
}

void MainWindow::updateStatus()
{
    int ready = 0;
    int failed = 0;
    for (int r = 0; r < m_files->rowCount(); ++r) {
        ready += m_files->state(r) == FileListModel::State::Ready;
        failed += m_files->state(r) == FileListModel::State::Failed;
    }
    QString text = tr("%n file(s) open", nullptr, ready);
    if (failed > 0)
        text += QStringLiteral(" · ") + tr("%n could not be read (see the Status column)", nullptr, failed);
    statusBar()->showMessage(text);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && !localPaths(event->mimeData()->urls()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = localPaths(event->mimeData()->urls());
    if (paths.isEmpty())
        return;
    openPaths(paths);
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace shellac::ui
