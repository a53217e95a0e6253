#include "ui/editor/RestoreController.h"

#include "ui/editor/EditorDocument.h"
#include "ui/editor/EditorWidget.h"
#include "ui/editor/RestorePanel.h"
#include "ui/editor/RestoreQueue.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/project/ProjectSession.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>

namespace shellac::ui {

RestoreController::RestoreController(ProjectSession* session, EditorWidget* editor, RestorePanel* panel, QObject* parent)
    : QObject(parent), m_session(session), m_editor(editor), m_panel(panel), m_queue(new RestoreQueue(this))
{
    auto make = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setStatusTip(tip);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        return a;
    };
    m_preview = make(tr("&Preview Selection"), QKeySequence(Qt::Key_P),
                     tr("Restore only the selection, in memory, and play it looped as Restored"));
    m_preview->setObjectName(QStringLiteral("actionPreview"));
    m_restoreFile = make(tr("&Restore File"), QKeySequence(Qt::CTRL | Qt::Key_R),
                         tr("Restore the whole file in the background; the result becomes a new take (undoable)"));
    m_restoreFile->setObjectName(QStringLiteral("actionRestoreFile"));
    m_restoreSelected = make(tr("Restore &Selected Files"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                             tr("Restore every file selected in the file list, one after the other"));
    m_restoreSelected->setObjectName(QStringLiteral("actionRestoreSelected"));
    m_cancel = make(tr("&Cancel Restoring"), QKeySequence(Qt::Key_Escape),
                    tr("Stop the running and queued restorations; nothing half-written is left behind"));
    m_cancel->setObjectName(QStringLiteral("actionCancelRestore"));
    m_panel->setActions(m_preview, m_restoreFile, m_restoreSelected, m_cancel);

    connect(m_preview, &QAction::triggered, this, &RestoreController::previewSelection);
    connect(m_restoreFile, &QAction::triggered, this, [this] {
        if (EditorDocument* d = m_editor->document())
            restore({d});
    });
    connect(m_restoreSelected, &QAction::triggered, this, [this] {
        if (m_selectedDocuments)
            restore(m_selectedDocuments());
    });
    connect(m_cancel, &QAction::triggered, this, &RestoreController::cancelAll);
    connect(m_queue, &RestoreQueue::jobStarted, this, [this](const QString& id) {
        m_runningId = id;
        m_runningFraction = 0.0;
        refreshProgress();
    });
    connect(m_queue, &RestoreQueue::jobProgress, this,
            [this](const QString& id, double fraction, const QString&) { onJobProgress(id, fraction); });
    connect(m_queue, &RestoreQueue::jobFinished, this, &RestoreController::onJobFinished);
    connect(m_queue, &RestoreQueue::previewFinished, this, &RestoreController::onPreviewFinished);
    connect(m_queue, &RestoreQueue::idle, this, [this] {
        m_batchTotal = m_batchDone = 0;
        m_runningId.clear();
        refreshProgress();
        refreshActions();
    });
    connect(m_panel, &RestorePanel::settingsChanged, this, &RestoreController::refreshActions);
    connect(m_editor, &EditorWidget::selectionChanged, this, [this] {
        m_panel->setSelectionSeconds(m_editor->selectionSeconds());
        refreshActions();
    });
    connect(m_session, &ProjectSession::documentStatusChanged, this, &RestoreController::refreshActions);
    refreshActions();
}

RestoreController::~RestoreController() = default;

void RestoreController::setSelectedDocumentsProvider(std::function<QList<EditorDocument*>()> provider)
{
    m_selectedDocuments = std::move(provider);
}

QList<QAction*> RestoreController::actions() const
{
    return {m_preview, m_restoreFile, m_restoreSelected, m_cancel};
}

EditorDocument* RestoreController::documentById(const QString& id) const
{
    for (int i = 0; i < m_session->documentCount(); ++i)
        if (m_session->document(i)->id() == id)
            return m_session->document(i);
    return nullptr;
}

int RestoreController::restore(const QList<EditorDocument*>& documents)
{
    const RestorationSettings settings = m_panel->settings();
    if (const QString error = m_panel->validationError(); !error.isEmpty()) {
        Q_EMIT failed(error);
        return 0;
    }
    const QDir takes(m_session->takesFolder());
    int queued = 0;
    for (EditorDocument* d : documents) {
        if (!d->isUsable() || d->isRestoring())
            continue;
        // A fresh name per take, so that undo can go back to every earlier one.
        int n = int(d->takes().size()) + 1;
        QString base;
        do {
            base = takes.filePath(QStringLiteral("%1-take%2").arg(d->id()).arg(n++));
        } while (QFileInfo::exists(base + QStringLiteral(".wav")));
        RestoreJob job;
        job.documentId = d->id();
        job.inputPath = d->path();
        job.outputPath = base + QStringLiteral(".wav");
        job.residualPath = base + QStringLiteral("-residual.wav");
        job.reportPath = base + QStringLiteral(".json");
        job.settings = settings;
        job.overwrite = OverwritePolicy::Refuse;
        d->setRestoring(true, 0.0);
        m_queue->enqueue(job);
        ++queued;
    }
    if (queued > 0) {
        m_batchTotal += queued;
        Q_EMIT message(tr("Restoring %n file(s) in the background with %1", nullptr, queued).arg(settings.summary()));
    }
    refreshProgress();
    refreshActions();
    return queued;
}

void RestoreController::previewSelection()
{
    if (const QString error = m_panel->validationError(); !error.isEmpty()) {
        Q_EMIT failed(error);
        return;
    }
    startPreview(m_panel->settings());
}

void RestoreController::startPreview(const RestorationSettings& settings)
{
    EditorDocument* d = m_editor->document();
    const auto selection = m_editor->viewport()->selection();
    if (!d || !d->isUsable() || !selection)
        return;
    m_queue->preview(d->id(), d->path(), selection->start, selection->end, settings);
    Q_EMIT message(tr("Previewing the selection with %1…").arg(settings.summary()));
    refreshActions();
}

bool RestoreController::previewWithModel(const QString& modelPath)
{
    EditorDocument* d = m_editor->document();
    if (!d || !d->isUsable()) {
        Q_EMIT failed(tr("Open a recording in the editor first: the model is tried on its selection."));
        return false;
    }
    TimelineViewport* viewport = m_editor->viewport();
    if (!viewport->selection()) {
        const std::int64_t start = viewport->playhead() >= viewport->frameCount() ? 0 : viewport->playhead();
        viewport->setSelection(start, start + 10 * std::int64_t(viewport->sampleRate()));
    }
    RestorationSettings settings = m_panel->settings();
    if (settings.method == RestorationMethod::Dsp)
        settings.method = RestorationMethod::Neural;
    settings.modelPath = modelPath;
    if (Status valid = settings.validate(); !valid) {
        Q_EMIT failed(valid.error().message());
        return false;
    }
    startPreview(settings);
    return true;
}

void RestoreController::useModel(const QString& modelPath)
{
    RestorationSettings settings = m_panel->settings();
    if (settings.method == RestorationMethod::Dsp)
        settings.method = RestorationMethod::Neural;
    settings.modelPath = modelPath;
    m_panel->applySettings(settings);
    Q_EMIT message(tr("The project now restores with %1 (the Restore panel, and shellac-cli restore --project)")
                       .arg(settings.summary()));
}

void RestoreController::cancelAll()
{
    m_queue->cancelAll();
    Q_EMIT message(tr("Cancelling…"));
}

void RestoreController::onJobProgress(const QString& id, double fraction)
{
    m_runningId = id;
    m_runningFraction = fraction;
    if (EditorDocument* d = documentById(id))
        d->setRestoring(true, fraction);
    refreshProgress();
}

void RestoreController::onJobFinished(const QString& id, const RestoreJobResult& result)
{
    ++m_batchDone;
    EditorDocument* d = documentById(id);
    if (d == nullptr) // closed while restoring: its take files are in the takes folder, unused
        return;
    d->setRestoring(false);
    switch (result.outcome) {
    case RestoreOutcome::Succeeded: {
        // What ran, from the job's own report (the panel may have changed since it was queued).
        AppliedTake take;
        take.settings = result.report.value(QStringLiteral("restoration_settings")).toObject();
        take.method = result.report.value(QStringLiteral("method")).toString();
        take.restoredPath = result.outputPath;
        take.residualPath = result.residualPath;
        take.reportPath = result.reportPath;
        take.appliedAt = QDateTime::currentDateTimeUtc();
        d->applyTake(take);
        Q_EMIT message(tr("Restored %1 in %2 s").arg(d->fileName()).arg(result.seconds, 0, 'f', 1));
        break;
    }
    case RestoreOutcome::Failed:
        Q_EMIT failed(result.message);
        break;
    case RestoreOutcome::Cancelled:
        Q_EMIT message(tr("Restoring %1 was cancelled; nothing was written").arg(d->fileName()));
        break;
    }
    refreshProgress();
    refreshActions();
}

void RestoreController::onPreviewFinished(const QString& id, const PreviewOutcome& outcome)
{
    refreshActions();
    EditorDocument* d = m_editor->document();
    if (!d || d->id() != id)
        return; // the user moved on to another file
    if (outcome.outcome == RestoreOutcome::Succeeded) {
        m_editor->setPreview(outcome.result);
        Q_EMIT message(tr("Preview ready (%1 s): listening to Restored inside the selection; press 1 for Original")
                           .arg(outcome.seconds, 0, 'f', 1));
    } else if (outcome.outcome == RestoreOutcome::Failed) {
        Q_EMIT failed(outcome.message);
    }
}

void RestoreController::refreshProgress()
{
    if (m_batchTotal == 0 || m_runningId.isEmpty()) {
        m_panel->showProgress(QString(), 0.0);
        return;
    }
    const EditorDocument* d = documentById(m_runningId);
    const QString name = d ? d->fileName() : m_runningId;
    const int index = std::min(m_batchDone + 1, m_batchTotal);
    m_panel->showProgress(tr("Restoring %1 (%2 of %3)…").arg(name).arg(index).arg(m_batchTotal),
                          (m_batchDone + m_runningFraction) / m_batchTotal);
}

void RestoreController::refreshActions()
{
    const EditorDocument* d = m_editor->document();
    const bool valid = m_panel->validationError().isEmpty();
    const bool usable = d && d->isUsable();
    m_restoreFile->setEnabled(valid && usable && !d->isRestoring());
    m_preview->setEnabled(valid && usable && m_editor->viewport()->selection().has_value() && !m_queue->isPreviewing());
    m_restoreSelected->setEnabled(valid && m_session->documentCount() > 0);
    m_cancel->setEnabled(m_queue->isBusy() || m_queue->isPreviewing());
}

} // namespace shellac::ui
