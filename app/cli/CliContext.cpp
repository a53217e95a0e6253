#include "CliContext.h"

namespace shellac::cli {

CliContext::CliContext(QTextStream& out, QTextStream& err, CancellationToken& cancel)
    : m_out(out), m_err(err), m_cancel(cancel)
{
}

int CliContext::fail(const Error& error)
{
    m_err << "shellac-cli: error: " << error.message() << Qt::endl;
    return ExitCode::kFailed;
}

void CliContext::warn(const QString& message)
{
    m_err << "shellac-cli: warning: " << message << Qt::endl;
}

int CliContext::usageError(const QString& command, const QString& message)
{
    const QString prefix = command.isEmpty() ? QStringLiteral("shellac-cli")
                                             : QStringLiteral("shellac-cli ") + command;
    m_err << prefix << ": " << message << Qt::endl
          << "Run '" << prefix << " --help' for usage." << Qt::endl;
    return ExitCode::kUsage;
}

} // namespace shellac::cli
