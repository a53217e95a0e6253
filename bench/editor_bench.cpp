// shellac-editor-bench [--minutes M] [--channels C] [--png FILE] [FILE]
//
// Issue #7's editor performance figures, measured in one run on this machine: opening a
// 60-minute 44.1 kHz stereo file (generated in a temporary folder unless FILE is given) —
// time until the waveform lane can draw its first column, time to the full summary, the lane's
// repaint time over a scripted zoom/scroll sweep (1600×300 logical px, offscreen), and the memory
// the views hold. Prints the targets beside the figures; asserts nothing.

#include "audio/AudioFileWriter.h"
#include "audio/WaveformSummary.h"
#include "ui/editor/SpectrogramLane.h"
#include "ui/editor/SpectrogramTileCache.h"
#include "ui/editor/TimeRuler.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/editor/WaveformLane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPalette>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>
#include <vector>

using namespace shellac;

namespace {

constexpr int kRate = 44100;
constexpr int kLaneWidth = 1600;
constexpr int kLaneHeight = 300;

/// VmRSS and VmHWM of this process in MiB, from /proc/self/status (0 where unavailable).
struct Memory {
    double rssMiB = 0, hwmMiB = 0;
};
Memory memoryNow()
{
    Memory m;
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const auto kb = [&] { return line.simplified().split(' ').value(1).toDouble() / 1024.0; };
        if (line.startsWith("VmRSS:"))
            m.rssMiB = kb();
        else if (line.startsWith("VmHWM:"))
            m.hwmMiB = kb();
    }
    return m;
}

/// Writes `minutes` of a music-like 16-bit signal (a chord under a slow envelope, hiss, two
/// clicks a second) in 64 Ki-frame blocks, so that generating an hour needs no more memory than
/// playing it. The signal repeats every 7 s (precomputed tables): the summary's work does not
/// depend on the content, and an hour is written in seconds.
bool generate(const QString& path, double minutes, int channels)
{
    AudioWriteSpec spec{Container::Wav, SampleEncoding::Pcm16, kRate, channels};
    auto writer = AudioFileWriter::create(path, spec, OverwritePolicy::Replace);
    if (!writer) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.error().message()));
        return false;
    }
    const std::int64_t period = 7 * kRate;
    std::vector<float> music(static_cast<std::size_t>(period));
    const double tau = 2 * std::numbers::pi;
    std::mt19937 rng(78);
    std::normal_distribution<float> hiss(0.0f, 0.01f);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (std::int64_t i = 0; i < period; ++i) {
        const double t = double(i) / kRate;
        const double envelope = 0.35 + 0.3 * std::sin(tau * t / 7.0) * std::sin(tau * t / 0.875);
        const bool click = uniform(rng) < 2.0 / kRate;
        music[std::size_t(i)] = float(envelope * (0.5 * std::sin(tau * 220 * t) + 0.3 * std::sin(tau * 277 * t)
                                                  + 0.2 * std::sin(tau * 330 * t))
                                      + hiss(rng) + (click ? 0.9 : 0.0));
    }
    const auto total = std::int64_t(minutes * 60.0 * kRate);
    AudioBlock block;
    for (std::int64_t pos = 0; pos < total; pos += WaveformSummary::kReadBlockFrames) {
        const std::int64_t n = std::min(WaveformSummary::kReadBlockFrames, total - pos);
        block.resize(channels, n);
        for (int c = 0; c < channels; ++c) {
            const float gain = c ? 0.8f : 1.0f;
            const std::int64_t shift = c * 4410; // channels differ
            auto out = block.channel(c);
            for (std::int64_t i = 0; i < n; ++i)
                out[std::size_t(i)] = gain * music[std::size_t((pos + i + shift) % period)];
        }
        if (Status s = writer.value()->write(block); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message()));
            return false;
        }
    }
    if (Status s = writer.value()->commit(); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message()));
        return false;
    }
    return true;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

/// One measured paint: the zoom it drew at and how long it took.
struct Paint {
    double framesPerPixel = 0;
    double ms = 0;
};

/// Paint times, grouped by what the lane drew from.
struct Sweep {
    std::vector<Paint> all, summary, raw, samples;
    void add(double fpp, double ms)
    {
        all.push_back({fpp, ms});
        (fpp <= 1.0 ? samples : WaveformSummary::servesExactly(fpp) ? summary : raw).push_back({fpp, ms});
    }
};

