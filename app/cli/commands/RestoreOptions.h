#pragma once

#include "dsp/DspRestorerSettings.h"

#include <QCommandLineParser>

namespace shellac::cli {

/// Turns restore's command-line options into DspRestorerSettings; errors name the option.
Result<dsp::DspRestorerSettings> parseDspSettings(const QCommandLineParser& parser);

/// Parses "START-END" in seconds (e.g. "0-2.5", "1:05-1:07.5").
std::optional<std::pair<double, double>> parseTimeRange(const QString& text);

} // namespace shellac::cli
