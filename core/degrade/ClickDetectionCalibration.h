#pragma once

#include "audio/AudioBlock.h"
#include "dsp/ClickRepairEngine.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace shellac {
class CancellationToken;
class ProgressReporter;
}

namespace shellac::degrade {

class PortableRandom;

/// Log-normal click population, as in DegradationProfile: peak in dB relative to the programme
/// level (median, sigma in dB) and width (median in ms, sigma in octaves).
struct ClickPopulation {
    double peakMedianDb = 0;
    double peakSigmaDb = 5;
    double widthMedianMs = 0.3;
    double widthSigmaOctaves = 0.8;
};

/// What the analyzer measured on the recording's own clicks (events classified as clicks, not
/// crackle) at or above minPeakDb: their number and the mean and spread of measured peak (dB re programme level) and
/// of log2 measured width (ms).
struct ObservedClicks {
    /// Only events measuring at least this peak (dB re programme level) take part, observed and
    /// simulated alike: set above the crackle's peaks when dense crackle is about (its widest
    /// events measure as clicks and would pass for the visible tail of many unseen low clicks).
    double minPeakDb = -1e9;
    double count = 0;
    double peakMeanDb = 0, peakSigmaDb = 0;
    double log2WidthMean = 0, log2WidthSigma = 0;
};

/// What the trials imitate: the analyzer's detector and measurement, and the clicks' look.
struct CalibrationSettings {
    int sampleRate = 44100;           ///< Hz
    double declickSensitivity = 8;    ///< dsp::ArDeclicker sensitivity used by the analyzer
    double crackleMaxWidthMs = 0.1;   ///< events measured this narrow or narrower are crackle, ms
    double programmeLevelDbfs = -20;  ///< the level peaks are relative to, dBFS RMS
    double positiveFraction = 0.5;    ///< share of positive clicks (as measured)
    /// Pickup ringing of the injected clicks (degrade::impulseShape), Hz and ms; 0 = none. It
    /// matters: a ringing click shows more high-frequency energy above the music and is found
    /// more often (~20 % more at 10 kHz / 0.1 ms under moderate hiss).
    double resonanceHz = 0;
    double resonanceDecayMs = 0;
};

/// One synthetic click injected into an excerpt and what the detector made of it.
struct InjectionTrial {
    double peakDb = 0;          ///< true peak, dB re programme level
    double log2WidthMs = 0;     ///< true width, log2 ms
    double proposalDensity = 0; ///< density of (peakDb, log2WidthMs) under the draw that made it
    /// What the analyzer would count for it: each repaired region overlapping it that measures
    /// wider than the crackle limit is one click (a wide click may be repaired as two regions),
    /// with its measured peak (dB re programme level) and log2 width (ms).
    ///
    /// `share`: a region that also covers clicks of the recording itself (found on the excerpt
    /// without trials) is one click for all of them, as it is in the recording when two of its
    /// own clicks run together, so the trial gets 1 / (1 + their number) of it.
    struct Event { double peakDb; double log2WidthMs; double share = 1; };
    std::vector<Event> events;
};

/// The population whose detected part looks like what was observed, and the detector's
/// efficiency for it.
struct CalibrationFit {
    /// false: too few observations or trials, or an implausible fit (efficiency below 0.2, or a
    /// median at the lowest peak injected): the raw figures stand
    bool ok = false;
    ClickPopulation population;
    double efficiency = 1;       ///< clicks the analyzer counts per click of that population (0.01..2)
    double effectiveTrials = 0;  ///< importance-sampling effective size of the found trials
};

/// Corrects the analyzer's click statistics for what the AR detector cannot see, by injection
/// and recovery on the recording itself (no clean reference needed): synthetic clicks
/// (degrade::impulseShape, no resonance) of known peak and width are added to excerpts of the
/// recording, the same detector and measurement run over them, and each trial records whether it
/// was counted as a click and what was measured. Under loud hiss or music most wide, low clicks
/// are missed and the found ones measure narrower than they are; the trials tell by how much.
///
/// fit() then finds, by importance weighting of the trials, the log-normal population whose
/// detected part has the observed mean and spread of measured peak and width (method of
/// simulated moments, Nelder–Mead), and its efficiency: the true rate is the observed rate
/// divided by it. Only the peak median and spread and the width median are searched; the width
/// spread is the observed one, and a prior (0.1 in log sigma) holds the peak spread near the
/// observed one: the detected part of a population hardly tells its spread (a wider one with a
/// lower median looks the same above the detection limit but implies many more unseen clicks),
/// and letting the spreads float made the efficiency run away.
///
/// Two rounds: the first draws peaks uniformly over −20..+35 dB and log2 widths uniformly over
/// 0.03..6 ms; the second draws 80 % of the trials around the first fit (σ × 1.5) and 20 % as the
/// first round, which keeps the weights even. 15 trials per channel-second of excerpt per pass
/// (sparse, so that they do not crowd the recording's own clicks), at least 12 ms apart and 0.1 s
/// from the excerpt ends; passes with new positions until 1200 trials (first round, at most 8
/// passes), then 2000 more (second round), and more while the found trials' effective size is
/// under 3 × the observed clicks (at most 10000 and 32 passes in the second round): the
/// simulated moments must not be noisier than the observed ones. A trial's region that also
/// covers clicks the detector finds in the excerpt without trials (one pass before the rounds)
/// counts as a share of a click (InjectionTrial::Event).
///
/// Units as named (dB, ms, Hz). Deterministic for the same excerpts and settings. Runs on the
/// calling thread (a declicker pass over the excerpts per pass: for 30 s of mono excerpts 8 to
/// 30 passes of ~0.35 s each, the more the more clicks the recording has), cancellable between
/// passes; not thread-safe.
class ClickDetectionCalibration {
public:
    explicit ClickDetectionCalibration(const CalibrationSettings& settings);

