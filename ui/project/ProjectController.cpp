#include "ui/project/ProjectController.h"

#include "audio/ResamplingProcessor.h"
#include "jobs/CancellationToken.h"
#include "jobs/FileTransformJob.h"
#include "jobs/ProgressReporter.h"
#include "project/ProjectReport.h"
#include "ui/editor/ChecklistPanel.h"
#include "ui/editor/EditorDocument.h"
#include "ui/project/ExportDialog.h"
#include "ui/project/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace shellac::ui {

namespace {

/// Progress from the export worker, read by the dialog's timer.
class AtomicProgress final : public ProgressReporter {
public:
    void report(double fraction, const QString&) override { m_permille.store(int(fraction * 1000.0)); }
    int permille() const { return m_permille.load(); }

private:
    std::atomic<int> m_permille{0};
};

QString projectFilter() { return ProjectController::tr("Shellac projects (*.shellac)"); }

} // namespace

ProjectController::ProjectController(ProjectSession* session, QWidget* window, QObject* parent)
    : QObject(parent), m_session(session), m_window(window)
{
    auto make = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setStatusTip(tip);
        return a;
    };
    m_new = make(tr("&New Project"), QKeySequence::New, tr("Start an empty project"));
    m_open = make(tr("Open &Project…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), tr("Open a .shellac project"));
    m_save = make(tr("&Save Project"), QKeySequence::Save, tr("Save the project (it also autosaves)"));
    m_saveAs = make(tr("Save Project &As…"), QKeySequence::SaveAs, tr("Save the project under a new name"));
    m_exportAudio = make(tr("&Export Restored Audio…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                         tr("Write the current take of this file to a new file; the original is never touched"));
    m_exportAudio->setObjectName(QStringLiteral("actionExportAudio"));
    m_exportReport = make(tr("Export &Report…"), QKeySequence(), tr("Write every file's checklist, method and settings as CSV or HTML"));
    connect(m_new, &QAction::triggered, this, &ProjectController::newProject);
    connect(m_open, &QAction::triggered, this, &ProjectController::chooseProjectToOpen);
    connect(m_save, &QAction::triggered, this, &ProjectController::saveProject);
    connect(m_saveAs, &QAction::triggered, this, &ProjectController::saveProjectAs);
    connect(m_exportAudio, &QAction::triggered, this, &ProjectController::chooseExport);
    connect(m_exportReport, &QAction::triggered, this, &ProjectController::chooseReport);
}

QList<QAction*> ProjectController::projectActions() const { return {m_new, m_open, m_save, m_saveAs}; }
QList<QAction*> ProjectController::exportActions() const { return {m_exportAudio, m_exportReport}; }

void ProjectController::setCurrentDocumentProvider(std::function<EditorDocument*()> provider)
{
    m_currentDocument = std::move(provider);
}

void ProjectController::showError(const QString& title, const QString& text)
{
    // Window-modal and non-blocking: the caller returns at once (and nothing waits on a box).
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
    Q_EMIT message(text);
}

void ProjectController::newProject()
{
    if (!confirmClose())
        return;
    m_session->startNew();
}

void ProjectController::chooseProjectToOpen()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open project"), QString(), projectFilter());
    if (!path.isEmpty() && confirmClose())
        openProject(path);
}

bool ProjectController::openProject(const QString& path)
{
    if (Status s = m_session->load(path); !s) {
        showError(tr("Cannot open the project"), tr("%1\n\nThe project you had open was kept as it was.").arg(s.error().message()));
        return false;
    }
    Q_EMIT message(tr("Opened %1 (%n file(s))", nullptr, m_session->documentCount()).arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ProjectController::saveProject()
{
    if (m_session->projectPath().isEmpty())
        return saveProjectAs();
    if (Status s = m_session->save(); !s) {
        showError(tr("Cannot save the project"), s.error().message());
        return false;
    }
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(m_session->projectPath())));
    return true;
}

bool ProjectController::saveProjectAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save project as"), m_session->projectPath(), projectFilter());
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(ProjectFile::kSuffix)))
        path += QLatin1String(ProjectFile::kSuffix);
    // The dialog asked before replacing an existing file, so the user agreed to it.
    if (Status s = m_session->saveAs(path, QFileInfo::exists(path)); !s) {
        showError(tr("Cannot save the project"), s.error().message());
        return false;
    }
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ProjectController::offerRecovery()
{
    const QStringList leftovers = ProjectSession::leftoverRecoveryFiles();
    if (leftovers.isEmpty())
        return;
    const QString file = leftovers.first();
    auto project = ProjectFile::load(file);
    if (!project) {
        showError(tr("Cannot recover the unsaved project"), project.error().message());
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved project?"),
                    tr("Shellac did not close cleanly last time. An unsaved project with %n file(s), last changed %1, "
                       "can be reopened.", nullptr, int(project.value().entries.size()))
                        .arg(QLocale().toString(project.value().modified.toLocalTime(), QLocale::ShortFormat)),
                    QMessageBox::NoButton, m_window);
    QPushButton* reopen = box.addButton(tr("Reopen"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == reopen)
        openProject(file);
    else if (box.clickedButton() == discard)
        QFile::remove(file);
}

bool ProjectController::confirmClose()
{
    if (!m_session->projectPath().isEmpty()) {
        if (Status s = m_session->flush(false); !s) {
            showError(tr("Cannot save the project"), s.error().message());
            return false;
        }
        return true;
    }
    if (m_session->documentCount() == 0) {
        (void)m_session->flush(true);
        return true;
    }
    const auto answer = QMessageBox::question(
        m_window, tr("Save the project?"),
        tr("This project is not saved yet: its file list, takes and checklists would be lost. Save it?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return saveProjectAs();
    (void)m_session->flush(true);
    m_session->discardTakes(); // nothing will refer to them again
    return true;
}

void ProjectController::chooseExport()
{
    EditorDocument* d = m_currentDocument ? m_currentDocument() : nullptr;
    if (!d || !d->currentTake()) {
        showError(tr("Nothing to export"), tr("Restore the file first (Restore ▸ Restore File), then export the result."));
        return;
    }
    const QFileInfo original(d->path());
    const QString suggested = original.dir().filePath(tr("%1 (restored).flac").arg(original.completeBaseName()));
    ExportDialog dialog(suggested, d->path(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (QFileInfo::exists(dialog.path())
        && QMessageBox::question(m_window, tr("Replace file?"),
                                 tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(dialog.path())))
               != QMessageBox::Yes)
        return;
    exportAudio(d, dialog.path(), int(dialog.encoding()));
}

bool ProjectController::exportAudio(EditorDocument* document, const QString& path, int encoding)
{
    const AppliedTake* take = document->currentTake();
    if (!take)
        return false;
    OutputRequest output;
    output.path = path;
    output.encoding = SampleEncoding(encoding);
    output.overwrite = OverwritePolicy::Replace;
    if (isSameFile(path, document->path())) {
        showError(tr("Export failed"), tr("%1: that is the original recording; Shellac never writes over it").arg(path));
        return false;
    }
    auto cancel = std::make_shared<CancellationToken>();
    auto progress = std::make_shared<AtomicProgress>();
    const QString source = take->restoredPath;
    QFutureWatcher<Result<FileTransformSummary>> watcher;
    watcher.setFuture(QtConcurrent::run([source, output, cancel, progress]() {
        ResamplingProcessor passThrough(0);
        return transformFile(source, output, passThrough, cancel.get(), progress.get());
    }));
    QProgressDialog dialog(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 1000, m_window);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    QTimer timer;
    connect(&timer, &QTimer::timeout, &dialog, [&] { dialog.setValue(progress->permille()); });
    connect(&dialog, &QProgressDialog::canceled, &dialog, [&] { cancel->cancel(); });
    connect(&watcher, &QFutureWatcherBase::finished, &dialog, &QProgressDialog::reset);
    timer.start(50);
    if (!watcher.isFinished())
        dialog.exec();
    watcher.waitForFinished();
    const auto result = watcher.result();
    if (!result) {
        if (cancel->isCancelled()) {
            Q_EMIT message(tr("Export cancelled; nothing was written"));
            return false;
        }
        showError(tr("Export failed"), tr("%1\n\nNothing was written.").arg(result.error().message()));
        return false;
    }
    Q_EMIT message(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ProjectController::chooseReport()
{
    QString selected;
    const QString base = m_session->projectPath().isEmpty()
                             ? QDir::home().filePath(tr("Shellac report"))
                             : QFileInfo(m_session->projectPath()).dir().filePath(m_session->displayName() + tr(" report"));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export report"), base + QStringLiteral(".html"),
                                                tr("HTML page (*.html);;CSV spreadsheet (*.csv)"), &selected);
    if (path.isEmpty())
        return;
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) || selected.contains(QLatin1String("csv"));
    if (QFileInfo(path).suffix().isEmpty())
        path += csv ? QStringLiteral(".csv") : QStringLiteral(".html");
    ProjectReport report(m_session->snapshot());
    report.setTitle(tr("Shellac report: %1").arg(m_session->displayName()));
    QStringList labels;
    for (auto q : ListeningChecklist::questions())
        labels << ChecklistPanel::label(q);
    report.setQuestionLabels(labels);
    for (int i = 0; i < m_session->documentCount(); ++i) {
        const EditorDocument* d = m_session->document(i);
        if (d->isUsable())
            report.setDurationSeconds(d->path(), d->format().durationSeconds());
    }
    const Status s = csv ? report.writeCsv(path) : report.writeHtml(path);
    if (!s) {
        showError(tr("Cannot write the report"), s.error().message());
        return;
    }
    Q_EMIT message(tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace shellac::ui
