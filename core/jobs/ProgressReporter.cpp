#include "jobs/ProgressReporter.h"

#include <algorithm>
#include <cmath>

namespace shellac {

RateLimitedProgress::RateLimitedProgress(ProgressReporter* target, double step)
    : m_target(target), m_step(step)
{
}

void RateLimitedProgress::report(double fraction, const QString& stage)
{
    if (!m_target)
        return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const bool finished = fraction >= 1.0 && m_lastFraction < 1.0;
    if (stage != m_lastStage || finished || std::abs(fraction - m_lastFraction) >= m_step) {
        m_lastFraction = fraction;
        m_lastStage = stage;
        m_target->report(fraction, stage);
    }
}

ScaledProgress::ScaledProgress(ProgressReporter* target, double begin, double end)
    : m_target(target), m_begin(begin), m_end(end)
{
}

void ScaledProgress::report(double fraction, const QString& stage)
{
    if (m_target)
        m_target->report(m_begin + (m_end - m_begin) * std::clamp(fraction, 0.0, 1.0), stage);
}

} // namespace shellac