    /// Both rounds over `excerpts` (each channel on its own), fitted to `observed`. `cancel` (may
    /// be null) is checked before each pass (under a second each): a cancelled run returns a fit
    /// that is not ok. `progress` (may be null) hears the share of trials done, [0, 1].
    CalibrationFit run(const std::vector<AudioBlock>& excerpts, const ObservedClicks& observed,
                       const CancellationToken* cancel = nullptr, ProgressReporter* progress = nullptr);

    /// Click-class regions the detector finds in each excerpt channel without trials (sorted,
    /// frames within the excerpt; `channel` unused), in excerpt-then-channel order.
    using OwnClicks = std::vector<std::vector<dsp::ClickEvent>>;
    /// The recording's own clicks in `excerpts` (one detector pass over them).
    OwnClicks ownClicks(const std::vector<AudioBlock>& excerpts) const;

    /// One round of trials; `around` = nullptr for the broad first round. `own` (ownClicks() of
    /// the same excerpts; null: none) sets the events' shares.
    std::vector<InjectionTrial> inject(const std::vector<AudioBlock>& excerpts, const ClickPopulation* around,
                                       std::uint64_t seed, const OwnClicks* own = nullptr) const;
    /// The population matching `observed` given the trials (see the class comment).
    static CalibrationFit fit(const std::vector<InjectionTrial>& trials, const ObservedClicks& observed);

private:
    struct Placement;
    /// Adds one pass of trial clicks to the channel `x` (in place), appending them to `trials`.
    std::vector<Placement> place(std::span<float> x, PortableRandom& draw, const ClickPopulation* around,
                                 std::vector<InjectionTrial>& trials) const;
    struct Region;
    /// The analyzer's detector and measurement over the mono block `x`: its regions in order;
    /// nullopt if the detector cannot run.
    std::optional<std::vector<Region>> detect(const AudioBlock& x) const;
    /// Runs detect() over `x` and records each placed trial's events; `own`: the channel's own
    /// clicks (ownClicks()).
    bool recover(const AudioBlock& x, const std::vector<Placement>& placed,
                 const std::vector<dsp::ClickEvent>& own, std::vector<InjectionTrial>& trials) const;

    int m_fs;
    double m_sensitivity;
    double m_crackleMaxWidthMs;
    double m_referenceDbfs;
    double m_positiveFraction;
    double m_resonanceHz;
    double m_resonanceDecayMs;
};

} // namespace shellac::degrade
