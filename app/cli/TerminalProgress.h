#pragma once

#include "jobs/ProgressReporter.h"

#include <QTextStream>

namespace shellac::cli {

/// Shows job progress on stderr: an updating "\r  42 % reading" line on a terminal, or one line
/// per 10 % when stderr is a pipe or file (logs stay short). Call finish() when the job ends.
/// Single-threaded.
class TerminalProgress final : public ProgressReporter {
public:
    TerminalProgress(QTextStream& err, const QString& label, bool enabled);
    void report(double fraction, const QString& stage) override;
    /// Ends the progress line (on a terminal).
    void finish();

private:
    QTextStream& m_err;
    QString m_label;
    bool m_enabled;
    bool m_tty;
    int m_lastPercent = -1;
    bool m_open = false;
};

} // namespace shellac::cli
