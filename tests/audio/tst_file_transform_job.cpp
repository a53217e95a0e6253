// Streaming file transforms: resampled output, cancellation and errors leave nothing behind.

#include "TestSignals.h"

#include "audio/ResamplingProcessor.h"
#include "jobs/CancellationToken.h"
#include "jobs/FileTransformJob.h"
#include "jobs/ProgressReporter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace shellac;

namespace {

/// Cancels the job once it has reported `after` of the work.
class CancelAt final : public ProgressReporter {
public:
    CancelAt(CancellationToken& token, double after) : m_token(token), m_after(after) {}
    void report(double fraction, const QString&) override
    {
        ++calls;
        if (fraction >= m_after)
            m_token.cancel();
    }
    int calls = 0;

private:
    CancellationToken& m_token;
    double m_after;
};

} // namespace

class TestFileTransformJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resamplesAndKeepsTheInput()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.wav"));
        const QString out = dir.filePath(QStringLiteral("out.flac"));
        test::writeAudio(in, test::sine(2, 44100 * 3, 44100, 1000, 0.5), 44100, Container::Wav, SampleEncoding::Pcm16);
        const QByteArray before = [&] { QFile f(in); f.open(QIODevice::ReadOnly); return f.readAll(); }();

        ResamplingProcessor processor(48000);
        auto result = transformFile(in, {out, std::nullopt, OverwritePolicy::Refuse, {}}, processor);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        QCOMPARE(result.value().output.sampleRate, 48000);
        QCOMPARE(result.value().output.encoding, SampleEncoding::Pcm16);
        int rate = 0;
        const AudioBlock back = test::readAudio(out, &rate);
        QCOMPARE(rate, 48000);
        QCOMPARE(back.frames(), 48000 * 3);

        QFile f(in);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("long.wav"));
        test::writeAudio(in, test::sine(1, 44100 * 20, 44100, 1000, 0.5), 44100);
        CancellationToken token;
        CancelAt progress(token, 0.3);
        ResamplingProcessor processor(22050);
        auto result = transformFile(in, {dir.filePath(QStringLiteral("out.wav")), std::nullopt, OverwritePolicy::Refuse, {}},
                                    processor, &token, &progress);
        QVERIFY(!result);
        QCOMPARE(result.error().reason, QStringLiteral("cancelled"));
        QVERIFY(progress.calls > 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("long.wav")});
    }

    void errorMidStreamLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("nan.wav"));
        AudioBlock block = test::sine(1, 44100 * 5, 44100, 1000, 0.5);
        block.channel(0)[44100 * 4] = std::numeric_limits<float>::quiet_NaN();
        test::writeAudio(in, block, 44100);
        ResamplingProcessor processor(0);
        auto result = transformFile(in, {dir.filePath(QStringLiteral("out.wav")), std::nullopt, OverwritePolicy::Refuse, {}},
                                    processor);
        QVERIFY(!result);
        QVERIFY(result.error().message().contains(QStringLiteral("NaN")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("nan.wav")});
    }

    void refusesToOverwriteTheInput()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("orig.wav"));
        test::writeAudio(in, test::sine(1, 1000, 44100, 1000, 0.5), 44100);
        ResamplingProcessor processor(0);
        auto result = transformFile(in, {in, std::nullopt, OverwritePolicy::Replace, {}}, processor);
        QVERIFY(!result);
        QVERIFY(result.error().reason.contains(QStringLiteral("never overwrites an original")));
        QCOMPARE(test::readAudio(in).frames(), 1000);
    }
};

QTEST_APPLESS_MAIN(TestFileTransformJob)
#include "tst_file_transform_job.moc"
