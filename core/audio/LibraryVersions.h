#pragma once

#include <QString>

namespace shellac {

/// "libsndfile-1.2.0" as the linked library reports it.
QString sndfileVersion();
/// "0.1.3" as the linked libsoxr reports it.
QString soxrVersion();

} // namespace shellac
