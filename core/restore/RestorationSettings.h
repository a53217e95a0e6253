#pragma once

#include "common/Result.h"
#include "dsp/DspRestorerSettings.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace shellac {

/// Which restorer runs: the classical chain, the neural network, or the classical chain followed
/// by the network as a post-filter (see HybridRestorer).
enum class RestorationMethod { Dsp, Neural, Hybrid };

/// "dsp", "neural" or "hybrid" (the names the CLI's --method and the reports use).
QString restorationMethodName(RestorationMethod method);
/// The method for one of those names (case-insensitive, surrounding spaces ignored); nullopt
/// for anything else.
std::optional<RestorationMethod> restorationMethodFromName(const QString& name);

/// Parses the JSON that dsp::DspRestorerSettings::toJson() writes (keys rumble_hz, dehum,
/// declick_sensitivity, decrackle_level, dehiss_db, noise_from_s, smooth_pulses; a number or
/// "off" each; dehum "auto", "50", "60" or "off"; noise_from_s [START, END] in seconds;
/// smooth_pulses true or false, true when missing, as in files written before it existed). Missing keys keep their
/// defaults; unknown keys and wrong types are errors whose subject is the field, prefixed with
/// `fieldPrefix` (e.g. "dsp.rumble_hz"). Ranges are not checked here (see validate()).
Result<dsp::DspRestorerSettings> dspSettingsFromJson(const QJsonObject& json, const QString& fieldPrefix = {});

/// What the user chose in the restore panel (or a project file holds): the method and its
/// parameters. A plain value, GUI-free and torch-free; the restorer itself is made from it by
/// ml::RestorerFactory.
///
/// JSON layout (toJson()/fromJson(), a project file stores it as is):
///
///     { "version": 1, "method": "dsp" | "neural" | "hybrid",
///       "dsp": { DspRestorerSettings::toJson() }, "model": PATH ("" = bundled default),
///       "mix": 0..1 }
///
/// Every field is kept whatever the method, so switching the method back and forth in the panel
/// loses nothing; fromJson(toJson()) gives an equal value.
/// Threading: a value type; copy it between threads.
struct RestorationSettings {
    static constexpr int kVersion = 1;

    RestorationMethod method = RestorationMethod::Dsp;
    /// The classical chain's knobs; used by Dsp and Hybrid.
    dsp::DspRestorerSettings dsp;
    /// Model file for Neural and Hybrid; empty means the bundled default model.
    QString modelPath;
    /// Neural and Hybrid: share of the network's output, 0..1 (linear, not dB):
    /// output = mix·restored + (1 − mix)·input of the network.
    double mix = 1.0;

    bool usesDsp() const { return method != RestorationMethod::Neural; }
    bool usesModel() const { return method != RestorationMethod::Dsp; }

    /// Ranges and contradictions; the error's subject is the JSON field ("dsp.rumble_hz",
    /// "dsp.noise_from_s", "mix", ...). The classical knobs are range-checked for every method
    /// (they are kept for a later switch), but "every step is off" only matters when the method
    /// uses the classical chain. Does not look at the disk (the factory checks the model file).
    Status validate() const;

    QJsonObject toJson() const;
    /// Parses and validates toJson()'s layout. Missing keys keep their defaults; unknown keys,
    /// wrong types, a newer "version" and out-of-range values are errors naming the field.
    static Result<RestorationSettings> fromJson(const QJsonObject& json);

    /// One line for people, e.g. "classical: declick 5 · decrackle 5 · dehum auto · dehiss 12 dB
    /// · rumble 20 Hz", "neural: default model · mix 100 %", "hybrid: declick 5 · … · rumble
    /// 20 Hz, then default model · mix 100 %". Stages that are off read "declick off"; a noise
    /// range adds "(noise 0–2.5 s)" to dehiss, smooth_pulses false "(pulses off)" to declick; a
    /// model is named by its file name.
    QString summary() const;
    /// summary() of fromJson(json) when it parses; otherwise a generic "key value · key value"
    /// rendering of whatever the object holds (nested objects in parentheses, arrays in
    /// brackets), so that a report can show settings written by another version; an empty
    /// string for an empty object (no settings recorded, not "the defaults"). Never fails.
    static QString summaryOf(const QJsonObject& json);

    friend bool operator==(const RestorationSettings& a, const RestorationSettings& b);
};

} // namespace shellac
