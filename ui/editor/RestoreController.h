#pragma once

#include "restore/RestorationSettings.h"

#include <QObject>

class QAction;

namespace shellac::ui {

class EditorDocument;
class EditorWidget;
class ProjectSession;
class RestorePanel;
class RestoreQueue;
struct RestoreJobResult;
struct PreviewOutcome;

/// Runs restorations for the editor: turns the restore panel's settings into background jobs
/// (RestoreQueue), shows their progress per file and overall, applies a finished job as a new
/// take of its document (undoable), and plays a selection preview in the editor.
///
/// Takes are written into the project's takes folder as "ID-takeN.wav" (the original's
/// sample encoding), with "-residual.wav" and ".json" report beside them; the original is never
/// touched. A failed job leaves the document as it was and reports the file and the reason;
/// a cancelled one leaves no file behind.
///
/// Owns the actions Preview Selection (P), Restore File (Ctrl+R), Restore Selected Files
/// (Ctrl+Shift+R) and Cancel (Esc). GUI thread only.
class RestoreController : public QObject {
    Q_OBJECT
public:
    RestoreController(ProjectSession* session, EditorWidget* editor, RestorePanel* panel, QObject* parent = nullptr);
    ~RestoreController() override;

    /// The documents "Restore Selected Files" works on (the file list's selection) is asked for
    /// through this function, set by the window.
    void setSelectedDocumentsProvider(std::function<QList<EditorDocument*>()> provider);

    QList<QAction*> actions() const;
    RestoreQueue* queue() const { return m_queue; }

    /// Queues `documents` (those usable and not already restoring) with the panel's settings.
    /// Returns how many were queued.
    int restore(const QList<EditorDocument*>& documents);
    /// Previews the editor's selection with the panel's settings.
    void previewSelection();
    /// Previews with `modelPath` instead of the panel's model (the neural method when the panel
    /// is on classical): "A/B this checkpoint". Without a selection, the 10 s from the playhead
    /// are selected first. False (with a message) when no usable document is open.
    bool previewWithModel(const QString& modelPath);
    /// Makes `modelPath` the panel's model (switching classical to neural); the project keeps it.
    void useModel(const QString& modelPath);
    void cancelAll();

Q_SIGNALS:
    /// A message for the status bar.
    void message(const QString& text);
    /// A job failed: the file and the reason (the window shows it).
    void failed(const QString& message);

private:
    void startPreview(const RestorationSettings& settings);
    void onJobProgress(const QString& id, double fraction);
    void onJobFinished(const QString& id, const RestoreJobResult& result);
    void onPreviewFinished(const QString& id, const PreviewOutcome& outcome);
    void refreshActions();
    void refreshProgress();
    EditorDocument* documentById(const QString& id) const;

    ProjectSession* m_session;
    EditorWidget* m_editor;
    RestorePanel* m_panel;
    RestoreQueue* m_queue;
    std::function<QList<EditorDocument*>()> m_selectedDocuments;
    QAction* m_preview;
    QAction* m_restoreFile;
    QAction* m_restoreSelected;
    QAction* m_cancel;
    int m_batchTotal = 0;
    int m_batchDone = 0;
    QString m_runningId;
    double m_runningFraction = 0.0;
};

} // namespace shellac::ui
