// Atomic writes: nothing appears at the target until commit, nothing is left on failure.

#include "TestSignals.h"

#include "audio/AudioFileWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace shellac;

namespace {

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

AudioWriteSpec monoWav() { return {Container::Wav, SampleEncoding::Pcm16, 44100, 1}; }

} // namespace

class TestAudioFileWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void targetAppearsOnlyAtCommit()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.wav"));
        auto writer = AudioFileWriter::create(target, monoWav(), OverwritePolicy::Refuse);
        QVERIFY(writer);
        QVERIFY(writer.value()->write(test::sine(1, 4410, 44100, 440, 0.5)));
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFile::exists(writer.value()->temporaryPath()));
        QVERIFY(writer.value()->temporaryPath().endsWith(QStringLiteral(".part")));
        QVERIFY(writer.value()->commit());
        QVERIFY(QFile::exists(target));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.wav")});
        QCOMPARE(test::readAudio(target).frames(), 4410);
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(target).constData(), &st), 0);
        QVERIFY2((st.st_mode & 0044) != 0, "finished file must not keep the temporary file's 0600 mode");
    }

    void destroyingWithoutCommitLeavesNothing()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.flac"));
        {
            auto writer = AudioFileWriter::create(target, {Container::Flac, SampleEncoding::Pcm16, 44100, 2},
                                                  OverwritePolicy::Refuse);
            QVERIFY(writer);
            QVERIFY(writer.value()->write(test::sine(2, 44100, 44100, 440, 0.5)));
        }
        QVERIFY(entries(dir.path()).isEmpty());
    }

    void existingTargetIsRefusedOrReplaced()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("keep.wav"));
        test::writeBytes(target, "precious");
        auto refused = AudioFileWriter::create(target, monoWav(), OverwritePolicy::Refuse);
        QVERIFY(!refused);
        QVERIFY(refused.error().reason.contains(QStringLiteral("already exists (use --force")));
        {
            auto replacing = AudioFileWriter::create(target, monoWav(), OverwritePolicy::Replace);
            QVERIFY(replacing);
            QVERIFY(replacing.value()->write(test::sine(1, 100, 44100, 440, 0.5)));
            // Not committed: the old file must survive.
        }
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious"));
        f.close();
        auto replacing = AudioFileWriter::create(target, monoWav(), OverwritePolicy::Replace);
        QVERIFY(replacing);
        QVERIFY(replacing.value()->write(test::sine(1, 100, 44100, 440, 0.5)));
        QVERIFY(replacing.value()->commit());
        QCOMPARE(test::readAudio(target).frames(), 100);
    }

    void destinationErrors_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing folder") << QStringLiteral("nope/out.wav") << QStringLiteral("does not exist");
        QTest::newRow("unknown extension") << QStringLiteral("out.mp4") << QStringLiteral("unknown output format '.mp4'");
        QTest::newRow("target is a folder") << QStringLiteral("sub") << QStringLiteral("is a folder");
    }

    void destinationErrors()
    {
        QFETCH(QString, relative);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QDir(dir.path()).mkdir(QStringLiteral("sub"));
        auto writer = AudioFileWriter::create(dir.filePath(relative), monoWav(), OverwritePolicy::Replace);
        QVERIFY(!writer);
        QVERIFY2(writer.error().message().contains(expected), qPrintable(writer.error().message()));
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void impossibleEncodingIsRefused()
    {
        QTemporaryDir dir;
        auto writer = AudioFileWriter::create(dir.filePath(QStringLiteral("f.flac")),
                                              {Container::Flac, SampleEncoding::Float32, 44100, 1},
                                              OverwritePolicy::Refuse);
        QVERIFY(!writer);
        QVERIFY2(writer.error().reason.contains(QStringLiteral("FLAC files cannot store FLOAT")),
                 qPrintable(writer.error().reason));
        QVERIFY(entries(dir.path()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestAudioFileWriter)
#include "tst_audio_file_writer.moc"
