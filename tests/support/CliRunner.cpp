#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

namespace shellac::test {

namespace {

CliRun runProgram(const QString& program, const QStringList& arguments, const QString& workingDir)
{
    CliRun run;
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    run.started = process.waitForStarted(10000);
    if (!run.started)
        return run;
    process.waitForFinished(60000);
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString setprivPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("setpriv"));
}

} // namespace

CliRun runCli(const QStringList& arguments, const QString& workingDir)
{
    return runProgram(QStringLiteral(SHELLAC_CLI_PATH), arguments, workingDir);
}

CliRun runInstalledCli(const QString& prefix, const QStringList& arguments)
{
    const QString program = prefix + QStringLiteral("/bin/shellac-cli");
    if (!QFileInfo::exists(program) && !(QDir().mkpath(prefix + QStringLiteral("/bin")) && QFile::copy(QStringLiteral(SHELLAC_CLI_PATH), program)))
        return {};
    return runProgram(program, arguments, {});
}

bool canTestPermissions()
{
    if (::geteuid() != 0)
        return true;
    if (setprivPath().isEmpty())
        return false;
    // "nobody" must be able to run the binary at all (its folders must be searchable).
    const CliRun probe = runCliUnprivileged({QStringLiteral("--help")});
    return probe.started && probe.exitCode == 0;
}

CliRun runCliUnprivileged(const QStringList& arguments)
{
    if (::geteuid() != 0)
        return runCli(arguments);
    const QString setpriv = setprivPath();
    if (setpriv.isEmpty())
        return {};
    return runProgram(setpriv,
                      QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups"), QStringLiteral(SHELLAC_CLI_PATH)}
                          + arguments,
                      {});
}

} // namespace shellac::test