void printPaints(const char* label, const std::vector<Paint>& paints)
{
    if (paints.empty())
        return;
    std::vector<double> ms;
    for (const Paint& p : paints)
        ms.push_back(p.ms);
    const auto worst = std::max_element(paints.begin(), paints.end(),
                                        [](const Paint& a, const Paint& b) { return a.ms < b.ms; });
    std::printf("  %-34s %4zu paints: median %6.2f ms, p95 %6.2f ms, worst %6.2f ms (at %g frames/px)\n", label,
                paints.size(), percentile(ms, 0.5), percentile(ms, 0.95), worst->ms, worst->framesPerPixel);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Editor performance figures for issue #7."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("minutes"), QStringLiteral("Length of the generated file."), QStringLiteral("M"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("channels"), QStringLiteral("Channels of the generated file."), QStringLiteral("C"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("png"), QStringLiteral("Also save the lane and ruler at zoom to fit."), QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Audio file to open instead of a generated one."));
    parser.process(app);
    const double minutes = parser.value(QStringLiteral("minutes")).toDouble();
    const int channels = parser.value(QStringLiteral("channels")).toInt();
    if (!(minutes > 0) || channels < 1 || channels > AudioLimits::kMaxChannels) {
        std::fprintf(stderr, "shellac-editor-bench: --minutes must be > 0 and --channels 1-8\n");
        return 2;
    }

    QTemporaryDir dir;
    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("bench.wav"));
        std::printf("generating %.1f min, %d ch, 44.1 kHz 16-bit WAV in %s ...\n", minutes, channels, qPrintable(dir.path()));
        QElapsedTimer t;
        t.start();
        if (!generate(path, minutes, channels))
            return 1;
        std::printf("  generated in %.1f s (%.0f MB; it is in the page cache: a cold disk reads slower)\n",
                    t.elapsed() / 1000.0, QFileInfo(path).size() / 1e6);
    }

    ui::TimelineViewport viewport;
    ui::WaveformLane lane(&viewport);
    lane.setTitle(QStringLiteral("Original"));
    lane.resize(kLaneWidth, kLaneHeight);
    QImage image(kLaneWidth, kLaneHeight, QImage::Format_ARGB32_Premultiplied);
    lane.render(&image); // let Qt set up fonts and the paint engine before measuring
    const Memory before = memoryNow();

    // Open: the header on this thread, the summary on the builder's.
    QElapsedTimer clock;
    clock.start();
    auto built = WaveformSummary::build(path);
    if (!built) {
        std::fprintf(stderr, "%s\n", qPrintable(built.error().message()));
        return 1;
    }
    std::shared_ptr<WaveformSummary> summary = std::move(built.value());
    viewport.setDocument(summary->frames(), summary->format().sampleRate);
    viewport.setWidth(kLaneWidth);
    lane.setSummary(summary);
    const double fitFpp = viewport.framesPerPixel();
    std::vector<WaveformColumn> firstColumn(1);
    while (!summary->isFinished()) {
        summary->query(0, 0, std::int64_t(fitFpp), firstColumn);
        if (firstColumn[0].state == WaveformColumn::State::Ready)
            break;
        QThread::usleep(200);
    }
    lane.render(&image);
    const double firstVisibleMs = double(clock.nsecsElapsed()) / 1e6;
    summary->wait();
    const double fullMs = double(clock.nsecsElapsed()) / 1e6;
    if (!summary->isComplete()) {
        std::fprintf(stderr, "%s\n", qPrintable(summary->errorMessage()));
        return 1;
    }
    const double seconds = summary->format().durationSeconds();
    std::printf("\nfile: %s, %.1f min, %d ch, %d Hz\n", qPrintable(path), seconds / 60,
                summary->channels(), summary->format().sampleRate);
    std::printf("open to first waveform column drawn (zoom to fit, %.0f frames/px): %8.1f ms   (target < 1000 ms)\n",
                fitFpp, firstVisibleMs);
    std::printf("open to full summary:                                         %8.1f ms   (target < 5000 ms)\n",
                fullMs);
    std::printf("  summary speed: %.0f x real time (%.0f Mframes/s)\n", seconds / (fullMs / 1000.0),
                double(summary->frames()) / (fullMs / 1000.0) / 1e6);

    // Repaints during a scripted sweep: zoom in step by step around the middle down to samples,
    // scroll at a range of zoom levels, zoom back out.
    Sweep sweep;
    auto paint = [&] {
        QElapsedTimer t;
        t.start();
        lane.render(&image);
        sweep.add(viewport.framesPerPixel(), double(t.nsecsElapsed()) / 1e6);
    };
    const double middle = double(summary->frames()) / 2;
    viewport.zoomToFit();
    paint();
    while (viewport.framesPerPixel() > ui::TimelineViewport::kMinFramesPerPixel) {
        viewport.zoomSteps(-1, middle);
        paint();
    }
    for (const double fpp : {fitFpp / 4, 65536.0, 4096.0, 768.0, 512.0, 256.0, 224.0, 128.0, 6.0, 1.0, 0.125}) {
        viewport.setView(middle, fpp);
        for (int i = 0; i < 40; ++i) {
            viewport.scrollByPixels(kLaneWidth / 10.0);
            paint();
        }
    }
    while (viewport.framesPerPixel() < fitFpp) {
        viewport.zoomSteps(1, middle);
        paint();
    }
    std::printf("\nrepaint of a %dx%d px lane (%d ch), offscreen raster          (target < 16 ms)\n",
                kLaneWidth, kLaneHeight, summary->channels());
    printPaints("all", sweep.all);
    printPaints("from the summary (>= 256 frames/px)", sweep.summary);
    printPaints("from raw samples (2-224 frames/px)", sweep.raw);
    printPaints("samples as a line (<= 1 frame/px)", sweep.samples);

    // The spectrogram lane over the same sweep, as the editor sets it up (32 MB tile cache):
    // tiles are computed on workers while the sweep goes on; a paint only colour-maps what has
    // arrived, within its 10 ms budget, so the GUI-thread time per paint is what matters.
    Sweep spectrogramSweep;
    double spectrogramFirstTileMs = -1.0;
    qint64 spectrogramBytes = 0;
    {
        ui::SpectrogramLane spectrogram(&viewport);
        spectrogram.cache()->setMaxBytes(32 * 1024 * 1024);
        spectrogram.resize(kLaneWidth, kLaneHeight);
        QElapsedTimer tileClock;
        tileClock.start();
        viewport.zoomToFit();
        spectrogram.setSource(path);
        auto paintSpectrogram = [&] {
            QCoreApplication::processEvents(); // tiles that finished arrive as queued signals
            QElapsedTimer t;
            t.start();
            spectrogram.render(&image);
            spectrogramSweep.add(viewport.framesPerPixel(), double(t.nsecsElapsed()) / 1e6);
        };
        while (spectrogram.missingTileCount() > 0 || spectrogramFirstTileMs < 0) {
            paintSpectrogram();
            if (spectrogramFirstTileMs < 0 && spectrogram.renderedImageCount() > 0)
                spectrogramFirstTileMs = double(tileClock.nsecsElapsed()) / 1e6;
            if (tileClock.elapsed() > 60'000)
                break;
            QThread::msleep(5);
        }
        const double fullScreenMs = double(tileClock.nsecsElapsed()) / 1e6;
        for (const double fpp : {65536.0, 4096.0, 512.0, 128.0, 6.0}) {
            viewport.setView(middle, fpp);
            for (int i = 0; i < 40; ++i) {
                viewport.scrollByPixels(kLaneWidth / 10.0);
                paintSpectrogram();
            }
        }
        spectrogramBytes = spectrogram.cache()->usedBytes();
        std::printf("\nspectrogram lane %dx%d px, FFT 2048, tiles computed on the cache's workers\n", kLaneWidth,
                    kLaneHeight);
        std::printf("  first tile drawn (zoom to fit):  %8.1f ms\n", spectrogramFirstTileMs);
        std::printf("  whole screen drawn (zoom to fit): %8.1f ms\n", fullScreenMs);
        printPaints("GUI time per paint while scrolling", spectrogramSweep.all);
    }

    const Memory after = memoryNow();
    std::printf("\nmemory the views hold                                          (target < 100 MB)\n");
    std::printf("  summary: %.1f MB (%d levels, float {min,max,rms} per 256-frame block and up)\n",
                double(summary->memoryBytes()) / 1e6, summary->levelCount());
    std::printf("  spectrogram tiles: %.1f MB held (bound 32 MB, plus at most 16 MB of colour-mapped images)\n",
                double(spectrogramBytes) / 1e6);
    std::printf("  process VmRSS growth since before opening: %+.1f MiB (now %.1f MiB)\n",
                after.rssMiB - before.rssMiB, after.rssMiB);
    std::printf("  process VmHWM growth since before opening: %+.1f MiB (peak %.1f MiB)\n",
                after.hwmMiB - before.hwmMiB, after.hwmMiB);

    if (parser.isSet(QStringLiteral("png"))) {
        ui::TimeRuler ruler(&viewport);
        ruler.resize(kLaneWidth, ruler.sizeHint().height());
        viewport.zoomToFit();
        lane.setMarkers({{0, summary->frames() / 3, 4410}, {-1, summary->frames() / 2, 2000}});
        viewport.setSelection(summary->frames() / 5, summary->frames() / 4);
        viewport.setPlayhead(summary->frames() * 2 / 3);
        QImage shot(kLaneWidth, ruler.height() + kLaneHeight, QImage::Format_RGB32);
        shot.fill(Qt::black);
        ruler.render(&shot);
        lane.render(&shot, QPoint(0, ruler.height()));
        const QString png = parser.value(QStringLiteral("png"));
        shot.save(png);
        // The same in a dark palette, and zoomed in to single samples.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::Text, QColor(225, 225, 225));
        dark.setColor(QPalette::Highlight, QColor(61, 142, 201));
        ruler.setPalette(dark);
        lane.setPalette(dark);
        ruler.render(&shot);
        lane.render(&shot, QPoint(0, ruler.height()));
        shot.save(QString(png).replace(QStringLiteral(".png"), QStringLiteral("-dark.png")));
        viewport.setView(double(summary->frames() / 3) - 100, 0.125);
        viewport.setPlayhead(summary->frames() / 3 + 20);
        ruler.render(&shot);
        lane.render(&shot, QPoint(0, ruler.height()));
        shot.save(QString(png).replace(QStringLiteral(".png"), QStringLiteral("-samples.png")));
        viewport.setView(double(summary->frames() / 3) - 200'000, 224);
        ruler.render(&shot);
        lane.render(&shot, QPoint(0, ruler.height()));
        shot.save(QString(png).replace(QStringLiteral(".png"), QStringLiteral("-224.png")));
    }
    return 0;
}
