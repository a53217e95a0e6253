#include "ui/editor/EditorDocument.h"

#include "restore/RestorationReport.h"

#include <QFileInfo>
#include <algorithm>
#include <QUndoCommand>
#include <QUndoStack>

namespace shellac::ui {

namespace {

/// Switches a document between two takes; the take itself stays in the document's history.
class ApplyTakeCommand final : public QUndoCommand {
public:
    ApplyTakeCommand(EditorDocument* document, int from, int to, const QString& text)
        : QUndoCommand(text), m_document(document), m_from(from), m_to(to) {}
    void redo() override { m_document->setCurrentTakeIndex(m_to); }
    void undo() override { m_document->setCurrentTakeIndex(m_from); }

private:
    EditorDocument* m_document;
    int m_from;
    int m_to;
};

QString methodLabel(const QString& method)
{
    if (method == QLatin1String("dsp"))
        return EditorDocument::tr("classical restoration");
    if (method == QLatin1String("neural"))
        return EditorDocument::tr("neural restoration");
    if (method == QLatin1String("hybrid"))
        return EditorDocument::tr("hybrid restoration");
    return method;
}

} // namespace

EditorDocument::EditorDocument(const QString& id, const QString& path, QObject* parent)
    : QObject(parent), m_id(id), m_path(path), m_undo(new QUndoStack(this))
{
}

EditorDocument::~EditorDocument() = default;

QString EditorDocument::fileName() const { return QFileInfo(m_path).fileName(); }

EditorDocument::Status EditorDocument::status() const
{
    if (!m_error.isEmpty() && !m_opened)
        return Status::Unreadable;
    if (m_missing)
        return Status::Missing;
    if (!m_opened)
        return Status::Opening;
    switch (projectStatus()) {
    case EntryStatus::Restoring: return Status::Restoring;
    case EntryStatus::Checked: return Status::Checked;
    case EntryStatus::Restored: return Status::Restored;
    case EntryStatus::New: break;
    }
    return Status::New;
}

EntryStatus EditorDocument::projectStatus() const
{
    if (m_restoring)
        return EntryStatus::Restoring;
    if (m_checklist.isComplete())
        return EntryStatus::Checked;
    return m_current >= 0 ? EntryStatus::Restored : EntryStatus::New;
}

QString EditorDocument::statusText() const
{
    switch (status()) {
    case Status::Opening: return tr("opening…");
    case Status::Unreadable:
    case Status::Missing: return m_error;
    case Status::New: return tr("new");
    case Status::Restoring: return tr("restoring %1 %").arg(qRound(m_progress * 100.0));
    case Status::Restored: return tr("restored");
    case Status::Checked: return m_checklist.allYes() ? tr("checked") : tr("checked (problems noted)");
    }
    return {};
}

void EditorDocument::setOpened(const AudioFormat& format)
{
    m_format = format;
    m_opened = true;
    m_error.clear();
    Q_EMIT statusChanged();
}

void EditorDocument::setUnreadable(const QString& message)
{
    m_opened = false;
    m_error = message;
    Q_EMIT statusChanged();
}

void EditorDocument::setMissing(const QString& message)
{
    const bool missing = !message.isEmpty();
    if (missing == m_missing && message == m_error)
        return;
    m_missing = missing;
    m_error = message;
    Q_EMIT statusChanged();
}

const AppliedTake* EditorDocument::currentTake() const
{
    return m_current >= 0 && m_current < int(m_takes.size()) ? &m_takes[std::size_t(m_current)] : nullptr;
}

void EditorDocument::applyTake(const AppliedTake& take)
{
    m_takes.push_back(take);
    const int index = int(m_takes.size()) - 1;
    m_undo->push(new ApplyTakeCommand(this, m_current, index, tr("Apply %1").arg(methodLabel(take.method))));
}

void EditorDocument::setCurrentTakeIndex(int index)
{
    index = std::clamp(index, -1, int(m_takes.size()) - 1);
    if (index == m_current)
        return;
    m_current = index;
    m_clicks.clear();
    if (const AppliedTake* take = currentTake(); take && !take->reportPath.isEmpty())
        if (auto clicks = RestorationReport::readClicks(take->reportPath))
            m_clicks = std::move(clicks.value());
    Q_EMIT currentTakeChanged();
    Q_EMIT statusChanged();
    Q_EMIT modified();
}

void EditorDocument::setTakes(std::vector<AppliedTake> takes, int current)
{
    m_takes = std::move(takes);
    m_undo->clear();
    m_current = -2; // force the change signals
    setCurrentTakeIndex(current);
}

void EditorDocument::setRestoring(bool restoring, double fraction)
{
    if (restoring == m_restoring && qAbs(fraction - m_progress) < 0.005)
        return;
    m_restoring = restoring;
    m_progress = restoring ? fraction : 0.0;
    Q_EMIT statusChanged();
}

void EditorDocument::setChecklist(const ListeningChecklist& checklist)
{
    if (checklist == m_checklist)
        return;
    m_checklist = checklist;
    Q_EMIT checklistChanged();
    Q_EMIT statusChanged();
    Q_EMIT modified();
}

} // namespace shellac::ui
