#include "TrainingFixtures.h"

#include "TestSignals.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <numbers>
#include <random>

namespace shellac::test {

namespace {

AudioBlock notes(double seconds, double baseHz, std::uint32_t seed)
{
    const std::int64_t frames = std::int64_t(seconds * kTrainingRate);
    AudioBlock b(1, frames);
    auto x = b.channel(0);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> pitch(0.8, 1.6);
    double f = baseHz;
    const std::int64_t every = kTrainingRate / 5;
    for (std::int64_t i = 0; i < frames; ++i) {
        if (i % every == 0)
            f = baseHz * pitch(rng);
        const double tn = double(i % every) / kTrainingRate;
        x[std::size_t(i)] = float(0.3 * std::min(1.0, tn / 0.004) * std::exp(-tn / 0.12)
                                  * (std::sin(2 * std::numbers::pi * f * tn) + 0.3 * std::sin(4 * std::numbers::pi * f * tn)));
    }
    return b;
}

AudioBlock hissed(AudioBlock block, float sigma, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> hiss(0.0f, sigma);
    for (float& v : block.channel(0))
        v += hiss(rng);
    return block;
}

AudioBlock damaged(AudioBlock block, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> hiss(0.0f, 0.01f);
    std::uniform_int_distribution<int> gap(1200, 2000);
    auto x = block.channel(0);
    for (float& v : x)
        v += hiss(rng);
    for (std::int64_t at = 500; at + 8 < block.frames(); at += gap(rng)) {
        const float sign = (at / 7) % 2 ? 1.0f : -1.0f;
        for (int k = 0; k < 6; ++k)
            x[std::size_t(at + k)] += sign * 0.6f * std::exp(-float(k) / 2.0f);
    }
    return block;
}

struct CleanFixture {
    const char* path; ///< relative to clean/
    double baseHz;
    std::uint32_t seed;
};
constexpr CleanFixture kCleanFixtures[] = {{"strings/a.wav", 330.0, 1}, {"strings/b.wav", 220.0, 2}, {"voice/c.wav", 180.0, 3}};

} // namespace

ml::RestorationNetConfig tinyNetConfig()
{
    ml::RestorationNetConfig c;
    c.sampleRate = kTrainingRate;
    c.encoderFilters = 32;
    c.encoderKernel = 32;
    c.encoderStride = 16;
    c.bottleneck = 16;
    c.hidden = 32;
    c.blocks = 4;
    c.blocksPerRepeat = 4;
    c.embeddingSize = 8;
    return c;
}

void writeTrainingFixtures(const QString& root)
{
    const QDir dir(root);
    for (const char* sub : {"clean/strings", "clean/voice", "degraded"})
        QDir().mkpath(dir.filePath(QLatin1String(sub)));
    for (const CleanFixture& f : kCleanFixtures)
        writeAudio(dir.filePath(QStringLiteral("clean/") + QLatin1String(f.path)), notes(3.0, f.baseHz, f.seed), kTrainingRate);
    writeAudio(dir.filePath(QStringLiteral("degraded/x.wav")), damaged(notes(3.0, 260.0, 4), 5), kTrainingRate);
    writeAudio(dir.filePath(QStringLiteral("degraded/y.wav")), damaged(notes(3.0, 300.0, 6), 7), kTrainingRate);
    writeAudio(dir.filePath(QStringLiteral("degraded/z.wav")), damaged(notes(3.0, 200.0, 8), 9), kTrainingRate);
}

void writePairedFixtures(const QString& root, float hissSigma)
{
    const QDir dir(root);
    std::uint32_t seed = 20;
    for (const CleanFixture& f : kCleanFixtures) {
        const QString path = dir.filePath(QStringLiteral("pairs/") + QLatin1String(f.path));
        QDir().mkpath(QFileInfo(path).absolutePath());
        writeAudio(path, hissed(notes(3.0, f.baseHz, f.seed), hissSigma, ++seed), kTrainingRate);
    }
}

ml::TrainingSettings tinyTrainingSettings(const QString& root, const QString& runDir, int epochs, int steps)
{
    ml::TrainingSettings s;
    s.cleanDir = QDir(root).filePath(QStringLiteral("clean"));
    s.degradedDir = QDir(root).filePath(QStringLiteral("degraded"));
    s.runDir = runDir;
    s.strategy = ml::TrainingStrategy::Mixed;
    s.epochs = epochs;
    s.stepsPerEpoch = steps;
    s.batchSize = 4;
    s.segmentSeconds = 0.5;
    s.learningRate = 1e-2;
    s.warmupSteps = 2;
    s.threads = 1;
    s.validationExamples = 2;
    s.net = tinyNetConfig();
    return s;
}

} // namespace shellac::test
