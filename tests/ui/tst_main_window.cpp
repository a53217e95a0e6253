// The main window under the offscreen platform: title, drag and drop of files and folders,
// and the same error text as the CLI for files that cannot be read.

#include "TestSignals.h"

#include "audio/AudioFileInspector.h"
#include "ui/FileListModel.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace shellac;
using shellac::ui::FileListModel;
using shellac::ui::MainWindow;

namespace {

void drop(QWidget* target, const QStringList& paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPointF pos(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

void waitUntilIdle(FileListModel* model)
{
    QTRY_VERIFY_WITH_TIMEOUT(!model->isBusy(), 20000);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("ShellacTests"));
    }

    void titleIsShellac()
    {
        MainWindow window;
        window.show();
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("Shellac — ")), qPrintable(window.windowTitle()));
        QVERIFY(window.acceptDrops());
    }

    void droppedFilesAreListedWithDurationAndFormat()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("caruso.flac"));
        test::writeAudio(good, test::sine(2, 44100 * 3 / 2, 44100, 440, 0.5), 44100, Container::Flac, SampleEncoding::Pcm16);
        const QString text = dir.filePath(QStringLiteral("notes.wav"));
        test::writeBytes(text, "not audio at all, just some notes about side B\n");

        MainWindow window;
        window.show();
        FileListModel* model = window.fileList();
        drop(&window, {good, text});
        QCOMPARE(model->rowCount(), 2);
        waitUntilIdle(model);

        QCOMPARE(model->state(0), FileListModel::State::Ready);
        QCOMPARE(model->index(0, FileListModel::NameColumn).data().toString(), QStringLiteral("caruso.flac"));
        QCOMPARE(model->index(0, FileListModel::DurationColumn).data().toString(), QStringLiteral("0:01.500"));
        QCOMPARE(model->index(0, FileListModel::FormatColumn).data().toString(), QStringLiteral("FLAC PCM_16"));
        QCOMPARE(model->index(0, FileListModel::ChannelsColumn).data().toString(), QStringLiteral("2"));

        QCOMPARE(model->state(1), FileListModel::State::Failed);
        const QString cliMessage = inspectAudioFile(text).error().message();
        QCOMPARE(model->errorMessage(1), cliMessage);
        QCOMPARE(model->index(1, FileListModel::StatusColumn).data().toString(), cliMessage);
        QVERIFY(cliMessage.contains(QStringLiteral("not an audio file")));

        // Dropping the same file again does not duplicate it.
        drop(&window, {good});
        QCOMPARE(model->rowCount(), 2);
    }

    void droppedFolderIsSearchedRecursively()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("side-a/take2"));
        test::writeAudio(dir.filePath(QStringLiteral("side-a/one.wav")), test::sine(1, 8000, 8000, 100, 0.5), 8000);
        test::writeAudio(dir.filePath(QStringLiteral("side-a/take2/two.aiff")), test::sine(1, 8000, 8000, 100, 0.5), 8000,
                         Container::Aiff, SampleEncoding::Pcm24);
        test::writeBytes(dir.filePath(QStringLiteral("side-a/cover.jpg")), "jpeg");

        MainWindow window;
        window.show();
        drop(&window, {dir.path()});
        FileListModel* model = window.fileList();
        QCOMPARE(model->rowCount(), 2);
        waitUntilIdle(model);
        QCOMPARE(model->state(0), FileListModel::State::Ready);
        QCOMPARE(model->state(1), FileListModel::State::Ready);
        QCOMPARE(model->index(1, FileListModel::FormatColumn).data().toString(), QStringLiteral("AIFF PCM_24"));
    }

    void missingFileShowsTheCliMessage()
    {
        MainWindow window;
        const QString missing = QDir::temp().filePath(QStringLiteral("shellac-no-such-file.wav"));
        window.openPaths({missing});
        waitUntilIdle(window.fileList());
        QCOMPARE(window.fileList()->errorMessage(0), missing + QStringLiteral(": file does not exist"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
