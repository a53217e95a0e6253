#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>

namespace shellac {

/// One answer of the listening checklist. Tri-state on purpose: "not checked yet" is not "no".
enum class ChecklistAnswer { Unanswered, Yes, No };

/// The per-file listening checklist of issue #7: four questions an archivist answers after A/B
/// listening (crackles removed, pops removed, voice quality preserved, natural sound), each
/// unanswered / yes / no, plus free-text notes and the time of the last change.
///
/// Core strings are stable keys ("crackles_removed", "pops_removed", "voice_preserved",
/// "natural_sound"; answers "unanswered", "yes", "no"); display labels and translations belong
/// to ui/. Plain value type, not thread-safe to mutate while another thread reads it (copy it).
///
/// JSON form (inside a project entry):
///
///     { "answers": { "crackles_removed": "yes", "pops_removed": "no",
///                    "voice_preserved": "unanswered", "natural_sound": "unanswered" },
///       "notes": "free text",
///       "changed_at": "2026-12-01T09:57:22.123Z" }      // UTC, ms; absent when never changed
///
/// A question missing from "answers" reads as unanswered; unknown keys are ignored.
class ListeningChecklist {
public:
    /// The four questions, in display order.
    enum class Question { CracklesRemoved, PopsRemoved, VoicePreserved, NaturalSound };
    static constexpr int kQuestionCount = 4;

    /// All questions in display order (for loops and table columns).
    static const std::array<Question, kQuestionCount>& questions();
    /// The stable key of a question ("crackles_removed", ...), used in JSON and report headers.
    static QString key(Question question);
    /// The question with that key, or nothing for an unknown key.
    static std::optional<Question> questionForKey(const QString& key);
    /// The stable key of an answer: "unanswered", "yes" or "no".
    static QString answerKey(ChecklistAnswer answer);
    /// The answer with that key, or nothing for an unknown key.
    static std::optional<ChecklistAnswer> answerForKey(const QString& key);

    ChecklistAnswer answer(Question question) const;
    /// Sets one answer and, when it differs from the current one, stamps lastChanged() with
    /// `nowUtc` (converted to UTC). Setting the same answer again changes nothing.
    void setAnswer(Question question, ChecklistAnswer answer,
                   const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());

    QString notes() const { return m_notes; }
    /// Replaces the notes (any text, newlines included) and stamps lastChanged() when they differ.
    void setNotes(const QString& notes, const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());

    /// When an answer or the notes last changed, in UTC (millisecond precision once saved);
    /// invalid (isValid() false) when nothing was ever changed.
    QDateTime lastChanged() const { return m_lastChanged; }

    /// True when all four questions are answered (yes or no).
    bool isComplete() const;
    /// True when all four answers are yes.
    bool allYes() const;
    /// True when nothing is answered and the notes are empty.
    bool isEmpty() const;

    QJsonObject toJson() const;
    /// Reads the JSON form above. On failure the Error's subject is empty and its reason names
    /// the field under `fieldName` ("field \"checklist.answers.pops_removed\" must be ..."), so
    /// that the caller can put the file and the entry in front.
    static Result<ListeningChecklist> fromJson(const QJsonValue& json,
                                               const QString& fieldName = QStringLiteral("checklist"));

    bool operator==(const ListeningChecklist& other) const = default;

private:
    std::array<ChecklistAnswer, kQuestionCount> m_answers{};
    QString m_notes;
    QDateTime m_lastChanged;
};

} // namespace shellac
