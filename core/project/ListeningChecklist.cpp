#include "project/ListeningChecklist.h"

#include <QObject>

namespace shellac {

namespace {

constexpr const char* kQuestionKeys[] = {"crackles_removed", "pops_removed", "voice_preserved", "natural_sound"};
constexpr const char* kAnswerKeys[] = {"unanswered", "yes", "no"};

Error fieldError(const QString& field, const QString& problem)
{
    return Error{QString(), QObject::tr("field \"%1\" %2").arg(field, problem)};
}

QDateTime toUtc(const QDateTime& time) { return time.isValid() ? time.toUTC() : time; }

} // namespace

const std::array<ListeningChecklist::Question, ListeningChecklist::kQuestionCount>& ListeningChecklist::questions()
{
    static const std::array<Question, kQuestionCount> all{Question::CracklesRemoved, Question::PopsRemoved,
                                                          Question::VoicePreserved, Question::NaturalSound};
    return all;
}

QString ListeningChecklist::key(Question question)
{
    return QString::fromLatin1(kQuestionKeys[int(question)]);
}

std::optional<ListeningChecklist::Question> ListeningChecklist::questionForKey(const QString& key)
{
    for (Question q : questions())
        if (key == QLatin1String(kQuestionKeys[int(q)]))
            return q;
    return std::nullopt;
}

QString ListeningChecklist::answerKey(ChecklistAnswer answer)
{
    return QString::fromLatin1(kAnswerKeys[int(answer)]);
}

std::optional<ChecklistAnswer> ListeningChecklist::answerForKey(const QString& key)
{
    for (int i = 0; i < 3; ++i)
        if (key == QLatin1String(kAnswerKeys[i]))
            return ChecklistAnswer(i);
    return std::nullopt;
}

ChecklistAnswer ListeningChecklist::answer(Question question) const
{
    return m_answers[std::size_t(question)];
}

void ListeningChecklist::setAnswer(Question question, ChecklistAnswer answer, const QDateTime& nowUtc)
{
    if (m_answers[std::size_t(question)] == answer)
        return;
    m_answers[std::size_t(question)] = answer;
    m_lastChanged = toUtc(nowUtc);
}

void ListeningChecklist::setNotes(const QString& notes, const QDateTime& nowUtc)
{
    if (m_notes == notes)
        return;
    m_notes = notes;
    m_lastChanged = toUtc(nowUtc);
}

bool ListeningChecklist::isComplete() const
{
    for (ChecklistAnswer a : m_answers)
        if (a == ChecklistAnswer::Unanswered)
            return false;
    return true;
}

bool ListeningChecklist::allYes() const
{
    for (ChecklistAnswer a : m_answers)
        if (a != ChecklistAnswer::Yes)
            return false;
    return true;
}

bool ListeningChecklist::isEmpty() const
{
    for (ChecklistAnswer a : m_answers)
        if (a != ChecklistAnswer::Unanswered)
            return false;
    return m_notes.isEmpty();
}

QJsonObject ListeningChecklist::toJson() const
{
    QJsonObject answers;
    for (Question q : questions())
        answers.insert(key(q), answerKey(answer(q)));
    QJsonObject json{{QStringLiteral("answers"), answers}, {QStringLiteral("notes"), m_notes}};
    if (m_lastChanged.isValid())
        json.insert(QStringLiteral("changed_at"), m_lastChanged.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

Result<ListeningChecklist> ListeningChecklist::fromJson(const QJsonValue& json, const QString& fieldName)
{
    const QString prefix = fieldName.isEmpty() ? QString() : fieldName + QLatin1Char('.');
    if (!json.isObject())
        return fieldError(fieldName, QObject::tr("must be an object"));
    const QJsonObject o = json.toObject();
    ListeningChecklist checklist;

    const QJsonValue answers = o.value(QStringLiteral("answers"));
    if (!answers.isUndefined()) {
        if (!answers.isObject())
            return fieldError(prefix + QStringLiteral("answers"), QObject::tr("must be an object of question: answer"));
        const QJsonObject a = answers.toObject();
        for (Question q : questions()) {
            const QJsonValue v = a.value(key(q));
            if (v.isUndefined())
                continue;
            const auto parsed = v.isString() ? answerForKey(v.toString()) : std::nullopt;
            if (!parsed)
                return fieldError(prefix + QStringLiteral("answers.") + key(q),
                                  QObject::tr("must be \"yes\", \"no\" or \"unanswered\", got %1")
                                      .arg(v.isString() ? QLatin1Char('"') + v.toString() + QLatin1Char('"')
                                                        : QObject::tr("a non-string value")));
            checklist.m_answers[std::size_t(q)] = *parsed;
        }
    }

    const QJsonValue notes = o.value(QStringLiteral("notes"));
    if (!notes.isUndefined()) {
        if (!notes.isString())
            return fieldError(prefix + QStringLiteral("notes"), QObject::tr("must be a string"));
        checklist.m_notes = notes.toString();
    }

    const QJsonValue changed = o.value(QStringLiteral("changed_at"));
    if (!changed.isUndefined() && !changed.isNull()) {
        const QDateTime t = changed.isString() ? QDateTime::fromString(changed.toString(), Qt::ISODateWithMs)
                                               : QDateTime();
        if (!t.isValid())
            return fieldError(prefix + QStringLiteral("changed_at"),
                              QObject::tr("must be an ISO 8601 time such as \"2026-12-01T09:57:22.123Z\""));
        checklist.m_lastChanged = t.toUTC();
    }
    return checklist;
}

} // namespace shellac
