#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace shellac::degrade {

/// One resonance of an acoustic-era recording horn: a peaking filter on the music.
struct HornResonance {
    double freqHz = 1000; ///< centre frequency, Hz (20..96000; skipped at or above 0.475 × rate)
    double gainDb = 0;    ///< boost (+) or cut (−) at the centre, dB (−30..30)
    double q = 1;         ///< quality factor (0.1..50)

    bool operator==(const HornResonance&) const = default;
};

/// A versioned, JSON-serialisable description of how a 78 rpm transfer is degraded: what
/// DegradationSynthesizer adds to clean music. Plain value type; not thread-safe to mutate
/// while another thread reads it (copy it instead).
///
/// JSON form (version 1; every key below is required except "description"; unknown keys are
/// rejected). Units are in the key names: _per_s events per second, _db dB, _dbfs dB re full
/// scale (RMS: a full-scale sine reads −3.01 dBFS), _ms milliseconds, _hz Hz.
///
///     version                              1
///     description                          free text (optional)
///     impulse_rate_per_s                   clicks and pops per second per channel   0..2000
///     impulse_peak_median_db               click peak re programme RMS, median        −60..40
///     impulse_peak_sigma_db                log-normal spread of the peak, dB          0..30
///     impulse_width_median_ms              click pulse width, median                  0.01..10
///     impulse_width_sigma_octaves          log-normal spread of the width, octaves    0..4
///     impulse_width_min_ms                 widths are clamped to [min, max]           0.001..20
///     impulse_width_max_ms                                                            0.001..20
///     pop_fraction                         share of impulses that are long pops       0..1
///     pop_width_median_ms                  pop width median (same spread; 1..100 ms)  1..100
///     impulse_positive_fraction            share of impulses with positive polarity  0..1
///     impulse_resonance_hz                 pickup resonance ringing after each click  0 (none) or 100..96000
///     impulse_resonance_decay_ms           1/e decay time of that ringing             0..50
///     impulses_correlated_across_channels  same clicks/crackle on every channel       true/false
///     crackle_rate_per_s                   crackle events per second per channel      0..20000
///     crackle_peak_median_db               crackle peak re programme RMS, median      −100..20
///     crackle_peak_sigma_db                log-normal spread of crackle peaks, dB     0..30
///     hiss_level_dbfs                      surface hiss RMS per channel               −200..0
///     hiss_tilt_db_per_octave              spectral slope of the hiss (20 Hz up)      −12..12
///     hiss_channel_correlation             hiss power shared by all channels          0..1
///     hum_fundamental_hz                   mains hum fundamental                      0 (none) or 16..1000
///     hum_level_dbfs                       RMS of the fundamental sine                −200..0
///     hum_harmonics_db                     levels of harmonics 2, 3, ... re fundamental, list (≤ 40) of −200..20
///     rumble_level_dbfs                    turntable rumble RMS                       −200..0
///     rumble_corner_hz                     rumble low-pass corner (4th order)         1..500
///     bandwidth_low_pass_hz                recording low-pass corner (4th order)      0 (none) or 500..96000
///     bandwidth_high_pass_hz               recording high-pass corner (2nd order)     0 (none) or 10..2000
///     horn_resonances                      list (≤ 16) of {"freq_hz", "gain_db", "q"}
///     wow_depth_percent                    peak speed deviation                       0..5
///     wow_rate_hz                          speed modulation rate                      0.05..20
///     real_noise_gain_db                   gain on a recorded noise source, if given  −200..40
///     real_noise_gain_spread_db            random ± variation of that gain            0..20
///
/// A level at or below kOffDb (−200 dB) switches its source off; "programme RMS" is the
/// reference level the synthesizer is given (see DegradationSynthesizer).
struct DegradationProfile {
    static constexpr int kVersion = 1;
    /// Levels at or below this switch a source off (dB or dBFS).
    static constexpr double kOffDb = -200.0;

    QString description;

    double impulseRatePerS = 0;
    double impulsePeakMedianDb = 0;
    double impulsePeakSigmaDb = 6;
    double impulseWidthMedianMs = 0.3;
    double impulseWidthSigmaOctaves = 1;
    double impulseWidthMinMs = 0.02;
    double impulseWidthMaxMs = 5;
    double popFraction = 0;
    double popWidthMedianMs = 10;
    double impulsePositiveFraction = 0.5;
    double impulseResonanceHz = 0;
    double impulseResonanceDecayMs = 0;
    bool impulsesCorrelatedAcrossChannels = true;

    double crackleRatePerS = 0;
    double cracklePeakMedianDb = -20;
    double cracklePeakSigmaDb = 6;

    double hissLevelDbfs = kOffDb;
    double hissTiltDbPerOctave = 0;
    double hissChannelCorrelation = 0;

    double humFundamentalHz = 0;
    double humLevelDbfs = kOffDb;
    std::vector<double> humHarmonicsDb;

    double rumbleLevelDbfs = kOffDb;
    double rumbleCornerHz = 20;

    double bandwidthLowPassHz = 0;
    double bandwidthHighPassHz = 0;
    std::vector<HornResonance> hornResonances;

    double wowDepthPercent = 0;
    double wowRateHz = 1.3;

    double realNoiseGainDb = kOffDb;
    double realNoiseGainSpreadDb = 0;

    bool operator==(const DegradationProfile&) const = default;

    /// The JSON form described above, with "version": kVersion.
    QJsonObject toJson() const;
    /// Parses and validates; the error's reason names the offending field, e.g.
    /// `field "impulse_rate_per_s" must be between 0 and 2000, got -3` (subject empty).
    static Result<DegradationProfile> fromJson(const QJsonObject& json);
    /// Checks every range (the same rules fromJson applies), for profiles built in code.
    Status validate() const;

    /// Reads a profile file; errors name the file (subject) and the field (reason).
    static Result<DegradationProfile> load(const QString& path);
    /// Writes the profile atomically (QSaveFile), pretty-printed; errors name the file.
    Status save(const QString& path) const;

    /// "clean", "light", "typical78", "heavy".
    static QStringList presetNames();
    /// A named preset, or an Error naming the unknown name and the valid ones.
    ///  - clean: nothing at all (output equals input bit for bit);
    ///  - light: a well-kept disc: 4 clicks/s, faint crackle and hiss, no hum, 8 kHz bandwidth;
    ///  - typical78: worn shellac: 20 clicks/s, 300 crackles/s, hiss −45 dBFS at −3 dB/oct,
    ///    50 Hz hum at −55 dBFS, rumble, 5.5 kHz bandwidth, slight wow from an off-centre hole;
    ///  - heavy: badly worn acoustic-era disc: 80 clicks/s and pops, dense crackle, loud hiss,
    ///    60 Hz hum, 4 kHz bandwidth with horn resonances, audible wow.
    static Result<DegradationProfile> preset(const QString& name);
};

} // namespace shellac::degrade
