#include "ui/MainWindow.h"

#include "audio/AudioFormat.h"
#include "audio/AudioPathCollector.h"
#include "ml/RestorerFactory.h"
#include "ui/FileListModel.h"
#include "ui/editor/ChecklistPanel.h"
#include "ui/editor/EditorDocument.h"
#include "ui/editor/EditorWidget.h"
#include "ui/editor/RestoreController.h"
#include "ui/editor/RestorePanel.h"
#include "ui/editor/RestoreQueue.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/project/ProjectController.h"
#include "ui/project/ProjectSession.h"
#include "ui/training/DatasetManager.h"
#include "ui/training/CheckpointList.h"
#include "ui/training/TrainingDashboard.h"
#include "ui/training/TrainingSettingsForm.h"

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
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QUndoGroup>
#include <QUndoStack>

#include <algorithm>

namespace shellac::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_session(new ProjectSession(this)),
      m_files(new FileListModel(m_session, this)),
      m_editor(new EditorWidget(this)),
      m_table(new QTableView(this)),
      m_restorePanel(new RestorePanel(this)),
      m_checklist(new ChecklistPanel(this)),
      m_restore(new RestoreController(m_session, m_editor, m_restorePanel, this)),
      m_project(new ProjectController(m_session, this, this)),
      m_undo(new QUndoGroup(this)),
      m_counts(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setCentralWidget(m_editor);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    m_restore->setSelectedDocumentsProvider([this] { return selectedDocuments(); });
    m_project->setCurrentDocumentProvider([this] { return currentDocument(); });

    createDocks();
    createMenus();
    connectSession();

    connect(m_editor, &EditorWidget::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_restore, &RestoreController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_project, &ProjectController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_restore, &RestoreController::failed, this, [this](const QString& text) {
        statusBar()->showMessage(text, 15000);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Restoration failed"),
                                    tr("%1\n\nThe original and earlier takes are unchanged.").arg(text), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    });
    // File counts stay at the right; messages (restored, exported, errors) come and go at the left.
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->showMessage(tr("Ready"));
    updateTitle();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_table->setObjectName(QStringLiteral("fileTable"));
    m_table->setModel(m_files);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(FileListModel::NameColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(FileListModel::NameColumn, 200);
    m_table->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 34);
    m_filesDock = new QDockWidget(tr("Files"), this);
    m_filesDock->setObjectName(QStringLiteral("filesDock"));
    m_filesDock->setWidget(m_table);
    addDockWidget(Qt::LeftDockWidgetArea, m_filesDock);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showDocument(current.row()); });

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_restorePanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_restorePanel->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    m_restoreDock = new QDockWidget(tr("Restore"), this);
    m_restoreDock->setObjectName(QStringLiteral("restoreDock"));
    m_restoreDock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, m_restoreDock);

    m_checklistDock = new QDockWidget(tr("Listening Checklist"), this);
    m_checklistDock->setObjectName(QStringLiteral("checklistDock"));
    m_checklistDock->setWidget(m_checklist);
    addDockWidget(Qt::RightDockWidgetArea, m_checklistDock);

    connect(m_checklist, &ChecklistPanel::checklistEdited, this, [this](const ListeningChecklist& checklist) {
        if (EditorDocument* d = currentDocument())
            d->setChecklist(checklist);
    });
    connect(m_restorePanel, &RestorePanel::settingsChanged, this, [this](const RestorationSettings& s) {
        if (m_applyingSettings)
            return;
        QJsonObject settings = m_session->settings();
        settings.insert(QStringLiteral("restore"), s.toJson());
        m_session->setSettings(settings);
    });
}

