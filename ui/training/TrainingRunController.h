#pragma once

#include "ui/training/TrainingRunSettings.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

class QTimer;

namespace shellac::ui {

class TrainingProgress;

/// Runs `shellac-cli train … --progress json` as a child process and feeds its stdout into a
/// TrainingProgress. A crash of the child never takes the GUI down: it becomes an error message
/// and the metrics received so far stay in progress().
///
/// Life cycle: Idle → Running (⇄ Paused) → (Cancelling →) Finished | Cancelled | Failed; start() or resume()
/// from any state but Running/Cancelling. start() clears the progress; resume() loads the run
/// folder's metrics.jsonl as history first and adds `--resume`, so the curves continue.
///
/// Cancel sends SIGTERM (QProcess::terminate); the trainer stops between steps, keeps the
/// completed epochs' checkpoints and exits 130. If it has not exited after killTimeoutMs() it is
/// killed. Destroying the controller while a run is going does the same, blocking for up to
/// min(killTimeoutMs(), 10 s): completed epochs' checkpoints are safe either way.
///
/// Pause stops the child where it is (SIGSTOP: no CPU, memory kept, nothing written) and
/// continueRun() lets it go on (SIGCONT), so training can yield the machine to listening; a
/// paused run can still be cancelled.
///
/// Threading: GUI thread (or any one thread with an event loop); all signals are emitted there.
class TrainingRunController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Cancelling, Finished, Cancelled, Failed };
    Q_ENUM(State)

    explicit TrainingRunController(QObject* parent = nullptr);
    ~TrainingRunController() override;

    /// Path of shellac-cli: the one set by setCliPath(), else defaultCliPath().
    QString cliPath() const;
    /// Overrides the executable (tests point this at a fake script). Empty: back to the default.
    void setCliPath(const QString& path) { m_cliPath = path; }
    /// shellac-cli next to the running executable; in a build tree ../cli/shellac-cli; else the
    /// one on PATH; else the name next to the executable (start() then reports it missing).
    static QString defaultCliPath();

    /// Milliseconds between SIGTERM and SIGKILL on cancel (default 60 000: a step may be slow).
    int killTimeoutMs() const { return m_killTimeoutMs; }
    void setKillTimeoutMs(int ms) { m_killTimeoutMs = ms; }

    /// Starts a new run. Returns false (and emits failed()) when one is already going, the
    /// settings are incomplete or the process cannot start.
    bool start(const TrainingRunSettings& settings);
    /// Continues the run in settings.runDir from its last checkpoint (`--resume`).
    bool resume(const TrainingRunSettings& settings);
    /// Asks the running (or paused) trainer to stop (SIGTERM). No-op otherwise.
    void cancel();
    /// Suspends the running trainer (SIGSTOP); false unless Running.
    bool pause();
    /// Lets a paused trainer go on (SIGCONT); false unless Paused.
    bool continueRun();

    State state() const { return m_state; }
    bool isActive() const { return m_state == State::Running || m_state == State::Paused || m_state == State::Cancelling; }
    TrainingProgress* progress() const { return m_progress; }
    /// The readable error of the last run (trainer's error line, crash, failure to start).
    QString errorMessage() const { return m_error; }
    /// Arguments the last child was started with (after the program name).
    QStringList lastArguments() const { return m_lastArguments; }
    /// The last lines the child wrote on stderr (at most ~8 KiB), for diagnostics.
    QString stderrTail() const { return QString::fromUtf8(m_stderr); }
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void stateChanged(shellac::ui::TrainingRunController::State state);
    /// The run ended with an error, or could not start; `message` is ready to show.
    void failed(const QString& message);
    /// The child process ended (any outcome); state() tells which.
    void ended();

private:
    bool launch(const TrainingRunSettings& settings, bool resume);
    void setState(State state);
    void fail(const QString& message);
    void readStdout();
    void readStderr();
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void processError(QProcess::ProcessError error);
    QString lastStderrLine() const;

    TrainingProgress* m_progress;
    QProcess* m_process = nullptr;
    QTimer* m_killTimer;
    QString m_cliPath;
    int m_killTimeoutMs = 60000;
    State m_state = State::Idle;
    QString m_error;
    QStringList m_lastArguments;
    QByteArray m_stderr;
    int m_exitCode = 0;
};

} // namespace shellac::ui
