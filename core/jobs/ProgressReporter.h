#pragma once

#include <QString>

namespace shellac {

/// Receives progress from long jobs in core (svcore's ProgressReporter idea).
///
/// Implemented by a status bar or dialog in ui/ and by a terminal printer in the CLI.
/// Threading: report() is called on the worker thread that runs the job; implementations that
/// touch widgets must forward to their own thread (queued signal). Jobs call it often; the
/// implementation decides how much to show (see RateLimitedProgress).
class ProgressReporter {
public:
    virtual ~ProgressReporter() = default;

    /// @param fraction  progress of the whole job in [0, 1]
    /// @param stage     short human-readable label of the current step ("reading", "restoring")
    virtual void report(double fraction, const QString& stage) = 0;
};

/// Forwards to another reporter only when the fraction moved by at least `step`
/// or the stage changed, so a tight loop can call report() every block for free.
/// Not thread-safe: use one instance per job.
class RateLimitedProgress final : public ProgressReporter {
public:
    explicit RateLimitedProgress(ProgressReporter* target, double step = 0.01);
    void report(double fraction, const QString& stage) override;

private:
    ProgressReporter* m_target;
    double m_step;
    double m_lastFraction = -1.0;
    QString m_lastStage;
};

/// Maps the [0, 1] progress of a sub-job onto [begin, end] of an outer job.
class ScaledProgress final : public ProgressReporter {
public:
    ScaledProgress(ProgressReporter* target, double begin, double end);
    void report(double fraction, const QString& stage) override;

private:
    ProgressReporter* m_target;
    double m_begin;
    double m_end;
};

} // namespace shellac
