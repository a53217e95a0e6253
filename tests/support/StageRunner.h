#pragma once

#include "dsp/DspStage.h"

namespace shellac::test {

/// Runs a whole stream through a prepared DspStage the way DspRestorer does: when the stage
/// wants it, an analysis pass in pieces of `analysisBlock` frames, then process() in pieces of
/// `block` frames and finish(). Returns everything the stage released, concatenated.
AudioBlock runStage(dsp::DspStage& stage, const AudioBlock& in, std::int64_t block,
                    std::int64_t analysisBlock = 8192);

} // namespace shellac::test
