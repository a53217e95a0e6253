// DatasetScan: a temporary dataset tree with genre sub-folders, files at the top level, mixed
// rates and channel counts, a text file named .wav and an empty .flac. Counts and durations
// (exact from frames), rate and channel sets per genre and folder, unreadable files listed with
// the reader's own message while the rest is still counted, the "no audio files" note, missing
// folders, and cancellation (synchronous token and the background scan).

#include "TestSignals.h"

#include "audio/AudioFileReader.h"
#include "jobs/CancellationToken.h"
#include "jobs/ProgressReporter.h"
#include "ui/training/DatasetScan.h"
#include "ui/training/DatasetUnion.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shellac;
using shellac::ui::DatasetFolderSummary;
using shellac::ui::DatasetGenreSummary;
using shellac::ui::DatasetScan;

namespace {

struct FileSpec {
    const char* path;
    int rate;
    int channels;
    std::int64_t frames;
    Container container;
};

// 5 readable files: 2 in opera/, 2 in jazz/ (one nested deeper), 1 at the top level.
const FileSpec kFiles[] = {
    {"opera/aria.wav", 44100, 2, 66150, Container::Wav},
    {"opera/duet.flac", 48000, 1, 24001, Container::Flac},
    {"jazz/stomp.wav", 22050, 1, 44100, Container::Wav},
    {"jazz/1927/blues.wav", 44100, 2, 4410, Container::Wav},
    {"intro.wav", 32000, 1, 16000, Container::Wav},
};

void makeTree(const QString& root)
{
    QDir(root).mkpath(QStringLiteral("opera"));
    QDir(root).mkpath(QStringLiteral("jazz/1927"));
    for (const FileSpec& f : kFiles) {
        const AudioBlock tone = test::sine(f.channels, f.frames, f.rate, 440.0, 0.25);
        test::writeAudio(QDir(root).filePath(QString::fromLatin1(f.path)), tone, f.rate, f.container,
                         f.container == Container::Flac ? SampleEncoding::Pcm16 : SampleEncoding::Float32);
    }
    test::writeBytes(QDir(root).filePath(QStringLiteral("opera/notes.wav")), "These are my notes about the aria.\n");
    test::writeBytes(QDir(root).filePath(QStringLiteral("jazz/empty.flac")), QByteArray());
    test::writeBytes(QDir(root).filePath(QStringLiteral("readme.txt")), "not audio, not an audio name\n");
}

const DatasetGenreSummary* genre(const DatasetFolderSummary& s, const QString& name)
{
    for (const DatasetGenreSummary& g : s.genres)
        if (g.name == name)
            return &g;
    return nullptr;
}

double seconds(std::int64_t frames, int rate) { return double(frames) / double(rate); }

/// Cancels its token on the first report: the scan must stop before the next file.
class CancelOnFirstReport final : public ProgressReporter {
public:
    explicit CancelOnFirstReport(CancellationToken& token) : m_token(token) {}
    void report(double, const QString&) override
    {
        ++reports;
        m_token.cancel();
    }
    int reports = 0;

private:
    CancellationToken& m_token;
};

} // namespace

class TestDatasetScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void severalFoldersBecomeOneViewOfLinks()
    {
        QTemporaryDir dir;
        auto tone = [&](const char* relative) {
            const QString p = QDir(dir.path()).filePath(QString::fromLatin1(relative));
            QDir().mkpath(QFileInfo(p).absolutePath());
            test::writeAudio(p, test::sine(1, 800, 8000, 200, 0.3), 8000);
            return p;
        };
        tone("a/opera/aria.wav");
        tone("a/loose.wav");
        tone("b/opera/duet.wav");
        tone("b/jazz/sides/take1.wav");
        const QString a = dir.filePath(QStringLiteral("a")), b = dir.filePath(QStringLiteral("b"));
        const QString view = dir.filePath(QStringLiteral("view"));

        // One folder: used as it is, no view.
        auto single = ui::DatasetUnion::make({a}, view, true);
        QVERIFY(single);
        QCOMPARE(single.value(), a);
        QVERIFY(!QFileInfo::exists(view));

        auto both = ui::DatasetUnion::make({a, b}, view, true);
        QVERIFY2(both, qPrintable(both ? QString() : both.error().message()));
        QCOMPARE(both.value(), view);
        const QDir v(view);
        QCOMPARE(v.entryList(QDir::Dirs | QDir::NoDotAndDotDot), (QStringList{"jazz", "opera", "unsorted"}));
        QCOMPARE(QDir(v.filePath("opera")).entryList(QDir::Files | QDir::System), (QStringList{"1-aria.wav", "2-duet.wav"}));
        QCOMPARE(QDir(v.filePath("jazz")).entryList(QDir::Files | QDir::System), QStringList{"2-sides-take1.wav"});
        const QFileInfo link(v.filePath("unsorted/1-loose.wav"));
        QVERIFY(link.isSymLink());
        QCOMPARE(link.symLinkTarget(), QFileInfo(dir.filePath("a/loose.wav")).absoluteFilePath());
        // The view reads like the folders themselves: the same files, the same durations.
        auto scanned = ui::DatasetScan::scanFolder(view);
        QVERIFY(scanned);
        QCOMPARE(scanned.value().files, 4);

        // Remade from scratch (a folder removed from the list disappears from the view), and
        // degraded transfers go flat, without genres.
        auto flat = ui::DatasetUnion::make({b, a}, view, false);
        QVERIFY(flat);
        QCOMPARE(QDir(view).entryList(QDir::Files | QDir::System).size(), 4);
        QVERIFY(QDir(view).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());

        // Never deletes a real file: a view folder that holds one is refused.
        test::writeBytes(QDir(view).filePath(QStringLiteral("mine.txt")), "keep me");
        auto refused = ui::DatasetUnion::make({a, b}, view, true);
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(QStringLiteral("mine.txt")));
        QVERIFY(QFileInfo::exists(QDir(view).filePath(QStringLiteral("mine.txt"))));
    }

    void countsGenresAndUnreadableFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        makeTree(dir.path());
        auto scanned = DatasetScan::scanFolder(dir.path());
        QVERIFY2(scanned.ok(), qPrintable(scanned ? QString() : scanned.error().message()));
        const DatasetFolderSummary& s = scanned.value();

        QCOMPARE(s.folder, QDir::cleanPath(dir.path()));
        QVERIFY(s.note.isEmpty());
        QCOMPARE(s.files, 5);
        QCOMPARE(s.readablePaths.size(), 5);
        double total = 0;
        for (const FileSpec& f : kFiles)
            total += seconds(f.frames, f.rate);
        QCOMPARE(s.durationSeconds, total);
        QCOMPARE(s.sampleRates, (QList<int>{22050, 32000, 44100, 48000}));
        QCOMPARE(s.channelCounts, (QList<int>{1, 2}));

        // "(top level)" first, then the sub-folders by name; nested folders belong to their
        // first-level folder.
        QCOMPARE(int(s.genres.size()), 3);
        QCOMPARE(s.genres[0].name, DatasetScan::topLevelName());
        QCOMPARE(s.genres[1].name, QStringLiteral("jazz"));
        QCOMPARE(s.genres[2].name, QStringLiteral("opera"));

        const DatasetGenreSummary* top = genre(s, QStringLiteral("(top level)"));
        QCOMPARE(top->files, 1);
        QCOMPARE(top->unreadable, 0);
        QCOMPARE(top->durationSeconds, 0.5);
        QCOMPARE(top->sampleRates, QList<int>{32000});
        QCOMPARE(top->channelCounts, QList<int>{1});

        const DatasetGenreSummary* jazz = genre(s, QStringLiteral("jazz"));
        QCOMPARE(jazz->files, 2);
        QCOMPARE(jazz->unreadable, 1);
        QCOMPARE(jazz->durationSeconds, 2.0 + 0.1);
        QCOMPARE(jazz->sampleRates, (QList<int>{22050, 44100}));
        QCOMPARE(jazz->channelCounts, (QList<int>{1, 2}));

        const DatasetGenreSummary* opera = genre(s, QStringLiteral("opera"));
        QCOMPARE(opera->files, 2);
        QCOMPARE(opera->unreadable, 1);
        QCOMPARE(opera->durationSeconds, 1.5 + seconds(24001, 48000));
        QCOMPARE(opera->sampleRates, (QList<int>{44100, 48000}));
        QCOMPARE(opera->channelCounts, (QList<int>{1, 2}));

        // The two impostors, with the reader's exact message (which names the file); readme.txt
        // has no audio name and is not a dataset file at all.
        QCOMPARE(s.unreadable.size(), 2);
        const QString empty = QDir(dir.path()).filePath(QStringLiteral("jazz/empty.flac"));
        const QString notes = QDir(dir.path()).filePath(QStringLiteral("opera/notes.wav"));
        QCOMPARE(s.unreadable[0].path, empty);
        QCOMPARE(s.unreadable[1].path, notes);
        for (const auto& bad : s.unreadable) {
            auto opened = AudioFileReader::open(bad.path);
            QVERIFY(!opened.ok());
            QCOMPARE(bad.message, opened.error().message());
            QVERIFY2(bad.message.startsWith(QDir::toNativeSeparators(bad.path) + QStringLiteral(": ")), qPrintable(bad.message));
        }
        QVERIFY2(s.unreadable[0].message.contains(QStringLiteral("empty")), qPrintable(s.unreadable[0].message));
        QVERIFY2(s.unreadable[1].message.contains(QStringLiteral("not an audio file")), qPrintable(s.unreadable[1].message));
        QVERIFY(!s.readablePaths.contains(notes));
    }

    void emptyFolderHasANote()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("opera"));
        test::writeBytes(QDir(dir.path()).filePath(QStringLiteral("opera/list.txt")), "nothing here\n");
        auto scanned = DatasetScan::scanFolder(dir.path());
        QVERIFY(scanned.ok());
        QCOMPARE(scanned.value().files, 0);
        QCOMPARE(scanned.value().durationSeconds, 0.0);
        QVERIFY(scanned.value().genres.empty());
        QVERIFY(scanned.value().unreadable.isEmpty());
        const QString note = scanned.value().note;
        QVERIFY2(note.startsWith(QDir::toNativeSeparators(dir.path()) + QStringLiteral(": no audio files (looked for ")),
                 qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("*.wav")), qPrintable(note));
    }

    void onlyUnreadableFilesHasANote()
    {
        QTemporaryDir dir;
        test::writeBytes(QDir(dir.path()).filePath(QStringLiteral("a.wav")), "text\n");
        auto scanned = DatasetScan::scanFolder(dir.path());
        QVERIFY(scanned.ok());
        QCOMPARE(scanned.value().files, 0);
        QCOMPARE(scanned.value().unreadable.size(), 1);
        QCOMPARE(scanned.value().genres.size(), std::size_t(1));
        QCOMPARE(scanned.value().genres[0].unreadable, 1);
        QCOMPARE(scanned.value().note,
                 QDir::toNativeSeparators(dir.path()) + QStringLiteral(": none of its 1 audio file(s) can be read"));
    }

    void missingFolderFails()
    {
        QTemporaryDir dir;
        const QString missing = QDir(dir.path()).filePath(QStringLiteral("gone"));
        auto scanned = DatasetScan::scanFolder(missing);
        QVERIFY(!scanned.ok());
        QCOMPARE(scanned.error().message(), QDir::toNativeSeparators(missing) + QStringLiteral(": does not exist"));
        test::writeBytes(missing, "a file, not a folder");
        auto file = DatasetScan::scanFolder(missing);
        QVERIFY(!file.ok());
        QCOMPARE(file.error().reason, QStringLiteral("is not a folder"));
    }

    void cancelStopsBetweenFiles()
    {
        QTemporaryDir dir;
        makeTree(dir.path());
        CancellationToken token;
        token.cancel();
        auto before = DatasetScan::scanFolder(dir.path(), &token);
        QVERIFY(!before.ok());
        QCOMPARE(before.error().reason, QStringLiteral("cancelled"));

        // Cancelled after the first file: no second file is opened.
        CancellationToken midway;
        CancelOnFirstReport reporter(midway);
        auto during = DatasetScan::scanFolder(dir.path(), &midway, &reporter);
        QVERIFY(!during.ok());
        QCOMPARE(during.error().reason, QStringLiteral("cancelled"));
        QCOMPARE(reporter.reports, 1);
    }

    void backgroundScanFinishesWithEveryFolder()
    {
        QTemporaryDir dir;
        makeTree(dir.path());
        const QString empty = QDir(dir.path()).filePath(QStringLiteral("emptyside"));
        QDir(dir.path()).mkpath(QStringLiteral("emptyside"));
        const QString missing = QDir(dir.path()).filePath(QStringLiteral("missing"));
        DatasetScan scan;
        QSignalSpy finished(&scan, &DatasetScan::finished);
        QSignalSpy cancelled(&scan, &DatasetScan::cancelled);
        QSignalSpy progress(&scan, &DatasetScan::progressChanged);
        scan.start({dir.path(), empty, missing});
        QVERIFY(scan.isRunning());
        QVERIFY(finished.wait(20000));
        QVERIFY(!scan.isRunning());
        QCOMPARE(cancelled.count(), 0);
        QCOMPARE(int(scan.results().size()), 3);
        QCOMPARE(scan.results()[0].files, 5);
        QCOMPARE(scan.results()[0].unreadable.size(), 2);
        QVERIFY(scan.results()[1].note.contains(QStringLiteral("no audio files")));
        QCOMPARE(scan.results()[2].note, QDir::toNativeSeparators(missing) + QStringLiteral(": does not exist"));
        QCOMPARE(scan.scannedFolders(), (QStringList{dir.path(), empty, missing}));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toDouble(), 1.0);
        for (const QList<QVariant>& p : progress)
            QVERIFY(p.at(0).toDouble() >= 0.0 && p.at(0).toDouble() <= 1.0);
    }

    void backgroundScanCancels()
    {
        QTemporaryDir dir;
        makeTree(dir.path());
        DatasetScan scan;
        QSignalSpy finished(&scan, &DatasetScan::finished);
        QSignalSpy cancelled(&scan, &DatasetScan::cancelled);
        scan.start({dir.path()});
        scan.cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!scan.isRunning());
        QTest::qWait(200); // a worker that had already finished must not report
        QCOMPARE(finished.count(), 0);
        QVERIFY(scan.results().empty());
        scan.cancel(); // idle: nothing happens
        QCOMPARE(cancelled.count(), 1);

        // A newer start() supersedes a running one: one cancelled(), one finished() for the new.
        const QString other = QDir(dir.path()).filePath(QStringLiteral("opera"));
        scan.start({dir.path()});
        scan.start({other});
        QCOMPARE(cancelled.count(), 2);
        QVERIFY(finished.wait(20000));
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(int(scan.results().size()), 1);
        QCOMPARE(scan.results()[0].files, 2);
        QCOMPARE(scan.results()[0].genres[0].name, DatasetScan::topLevelName());
    }
};

QTEST_GUILESS_MAIN(TestDatasetScan)
#include "tst_dataset_scan.moc"
