#include "StageRunner.h"

#include <QTest>

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

AudioBlock runRestorer(Restorer& restorer, const AudioBlock& in, int sampleRate, std::int64_t block)
{
    AudioFormat format;
    format.sampleRate = sampleRate;
    format.channels = in.channels();
    format.frames = in.frames();
    AudioBlock piece, out, all(in.channels(), 0);
    [&] { QVERIFY(restorer.prepare(format).ok()); }();
    if (restorer.wantsAnalysisPass()) {
        for (std::int64_t pos = 0; pos < in.frames(); pos += block) {
            piece.assignFrames(in, pos, std::min(block, in.frames() - pos));
            [&] { QVERIFY(restorer.analyse(piece).ok()); }();
        }
        [&] { QVERIFY(restorer.finishAnalysis().ok()); }();
    }
    for (std::int64_t pos = 0; pos < in.frames(); pos += block) {
        piece.assignFrames(in, pos, std::min(block, in.frames() - pos));
        [&] { QVERIFY(restorer.process(piece, out).ok()); }();
        all.append(out);
    }
    [&] { QVERIFY(restorer.finish(out).ok()); }();
    all.append(out);
    return all;
}

} // namespace shellac::test
