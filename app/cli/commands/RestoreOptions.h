#pragma once

#include "dsp/DspRestorerSettings.h"
#include "ml/NeuralRestorer.h"
#include "restore/RestorationSettings.h"

#include <QCommandLineParser>

namespace shellac::cli {

/// Turns restore's command-line options into DspRestorerSettings; errors name the option.
Result<dsp::DspRestorerSettings> parseDspSettings(const QCommandLineParser& parser);

/// The first option restore was given that only the classical engine uses (e.g. "--declick"),
/// or an empty string when there is none: such options conflict with --method neural.
QString firstDspOnlyOption(const QCommandLineParser& parser);

/// Turns --mix into NeuralRestorerSettings (chunking at its defaults; the device is chosen when
/// the model is loaded); errors name the option.
Result<ml::NeuralRestorerSettings> parseNeuralSettings(const QCommandLineParser& parser);

/// The bundled model for `method` (ml::RestorerFactory::defaultModelPath(): the hybrid's
/// post-filter.pt when there is one, else default.pt). Empty when none exists.
QString findDefaultModel(RestorationMethod method = RestorationMethod::Neural);

/// Parses "START-END" in seconds (e.g. "0-2.5", "1:05-1:07.5").
std::optional<std::pair<double, double>> parseTimeRange(const QString& text);

} // namespace shellac::cli
