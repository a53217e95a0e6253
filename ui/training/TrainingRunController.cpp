#include "ui/training/TrainingRunController.h"

#include <csignal>
#include <sys/types.h>

#include "ui/training/TrainingProgress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace shellac::ui {

namespace {
constexpr qsizetype kStderrTailBytes = 8192;
constexpr int kCancelledExitCode = 130; // shellac-cli's ExitCode::kCancelled
constexpr int kShutdownWaitMs = 10000;  // longest the destructor blocks before SIGKILL
} // namespace

TrainingRunController::TrainingRunController(QObject* parent)
    : QObject(parent), m_progress(new TrainingProgress(this)), m_killTimer(new QTimer(this))
{
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process != nullptr && m_process->state() != QProcess::NotRunning)
            m_process->kill();
    });
}

TrainingRunController::~TrainingRunController()
{
    if (m_process == nullptr || m_process->state() == QProcess::NotRunning)
        return;
    m_process->disconnect(this);
    if (m_state == State::Paused && m_process->processId() > 0)
        ::kill(pid_t(m_process->processId()), SIGCONT);
    m_process->terminate();
    if (!m_process->waitForFinished(std::min(m_killTimeoutMs, kShutdownWaitMs))) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString TrainingRunController::defaultCliPath()
{
    const QString name = QStringLiteral("shellac-cli");
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {appDir.filePath(name), appDir.filePath(QStringLiteral("../cli/") + name)}) {
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    }
    const QString onPath = QStandardPaths::findExecutable(name);
    return onPath.isEmpty() ? appDir.filePath(name) : onPath;
}

QString TrainingRunController::cliPath() const
{
    return m_cliPath.isEmpty() ? defaultCliPath() : m_cliPath;
}

bool TrainingRunController::start(const TrainingRunSettings& settings)
{
    return launch(settings, false);
}

bool TrainingRunController::resume(const TrainingRunSettings& settings)
{
    return launch(settings, true);
}

bool TrainingRunController::launch(const TrainingRunSettings& settings, bool resume)
{
    if (isActive()) {
        Q_EMIT failed(tr("A training run is already going; cancel it first."));
        return false;
    }
    if (const QString problem = settings.problem(); !problem.isEmpty()) {
        fail(problem);
        return false;
    }
    const QString program = cliPath();
    if (!QFileInfo(program).isExecutable()) {
        fail(tr("Cannot find the trainer: %1 does not exist or is not executable.").arg(QDir::toNativeSeparators(program)));
        return false;
    }

    m_progress->clear();
    if (resume && QFileInfo::exists(TrainingProgress::metricsPathFor(settings.runDir)))
        m_progress->loadMetrics(settings.runDir); // history; the stream rewinds past the checkpoint
    m_error.clear();
    m_stderr.clear();
    m_exitCode = 0;
    m_lastArguments = settings.arguments(resume);

    if (m_process != nullptr)
        m_process->deleteLater();
    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &TrainingRunController::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &TrainingRunController::readStderr);
    connect(m_process, &QProcess::finished, this, &TrainingRunController::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, &TrainingRunController::processError);
    setState(State::Running);
    m_process->start(program, m_lastArguments, QIODevice::ReadOnly);
    return m_state == State::Running;
}

bool TrainingRunController::pause()
{
    if (m_state != State::Running || m_process == nullptr || m_process->processId() <= 0)
        return false;
    if (::kill(pid_t(m_process->processId()), SIGSTOP) != 0)
        return false;
    setState(State::Paused);
    return true;
}

bool TrainingRunController::continueRun()
{
    if (m_state != State::Paused || m_process == nullptr || m_process->processId() <= 0)
        return false;
    ::kill(pid_t(m_process->processId()), SIGCONT);
    setState(State::Running);
    return true;
}

void TrainingRunController::cancel()
{
    if (m_state == State::Paused)
        continueRun(); // a stopped process cannot act on SIGTERM
    if (m_state != State::Running || m_process == nullptr)
        return;
    setState(State::Cancelling);
    m_process->terminate();
    m_killTimer->start(m_killTimeoutMs);
}

void TrainingRunController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TrainingRunController::fail(const QString& message)
{
    m_error = message;
    setState(State::Failed);
    Q_EMIT failed(message);
}

void TrainingRunController::readStdout()
{
    if (m_process != nullptr)
        m_progress->feed(m_process->readAllStandardOutput());
}

void TrainingRunController::readStderr()
{
    if (m_process == nullptr)
        return;
    m_stderr += m_process->readAllStandardError();
    if (m_stderr.size() > kStderrTailBytes)
        m_stderr = m_stderr.right(kStderrTailBytes);
}

QString TrainingRunController::lastStderrLine() const
{
    const QList<QByteArray> lines = m_stderr.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed());
}

void TrainingRunController::processError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_process == nullptr)
        return; // crashes and the rest arrive through finished()
    fail(tr("Cannot start the trainer %1: %2").arg(QDir::toNativeSeparators(cliPath()), m_process->errorString()));
    Q_EMIT ended();
}

void TrainingRunController::processFinished(int exitCode, QProcess::ExitStatus status)
{
    m_killTimer->stop();
    readStdout();
    readStderr();
    m_progress->finishStream();
    m_exitCode = exitCode;
    const bool wasCancelling = m_state == State::Cancelling;
    const bool crashed = status == QProcess::CrashExit;
    const QString kept = tr("The metrics received so far are kept; Resume continues from the last completed epoch.");

    if (m_progress->isDone() && !crashed && (exitCode == 0 || exitCode == kCancelledExitCode)) {
        setState(m_progress->doneInfo().cancelled ? State::Cancelled : State::Finished);
    } else if (wasCancelling && (crashed || exitCode == kCancelledExitCode)) {
        setState(State::Cancelled); // killed after the grace period, or exited 130 without a done line
    } else if (!m_progress->lastError().isEmpty()) {
        fail(tr("Training failed: %1").arg(m_progress->lastError()));
    } else if (crashed) {
        fail(tr("The trainer (shellac-cli) crashed. %1").arg(kept));
    } else if (exitCode != 0) {
        const QString detail = lastStderrLine();
        fail(detail.isEmpty() ? tr("The trainer (shellac-cli) stopped unexpectedly with exit code %1. %2").arg(exitCode).arg(kept)
                              : tr("The trainer (shellac-cli) stopped unexpectedly with exit code %1: %2 %3")
                                    .arg(exitCode)
                                    .arg(detail, kept));
    } else {
        setState(State::Finished);
    }
    Q_EMIT ended();
}

} // namespace shellac::ui
