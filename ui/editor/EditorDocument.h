#pragma once

#include "audio/AudioFormat.h"
#include "eval/Metrics.h"
#include "project/ProjectFile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <vector>

class QUndoStack;

namespace shellac::ui {

/// One recording open in the editor: the original file (never modified), its format, the
/// takes applied to it with undo/redo, the listening checklist, and its status in the file
/// list (opening / unreadable / missing / new / restoring / restored / checked).
///
/// "Checked" means all four checklist questions are answered; "restored" that a take is
/// current; "missing" that the original disappeared from disk while open (the editor keeps
/// the document so that nothing the user did is lost).
///
/// Takes are always made from the original, so a take's residual is everything removed.
/// Undo/redo: applying a take pushes a command on undoStack(); undo makes the previous take
/// (or the original) current again. Take files stay on disk while a command can return to them.
/// GUI thread only.
class EditorDocument : public QObject {
    Q_OBJECT
public:
    enum class Status { Opening, Unreadable, Missing, New, Restoring, Restored, Checked };

    EditorDocument(const QString& id, const QString& path, QObject* parent = nullptr);
    ~EditorDocument() override;

    /// Stable identifier within the project (used for take file names and jobs).
    QString id() const { return m_id; }
    /// Absolute path of the original recording.
    QString path() const { return m_path; }
    QString fileName() const;

    Status status() const;
    /// Where the work on the file stands, as the project file stores it (the file's own state —
    /// opening, unreadable, missing — left out): restoring, checked, restored or new.
    EntryStatus projectStatus() const;
    /// The status as the file list shows it ("restoring 42 %", the error text, ...).
    QString statusText() const;
    /// Why the file cannot be used (unreadable or missing), empty otherwise.
    QString errorMessage() const { return m_error; }
    /// True once the original was opened successfully and is still on disk.
    bool isUsable() const { return m_opened && !m_missing; }
    const AudioFormat& format() const { return m_format; }

    /// Results of opening the original (the file list opens files in the background).
    void setOpened(const AudioFormat& format);
    void setUnreadable(const QString& message);
    /// The original was deleted or moved away (`message` says which), or came back (empty).
    void setMissing(const QString& message);

    const std::vector<AppliedTake>& takes() const { return m_takes; }
    /// Index of the current take in takes(), −1 when the original is current.
    int currentTakeIndex() const { return m_current; }
    /// The current take, or nullptr when none is applied.
    const AppliedTake* currentTake() const;
    /// Appends `take` and makes it current through an undoable command.
    void applyTake(const AppliedTake& take);
    /// Detected clicks of the current take (from its report): channel, start and length in
    /// frames of the original. Empty when the original is current or the report lists none.
    const std::vector<eval::SampleInterval>& clicks() const { return m_clicks; }
    /// Makes take `index` (−1: the original) current without touching the undo stack
    /// (used by the undo command and when a project is loaded).
    void setCurrentTakeIndex(int index);
    /// Replaces the take history (project load); clears the undo stack.
    void setTakes(std::vector<AppliedTake> takes, int current);
    QUndoStack* undoStack() const { return m_undo; }

    /// Restoration job state, driven by the editor's queue.
    void setRestoring(bool restoring, double fraction = 0.0);
    bool isRestoring() const { return m_restoring; }
    double restoreProgress() const { return m_progress; }

    const ListeningChecklist& checklist() const { return m_checklist; }
    void setChecklist(const ListeningChecklist& checklist);

Q_SIGNALS:
    /// Status, progress or error changed (the file list repaints the row).
    void statusChanged();
    /// The current take changed (views reload the restored and residual lanes).
    void currentTakeChanged();
    void checklistChanged();
    /// Anything that belongs in the project file changed (the project autosaves).
    void modified();

private:
    QString m_id;
    QString m_path;
    AudioFormat m_format;
    bool m_opened = false;
    bool m_missing = false;
    QString m_error;
    std::vector<AppliedTake> m_takes;
    int m_current = -1;
    std::vector<eval::SampleInterval> m_clicks;
    bool m_restoring = false;
    double m_progress = 0.0;
    ListeningChecklist m_checklist;
    QUndoStack* m_undo;
};

} // namespace shellac::ui
