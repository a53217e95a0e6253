#pragma once

#include <QString>
#include <QStringList>

namespace shellac::test {

/// What one run of shellac-cli did.
struct CliRun {
    int exitCode = -1;
    bool started = false;
    bool crashed = false;
    QString out;
    QString err;
};

/// Runs the built shellac-cli with `arguments` (60 s limit).
CliRun runCli(const QStringList& arguments, const QString& workingDir = {});

/// Runs a copy of the built shellac-cli placed in `prefix`/bin (copied on the first call), as
/// an installation under `prefix` would run: it looks for bundled models in
/// `prefix`/share/shellac/models first. started=false when the copy cannot be made.
CliRun runInstalledCli(const QString& prefix, const QStringList& arguments);

/// Runs shellac-cli as the unprivileged user "nobody" when the tests run as root, so that
/// permission checks mean something (root reads and writes everything). Returns started=false
/// when that is impossible here (no setpriv); the caller then skips.
CliRun runCliUnprivileged(const QStringList& arguments);

/// True when runCliUnprivileged() can honour file permissions on this machine.
bool canTestPermissions();

} // namespace shellac::test
