#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"
#include "degrade/DegradationProfile.h"

#include <QString>

#include <cstdint>

namespace shellac::ui {

/// A real degraded excerpt and a synthetic one made like it, ready to be played A/B: same
/// sample rate, channel count and length.
struct AuditionExcerpts {
    AudioBlock real;              ///< the real transfer's excerpt
    AudioBlock synthetic;         ///< clean music degraded with the measured profile
    int sampleRate = 0;           ///< Hz, the real transfer's rate (the clean excerpt is resampled to it)
    QString realPath;
    QString cleanPath;
    double realStartSeconds = 0;  ///< where the real excerpt starts in its file, s
    double cleanStartSeconds = 0; ///< where the clean excerpt starts in its file, s
    int syntheticImpulses = 0;    ///< clicks and pops the synthesizer added (all channels)
};

/// Builds the dataset manager's "audition" pair: a few seconds from the middle of a real
/// degraded transfer, and as much from the middle of a clean file, resampled to the real one's
/// rate, mapped to its channel count (mono is copied to every channel; more channels are
/// averaged down to mono, otherwise channel c takes clean channel c mod count) and degraded with
/// DegradationSynthesizer using the measured profile. Both excerpts are cut to the shorter one.
/// Reads only the excerpts (seeks), so long files are cheap. Any thread; no shared state.
class DatasetAudition {
public:
    /// Default excerpt length, s.
    static constexpr double kDefaultSeconds = 6.0;

    /// @param profile   must validate (ArtifactAnalyzer results always do)
    /// @param seconds   excerpt length wanted, s (> 0); shorter files give shorter excerpts
    /// @param seed      the synthesizer's seed (the same seed gives the same example)
    /// Fails with the reader's message when a file cannot be opened or read.
    static Result<AuditionExcerpts> build(const QString& cleanPath, const QString& realPath,
                                          const degrade::DegradationProfile& profile,
                                          double seconds = kDefaultSeconds, std::uint64_t seed = 0);
};

} // namespace shellac::ui
