#pragma once

#include "restore/PostFilterGuard.h"
#include "restore/Restorer.h"

#include <memory>

namespace shellac {

/// The hybrid restorer (method "hybrid"): the classical chain first (dehum, declick, decrackle,
/// rumble, dehiss with its analysis pass over the input), then the neural restorer as a
/// post-filter on the classical output, for what the classical stages leave behind (missed
/// clicks and pops, residual noise). Both are given as Restorers, so this class needs no torch.
///
/// Only `first` gets an analysis pass (over the input); prepare() fails when `second` wants one.
/// `second`'s output passes a PostFilterGuard against its input: where, clearly above the noise
/// floor (`first`'s report: its dehiss stage's "noise_profile_db", read after the analysis
/// pass), the post-filter's output stops resembling the classical output, its change is scaled
/// down or dropped. Streaming: each block goes through `first` and whatever it releases
/// straight into `second`; memory is the two restorers' own plus a few guard blocks. Output length and rate equal the input's when both
/// restorers keep them (a Restorer's contract).
///
/// Threading: like any Restorer, one stream per instance on one thread.
class HybridRestorer final : public Restorer {
public:
    /// Preconditions: both not null.
    HybridRestorer(std::unique_ptr<Restorer> first, std::unique_ptr<Restorer> second);

    QString method() const override { return QStringLiteral("hybrid"); }
    Status prepare(const AudioFormat& input) override;
    bool wantsAnalysisPass() const override { return m_first->wantsAnalysisPass(); }
    Status analyse(const AudioBlock& in) override { return m_first->analyse(in); }
    Status finishAnalysis() override { return m_first->finishAnalysis(); }
    Status process(const AudioBlock& in, AudioBlock& out) override;
    Status finish(AudioBlock& out) override;
    /// {"method": "hybrid", "stages": [first's report, second's report],
    ///  "guard": PostFilterGuard::report()}
    QJsonObject report() const override;

private:
    /// The dehiss stage's noise level in `first`'s report, dBFS; -300 when there is none.
    double noiseFloorOfFirst() const;

    std::unique_ptr<Restorer> m_first;
    std::unique_ptr<Restorer> m_second;
    PostFilterGuard m_guard;
    bool m_floorRead = false;
    AudioBlock m_between;  ///< what `first` released, on its way into `second`
    AudioBlock m_filtered; ///< what `second` released, on its way into the guard
    AudioBlock m_tail;     ///< scratch for finish()
};

} // namespace shellac
