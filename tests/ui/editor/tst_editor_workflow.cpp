// The editor workstation end to end, under the offscreen platform: drop files (one unreadable),
// restore one in the background into a take, undo/redo it, A/B switching keeps the position,
// the listening checklist survives save and load, a corrupt or newer project is refused without
// touching the file, cancelling leaves no file behind, a deleted original is reported, export
// writes the take in the chosen format without touching the original.

#include "TestSignals.h"

#include "audio/AudioFileReader.h"
#include "ml/RestorerFactory.h"
#include "project/ProjectFile.h"
#include "ui/FileListModel.h"
#include "ui/MainWindow.h"
#include "ui/editor/ChecklistPanel.h"
#include "ui/editor/EditorDocument.h"
#include "ui/editor/EditorWidget.h"
#include "ui/editor/RestoreController.h"
#include "ui/editor/RestorePanel.h"
#include "ui/editor/RestoreQueue.h"
#include "ui/editor/SpectrogramLane.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/editor/WaveformLane.h"
#include "ui/playback/PlaybackController.h"
#include "ui/project/ProjectController.h"
#include "ui/project/ProjectSession.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>

#include <cmath>

using namespace shellac;
using namespace shellac::ui;

namespace {

constexpr int kRate = 44100;

/// A 440 Hz tone with clicks every 0.25 s (3-sample spikes of ±0.8).
AudioBlock tonewithClicks(int channels, double seconds)
{
    AudioBlock block = test::sine(channels, std::int64_t(seconds * kRate), kRate, 440.0, 0.3);
    for (int c = 0; c < channels; ++c) {
        auto samples = block.channel(c);
        for (std::int64_t at = kRate / 8; at + 3 < block.frames(); at += kRate / 4)
            for (int k = 0; k < 3; ++k)
                samples[std::size_t(at + k)] += (k % 2 ? -0.8f : 0.8f);
    }
    return block;
}

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

void waitOpened(MainWindow& window)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isOpening(), 20000);
}

/// Restores the current document with the panel's settings and waits for the take.
void restoreCurrent(MainWindow& window)
{
    EditorDocument* d = window.currentDocument();
    QVERIFY(d != nullptr);
    const auto takes = d->takes().size();
    QCOMPARE(window.restoreController()->restore({d}), 1);
    QTRY_VERIFY_WITH_TIMEOUT(d->takes().size() == takes + 1 && !d->isRestoring(), 60000);
}

} // namespace

class TestEditorWorkflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // takes and recovery files go to a test folder
        QApplication::setOrganizationName(QStringLiteral("ShellacTests"));
        QApplication::setApplicationName(QStringLiteral("ShellacEditorWorkflow"));
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
    }

    void dropRestoreUndoRedo()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("side-a.wav"));
        test::writeAudio(good, tonewithClicks(1, 3.0), kRate);
        const QString broken = dir.filePath(QStringLiteral("side-b.wav"));
        test::writeBytes(broken, "RIFF but not really a wave file");
        const QByteArray originalBytes = test::readBytes(good);

        MainWindow window;
        window.show();
        window.openPaths({good, broken});
        waitOpened(window);
        QCOMPARE(window.fileList()->rowCount(), 2);
        QCOMPARE(window.fileList()->state(0), FileListModel::State::Ready);
        QCOMPARE(window.fileList()->state(1), FileListModel::State::Failed);
        QVERIFY2(window.fileList()->errorMessage(1).startsWith(broken + QStringLiteral(": ")),
                 qPrintable(window.fileList()->errorMessage(1)));
        QCOMPARE(window.currentDocument(), window.session()->document(0));
        QCOMPARE(window.editor()->viewport()->frameCount(), std::int64_t(3 * kRate));
        // A new project starts with the restorer `shellac-cli restore` picks without --method:
        // the hybrid, as this tree bundles a post-filter (resources/models/post-filter.pt).
        const bool postFilterBundled =
            QFileInfo(ml::RestorerFactory::defaultModelPath(RestorationMethod::Hybrid)).fileName() == u"post-filter.pt";
        QCOMPARE(window.restorePanel()->settings().method, postFilterBundled ? RestorationMethod::Hybrid : RestorationMethod::Dsp);

        restoreCurrent(window);
        EditorDocument* d = window.currentDocument();
        QCOMPARE(d->status(), EditorDocument::Status::Restored);
        const AppliedTake* take = d->currentTake();
        QVERIFY(take != nullptr);
        QCOMPARE(take->method, postFilterBundled ? QStringLiteral("hybrid") : QStringLiteral("dsp"));
        QVERIFY(take->restoredPath.startsWith(window.session()->takesFolder()));
        QVERIFY(QFileInfo::exists(take->restoredPath));
        QVERIFY(QFileInfo::exists(take->residualPath));
        QVERIFY(QFileInfo::exists(take->reportPath));
        // 12 clicks in 3 s; the report's detections are shown as markers on the waveform.
        QVERIFY2(d->clicks().size() >= 10, qPrintable(QString::number(d->clicks().size())));
        QCOMPARE(window.editor()->waveformLane()->markers().size(), d->clicks().size());
        QVERIFY(window.editor()->residualLane()->isVisibleTo(&window));
        QVERIFY(window.editor()->playback()->hasChoice(AbChoice::Restored));

        // The restored take really has the clicks removed: peak well below the 1.1 of a click.
        const AudioBlock restored = test::readAudio(take->restoredPath);
        float peak = 0.0f;
        for (float v : restored.channel(0))
            peak = std::max(peak, std::abs(v));
        QVERIFY2(peak < 0.5f, qPrintable(QString::number(peak)));

        // Undo goes back to the original, redo to the take; the take files stay for redo.
        QUndoGroup* undo = window.undoGroup();
        QVERIFY(undo->canUndo());
        undo->undo();
        QCOMPARE(d->currentTakeIndex(), -1);
        QCOMPARE(d->status(), EditorDocument::Status::New);
        QVERIFY(!window.editor()->playback()->hasChoice(AbChoice::Restored));
        QVERIFY(window.editor()->waveformLane()->markers().empty());
        undo->redo();
        QCOMPARE(d->currentTakeIndex(), 0);
        QVERIFY(window.editor()->playback()->hasChoice(AbChoice::Restored));

        // The original was never written to.
        QCOMPARE(test::readBytes(good), originalBytes);
    }

    void abSwitchingKeepsThePosition()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ab.wav"));
        test::writeAudio(path, tonewithClicks(2, 2.0), kRate);
        MainWindow window;
        window.show();
        window.openPaths({path});
        waitOpened(window);
        restoreCurrent(window);
        EditorWidget* editor = window.editor();
        editor->viewport()->setPlayhead(31'234);
        QCOMPARE(editor->playback()->position(), std::int64_t(31'234));
        editor->choiceAction(AbChoice::Restored)->trigger();
        QCOMPARE(editor->playback()->choice(), AbChoice::Restored);
        QCOMPARE(editor->playback()->position(), std::int64_t(31'234));
        editor->choiceAction(AbChoice::Residual)->trigger();
        QCOMPARE(editor->playback()->choice(), AbChoice::Residual);
        QCOMPARE(editor->playback()->position(), std::int64_t(31'234));
        QCOMPARE(editor->viewport()->playhead(), std::int64_t(31'234));
        editor->choiceAction(AbChoice::Original)->trigger();
        QCOMPARE(editor->playback()->choice(), AbChoice::Original);
        QCOMPARE(editor->playback()->position(), std::int64_t(31'234));
        // The lanes show what is heard: the waveform and spectrogram follow the choice.
        const AppliedTake* take = window.currentDocument()->currentTake();
        QCOMPARE(editor->waveformLane()->summary()->path(), path);
        QCOMPARE(editor->spectrogramLane()->source(), path);
        editor->choiceAction(AbChoice::Restored)->trigger();
        QCOMPARE(editor->waveformLane()->summary()->path(), take->restoredPath);
        QCOMPARE(editor->spectrogramLane()->source(), take->restoredPath);
        editor->choiceAction(AbChoice::Residual)->trigger();
        QCOMPARE(editor->spectrogramLane()->source(), take->residualPath);
        QCOMPARE(editor->residualLane()->summary()->path(), take->residualPath);
    }

    void checklistAndTakesSurviveSaveAndLoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("caruso é.wav"));
        test::writeAudio(path, tonewithClicks(1, 1.5), kRate);
        const QString projectPath = dir.filePath(QStringLiteral("sides.shellac"));
        QString restoredPath;
        {
            MainWindow window;
            window.show();
            window.openPaths({path});
            waitOpened(window);
            restoreCurrent(window);
            restoredPath = window.currentDocument()->currentTake()->restoredPath;
            ChecklistPanel* panel = window.checklistPanel();
            panel->findChild<QRadioButton*>(QStringLiteral("checklist_crackles_removed_yes"))->click();
            panel->findChild<QRadioButton*>(QStringLiteral("checklist_pops_removed_no"))->click();
            QCOMPARE(window.currentDocument()->checklist().answer(ListeningChecklist::Question::CracklesRemoved),
                     ChecklistAnswer::Yes);
            ListeningChecklist withNotes = window.currentDocument()->checklist();
            withNotes.setNotes(QStringLiteral("Pop at 0:01 remains — redo with sensitivity 7"));
            window.currentDocument()->setChecklist(withNotes);
            QVERIFY(window.session()->isDirty());
            QVERIFY(window.session()->saveAs(projectPath, false));
            QVERIFY(!window.session()->isDirty());
        }
        MainWindow window;
        window.show();
        QVERIFY(window.projectController()->openProject(projectPath));
        waitOpened(window);
        QCOMPARE(window.session()->documentCount(), 1);
        EditorDocument* d = window.currentDocument();
        QVERIFY(d != nullptr);
        QCOMPARE(d->path(), QDir::cleanPath(path));
        QCOMPARE(d->checklist().answer(ListeningChecklist::Question::CracklesRemoved), ChecklistAnswer::Yes);
        QCOMPARE(d->checklist().answer(ListeningChecklist::Question::PopsRemoved), ChecklistAnswer::No);
        QCOMPARE(d->checklist().notes(), QStringLiteral("Pop at 0:01 remains — redo with sensitivity 7"));
        QCOMPARE(d->currentTakeIndex(), 0);
        QCOMPARE(d->currentTake()->restoredPath, restoredPath);
        QVERIFY(!d->clicks().empty());
        // The panel shows the loaded checklist.
        QVERIFY(window.checklistPanel()->findChild<QRadioButton*>(QStringLiteral("checklist_crackles_removed_yes"))->isChecked());
        QVERIFY(window.checklistPanel()->findChild<QRadioButton*>(QStringLiteral("checklist_pops_removed_no"))->isChecked());

        // Answering all four marks the file checked, and autosave writes it into the project.
        window.session()->setAutosaveDelay(10);
        for (const char* name : {"checklist_voice_preserved_yes", "checklist_natural_sound_yes"})
            window.checklistPanel()->findChild<QRadioButton*>(QString::fromLatin1(name))->click();
        QCOMPARE(d->status(), EditorDocument::Status::Checked);
        QTRY_VERIFY(!window.session()->isDirty());
        const auto reloaded = ProjectFile::load(projectPath);
        QVERIFY(reloaded);
        QCOMPARE(reloaded.value().entries.at(0).status, EntryStatus::Checked);
    }

    void corruptOrNewerProjectIsRefusedAndKept_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("corrupt") << QByteArray("{ \"format\": \"shellac-project\", \"version\": 1, \"entries\": [") << QStringLiteral("JSON");
        QTest::newRow("newer") << QByteArray("{ \"format\": \"shellac-project\", \"version\": 99, \"entries\": [] }")
                               << QStringLiteral("newer");
    }

    void corruptOrNewerProjectIsRefusedAndKept()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("bad.shellac"));
        test::writeBytes(projectPath, bytes);
        const QString audio = dir.filePath(QStringLiteral("open.wav"));
        test::writeAudio(audio, test::sine(1, kRate / 2, kRate, 200, 0.3), kRate);

        MainWindow window;
        window.openPaths({audio});
        waitOpened(window);
        const Status loaded = window.session()->load(projectPath);
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message().contains(projectPath), qPrintable(loaded.error().message()));
        QVERIFY2(loaded.error().message().contains(expected, Qt::CaseInsensitive), qPrintable(loaded.error().message()));
        // The session kept what it had, and never adopted (so never autosaves over) the bad file.
        QCOMPARE(window.session()->documentCount(), 1);
        QVERIFY(window.session()->projectPath().isEmpty());
        QCOMPARE(test::readBytes(projectPath), bytes);
    }

    void cancelLeavesNoPartialTake()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.wav"));
        test::writeAudio(path, tonewithClicks(2, 90.0), kRate);
        MainWindow window;
        window.openPaths({path});
        waitOpened(window);
        EditorDocument* d = window.currentDocument();
        const QString takes = window.session()->takesFolder();
        const QStringList before = filesIn(takes);
        QCOMPARE(window.restoreController()->restore({d}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(d->restoreProgress() > 0.0, 30000);
        window.restoreController()->cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(!window.restoreController()->queue()->isBusy(), 30000);
        // The worker is idle first; the document hears of the cancellation through a queued
        // signal on this thread, so wait for that too (a loaded machine showed the gap).
        QTRY_VERIFY_WITH_TIMEOUT(!d->isRestoring(), 10000);
        QCOMPARE(d->currentTakeIndex(), -1);
        QCOMPARE(d->status(), EditorDocument::Status::New);
        QCOMPARE(filesIn(takes), before);
    }

    void deletedOriginalIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vanishing.wav"));
        test::writeAudio(path, test::sine(1, kRate, kRate, 300, 0.3), kRate);
        MainWindow window;
        window.openPaths({path});
        waitOpened(window);
        EditorDocument* d = window.currentDocument();
        QCOMPARE(d->status(), EditorDocument::Status::New);
        QVERIFY(QFile::remove(path));
        QTRY_COMPARE_WITH_TIMEOUT(d->status(), EditorDocument::Status::Missing, 10000);
        QVERIFY(d->errorMessage().contains(QStringLiteral("deleted")));
        QCOMPARE(window.fileList()->state(0), FileListModel::State::Failed);
        QVERIFY(!window.editor()->playback()->hasStreams());
        QVERIFY(!window.restoreController()->actions().at(1)->isEnabled()); // Restore File
        // It comes back: usable again.
        test::writeAudio(path, test::sine(1, kRate, kRate, 300, 0.3), kRate);
        QTRY_COMPARE_WITH_TIMEOUT(d->status(), EditorDocument::Status::New, 10000);
    }

    void aCheckpointIsTriedOnTheSelectionAndPromoted()
    {
        const QString model = ml::RestorerFactory::defaultModelPath(); // stands in for a run's checkpoint
        if (model.isEmpty())
            QSKIP("no bundled model in this tree");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("try-model.wav"));
        test::writeAudio(path, tonewithClicks(1, 3.0), kRate);
        MainWindow window;
        window.openPaths({path});
        waitOpened(window);
        const RestorationMethod initial = window.restorePanel()->settings().method;
        // A/B: no selection yet, so the 10 s from the playhead (here: the whole 3 s file).
        QVERIFY(window.restoreController()->previewWithModel(model));
        QCOMPARE(window.editor()->viewport()->selection(), (std::optional<FrameRange>(FrameRange{0, 3 * kRate})));
        QTRY_VERIFY_WITH_TIMEOUT(window.editor()->isPreviewing(), 60000);
        QVERIFY(window.editor()->waveformLane()->hasOverlay()); // the preview is drawn, not only heard
        QCOMPARE(window.editor()->playback()->choice(), AbChoice::Restored);
        QVERIFY(window.editor()->playback()->hasChoice(AbChoice::Original));
        // The panel's own settings are untouched by a trial...
        QCOMPARE(window.restorePanel()->settings().method, initial);
        // ...until the model is promoted: then the panel and the project use it.
        window.restoreController()->useModel(model);
        // (The classical engine becomes the neural method; a hybrid stays one, with this model.)
        const RestorationMethod promoted = initial == RestorationMethod::Dsp ? RestorationMethod::Neural : initial;
        QCOMPARE(window.restorePanel()->settings().method, promoted);
        QCOMPARE(window.restorePanel()->settings().modelPath, model);
        const QJsonObject saved = window.session()->settings().value(QStringLiteral("restore")).toObject();
        QCOMPARE(saved.value(QStringLiteral("model")).toString(), model);
        QCOMPARE(saved.value(QStringLiteral("method")).toString(), restorationMethodName(promoted));
    }

    void pulseSearchIsAPanelSetting()
    {
        MainWindow window;
        RestorePanel* panel = window.restorePanel();
        auto* box = panel->findChild<QCheckBox*>(QStringLiteral("smoothPulses"));
        QVERIFY(box != nullptr);
        QVERIFY(box->isChecked());
        QVERIFY(panel->settings().dsp.smoothPulses);
        box->click();
        QVERIFY(!panel->settings().dsp.smoothPulses);
        // It is saved with the project's restore settings and reads back.
        const QJsonObject saved = window.session()->settings().value(QStringLiteral("restore")).toObject();
        QCOMPARE(saved.value(QStringLiteral("dsp")).toObject().value(QStringLiteral("smooth_pulses")), QJsonValue(false));
        RestorationSettings s;
        s.dsp.declickSensitivity.reset();
        panel->applySettings(s);
        QVERIFY(box->isChecked());
        QVERIFY(!box->isEnabled());   // only means something with declick on
    }

    void exportWritesTheTakeAndNeverTheOriginal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export me.wav"));
        test::writeAudio(path, tonewithClicks(2, 1.0), kRate);
        MainWindow window;
        window.openPaths({path});
        waitOpened(window);
        EditorDocument* d = window.currentDocument();
        // Nothing restored yet: Restore first (nothing written).
        restoreCurrent(window);
        const QString out = dir.filePath(QStringLiteral("export me (restored).flac"));
        QVERIFY(window.projectController()->exportAudio(d, out, int(SampleEncoding::Pcm24)));
        auto reader = AudioFileReader::open(out);
        QVERIFY(reader);
        QCOMPARE(reader.value()->format().container, Container::Flac);
        QCOMPARE(reader.value()->format().encoding, SampleEncoding::Pcm24);
        QCOMPARE(reader.value()->format().frames, std::int64_t(kRate));
        QCOMPARE(reader.value()->format().channels, 2);
        // Onto the original: refused, original unchanged.
        QVERIFY(!window.projectController()->exportAudio(d, path, int(SampleEncoding::Pcm16)));
        QCOMPARE(test::readAudio(path).frames(), std::int64_t(kRate));
    }
};

QTEST_MAIN(TestEditorWorkflow)
#include "tst_editor_workflow.moc"
