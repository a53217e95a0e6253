#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"
#include "degrade/DegradationProfile.h"
#include "dsp/NoiseProfile.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace shellac {
class CancellationToken;
class ProgressReporter;
} // namespace shellac

namespace shellac::degrade {

/// How well one profile field was measured.
struct FieldQuality {
    /// True when the analyzer looked at the recording for this field (a measured "off", e.g. no
    /// hum found, counts as measured); false when the field keeps the "clean" preset's value.
    bool measured = false;
    /// 0..1: a rough confidence (event counts, fit quality); 0 when not measured.
    double confidence = 0.0;
};

/// What the analyzer found in one recording (or, from ArtifactAnalyzer::pool(), in several).
struct AnalysisResult {
    QString path;                       ///< the file (empty for a stream or a pool)
    DegradationProfile profile;         ///< the estimate; always passes profile.validate()
    /// Per profile JSON key (e.g. "impulse_rate_per_s"): measured or kept from "clean".
    QMap<QString, FieldQuality> quality;
    double durationSeconds = 0.0;       ///< length analysed, s (sum over files for a pool)
    int sampleRate = 0;                 ///< Hz (of the first file for a pool)
    int channels = 0;                   ///< channel count (of the first file for a pool)
    int files = 1;                      ///< recordings behind this result

    // Raw statistics kept for pool(); units as named.
    double impulseCount = 0;            ///< clicks + pops found, all channels
    double crackleCount = 0;            ///< short (crackle) events found, all channels
    double channelSeconds = 0;          ///< durationSeconds * channels
    double programmeLevelDbfs = -300;   ///< programme RMS (without the noise floor), dBFS

    /// {"impulse_rate_per_s": true, ...}: the `measured` flag of every profile field.
    QJsonObject measuredJson() const;
    /// `measuredJson()`'s counterpart with confidences (0..1).
    QJsonObject confidenceJson() const;
};

/// Options of the analysis.
struct AnalysisSettings {
    /// Where the surface noise alone can be heard (e.g. the lead-in groove), seconds from the
    /// start; nullopt: learned from the quietest passages (see dsp::NoiseProfile).
    std::optional<dsp::SecondsRange> noiseRange;
    /// ArDeclicker sensitivity (1..10) used to find the clicks. 8 (threshold 4.5 robust sigma)
    /// finds ~85 % of synthetic clicks in music with few false alarms; see the class comment.
    double declickSensitivity = 8.0;
};

/// Estimates a DegradationProfile from a real degraded recording, with no clean reference —
/// the inverse of DegradationSynthesizer, as far as it can be measured:
///
///  - impulses: dsp::ArDeclicker runs over the audio (restarted every 8000 clicks, since it
///    lists at most 10000); each repaired click's peak is the largest |input − declicked| in
///    its interval (sign: polarity), its width the full width at half maximum of that residual
///    × 1.5 (the half-sine pulse's width). Events with an estimated width <= 0.1 ms are crackle,
///    the others clicks; detections longer than the declicker's longest click (6 ms) count as
///    pops. The AR detector misses many wide or low clicks under loud hiss or music, and the
///    ones it finds measure narrower and lower than they are, so the click statistics are
///    corrected by injection and recovery (ClickDetectionCalibration): synthetic clicks ringing
///    like a typical pickup (the "typical78" preset's resonance, which the estimate then carries)
///    are added to up to 30 s of excerpts of the recording (ExcerptReservoir: 12 × 2.5 s drawn
///    uniformly), the same detector and measurement run over them, and the log-normal
///    population whose detected part looks like the observed clicks gives the peak and width
///    medians and the detector's efficiency (rate = observed rate / efficiency). With fewer than
///    15 clicks found the raw figures stand. Rates are per second per channel; peaks are
///    relative to the programme RMS (the recording's RMS without its noise floor, at least
///    −40 dBFS, as in the synthesizer). Under dense crackle (more crackle events than clicks)
///    its widest events measure as clicks, so only clicks above the crackle's peaks (mean +
///    1.5 sigma) take part in the calibration, observed and simulated alike. Known limits: the
///    rate is within ±20 % on 27 of 30 round-trip profile × seed cases, but reads up to 30 %
///    high on sparse clicks (3/s; ~15 % high on average even over 90 s). There the music's own
///    false alarms (~0.1/s, narrow and low) are ~5 % of the clicks found and pull their mean
///    peak down, the found clicks' moments pin the population down only loosely (one standard
///    error of the mean peak is ~15 % of efficiency), and the trials' assumed ringing differs
///    from the clicks'; docs/RESULTS.md has the measurements. Under dense crackle it reads low,
///    0.65–1.0 of the true rate on the "typical78" preset over six seeds. Unseen clicks raise
///    the hiss level: +1.0..+1.3 dB with ~40 unseen clicks/s (round trip "heavy").
///  - hiss: dsp::NoiseProfile's quietest-frames / minimum-statistics estimate on the declicked
///    audio in ~23 ms frames (short, to find moments between clicks), over the user's range only
///    when one is given; tilt is the slope of the line under its 1/3-octave levels (dB) against
///    log2 frequency over 200 Hz..min(8 kHz, 0.45 × rate) (degrade::fitFloorLine: bands that
///    music or missed clicks raised count less); level is the profile's power above 100 Hz plus
///    that line standing in below 100 Hz and at hum harmonics (so rumble and hum do not count),
///    dBFS RMS. When that "noise" is within 10 dB of the recording's level (no quiet moment at
///    all), or the line holds more than 6 dB more power than the profile it was fitted to (note
///    tails in digital silence), hiss, tilt, rumble and bandwidth are reported as not measured.
///  - hum: dsp::HumDetector (fundamental, fundamental's level, harmonics re fundamental); when
///    its automatic search finds nothing, a steady line at 50 or 60 Hz (forced search, 15 dB
///    prominence, unsteadiness at most 3 dB beyond what the background in its bin explains,
///    that allowance capped at 3 dB) is accepted, with its steady harmonics.
///  - bandwidth: a 4th-order Butterworth low-pass fitted to the long-term spectrum of the
///    declicked audio minus the noise profile, 1/6-octave bands above 250 Hz (music modelled as
///    a straight line in dB vs log2 f, rising at most 3 dB/octave; bands less than ~1 dB above
///    the noise floor, 3 dB under dense crackle, act as upper bounds). Music whose own spectrum
///    bends down (most does) pulls the corner ~5-10 % low.
///  - rumble: long-term power below 30 Hz above the extrapolated hiss, dBFS.
/// Not measured (kept from the "clean" preset, the pickup resonance assumed as above): channel correlation, wow,
/// horn resonances, high-pass corner, rumble corner, recorded-noise gains.
///
/// Streaming: prepare(), add() consecutive blocks, finish() (which runs the calibration: 3 to 10
/// seconds, cancellable). Memory is bounded (about 15 MB per channel at 44.1 kHz, the excerpts
/// included, independent of the length), so a 2-hour file is fine. Not thread-safe: one stream
/// per instance, all calls on one thread.
class ArtifactAnalyzer {
public:
    explicit ArtifactAnalyzer(AnalysisSettings settings = {});
    ~ArtifactAnalyzer();
    ArtifactAnalyzer(const ArtifactAnalyzer&) = delete;
    ArtifactAnalyzer& operator=(const ArtifactAnalyzer&) = delete;