void MainWindow::createMenus()
{
    auto addAll = [](QMenu* menu, const QList<QAction*>& actions) {
        for (QAction* a : actions) {
            if (a)
                menu->addAction(a);
            else
                menu->addSeparator();
        }
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Recordings…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open audio files (or drop files and folders onto the window)"));
    QAction* close = file->addAction(tr("&Close File"), this, &MainWindow::closeCurrentFile);
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    addAll(file, m_project->projectActions());
    file->addSeparator();
    addAll(file, m_project->exportActions());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("actionUndo"));
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("actionRedo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* selectAll = edit->addAction(tr("Select &All"), this, [this] {
        m_editor->viewport()->setSelection(0, m_editor->viewport()->frameCount());
    });
    selectAll->setShortcut(QKeySequence::SelectAll);
    QAction* deselect = edit->addAction(tr("Select &None"), this, [this] { m_editor->viewport()->clearSelection(); });
    deselect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    addAll(view, m_editor->viewActions());
    view->addSeparator();
    for (QDockWidget* dock : {m_filesDock, m_restoreDock, m_checklistDock})
        view->addAction(dock->toggleViewAction());

    addAll(menuBar()->addMenu(tr("&Playback")), m_editor->playbackActions());
    addAll(menuBar()->addMenu(tr("&Restore")), m_restore->actions());

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    QAction* dashboard = training->addAction(tr("&Dashboard"), this, &MainWindow::showTrainingDashboard);
    dashboard->setObjectName(QStringLiteral("actionTrainingDashboard"));
    dashboard->setStatusTip(tr("Train the neural restorer and watch its progress"));
    QAction* datasets = training->addAction(tr("Data&sets…"), this, &MainWindow::showDatasetManager);
    datasets->setObjectName(QStringLiteral("actionTrainingDatasets"));
    datasets->setStatusTip(tr("Choose clean and real degraded folders, and measure the real transfers' damage"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Shellac"), this, &MainWindow::showAbout);
}

void MainWindow::connectSession()
{
    connect(m_session, &ProjectSession::documentAdded, this, [this](int row) {
        m_undo->addStack(m_session->document(row)->undoStack());
        if (m_table->selectionModel()->currentIndex().row() < 0)
            m_table->selectionModel()->setCurrentIndex(m_files->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_session, &ProjectSession::documentRemoved, this, [this] {
        if (m_session->documentCount() == 0)
            showDocument(-1);
    });
    connect(m_session, &ProjectSession::reset, this, [this] {
        for (int i = 0; i < m_session->documentCount(); ++i)
            m_undo->addStack(m_session->document(i)->undoStack());
        loadRestoreSettings();
        showDocument(-1);
        // Back to the file that was open when the project was saved.
        const int current = m_session->uiState().value(QStringLiteral("current_file")).toInt(0);
        if (m_session->documentCount() > 0)
            m_table->selectionModel()->setCurrentIndex(m_files->index(std::clamp(current, 0, m_session->documentCount() - 1), 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_session, &ProjectSession::documentStatusChanged, this, [this](EditorDocument* d) {
        updateStatus();
        if (d == currentDocument())
            m_checklist->setChecklist(d->checklist(), d->fileName());
    });
    connect(m_session, &ProjectSession::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_session, &ProjectSession::projectPathChanged, this, &MainWindow::updateTitle);
    connect(m_session, &ProjectSession::autosaveFailed, this, [this](const QString& text) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(text), 15000);
    });
}

void MainWindow::loadRestoreSettings()
{
    m_applyingSettings = true;
    const QJsonObject json = m_session->settings().value(QStringLiteral("restore")).toObject();
    auto settings = json.isEmpty() ? Result<RestorationSettings>(ml::RestorerFactory::recommendedSettings()) : RestorationSettings::fromJson(json);
    m_restorePanel->setSettings(settings ? settings.value() : ml::RestorerFactory::recommendedSettings());
    if (!settings)
        statusBar()->showMessage(tr("The project's restore settings could not be read (%1); defaults are shown")
                                     .arg(settings.error().message()), 15000);
    m_applyingSettings = false;
}

void MainWindow::showDocument(int row)
{
    EditorDocument* d = row >= 0 && row < m_session->documentCount() ? m_session->document(row) : nullptr;
    if (d == m_editor->document())
        return;
    m_editor->setDocument(d);
    m_undo->setActiveStack(d ? d->undoStack() : nullptr);
    if (d) {
        QJsonObject state = m_session->uiState();
        state.insert(QStringLiteral("current_file"), row);
        m_session->setUiState(state);
    }
    m_checklist->setChecklist(d ? d->checklist() : ListeningChecklist{}, d ? d->fileName() : QString());
}

EditorDocument* MainWindow::currentDocument() const { return m_editor->document(); }

QList<EditorDocument*> MainWindow::selectedDocuments() const
{
    QList<EditorDocument*> documents;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        documents << m_session->document(index.row());
    if (documents.isEmpty() && currentDocument())
        documents << currentDocument();
    return documents;
}

QDockWidget* MainWindow::addBottomDock(const QString& title, const QString& objectName, QWidget* widget)
{
    QDockWidget* existing = m_trainingDock ? m_trainingDock : m_datasetsDock;
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (existing) // side by side the training docks would need more than a screen's width
        tabifyDockWidget(existing, dock);
    return dock;
}

void MainWindow::showTrainingDashboard()
{
    if (m_trainingDock == nullptr) {
        m_training = new TrainingDashboard;
        m_trainingDock = addBottomDock(tr("Training"), QStringLiteral("trainingDock"), m_training);
        connectTrainingDashboard();
    }
    m_trainingDock->show();
    m_trainingDock->raise();
}

void MainWindow::connectTrainingDashboard()
{
    // The run settings live in the project (key "training"), like the restore settings.
    auto load = [this] {
        const QJsonObject json = m_session->settings().value(QStringLiteral("training")).toObject();
        if (json.isEmpty())
            return;
        if (auto run = TrainingRunSettings::fromJson(json))
            m_training->settingsForm()->setSettings(run.value());
        else
            statusBar()->showMessage(tr("The project's training settings could not be read (%1); defaults are shown")
                                         .arg(run.error().message()), 15000);
    };
    load();
    connect(m_session, &ProjectSession::reset, m_training, load);
    connect(m_training->settingsForm(), &TrainingSettingsForm::changed, this, [this] {
        QJsonObject settings = m_session->settings();
        settings.insert(QStringLiteral("training"), m_training->settingsForm()->settings().toJson());
        m_session->setSettings(settings);
    });
    connect(m_training->checkpoints(), &CheckpointList::previewRequested, this, [this](const QString& model) {
        m_restore->previewWithModel(model);
    });
    connect(m_training->checkpoints(), &CheckpointList::useAsRestorerRequested, m_restore, &RestoreController::useModel);
}

void MainWindow::showDatasetManager()
{
    if (m_datasetsDock == nullptr) {
        m_datasets = new DatasetManager;
        m_datasetsDock = addBottomDock(tr("Datasets"), QStringLiteral("datasetsDock"), m_datasets);
        const auto load = [this] {
            if (Status s = m_datasets->fromJson(m_session->settings().value(QStringLiteral("datasets")).toObject()); !s)
                statusBar()->showMessage(tr("The project's dataset folders could not be read (%1)").arg(s.error().message()), 15000);
        };
        load();
        connect(m_session, &ProjectSession::reset, m_datasets, load);
        connect(m_datasets, &DatasetManager::changed, this, [this] {
            QJsonObject settings = m_session->settings();
            settings.insert(QStringLiteral("datasets"), m_datasets->toJson());
            m_session->setSettings(settings);
        });
        connect(m_datasets, &DatasetManager::useForTraining, this, [this](const QString& clean, const QString& degraded) {
            showTrainingDashboard();
            TrainingRunSettings run = m_training->settingsForm()->settings();
            run.cleanDir = clean;
            run.degradedDir = degraded;
            m_training->settingsForm()->setSettings(run);
        });
    }
    m_datasetsDock->show();
    m_datasetsDock->raise();
}

void MainWindow::openPaths(const QStringList& paths)
{
    const int added = m_session->openFiles(collectAudioPaths(paths));
    statusBar()->showMessage(added > 0 ? tr("Opening %n file(s)…", nullptr, added) : tr("Those files are already open"));
}

void MainWindow::showOpenDialog()
{
    const QString filter = tr("Audio files (%1);;All files (*)").arg(readableNameFilters().join(QLatin1Char(' ')));
    const QStringList chosen = QFileDialog::getOpenFileNames(this, tr("Open recordings"), QString(), filter);
    if (!chosen.isEmpty())
        openPaths(chosen);
}

void MainWindow::closeCurrentFile()
{
    EditorDocument* d = currentDocument();
    if (!d)
        return;
    if (d->isRestoring())
        m_restore->queue()->cancel(d->id());
    const int row = m_session->indexOf(d);
    showDocument(-1);
    m_undo->removeStack(d->undoStack());
    m_session->closeDocument(row);
    if (m_session->documentCount() > 0) {
        const int next = std::min(row, m_session->documentCount() - 1);
        m_table->selectionModel()->setCurrentIndex(m_files->index(next, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        showDocument(next);
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Shellac"),
                       tr("<h3>Shellac %1</h3><p>Restoration workstation for 78 rpm gramophone transfers.</p>")
                           .arg(QStringLiteral(SHELLAC_VERSION)));
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (QAction* menuAction : menuBar()->actions()) {
        const QString menu = menuAction->text().remove(QLatin1Char('&'));
        for (QAction* a : menuAction->menu()->actions())
            if (!a->isSeparator() && !a->shortcut().isEmpty())
                rows += QStringLiteral("<tr><td>%1 ▸ %2</td><td><b>%3</b></td></tr>")
                            .arg(menu.toHtmlEscaped(), a->text().remove(QLatin1Char('&')).toHtmlEscaped(),
                                 a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    }
    QMessageBox::information(this, tr("Keyboard Shortcuts"), QStringLiteral("<table cellspacing=4>%1</table>").arg(rows));
}

void MainWindow::updateStatus()
{
    int ready = 0;
    int failed = 0;
    int checked = 0;
    for (int r = 0; r < m_files->rowCount(); ++r) {
        ready += m_files->state(r) == FileListModel::State::Ready;
        failed += m_files->state(r) == FileListModel::State::Failed;
        checked += m_session->document(r)->status() == EditorDocument::Status::Checked;
    }
    QString text = tr("%n file(s) open", nullptr, ready);
    if (checked > 0)
        text += QStringLiteral(" · ") + tr("%n checked", nullptr, checked);
    if (failed > 0)
        text += QStringLiteral(" · ") + tr("%n could not be read (see the Status column)", nullptr, failed);
    m_counts->setText(text);
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("Shellac — %1%2").arg(m_session->displayName(), m_session->isDirty() ? QStringLiteral(" *") : QString()));
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
    if (m_restore->queue()->isBusy()) {
        const auto answer = QMessageBox::question(this, tr("Restorations are running"),
                                                  tr("Cancel the running restorations and quit? Finished takes are kept."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_restore->cancelAll();
    }
    if (!m_project->confirmClose()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace shellac::ui
