// shellac-cli: every Shellac feature as a scriptable subcommand.

#include "CliContext.h"
#include "CommandLineApp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

namespace {

shellac::CancellationToken g_cancel;

extern "C" void onInterrupt(int)
{
    // First Ctrl+C: ask the running job to stop cleanly (it removes its partial output).
    // A second one falls back to the default action and ends the process at once.
    g_cancel.cancel();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shellac-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHELLAC_VERSION));
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    QTextStream out(stdout);
    QTextStream err(stderr);
    shellac::cli::CliContext context(out, err, g_cancel);
    shellac::cli::CommandLineApp cli;
    const int code = cli.run(QCoreApplication::arguments(), context);
    out.flush();
    err.flush();
    return code;
}
