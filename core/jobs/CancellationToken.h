#pragma once

#include <atomic>

namespace shellac {

/// A flag shared between whoever starts a long job and the job itself.
///
/// Threading: cancel() may be called from any thread (a GUI button, a SIGINT handler: it is
/// lock-free and async-signal-safe); long loops call isCancelled() between blocks or batches and
/// stop cleanly, leaving no partial output behind.
class CancellationToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }
    void reset() noexcept { m_cancelled.store(false, std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
    static_assert(std::atomic<bool>::is_always_lock_free);
};

} // namespace shellac
