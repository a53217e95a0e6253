// ProjectReport: RFC 4180 CSV (quoting, BOM, CRLF, column order), escaped and well-formed HTML,
// summary counts and the settings line.

#include "project/ProjectReport.h"
#include "restore/RestorationSettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace shellac;
using Question = ListeningChecklist::Question;

namespace {

const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2026-11-30T08:15:42.125Z"), Qt::ISODateWithMs);

/// A strict RFC 4180 reader (CRLF records, quoted fields), independent of the writer.
QList<QStringList> parseCsv(const QString& text, bool* ok)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    *ok = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty())
                *ok = false; // a quote inside an unquoted field
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            *ok = false; // a bare line break outside quotes
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        *ok = false; // the last record must end with CRLF
    return rows;
}

ProjectEntry entry(const QString& path, EntryStatus status, std::array<ChecklistAnswer, 4> answers, const QString& notes)
{
    ProjectEntry e;
    e.originalPath = path;
    e.status = status;
    for (int i = 0; i < 4; ++i)
        e.checklist.setAnswer(ListeningChecklist::questions()[i], answers[i], kT0);
    e.checklist.setNotes(notes, kT0);
    return e;
}

const QString kNastyName = QStringLiteral("/music/<script>alert(\"x\")</script> & Söhne, \"Live\".wav");
const QString kNastyNotes = QStringLiteral("Pops at 0:12, 1:40 — \"bad\" </td></tr> & <b>\nsecond line: Stimme schön");

/// Four entries: checked all yes (restored, dsp), checked with a no, restored all yes, new.
Project sampleProject()
{
    using A = ChecklistAnswer;
    Project p = Project::createNew(kT0);
    ProjectEntry a = entry(QStringLiteral("/music/Caruso, 1907.wav"), EntryStatus::Checked, {A::Yes, A::Yes, A::Yes, A::Yes},
                           QStringLiteral("fine"));
    AppliedTake t;
    t.method = QStringLiteral("dsp");
    t.settings = RestorationSettings{}.toJson();
    t.restoredPath = QStringLiteral("/music/takes/Caruso, 1907.take0.flac");
    a.takes = {t};
    a.currentTake = 0;
    ProjectEntry b = entry(kNastyName, EntryStatus::Checked, {A::Yes, A::No, A::Yes, A::Unanswered}, kNastyNotes);
    ProjectEntry c = entry(QStringLiteral("/music/Ρεμπέτικο.flac"), EntryStatus::Restored, {A::Yes, A::Yes, A::Yes, A::Yes}, {});
    ProjectEntry d = entry(QStringLiteral("/music/plain.wav"), EntryStatus::New, {A::Unanswered, A::Unanswered, A::Unanswered, A::Unanswered}, {});
    p.entries = {a, b, c, d};
    return p;
}

} // namespace

class TestProjectReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void csvFieldQuoting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("Caruso 1907.wav") << QStringLiteral("Caruso 1907.wav");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("accents") << QStringLiteral("Ρεμπέτικο schön") << QStringLiteral("Ρεμπέτικο schön");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
        QTest::newRow("carriage return") << QStringLiteral("one\r\ntwo") << QStringLiteral("\"one\r\ntwo\"");
        QTest::newRow("only a quote") << QStringLiteral("\"") << QStringLiteral("\"\"\"\"");
    }

    void csvFieldQuoting()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(ProjectReport::csvField(text), field);
    }

    void csvFormulasStayText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")") << QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")");
        QTest::newRow("plus") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
        QTest::newRow("minus") << QStringLiteral("-2 dB hiss left") << QStringLiteral("'-2 dB hiss left");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("path") << QStringLiteral("/music/a.wav") << QStringLiteral("/music/a.wav");
        QTest::newRow("inner equals") << QStringLiteral("pops = gone") << QStringLiteral("pops = gone");
        QTest::newRow("empty") << QString() << QString();
    }

    void csvFormulasStayText()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        QCOMPARE(ProjectReport::csvText(text), cell);
        // And in a document: the notes of an entry.
        Project p = Project::createNew(kT0);
        p.entries = {entry(QStringLiteral("/music/a.wav"), EntryStatus::New, {}, text)};
        bool ok = false;
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(ProjectReport(p).toCsv().mid(3)), &ok);
        QVERIFY(ok);
        QCOMPARE(rows[1][9], cell);
    }

    void csvDocument()
    {
        ProjectReport report(sampleProject());
        report.setDurationSeconds(QStringLiteral("/music/Caruso, 1907.wav"), 183.44);
        const QByteArray csv = report.toCsv();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.endsWith("\r\n"));
        bool ok = false;
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.mid(3)), &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0], (QStringList{QStringLiteral("file"), QStringLiteral("status"), QStringLiteral("duration_s"),
                                       QStringLiteral("method"), QStringLiteral("settings"), QStringLiteral("crackles_removed"),
                                       QStringLiteral("pops_removed"), QStringLiteral("voice_preserved"),
                                       QStringLiteral("natural_sound"), QStringLiteral("notes"),
                                       QStringLiteral("checklist_changed"), QStringLiteral("restored")}));
        for (const QStringList& row : rows)
            QCOMPARE(row.size(), 12);

        QCOMPARE(rows[1][0], QStringLiteral("/music/Caruso, 1907.wav"));
        QCOMPARE(rows[1][1], QStringLiteral("checked"));
        QCOMPARE(rows[1][2], QStringLiteral("183.4"));
        QCOMPARE(rows[1][3], QStringLiteral("dsp"));
        QCOMPARE(rows[1][4], RestorationSettings{}.summary());
        QCOMPARE(rows[1][10], QStringLiteral("2026-11-30T08:15:42.125Z"));
        QCOMPARE(rows[1][11], QStringLiteral("/music/takes/Caruso, 1907.take0.flac"));

        QCOMPARE(rows[2][0], kNastyName); // quotes and commas survive the trip
        QCOMPARE(rows[2].mid(5, 4), (QStringList{QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("yes"),
                                                 QStringLiteral("\u2014")}));
        QCOMPARE(rows[2][9], kNastyNotes); // and so do line breaks in the notes
        QVERIFY(rows[2][2].isEmpty());      // no duration given
        QVERIFY(rows[2][3].isEmpty());      // nothing applied
        QCOMPARE(rows[3][0], QStringLiteral("/music/Ρεμπέτικο.flac"));
        QCOMPARE(rows[4][1], QStringLiteral("new"));
        QVERIFY(csv.contains(QStringLiteral("Ρεμπέτικο").toUtf8()));
    }

    void settingsSummary_data()
    {
        QTest::addColumn<QJsonObject>("settings");
        QTest::addColumn<QString>("expected");
        QTest::newRow("defaults") << RestorationSettings{}.toJson()
                                  << QStringLiteral("classical: declick 5 · decrackle 5 · dehum auto · dehiss 12 dB · rumble 20 Hz");
        QTest::newRow("empty") << QJsonObject{} << QString();
        QTest::newRow("unknown layout") << QJsonObject{{QStringLiteral("strength"), 3}} << QStringLiteral("strength 3");
    }

    void settingsSummary()
    {
        QFETCH(QJsonObject, settings);
        QFETCH(QString, expected);
        const QString line = ProjectReport::settingsSummary(settings);
        QVERIFY2(expected.isEmpty() ? line.isEmpty() : line.contains(expected), qPrintable(line));
        QVERIFY(!line.contains(QLatin1Char('\n')));
    }

    void htmlIsEscapedAndWellFormed()
    {
        ProjectReport report(sampleProject());
        report.setTitle(QStringLiteral("Sammlung <Müller> & \"Söhne\""));
        report.setDurationSeconds(QStringLiteral("/music/Caruso, 1907.wav"), 183.44);
        report.setGeneratedAt(kT0);
        report.setQuestionLabels({QStringLiteral("Knistern <weg>"), QString()}); // the rest keep defaults
        const QString page = report.toHtml();
        QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(!page.contains(QStringLiteral("<script")));
        QVERIFY(!page.contains(QStringLiteral("<Müller>")));
        QVERIFY(page.contains(QStringLiteral("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Söhne")));
        QVERIFY(page.contains(QStringLiteral("<style>")));
        QVERIFY(page.contains(QStringLiteral("@media print")));

        // Parse it as XML (the page is polyglot XHTML): every user text must come back as text.
        QXmlStreamReader xml(page);
        QStringList cells;
        QString cell;
        int depthInCell = 0, rows = 0;
        QString title, summary;
        QStringList headers;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("td"))
                    depthInCell = 1, cell.clear();
                else if (depthInCell > 0)
                    ++depthInCell;
                if (xml.name() == QLatin1String("br") && depthInCell > 0)
                    cell += QLatin1Char('\n');
                if (xml.name() == QLatin1String("tr"))
                    ++rows;
                if (xml.name() == QLatin1String("th"))
                    headers << xml.readElementText();
                if (xml.name() == QLatin1String("title"))
                    title = xml.readElementText();
                if (xml.name() == QLatin1String("p") && xml.attributes().value(QLatin1String("class")) == QLatin1String("summary"))
                    summary = xml.readElementText();
            } else if (xml.isCharacters() && depthInCell > 0) {
                cell += xml.text();
            } else if (xml.isEndElement() && depthInCell > 0) {
                if (--depthInCell == 0)
                    cells << cell;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber())));
        QCOMPARE(title, QStringLiteral("Sammlung <Müller> & \"Söhne\""));
        QCOMPARE(summary, QStringLiteral("4 files, 2 checked, 2 with all four answers yes"));
        QCOMPARE(rows, 5); // header + 4 entries
        QCOMPARE(headers, (QStringList{QStringLiteral("File"), QStringLiteral("Status"), QStringLiteral("Duration"),
                                       QStringLiteral("Method"), QStringLiteral("Settings"), QStringLiteral("Knistern <weg>"),
                                       QStringLiteral("Pops removed"), QStringLiteral("Voice quality preserved"),
                                       QStringLiteral("Natural sound"), QStringLiteral("Notes")}));
        QCOMPARE(cells.size(), 4 * 10);
        QCOMPARE(cells[0], QStringLiteral("Caruso, 1907.wav\n/music/Caruso, 1907.wav"));
        QCOMPARE(cells[1], QStringLiteral("checked"));
        QCOMPARE(cells[2], QStringLiteral("3:03"));
        QCOMPARE(cells[3], QStringLiteral("dsp"));
        QCOMPARE(cells[4], RestorationSettings{}.summary());
        QCOMPARE(cells[10], QFileInfo(kNastyName).fileName() + QLatin1Char('\n') + kNastyName);
        QCOMPARE(cells.mid(15, 4), (QStringList{QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("yes"),
                                                QStringLiteral("\u2014")}));
        QCOMPARE(cells[19], kNastyNotes);
        QCOMPARE(cells[13], QStringLiteral("\u2014")); // no method: the original is current
    }

    void summaryCounts()
    {
        Project p = sampleProject();
        ProjectReport::Summary s = ProjectReport(p).summary();
        QCOMPARE(s.files, 4);
        QCOMPARE(s.checked, 2);
        QCOMPARE(s.allYes, 2);
        p.entries[3].status = EntryStatus::Checked;
        p.entries[1].checklist.setAnswer(Question::PopsRemoved, ChecklistAnswer::Yes);
        p.entries[1].checklist.setAnswer(Question::NaturalSound, ChecklistAnswer::Yes);
        s = ProjectReport(p).summary();
        QCOMPARE(s.checked, 3);
        QCOMPARE(s.allYes, 3);
        QCOMPARE(ProjectReport(Project::createNew()).summary().files, 0);
        p.entries.resize(1);
        QVERIFY(ProjectReport(p).toHtml().contains(QStringLiteral(">1 file, 1 checked, 1 with all four answers yes<")));
        QVERIFY(ProjectReport(Project::createNew()).toHtml().contains(QStringLiteral("0 files, 0 checked, 0 with all four answers yes")));
    }

    void writesFilesAtomically()
    {
        QTemporaryDir dir;
        const ProjectReport report(sampleProject());
        const QString csv = dir.filePath(QStringLiteral("report ü.csv"));
        const QString html = dir.filePath(QStringLiteral("report ü.html"));
        QVERIFY(report.writeCsv(csv).ok());
        QVERIFY(report.writeHtml(html).ok());
        QFile c(csv), h(html);
        QVERIFY(c.open(QIODevice::ReadOnly) && h.open(QIODevice::ReadOnly));
        QCOMPARE(c.readAll(), report.toCsv());
        QCOMPARE(QString::fromUtf8(h.readAll()), report.toHtml());

        const QString nowhere = dir.filePath(QStringLiteral("missing/report.csv"));
        const Status failed = report.writeCsv(nowhere);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().subject, nowhere);
        QVERIFY(!QFileInfo::exists(nowhere));
    }
};

QTEST_GUILESS_MAIN(TestProjectReport)
#include "tst_project_report.moc"
