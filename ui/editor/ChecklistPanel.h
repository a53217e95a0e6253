#pragma once

#include "project/ListeningChecklist.h"

#include <QWidget>

#include <array>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;

namespace shellac::ui {

/// The per-file listening checklist: the four questions an archivist answers after A/B
/// listening (Crackles removed? Pops removed? Voice quality preserved? Natural sound?), each
/// Yes / No / not yet, plus free notes.
///
/// Shows one ListeningChecklist; every edit by the user emits checklistEdited() with the whole
/// new checklist (the owner stores it in the document and the project autosaves). setChecklist()
/// from code emits nothing. Disabled (greyed, with a hint) while no document is open.
/// GUI thread only.
class ChecklistPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChecklistPanel(QWidget* parent = nullptr);

    /// Shows `checklist` for the file named `fileName`; an empty name disables the panel.
    void setChecklist(const ListeningChecklist& checklist, const QString& fileName);
    ListeningChecklist checklist() const { return m_checklist; }

    /// The label a question is shown with ("Crackles removed?"), translated.
    static QString label(ListeningChecklist::Question question);

Q_SIGNALS:
    void checklistEdited(const ListeningChecklist& checklist);

private:
    void onAnswerClicked(int questionIndex, int answerId);
    void onNotesEdited();
    void refreshSummary();

    ListeningChecklist m_checklist;
    QLabel* m_title;
    QLabel* m_summary;
    std::array<QButtonGroup*, ListeningChecklist::kQuestionCount> m_groups{};
    QPlainTextEdit* m_notes;
    bool m_updating = false;
};

} // namespace shellac::ui
