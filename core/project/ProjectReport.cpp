#include "project/ProjectReport.h"

#include "restore/RestorationSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

#include <cmath>

namespace shellac {

namespace {

Status writeAtomically(const QString& path, const QByteArray& bytes)
{
    const QString name = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{name, QObject::tr("cannot be written (%1)").arg(file.errorString())};
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error{name, QObject::tr("cannot be written (%1)").arg(reason)};
    }
    if (!file.commit())
        return Error{name, QObject::tr("cannot be written (%1)").arg(file.errorString())};
    return Status::success();
}

QString html(const QString& text) { return text.toHtmlEscaped(); }

/// Escaped text with line breaks kept visible.
QString htmlLines(const QString& text)
{
    QString escaped = html(text);
    escaped.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    escaped.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    return escaped;
}

const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 2em; }
h1 { font-size: 16pt; margin: 0 0 0.2em 0; }
p.meta { color: #555; margin: 0 0 1em 0; }
p.summary { font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
.path { color: #555; font-size: 8.5pt; word-break: break-all; }
td.yes { background: #e3f4e3; } td.no { background: #f8e0e0; } td.unanswered { color: #888; }
td.num { text-align: right; white-space: nowrap; }
@media print {
  body { margin: 0; font-size: 9pt; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th { background: none; }
  td.yes, td.no { background: none; }
}
)";

} // namespace

ProjectReport::ProjectReport(Project project)
    : m_project(std::move(project)),
      m_title(QObject::tr("Shellac project report")),
      m_generatedAt(QDateTime::currentDateTimeUtc()),
      m_questionLabels{QObject::tr("Crackles removed"), QObject::tr("Pops removed"),
                       QObject::tr("Voice quality preserved"), QObject::tr("Natural sound")}
{
}

void ProjectReport::setDurationSeconds(const QString& originalPath, double seconds)
{
    m_durations.insert(QDir::cleanPath(originalPath), seconds);
}

void ProjectReport::setQuestionLabels(const QStringList& labels)
{
    for (qsizetype i = 0; i < labels.size() && i < qsizetype(m_questionLabels.size()); ++i)
        if (!labels[i].isEmpty())
            m_questionLabels[std::size_t(i)] = labels[i];
}

ProjectReport::Summary ProjectReport::summary() const
{
    Summary s;
    for (const ProjectEntry& e : m_project.entries) {
        ++s.files;
        if (e.status == EntryStatus::Checked)
            ++s.checked;
        if (e.checklist.allYes())
            ++s.allYes;
    }
    return s;
}

QStringList ProjectReport::csvColumns()
{
    QStringList columns{QStringLiteral("file"), QStringLiteral("status"), QStringLiteral("duration_s"),
                        QStringLiteral("method"), QStringLiteral("settings")};
    for (auto q : ListeningChecklist::questions())
        columns.append(ListeningChecklist::key(q));
    columns << QStringLiteral("notes") << QStringLiteral("checklist_changed") << QStringLiteral("restored");
    return columns;
}

QString ProjectReport::csvField(const QString& text)
{
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (QChar c : text)
        quote = quote || special.contains(c);
    if (!quote)
        return text;
    QString doubled = text;
    doubled.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + doubled + QLatin1Char('"');
}

QString ProjectReport::csvText(const QString& text)
{
    // OWASP's rule for CSV injection: a cell a spreadsheet would read as a formula (or whose
    // leading tab or CR it would drop before doing so) is kept as text by a leading apostrophe.
    static const QString triggers = QStringLiteral("=+-@\t\r");
    if (!text.isEmpty() && triggers.contains(text.front()))
        return QLatin1Char('\'') + text;
    return text;
}

QString ProjectReport::answerText(ChecklistAnswer answer)
{
    switch (answer) {
    case ChecklistAnswer::Yes: return QStringLiteral("yes");
    case ChecklistAnswer::No: return QStringLiteral("no");
    case ChecklistAnswer::Unanswered: break;
    }
    return QStringLiteral("\u2014");
}

QString ProjectReport::settingsSummary(const QJsonObject& settings)
{
    if (settings.isEmpty())
        return QString();
    return RestorationSettings::summaryOf(settings);
}

QString ProjectReport::durationText(const ProjectEntry& entry, bool clock) const
{
    const auto it = m_durations.constFind(QDir::cleanPath(entry.originalPath));
    if (it == m_durations.constEnd() || !std::isfinite(*it) || *it < 0)
        return QString();
    if (!clock)
        return QString::number(*it, 'f', 1);
    const qint64 total = qint64(std::llround(*it));
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QByteArray ProjectReport::toCsv() const
{
    const QString crlf = QStringLiteral("\r\n");
    QStringList lines{csvColumns().join(QLatin1Char(','))};
    for (const ProjectEntry& e : m_project.entries) {
        const AppliedTake* take = e.appliedTake();
        // Free text (names, notes, paths, settings) may come from anyone; keep it from being run
        // as a formula by the spreadsheet the report is opened in.
        QStringList row{csvText(QDir::toNativeSeparators(e.originalPath)), ProjectFile::statusKey(e.status),
                        durationText(e, false), take ? csvText(take->method) : QString(),
                        take ? csvText(settingsSummary(take->settings)) : QString()};
        for (auto q : ListeningChecklist::questions())
            row.append(answerText(e.checklist.answer(q)));
        row << csvText(e.checklist.notes())
            << (e.checklist.lastChanged().isValid() ? e.checklist.lastChanged().toString(Qt::ISODateWithMs)
                                                    : QString())
            << (take ? csvText(QDir::toNativeSeparators(take->restoredPath)) : QString());
        for (QString& field : row)
            field = csvField(field);
        lines.append(row.join(QLatin1Char(',')));
    }
    return QByteArray("\xEF\xBB\xBF") + (lines.join(crlf) + crlf).toUtf8();
}

QString ProjectReport::toHtml() const
{
    const Summary s = summary();
    QString page;
    page += QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n<title>%1</title>\n"
                           "<style>%2</style>\n</head>\n<body>\n<h1>%1</h1>\n")
                .arg(html(m_title), QLatin1String(kStyle));
    page += QStringLiteral("<p class=\"meta\">%1</p>\n")
                .arg(html(QObject::tr("Generated %1 UTC by Shellac %2")
                              .arg(m_generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                   QLatin1String(SHELLAC_VERSION))));
    page += QStringLiteral("<p class=\"summary\">%1</p>\n")
                .arg(html((s.files == 1 ? QObject::tr("1 file") : QObject::tr("%1 files").arg(s.files))
                          + QObject::tr(", %1 checked, %2 with all four answers yes").arg(s.checked).arg(s.allYes)));

    page += QStringLiteral("<table>\n<thead><tr>");
    QStringList headers{QObject::tr("File"), QObject::tr("Status"), QObject::tr("Duration"), QObject::tr("Method"),
                        QObject::tr("Settings")};
    for (const QString& label : m_questionLabels)
        headers.append(label);
    headers.append(QObject::tr("Notes"));
    for (const QString& h : headers)
        page += QStringLiteral("<th>%1</th>").arg(html(h));
    page += QStringLiteral("</tr></thead>\n<tbody>\n");

    for (const ProjectEntry& e : m_project.entries) {
        const AppliedTake* take = e.appliedTake();
        const QString path = QDir::toNativeSeparators(e.originalPath);
        page += QStringLiteral("<tr><td><b>%1</b><br/><span class=\"path\">%2</span></td>")
                    .arg(html(QFileInfo(e.originalPath).fileName()), html(path));
        page += QStringLiteral("<td>%1</td><td class=\"num\">%2</td><td>%3</td><td>%4</td>")
                    .arg(html(ProjectFile::statusKey(e.status)), html(durationText(e, true)),
                         html(take ? take->method : QStringLiteral("\u2014")),
                         html(take ? settingsSummary(take->settings) : QString()));
        for (auto q : ListeningChecklist::questions()) {
            const ChecklistAnswer a = e.checklist.answer(q);
            page += QStringLiteral("<td class=\"%1\">%2</td>")
                        .arg(ListeningChecklist::answerKey(a), html(answerText(a)));
        }
        page += QStringLiteral("<td>%1</td></tr>\n").arg(htmlLines(e.checklist.notes()));
    }
    page += QStringLiteral("</tbody>\n</table>\n</body>\n</html>\n");
    return page;
}

Status ProjectReport::writeCsv(const QString& path) const { return writeAtomically(path, toCsv()); }

Status ProjectReport::writeHtml(const QString& path) const { return writeAtomically(path, toHtml().toUtf8()); }

} // namespace shellac
