#pragma once

#include "dsp/DspStage.h"
#include "restore/Restorer.h"

namespace shellac::test {

/// Runs a whole stream through a prepared DspStage the way DspRestorer does: when the stage
/// wants it, an analysis pass in pieces of `analysisBlock` frames, then process() in pieces of
/// `block` frames and finish(). Returns everything the stage released, concatenated.
AudioBlock runStage(dsp::DspStage& stage, const AudioBlock& in, std::int64_t block,
                    std::int64_t analysisBlock = 8192);

/// The same for a whole Restorer at `sampleRate` Hz: prepare(), the analysis pass when it wants
/// one, process() and finish(), all in pieces of `block` frames. Every step must succeed (a Qt
/// Test failure otherwise). Returns everything it released, concatenated.
AudioBlock runRestorer(Restorer& restorer, const AudioBlock& in, int sampleRate, std::int64_t block);

} // namespace shellac::test
