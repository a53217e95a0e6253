#include "TerminalProgress.h"

#include <cmath>
#include <unistd.h>

namespace shellac::cli {

TerminalProgress::TerminalProgress(QTextStream& err, const QString& label, bool enabled)
    : m_err(err), m_label(label), m_enabled(enabled), m_tty(::isatty(STDERR_FILENO) == 1)
{
}

void TerminalProgress::report(double fraction, const QString& stage)
{
    if (!m_enabled)
        return;
    const int percent = static_cast<int>(std::floor(fraction * 100.0));
    if (m_tty) {
        if (percent == m_lastPercent)
            return;
        m_err << "\r" << m_label << ": " << stage << " " << percent << " %   " << Qt::flush;
        m_open = true;
    } else {
        if (percent / 10 == m_lastPercent / 10 && m_lastPercent >= 0)
            return;
        m_err << m_label << ": " << stage << " " << (percent / 10) * 10 << " %" << Qt::endl;
    }
    m_lastPercent = percent;
}

void TerminalProgress::finish()
{
    if (m_open)
        m_err << Qt::endl;
    m_open = false;
}

} // namespace shellac::cli
