#include "StageRunner.h"

#include <algorithm>

namespace shellac::test {

AudioBlock runStage(dsp::DspStage& stage, const AudioBlock& in, std::int64_t block, std::int64_t analysisBlock)
{
    AudioBlock piece;
    if (stage.wantsAnalysis()) {
        for (std::int64_t pos = 0; pos < in.frames(); pos += analysisBlock) {
            piece.assignFrames(in, pos, std::min(analysisBlock, in.frames() - pos));
            stage.analyse(piece);
        }
        stage.finishAnalysis();
    }
    AudioBlock all(in.channels(), 0);
    AudioBlock out;
    for (std::int64_t pos = 0; pos < in.frames(); pos += block) {
        piece.assignFrames(in, pos, std::min(block, in.frames() - pos));
        stage.process(piece, out);
        all.append(out);
    }
    stage.finish(out);
    all.append(out);
    return all;
}

} // namespace shellac::test
