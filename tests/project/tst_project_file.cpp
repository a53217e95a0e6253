// ProjectFile and ListeningChecklist: exact round trips, relocation after a move, one clear
// message per bad input (and the bad file left as it was), atomic and guarded saves.

#include "TestSignals.h"
#include "project/ProjectFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace shellac;
using Question = ListeningChecklist::Question;

namespace {

const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2026-11-30T08:15:42.125Z"), Qt::ISODateWithMs);

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool touch(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return writeBytes(path, "RIFF");
}

AppliedTake take(const QString& folder, const QString& stem, int n, bool withSidecars)
{
    AppliedTake t;
    t.method = n % 2 ? QStringLiteral("hybrid") : QStringLiteral("dsp");
    t.settings = QJsonObject{{QStringLiteral("method"), t.method},
                             {QStringLiteral("dsp"), QJsonObject{{QStringLiteral("declick_sensitivity"), 5 + n},
                                                                 {QStringLiteral("dehum"), QStringLiteral("auto")}}},
                             {QStringLiteral("mix"), 0.75}};
    t.restoredPath = folder + QStringLiteral("/takes/%1.take%2.flac").arg(stem).arg(n);
    if (withSidecars) {
        t.residualPath = folder + QStringLiteral("/takes/%1.take%2.residual.flac").arg(stem).arg(n);
        t.reportPath = folder + QStringLiteral("/takes/%1.take%2.json").arg(stem).arg(n);
    }
    t.appliedAt = kT0.addSecs(60 * (n + 1)).addMSecs(7);
    return t;
}

/// A project touching every field, with unicode names and notes.
Project richProject(const QString& folder)
{
    Project p = Project::createNew(kT0);
    p.markModified(kT0.addSecs(3600));
    p.settings = QJsonObject{{QStringLiteral("default_restore"), QJsonObject{{QStringLiteral("method"), QStringLiteral("dsp")}}},
                             {QStringLiteral("training"), QJsonObject{{QStringLiteral("epochs"), 12}}}};
    p.uiState = QJsonObject{{QStringLiteral("splitter"), QJsonArray{200, 600}}, {QStringLiteral("zoom"), 4}};

    ProjectEntry caruso;
    caruso.originalPath = folder + QStringLiteral("/Aufnahmen/Caruso – «Vesti la giubba» 1907 ♪.wav");
    caruso.status = EntryStatus::Checked;
    caruso.takes = {take(folder, QStringLiteral("caruso"), 0, true), take(folder, QStringLiteral("caruso"), 1, false),
                    take(folder, QStringLiteral("caruso"), 2, true)};
    caruso.currentTake = 1;
    caruso.checklist.setAnswer(Question::CracklesRemoved, ChecklistAnswer::Yes, kT0);
    caruso.checklist.setAnswer(Question::PopsRemoved, ChecklistAnswer::No, kT0);
    caruso.checklist.setAnswer(Question::VoicePreserved, ChecklistAnswer::Yes, kT0);
    caruso.checklist.setAnswer(Question::NaturalSound, ChecklistAnswer::Yes, kT0);
    caruso.checklist.setNotes(QStringLiteral("Pop at 1:23 remains, \"loud\" <b>;\nzweite Zeile: Stimme schön, 日本語 ✓"),
                              kT0.addMSecs(421));

    ProjectEntry fresh;
    fresh.originalPath = folder + QStringLiteral("/Ελληνικά/Ρεμπέτικο.flac");

    p.entries = {caruso, fresh};
    return p;
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checklistAnswersAndTimes()
    {
        ListeningChecklist c;
        QVERIFY(c.isEmpty());
        QVERIFY(!c.isComplete());
        QVERIFY(!c.lastChanged().isValid());
        c.setAnswer(Question::PopsRemoved, ChecklistAnswer::No, kT0);
        QCOMPARE(c.answer(Question::PopsRemoved), ChecklistAnswer::No);
        QCOMPARE(c.answer(Question::CracklesRemoved), ChecklistAnswer::Unanswered);
        QCOMPARE(c.lastChanged(), kT0);
        c.setAnswer(Question::PopsRemoved, ChecklistAnswer::No, kT0.addSecs(5)); // same answer: no new stamp
        QCOMPARE(c.lastChanged(), kT0);
        for (Question q : ListeningChecklist::questions())
            c.setAnswer(q, ChecklistAnswer::Yes, kT0.addSecs(9));
        QVERIFY(c.isComplete());
        QVERIFY(c.allYes());
        QCOMPARE(c.lastChanged(), kT0.addSecs(9));
        c.setAnswer(Question::NaturalSound, ChecklistAnswer::Unanswered, kT0.addSecs(10));
        QVERIFY(!c.isComplete());
        QVERIFY(!c.allYes());

        QStringList keys;
        for (Question q : ListeningChecklist::questions()) {
            keys << ListeningChecklist::key(q);
            QCOMPARE(ListeningChecklist::questionForKey(ListeningChecklist::key(q)), q);
        }
        QCOMPARE(keys, (QStringList{QStringLiteral("crackles_removed"), QStringLiteral("pops_removed"),
                                    QStringLiteral("voice_preserved"), QStringLiteral("natural_sound")}));
        QVERIFY(!ListeningChecklist::questionForKey(QStringLiteral("hiss_removed")));
    }

    void checklistJson()
    {
        ListeningChecklist c;
        c.setAnswer(Question::VoicePreserved, ChecklistAnswer::Yes, kT0);
        c.setNotes(QStringLiteral("a\nb \"c\""), kT0.addMSecs(3));
        const QJsonObject json = c.toJson();
        QCOMPARE(json.value(QStringLiteral("answers")).toObject().value(QStringLiteral("voice_preserved")).toString(),
                 QStringLiteral("yes"));
        QCOMPARE(json.value(QStringLiteral("answers")).toObject().value(QStringLiteral("natural_sound")).toString(),
                 QStringLiteral("unanswered"));
        QCOMPARE(json.value(QStringLiteral("changed_at")).toString(), QStringLiteral("2026-11-30T08:15:42.128Z"));
        auto back = ListeningChecklist::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), c);

