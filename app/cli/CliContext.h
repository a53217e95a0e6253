#pragma once

#include "common/Error.h"
#include "jobs/CancellationToken.h"

#include <QTextStream>

namespace shellac::cli {

/// Process exit codes of shellac-cli.
namespace ExitCode {
inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;    ///< bad input file, failed write, ...
inline constexpr int kUsage = 2;     ///< wrong options or arguments
inline constexpr int kCancelled = 130; ///< interrupted (Ctrl+C), like a shell
} // namespace ExitCode

/// What a command needs from the process: output streams and the cancellation token that
/// SIGINT sets. Single-threaded: commands run on the main thread.
class CliContext {
public:
    CliContext(QTextStream& out, QTextStream& err, CancellationToken& cancel);

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    CancellationToken& cancellation() { return m_cancel; }

    /// Prints "shellac-cli: error: <message>" to stderr; returns ExitCode::kFailed.
    int fail(const Error& error);
    /// Prints "shellac-cli: warning: <message>" to stderr.
    void warn(const QString& message);
    /// Prints a usage error and the hint to run --help; returns ExitCode::kUsage.
    int usageError(const QString& command, const QString& message);

private:
    QTextStream& m_out;
    QTextStream& m_err;
    CancellationToken& m_cancel;
};

} // namespace shellac::cli
