// Every bad input named in the foundation issue: one clear message naming the file and the
// problem, exit status 1, no crash, no partial output file.

#include "CliRunner.h"
#include "TestSignals.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <sys/stat.h>

using namespace shellac;

class TestCliBadInput : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_good;
    QString m_outDir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        // World-searchable so that the unprivileged runs below can reach the files.
        QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
        m_good = path(QStringLiteral("good.wav"));
        test::writeAudio(m_good, test::sine(1, 4410, 44100, 440, 0.5), 44100, Container::Wav, SampleEncoding::Pcm16);
        ::chmod(QFile::encodeName(m_good).constData(), 0644);
        m_outDir = path(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(m_outDir));
        ::chmod(QFile::encodeName(m_outDir).constData(), 0777);
    }

    void badInputFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("unprivileged");

        QTest::newRow("missing file") << path(QStringLiteral("missing.wav")) << QStringLiteral("file does not exist") << false;
        QTest::newRow("a directory") << m_dir.path() << QStringLiteral("is a folder, not an audio file") << false;

        const QString locked = path(QStringLiteral("locked.wav"));
        QFile::copy(m_good, locked);
        ::chmod(QFile::encodeName(locked).constData(), 0000);
        QTest::newRow("no read permission") << locked << QStringLiteral("permission denied") << true;

        test::writeBytes(path(QStringLiteral("empty.wav")), {});
        QTest::newRow("zero-byte file") << path(QStringLiteral("empty.wav")) << QStringLiteral("file is empty (0 bytes)") << false;

        QFile good(m_good);
        good.open(QIODevice::ReadOnly);
        test::writeBytes(path(QStringLiteral("truncated.wav")), good.read(28));
        QTest::newRow("truncated WAV header") << path(QStringLiteral("truncated.wav"))
                                              << QStringLiteral("damaged WAV file: the header is truncated or corrupt") << false;

        test::writeBytes(path(QStringLiteral("readme.wav")), "Side A: Caruso, 1907. Side B: cracked.\n");
        QTest::newRow("text file renamed .wav") << path(QStringLiteral("readme.wav"))
                                                << QStringLiteral("not an audio file: it contains text, not audio data") << false;

        test::writeBytes(path(QStringLiteral("noframes.wav")), test::wavBytes(44100, 1, {}));
        QTest::newRow("0 frames") << path(QStringLiteral("noframes.wav")) << QStringLiteral("contains no audio (0 frames)") << false;

        AudioBlock nan = test::sine(1, 44100, 44100, 440, 0.5);
        nan.channel(0)[22050] = std::numeric_limits<float>::quiet_NaN();
        test::writeAudio(path(QStringLiteral("nan.wav")), nan, 44100, Container::Wav, SampleEncoding::Float32);
        QTest::newRow("NaN in float file") << path(QStringLiteral("nan.wav"))
                                           << QStringLiteral("invalid sample (NaN or infinity) at 0:00.500") << false;
        AudioBlock inf = test::sine(1, 44100, 44100, 440, 0.5);
        inf.channel(0)[100] = std::numeric_limits<float>::infinity();
        test::writeAudio(path(QStringLiteral("inf.wav")), inf, 44100, Container::Wav, SampleEncoding::Float32);
        QTest::newRow("Inf in float file") << path(QStringLiteral("inf.wav"))
                                           << QStringLiteral("invalid sample (NaN or infinity)") << false;

        test::writeBytes(path(QStringLiteral("onehz.wav")), test::wavBytes(1, 1, QByteArray(20, '\1')));
        QTest::newRow("1 Hz sample rate") << path(QStringLiteral("onehz.wav"))
                                          << QStringLiteral("unsupported sample rate 1 Hz (Shellac supports 8000–192000 Hz)") << false;
    }

    void badInputFile()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(bool, unprivileged);
        if (unprivileged && !test::canTestPermissions())
            QSKIP("cannot drop root privileges here, so permissions cannot be tested");

        for (const QString& command : {QStringLiteral("info"), QStringLiteral("convert")}) {
            const QString out = m_outDir + QStringLiteral("/result.wav");
            const QStringList args = command == u"info" ? QStringList{command, file}
                                                         : QStringList{command, file, QStringLiteral("-o"), out};
            const auto run = unprivileged ? test::runCliUnprivileged(args) : test::runCli(args);
            QVERIFY(run.started);
            QVERIFY2(!run.crashed, qPrintable(run.err));
            QCOMPARE(run.exitCode, 1);
            const QString line = QStringLiteral("shellac-cli: error: ") + file + QStringLiteral(": ");
            QVERIFY2(run.err.startsWith(line), qPrintable(run.err));
            QVERIFY2(run.err.contains(expected), qPrintable(run.err));
            QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one message, nothing else
            QVERIFY2(!run.err.contains(QStringLiteral("error: error")), qPrintable(run.err));
            QVERIFY(QDir(m_outDir).entryList(QDir::Files | QDir::Hidden).isEmpty());
        }
    }

    void badOutputPath_data()
    {
        QTest::addColumn<QString>("outDir");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("unprivileged");
        QTest::newRow("missing directory") << path(QStringLiteral("no/such/dir")) << QStringLiteral("does not exist") << false;
        const QString readOnly = path(QStringLiteral("readonly"));
        QDir().mkpath(readOnly);
        ::chmod(QFile::encodeName(readOnly).constData(), 0555);
        QTest::newRow("read-only directory") << readOnly << QStringLiteral("is not writable (permission denied)") << true;
    }

    void badOutputPath()
    {
        QFETCH(QString, outDir);
        QFETCH(QString, expected);
        QFETCH(bool, unprivileged);
        if (unprivileged && !test::canTestPermissions())
            QSKIP("cannot drop root privileges here, so permissions cannot be tested");
        const QString out = outDir + QStringLiteral("/restored.wav");
        const QStringList args{QStringLiteral("convert"), m_good, QStringLiteral("-o"), out};
        const auto run = unprivileged ? test::runCliUnprivileged(args) : test::runCli(args);
        QVERIFY(run.started);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("shellac-cli: error: ") + out + QStringLiteral(": ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY(!QFile::exists(out));
        if (QDir(outDir).exists())
            QVERIFY(QDir(outDir).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_bad_input.moc"