    /// Starts a stream. @param sampleRate Hz (8000..192000), @param channels 1..8.
    Status prepare(int sampleRate, int channels);
    /// Analyses the next block (precondition: prepare() succeeded, same channel count).
    void add(const AudioBlock& block);
    /// Ends the stream and returns the estimate (path empty). Runs the click-detection
    /// calibration (seconds), which checks `cancel` (may be null) between passes: once cancelled
    /// the rest is skipped and the uncalibrated estimate returned (check `cancel` afterwards and
    /// discard it). `progress` (may be null) hears the calibration's share done, [0, 1].
    AnalysisResult finish(const CancellationToken* cancel = nullptr, ProgressReporter* progress = nullptr);

    /// Reads and analyses a whole file in blocks. Fails with an Error whose subject is the file
    /// (unreadable, not audio, a noise range beyond its end, cancelled: reason "cancelled").
    /// `cancel` and `progress` may be null; progress is reported in [0, 1] on this thread (reading
    /// up to 0.9, then the detector calibration of finish(): seconds, cancellable between passes).
    static Result<AnalysisResult> analyseFile(const QString& path, const CancellationToken* cancel = nullptr,
                                              ProgressReporter* progress = nullptr,
                                              const AnalysisSettings& settings = {});

    /// Combines several results into one (path empty): rates and levels are duration-weighted
    /// means (levels in power), log-normal parameters pooled over the events (weighted means of
    /// the medians; variances plus the spread of the medians), a field is measured when any
    /// input measured it. Precondition: `results` is not empty.
    static AnalysisResult pool(const std::vector<AnalysisResult>& results);

    /// The JSON keys of DegradationProfile, in toJson() order.
    static QStringList fieldKeys();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// Clamps every field of a measured profile into the range DegradationProfile::validate()
/// accepts (measurements can stray past them, e.g. a click rate above 2000/s).
void clampProfileToValidRanges(DegradationProfile& profile);

} // namespace shellac::degrade
