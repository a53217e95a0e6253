#include "ui/editor/TimelineViewport.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace shellac::ui {

namespace {

/// Exact levels, ascending: 2^k (k >= -5), 3·2^(k-1) (k >= 1, except 384), and 5·2^(k-2), 7·2^(k-2) where they
/// are whole frames below the summaries' 256-frame base (k in 2..7) or multiples of it
/// (k >= 10). Generated once.
const std::vector<double>& zoomLevels()
{
    static const std::vector<double> levels = [] {
        std::vector<double> v;
        for (int k = -5; k <= 30; ++k) {
            v.push_back(std::ldexp(1.0, k));
            // 384 is left out too: the summaries cannot serve it and reading raw samples for a
            // whole screen at that zoom costs more than a repaint may take.
            if (k >= 1 && k < 30 && k != 8)
                v.push_back(3.0 * std::ldexp(1.0, k - 1));
            if (k < 30 && ((k >= 2 && k <= 7) || k >= 10)) {
                v.push_back(5.0 * std::ldexp(1.0, k - 2));
                v.push_back(7.0 * std::ldexp(1.0, k - 2));
            }
        }
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }();
    return levels;
}

std::size_t nearestLevelIndex(double framesPerPixel)
{
    const auto& levels = zoomLevels();
    if (!(framesPerPixel > levels.front()))
        return 0;
    if (framesPerPixel >= levels.back())
        return levels.size() - 1;
    const auto above = std::lower_bound(levels.begin(), levels.end(), framesPerPixel);
    const auto below = above - 1;
    // Nearest on a log scale: zoom is perceived in ratios.
    const bool takeAbove = std::log(*above / framesPerPixel) < std::log(framesPerPixel / *below);
    return std::size_t((takeAbove ? above : below) - levels.begin());
}

} // namespace

TimelineViewport::TimelineViewport(QObject* parent) : QObject(parent) {}

double TimelineViewport::snapFramesPerPixel(double framesPerPixel)
{
    return zoomLevels()[nearestLevelIndex(framesPerPixel)];
}

double TimelineViewport::stepFramesPerPixel(double framesPerPixel, int steps)
{
    const auto& levels = zoomLevels();
    const auto index = std::int64_t(nearestLevelIndex(framesPerPixel)) + steps;
    return levels[std::size_t(std::clamp<std::int64_t>(index, 0, std::int64_t(levels.size()) - 1))];
}

void TimelineViewport::setDocument(std::int64_t frames, int sampleRate)
{
    m_frames = std::max<std::int64_t>(0, frames);
    m_sampleRate = sampleRate > 0 ? sampleRate : 44100;
    m_selection.reset();
    m_playhead = 0;
    zoomToFit();
    Q_EMIT selectionChanged();
    Q_EMIT playheadChanged(m_playhead);
}

void TimelineViewport::setWidth(int pixels)
{
    pixels = std::max(1, pixels);
    if (pixels == m_width)
        return;
    // A view that showed the whole document keeps showing all of it (the first layout pass and
    // window resizes change the width after setDocument()).
    m_width = pixels;
    if (m_fitted)
        zoomToFit();
    else
        applyView(m_start, m_framesPerPixel);
    Q_EMIT viewChanged();
}

FrameRange TimelineViewport::visibleRange() const
{
    const auto start = std::int64_t(std::floor(std::max(0.0, m_start)));
    const auto end = std::int64_t(std::ceil(m_start + m_width * m_framesPerPixel));
    return {std::min(start, m_frames), std::clamp<std::int64_t>(end, 0, m_frames)};
}

void TimelineViewport::setView(double startFrame, double framesPerPixel)
{
    if (applyView(startFrame, framesPerPixel))
        m_fitted = false;
}

bool TimelineViewport::applyView(double startFrame, double framesPerPixel)
{
    const double fpp = snapFramesPerPixel(framesPerPixel);
    const double span = m_width * fpp;
    // Keep the view inside the document where it can; a document shorter than the view starts at 0.
    const double maxStart = std::max(0.0, double(m_frames) - span);
    const double start = std::clamp(startFrame, 0.0, maxStart);
    if (start == m_start && fpp == m_framesPerPixel)
        return false;
    m_start = start;
    m_framesPerPixel = fpp;
    Q_EMIT viewChanged();
    return true;
}

void TimelineViewport::zoomSteps(int steps, double anchorFrame)
{
    const double anchorX = frameToX(anchorFrame);
    const double fpp = stepFramesPerPixel(m_framesPerPixel, steps);
    setView(anchorFrame - anchorX * fpp, fpp);
}

void TimelineViewport::zoomToFit()
{
    // The smallest exact level at which the whole document fits.
    double fpp = snapFramesPerPixel(std::max(1.0, double(m_frames)) / m_width);
    while (fpp * m_width < double(m_frames) && fpp < kMaxFramesPerPixel)
        fpp = stepFramesPerPixel(fpp, 1);
    m_start = -1.0; // force the change signal even when only the width changed
    applyView(0.0, fpp);
    m_fitted = true;
}

void TimelineViewport::zoomToSelection()
{
    if (!m_selection || m_selection->isEmpty())
        return;
    const double span = double(m_selection->length()) * 1.1;
    double fpp = snapFramesPerPixel(span / m_width);
    while (fpp * m_width < span && fpp < kMaxFramesPerPixel)
        fpp = stepFramesPerPixel(fpp, 1);
    const double centre = 0.5 * double(m_selection->start + m_selection->end);
    setView(centre - 0.5 * m_width * fpp, fpp);
}

void TimelineViewport::scrollByPixels(double pixels)
{
    setView(m_start + pixels * m_framesPerPixel, m_framesPerPixel);
}

void TimelineViewport::ensureVisible(std::int64_t frame)
{
    const double end = m_start + m_width * m_framesPerPixel;
    if (double(frame) >= m_start && double(frame) < end)
        return;
    // Page so that the frame lands near the left edge, like a DAW following the playhead.
    setView(double(frame) - 0.05 * m_width * m_framesPerPixel, m_framesPerPixel);
}

std::int64_t TimelineViewport::clampFrame(std::int64_t frame) const
{
    return std::clamp<std::int64_t>(frame, 0, m_frames);
}

void TimelineViewport::setSelection(std::int64_t a, std::int64_t b)
{
    a = clampFrame(a);
    b = clampFrame(b);
    if (a > b)
        std::swap(a, b);
    std::optional<FrameRange> next;
    if (b > a)
        next = FrameRange{a, b};
    if (next == m_selection)
        return;
    m_selection = next;
    Q_EMIT selectionChanged();
}

void TimelineViewport::clearSelection()
{
    if (!m_selection)
        return;
    m_selection.reset();
    Q_EMIT selectionChanged();
}

void TimelineViewport::setPlayhead(std::int64_t frame)
{
    frame = clampFrame(frame);
    if (frame == m_playhead)
        return;
    m_playhead = frame;
    Q_EMIT playheadChanged(frame);
}

} // namespace shellac::ui
