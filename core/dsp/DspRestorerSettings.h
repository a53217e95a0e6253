#pragma once

#include "common/Result.h"

#include <QJsonObject>

#include <optional>
#include <utility>

namespace shellac::dsp {

/// How the mains-hum stage finds the fundamental.
enum class HumMode { Off, Auto, Force50, Force60 };

/// The user-facing knobs of the classical restorer. Each stage is off when its optional is empty.
/// Defaults are what a first-time user of a worn 78 gets: all stages on at moderate strength.
struct DspRestorerSettings {
    std::optional<double> rumbleCornerHz = 20.0;    ///< high-pass corner, Hz (10..300)
    HumMode humMode = HumMode::Auto;
    std::optional<double> declickSensitivity = 5.0; ///< 1 (only loud clicks) .. 10 (smallest)
    /// Declick also finds smooth wide clicks and pops with a matched filter (ArDeclickerSettings::
    /// smoothPulses; CLI --pulses on|off). Only matters with declick on.
    bool smoothPulses = true;
    std::optional<double> decrackleLevel = 5.0;     ///< 0 (gentle) .. 10 (strong)
    std::optional<double> dehissReductionDb = 12.0; ///< most the hiss is lowered, dB (1..40)
    /// Where to learn the noise profile, in seconds from the start (e.g. the lead-in groove);
    /// empty: from the quietest passages.
    std::optional<std::pair<double, double>> noiseRangeSeconds;

    /// Ranges and contradictions (e.g. a noise range with dehiss off). The error's subject is the
    /// option name as the CLI spells it ("--dehiss").
    Status validate() const;
    /// Checks the noise range against the file's duration (seconds).
    Status validateForDuration(double durationSeconds) const;

    QJsonObject toJson() const;
};

} // namespace shellac::dsp
