#include "ui/editor/ChecklistPanel.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace shellac::ui {

namespace {

using Question = ListeningChecklist::Question;

QString tooltip(Question q)
{
    switch (q) {
    case Question::CracklesRemoved:
        return ChecklistPanel::tr("Listen to a quiet passage in Restored: is the dense frying/crackle gone?");
    case Question::PopsRemoved:
        return ChecklistPanel::tr("Are the loud clicks and pops gone (compare with Original at the markers)?");
    case Question::VoicePreserved:
        return ChecklistPanel::tr("Listen to Residual: it should hold only noise, no consonants, no words, no melody.");
    case Question::NaturalSound:
        return ChecklistPanel::tr("Does Restored sound natural: no warbling (musical noise), no dullness, no pumping?");
    }
    return {};
}

} // namespace

QString ChecklistPanel::label(Question question)
{
    switch (question) {
    case Question::CracklesRemoved: return tr("Crackles removed?");
    case Question::PopsRemoved: return tr("Pops removed?");
    case Question::VoicePreserved: return tr("Voice quality preserved?");
    case Question::NaturalSound: return tr("Natural sound?");
    }
    return {};
}

ChecklistPanel::ChecklistPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_summary(new QLabel(this)), m_notes(new QPlainTextEdit(this))
{
    auto* layout = new QVBoxLayout(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Yes")), 0, 1, Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("No")), 0, 2, Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("Not yet")), 0, 3, Qt::AlignCenter);
    int row = 1;
    for (Question q : ListeningChecklist::questions()) {
        const int index = row - 1;
        auto* text = new QLabel(label(q), this);
        text->setToolTip(tooltip(q));
        grid->addWidget(text, row, 0);
        auto* group = new QButtonGroup(this);
        const std::array<ChecklistAnswer, 3> answers{ChecklistAnswer::Yes, ChecklistAnswer::No, ChecklistAnswer::Unanswered};
        for (int column = 0; column < 3; ++column) {
            auto* button = new QRadioButton(this);
            button->setObjectName(QStringLiteral("checklist_%1_%2")
                                      .arg(ListeningChecklist::key(q), ListeningChecklist::answerKey(answers[std::size_t(column)])));
            button->setToolTip(tooltip(q));
            group->addButton(button, int(answers[std::size_t(column)]));
            grid->addWidget(button, row, column + 1, Qt::AlignCenter);
        }
        connect(group, &QButtonGroup::idClicked, this, [this, index](int id) { onAnswerClicked(index, id); });
        m_groups[std::size_t(index)] = group;
        ++row;
    }
    grid->setColumnStretch(0, 1);
    layout->addLayout(grid);

    layout->addWidget(new QLabel(tr("Notes:"), this));
    m_notes->setObjectName(QStringLiteral("checklistNotes"));
    m_notes->setPlaceholderText(tr("What you heard, what to redo, matrix number, speed…"));
    m_notes->setTabChangesFocus(true);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &ChecklistPanel::onNotesEdited);
    layout->addWidget(m_notes, 1);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    setChecklist({}, QString());
}

void ChecklistPanel::setChecklist(const ListeningChecklist& checklist, const QString& fileName)
{
    m_updating = true;
    m_checklist = checklist;
    setEnabled(!fileName.isEmpty());
    m_title->setText(fileName.isEmpty() ? tr("Open a recording to check it.")
                                        : tr("<b>%1</b>").arg(fileName.toHtmlEscaped()));
    int index = 0;
    for (Question q : ListeningChecklist::questions())
        m_groups[std::size_t(index++)]->button(int(checklist.answer(q)))->setChecked(true);
    if (m_notes->toPlainText() != checklist.notes())
        m_notes->setPlainText(checklist.notes());
    refreshSummary();
    m_updating = false;
}

void ChecklistPanel::onAnswerClicked(int questionIndex, int answerId)
{
    if (m_updating)
        return;
    m_checklist.setAnswer(ListeningChecklist::questions()[std::size_t(questionIndex)], ChecklistAnswer(answerId));
    refreshSummary();
    Q_EMIT checklistEdited(m_checklist);
}

void ChecklistPanel::onNotesEdited()
{
    if (m_updating || m_notes->toPlainText() == m_checklist.notes())
        return;
    m_checklist.setNotes(m_notes->toPlainText());
    Q_EMIT checklistEdited(m_checklist);
}

void ChecklistPanel::refreshSummary()
{
    int answered = 0;
    for (Question q : ListeningChecklist::questions())
        answered += m_checklist.answer(q) != ChecklistAnswer::Unanswered;
    if (m_checklist.allYes())
        m_summary->setText(tr("All four checks passed: this file is marked checked."));
    else if (m_checklist.isComplete())
        m_summary->setText(tr("Checked, with problems noted: restore again or describe them in the notes."));
    else
        m_summary->setText(tr("%1 of 4 answered. Listen A/B (keys 1, 2, 3) before answering.").arg(answered));
}

} // namespace shellac::ui