        // Missing answers read as unanswered; a bad one names its field and value.
        QCOMPARE(ListeningChecklist::fromJson(QJsonObject{}).value(), ListeningChecklist());
        auto bad = ListeningChecklist::fromJson(
            QJsonObject{{QStringLiteral("answers"), QJsonObject{{QStringLiteral("pops_removed"), QStringLiteral("maybe")}}}});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().reason,
                 QStringLiteral("field \"checklist.answers.pops_removed\" must be \"yes\", \"no\" or \"unanswered\", got \"maybe\""));
        auto badTime = ListeningChecklist::fromJson(QJsonObject{{QStringLiteral("changed_at"), QStringLiteral("yesterday")}});
        QVERIFY(!badTime.ok());
        QVERIFY(badTime.error().reason.startsWith(QStringLiteral("field \"checklist.changed_at\" must be an ISO 8601 time")));
    }

    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        const QString folder = dir.path() + QStringLiteral("/Sammlung Müller 日本");
        QVERIFY(QDir().mkpath(folder));
        const Project original = richProject(folder);
        const QString path = folder + QStringLiteral("/Schellack «Ω».shellac");
        const Status saved = ProjectFile::save(path, original);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message()));

        ProjectLoadInfo info;
        auto loaded = ProjectFile::load(path, &info);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QCOMPARE(loaded.value().uuid, original.uuid);
        QCOMPARE(loaded.value().created, original.created);
        QCOMPARE(loaded.value().modified, original.modified);
        QCOMPARE(loaded.value().settings, original.settings);
        QCOMPARE(loaded.value().uiState, original.uiState);
        QCOMPARE(loaded.value().entries.size(), std::size_t(2));
        const ProjectEntry& e = loaded.value().entries[0];
        QCOMPARE(e.originalPath, original.entries[0].originalPath);
        QCOMPARE(e.takes.size(), std::size_t(3));
        QCOMPARE(e.takes[2].reportPath, original.entries[0].takes[2].reportPath);
        QVERIFY(e.takes[1].residualPath.isEmpty());
        QCOMPARE(e.takes[1].appliedAt, original.entries[0].takes[1].appliedAt);
        QCOMPARE(e.currentTake, 1);
        QCOMPARE(e.appliedTake()->method, QStringLiteral("hybrid"));
        QCOMPARE(e.checklist.notes(), original.entries[0].checklist.notes());
        QCOMPARE(loaded.value().entries[1].appliedTake(), nullptr);
        QVERIFY(loaded.value() == original); // every field, exactly

        QVERIFY(!info.folderMoved);
        QVERIFY(info.relocatedPaths.isEmpty());
        QCOMPARE(info.missingPaths.size(), 1 + 3 + 1 + 3 + 1); // nothing was created on disk

        // The file itself: tagged, versioned, pretty, relative paths beside the absolute ones.
        const QByteArray bytes = test::readBytes(path);
        QVERIFY(bytes.contains("\n    \"entries\""));
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("shellac-project"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        const QJsonObject entry0 = root.value(QStringLiteral("entries")).toArray().at(0).toObject();
        QCOMPARE(entry0.value(QStringLiteral("original_relative")).toString(),
                 QStringLiteral("Aufnahmen/Caruso – «Vesti la giubba» 1907 ♪.wav"));
        QCOMPARE(entry0.value(QStringLiteral("takes")).toArray().at(0).toObject().value(QStringLiteral("residual_relative")).toString(),
                 QStringLiteral("takes/caruso.take0.residual.flac"));
        QCOMPARE(entry0.value(QStringLiteral("status")).toString(), QStringLiteral("checked"));
    }

    void movedFolderResolvesRelativePaths()
    {
        QTemporaryDir dir;
        const QString before = dir.path() + QStringLiteral("/Projekt alt");
        const QString after = dir.path() + QStringLiteral("/elsewhere/deeper/Projekt neu");
        const QString outside = dir.path() + QStringLiteral("/library/outside é.wav");
        Project p = richProject(before);
        p.entries[1].originalPath = outside; // not inside the project folder: must stay where it is
        QVERIFY(touch(p.entries[0].originalPath));
        for (const AppliedTake& t : p.entries[0].takes)
            QVERIFY(touch(t.restoredPath));
        QVERIFY(touch(outside));
        QVERIFY(ProjectFile::save(before + QStringLiteral("/p.shellac"), p).ok());

        QVERIFY(QDir().mkpath(QFileInfo(after).absolutePath()));
        QVERIFY(QDir().rename(before, after));
        ProjectLoadInfo info;
        auto loaded = ProjectFile::load(after + QStringLiteral("/p.shellac"), &info);
        QVERIFY(loaded.ok());
        QVERIFY(info.folderMoved);
        const ProjectEntry& e = loaded.value().entries[0];
        QCOMPARE(e.originalPath, after + QStringLiteral("/Aufnahmen/Caruso – «Vesti la giubba» 1907 ♪.wav"));
        QCOMPARE(e.takes[2].restoredPath, after + QStringLiteral("/takes/caruso.take2.flac"));
        QVERIFY(QFileInfo::exists(e.takes[0].restoredPath));
        QCOMPARE(info.relocatedPaths.size(), 4); // the original and three restored takes
        QCOMPARE(loaded.value().entries[1].originalPath, outside);
        // Residuals and reports were never created: reported missing at their saved place.
        QCOMPARE(info.missingPaths.size(), 4);
        QVERIFY(info.missingPaths.contains(before + QStringLiteral("/takes/caruso.take0.json")));
    }

    void restoringLoadsAsIdle_data()
    {
        QTest::addColumn<int>("currentTake");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first restore running") << -1 << QStringLiteral("new");
        QTest::newRow("re-restore running over a take") << 0 << QStringLiteral("restored");
    }

    void restoringLoadsAsIdle()
    {
        QFETCH(int, currentTake);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        Project p = Project::createNew(kT0);
        ProjectEntry e;
        e.originalPath = dir.filePath(QStringLiteral("a.wav"));
        e.status = EntryStatus::Restoring;
        e.takes = {take(dir.path(), QStringLiteral("a"), 0, false)};
        e.currentTake = currentTake;
        p.entries = {e};
        const QString path = dir.filePath(QStringLiteral("p.shellac"));
        QVERIFY(ProjectFile::save(path, p).ok());
        QVERIFY(test::readBytes(path).contains("\"restoring\"")); // saved as it was
        auto loaded = ProjectFile::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(ProjectFile::statusKey(loaded.value().entries[0].status), expected);
    }

    void badInputIsNamedAndLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        const QByteArray head = R"({"format": "shellac-project", "version": 1, "uuid": "6f1c1c40-3d6e-4bde-9d5c-1c2b8c7b1a11", )";
        QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty (0 bytes)");
        QTest::newRow("corrupt JSON") << QByteArray("{\n  \"format\": \"shellac-project\",\n  \"version\": 1\n  \"entries\": []\n}")
                                      << QStringLiteral(" at line 4, column 4, byte 51); the file was not changed");
        // Columns count characters, bytes count bytes: "ü" is two bytes in UTF-8.
        QTest::newRow("corrupt JSON, accents") << QStringLiteral("{\"name\": \"Müller\" \"x\": 1}").toUtf8()
                                               << QStringLiteral(" at line 1, column 20, byte 20)");
        QTest::newRow("truncated") << QByteArray("{\"format\": \"shellac-project\", \"vers")
                                   << QStringLiteral("is not valid JSON (");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("is not a Shellac project (the JSON is not an object)");
        QTest::newRow("other format") << QByteArray(R"({"format": "audacity-project", "version": 1})")
                                      << QStringLiteral("is not a Shellac project (its \"format\" is \"audacity-project\", expected \"shellac-project\")");
        QTest::newRow("no format") << QByteArray(R"({"version": 1, "entries": []})")
                                   << QStringLiteral("is not a Shellac project (no \"format\": \"shellac-project\")");
        QTest::newRow("newer version") << QByteArray(R"({"format": "shellac-project", "version": 7, "uuid": "x", "hologram": {}})")
                                       << QStringLiteral("was written by a newer Shellac (project version 7); this version reads up to 1. The file was not changed.");
        QTest::newRow("version as text") << QByteArray(R"({"format": "shellac-project", "version": "1"})")
                                         << QStringLiteral("field \"version\" must be a whole number, got a string");
        QTest::newRow("bad uuid") << QByteArray(R"({"format": "shellac-project", "version": 1, "uuid": "nope", "entries": []})")
                                  << QStringLiteral("field \"uuid\" is not a valid uuid: \"nope\"");
        QTest::newRow("entries not a list") << head + R"("entries": {}})"
                                            << QStringLiteral("field \"entries\" must be an array, got an object");
        QTest::newRow("no entries") << head + R"("settings": {}})"
                                    << QStringLiteral("field \"entries\" is missing (expected an array)");
        QTest::newRow("settings not an object") << head + R"("settings": 3, "entries": []})"
                                                << QStringLiteral("field \"settings\" must be an object, got a number");
        QTest::newRow("status as number")
            << head + R"("entries": [{"original": "/a/one.wav", "status": "new"}, {"original": "/a/two.wav", "status": 2}]})"
            << QStringLiteral("entry 1 (\"two.wav\"): field \"status\" must be a string, got a number");
        QTest::newRow("unknown status") << head + R"("entries": [{"original": "/a/one.wav", "status": "done"}]})"
                                        << QStringLiteral("entry 0 (\"one.wav\"): field \"status\" must be \"new\", \"restoring\", \"restored\" or \"checked\", got \"done\"");
        QTest::newRow("original missing") << head + R"("entries": [{"status": "new"}]})"
                                          << QStringLiteral("entry 0: field \"original\" is missing (expected a string)");
        QTest::newRow("take without method")
            << head + R"("entries": [{"original": "/a/one.wav", "status": "restored", "current_take": 1, "takes": [{"method": "dsp", "restored": "/t/0.wav"}, {"restored": "/t/1.wav"}]}]})"
            << QStringLiteral("entry 0 (\"one.wav\"): field \"takes[1].method\" is missing (expected a string)");
        QTest::newRow("take settings a string")
            << head + R"("entries": [{"original": "/a/one.wav", "status": "restored", "takes": [{"method": "dsp", "settings": "declick 5", "restored": "/t/0.wav"}]}]})"
            << QStringLiteral("entry 0 (\"one.wav\"): field \"takes[0].settings\" must be an object, got a string");
        QTest::newRow("current take out of range")
            << head + R"("entries": [{"original": "/a/one.wav", "status": "restored", "current_take": 1, "takes": [{"method": "dsp", "restored": "/t/0.wav"}]}]})"
            << QStringLiteral("entry 0 (\"one.wav\"): field \"current_take\" must be -1 (the original) or the index of one of its 1 takes, got 1");
        QTest::newRow("current take fractional")
            << head + R"("entries": [{"original": "/a/one.wav", "status": "new", "current_take": 0.5}]})"
            << QStringLiteral("entry 0 (\"one.wav\"): field \"current_take\" must be a whole number, got a number");
        QTest::newRow("checklist answer")
            << head + R"("entries": [{"original": "/a/one.wav", "status": "new", "checklist": {"answers": {"natural_sound": true}}}]})"
            << QStringLiteral("entry 0 (\"one.wav\"): field \"checklist.answers.natural_sound\" must be \"yes\", \"no\" or \"unanswered\", got a non-string value");
        QTest::newRow("created not a time") << head + R"("created": 5, "entries": []})"
                                            << QStringLiteral("field \"created\" must be an ISO 8601 time");
    }

    void badInputIsNamedAndLeftAlone()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.shellac"));
        QVERIFY(writeBytes(path, content));

        auto loaded = ProjectFile::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().subject, path);
        QVERIFY2(loaded.error().reason.contains(expected), qPrintable(loaded.error().message()));

        // Saving over it by accident (Save, autosave) is refused and changes nothing.
        Project mine = Project::createNew(kT0);
        const Status refused = ProjectFile::save(path, mine);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().reason.contains(QStringLiteral("it was not replaced")), qPrintable(refused.error().message()));
        QCOMPARE(test::readBytes(path), content);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("bad.shellac")});

        // Only an explicit replace writes over it.
        QVERIFY(ProjectFile::save(path, mine, ProjectFile::SaveMode::Replace).ok());
        QCOMPARE(ProjectFile::load(path).value().uuid, mine.uuid);
    }

    void missingAndFolder()
    {
        QTemporaryDir dir;
        auto missing = ProjectFile::load(dir.filePath(QStringLiteral("nope.shellac")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().message(), dir.filePath(QStringLiteral("nope.shellac")) + QStringLiteral(": does not exist"));
        auto folder = ProjectFile::load(dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().reason.contains(QStringLiteral("is a folder")));
        const Status onFolder = ProjectFile::save(dir.path(), Project::createNew());
        QVERIFY(!onFolder.ok());
        QVERIFY(onFolder.error().reason.contains(QStringLiteral("is a folder")));
    }

    void newerVersionBytesStayUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.shellac"));
        Project p = richProject(dir.path());
        QJsonObject root = ProjectFile::toJson(p, dir.path());
        root.insert(QStringLiteral("version"), 2);
        const QByteArray bytes = QJsonDocument(root).toJson();
        QVERIFY(writeBytes(path, bytes));
        auto loaded = ProjectFile::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().message(),
                 path + QStringLiteral(": was written by a newer Shellac (project version 2); this version reads up to 1. "
                                       "The file was not changed."));
        // Same uuid, but a newer version: our older writer must not downgrade it.
        QVERIFY(!ProjectFile::save(path, p).ok());
        QCOMPARE(test::readBytes(path), bytes);
    }

    void guardedReplace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.shellac"));
        Project mine = richProject(dir.path());
        QVERIFY(ProjectFile::save(path, mine).ok());           // new file
        mine.entries.pop_back();
        mine.markModified(kT0.addDays(1));
        QVERIFY(ProjectFile::save(path, mine).ok());           // same project: an update
        QCOMPARE(ProjectFile::load(path).value().entries.size(), std::size_t(1));

        const QByteArray before = test::readBytes(path);
        const Project other = Project::createNew(kT0);
        const Status refused = ProjectFile::save(path, other);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().reason,
                 QStringLiteral("already exists and holds another Shellac project (uuid %1); it was not replaced")
                     .arg(mine.uuid.toString(QUuid::WithoutBraces)));
        QCOMPARE(test::readBytes(path), before);
        QVERIFY(ProjectFile::save(path, other, ProjectFile::SaveMode::Replace).ok());
        QCOMPARE(ProjectFile::load(path).value().uuid, other.uuid);

        const Status noUuid = ProjectFile::save(dir.filePath(QStringLiteral("q.shellac")), Project{});
        QVERIFY(!noUuid.ok());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("q.shellac"))));
    }

    void saveIntoAFileAsFolderFails()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("old.shellac"));
        const Project p = Project::createNew(kT0);
        QVERIFY(ProjectFile::save(file, p).ok());
        const QByteArray before = test::readBytes(file);
        const Status failed = ProjectFile::save(file + QStringLiteral("/new.shellac"), p);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().reason, QStringLiteral("%1 is a file, not a folder; nothing was written").arg(file));
        QCOMPARE(test::readBytes(file), before);
        const Status noFolder = ProjectFile::save(dir.filePath(QStringLiteral("gone/new.shellac")), p);
        QVERIFY(!noFolder.ok());
        QVERIFY(noFolder.error().reason.contains(QStringLiteral("does not exist")));
    }

    void failedWriteLeavesPreviousFile()
    {
        // A disk that fills up mid-save (here: a file-size limit, which also binds root) must
        // leave the previous project intact and no temporary file behind.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.shellac"));
        Project p = richProject(dir.path());
        QVERIFY(ProjectFile::save(path, p).ok());
        const QByteArray before = test::readBytes(path);
        QVERIFY(before.size() < 32 * 1024);

        p.entries[0].checklist.setNotes(QString(200 * 1024, QLatin1Char('x')));
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const Status failed = ProjectFile::save(path, p);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        std::signal(SIGXFSZ, oldHandler);

        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().reason.contains(QStringLiteral("the previous file is unchanged")),
                 qPrintable(failed.error().message()));
        QCOMPARE(test::readBytes(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("p.shellac")});
        QVERIFY(ProjectFile::load(path).ok());
    }

    void readOnlyFolderLeavesPreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.shellac"));
        QVERIFY(ProjectFile::save(path, richProject(dir.path())).ok());
        const QByteArray before = test::readBytes(path);
        const auto searchable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        if (geteuid() != 0) {
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
            const Status failed = ProjectFile::save(path, ProjectFile::load(path).value());
            QVERIFY(QFile::setPermissions(dir.path(), searchable));
            QVERIFY(!failed.ok());
            QVERIFY2(failed.error().reason.startsWith(QStringLiteral("cannot be written (")), qPrintable(failed.error().message()));
        } else {
            // Root writes everywhere: let "nobody" try, in a child of this test (see main()).
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                QSKIP("running as root without setpriv: cannot drop privileges");
            QVERIFY(QFile::setPermissions(dir.path(), searchable)); // nobody may enter and read, not write
            QProcess child;
            child.start(setpriv, {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                  QCoreApplication::applicationFilePath(), QStringLiteral("--try-save"), path});
            QVERIFY(child.waitForFinished(30000));
            const QString out = QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError());
            if (child.exitCode() >= 126)
                QSKIP(qPrintable(QStringLiteral("nobody cannot run this test binary here: ") + out));
            QVERIFY2(child.exitCode() == 0, qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("p.shellac: cannot be written (")), qPrintable(out));
        }
        QCOMPARE(test::readBytes(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("p.shellac")});
    }
};

/// The unprivileged half of readOnlyFolderLeavesPreviousFile: loads the project and saves it
/// back in place. Exit 0 when the save was refused (its message on stdout), 1 when it wrote,
/// 2 when the project could not even be read.
int trySaveAsChild(const QString& path)
{
    auto project = ProjectFile::load(path);
    if (!project) {
        std::printf("%s\n", qPrintable(project.error().message()));
        return 2;
    }
    const Status saved = ProjectFile::save(path, project.value());
    if (saved.ok())
        return 1;
    std::printf("%s\n", qPrintable(saved.error().message()));
    return 0;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--try-save") == 0)
        return trySaveAsChild(QString::fromLocal8Bit(argv[2]));
    TestProjectFile test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_project_file.moc"
