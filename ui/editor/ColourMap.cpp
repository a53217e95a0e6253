#include "ui/editor/ColourMap.h"

#include <algorithm>
#include <cmath>

namespace shellac::ui {

namespace {

/// Matplotlib's "inferno" (Smith & van der Walt, perceptually uniform) as a published 6th-order
/// polynomial fit per channel (Matt Zucker); it stays within a few steps of 255 of the original
/// table (checked at 0, ¼, ½, ¾, 1: #000000 #561168 #ba3652 #f98a0f #faffa8).
double channel(const double (&c)[7], double t)
{
    double v = c[6];
    for (int i = 5; i >= 0; --i)
        v = v * t + c[i];
    return std::clamp(v, 0.0, 1.0);
}

std::array<QRgb, ColourMap::kEntries> buildInferno()
{
    static constexpr double r[7] = {0.0002189403691192265, 0.1065134194856116, 11.60249308247187,
                                    -41.70399613139459,    77.162935699427,    -71.31942824499214,
                                    25.13112622477341};
    static constexpr double g[7] = {0.001651004631001012, 0.5639564367884091, -3.972853965665698,
                                    17.43639888205313,    -33.40235894210092, 32.62606426397723,
                                    -12.24266895238567};
    static constexpr double b[7] = {-0.01948089843709184, 3.932712388889277, -15.9423941062914,
                                    44.35414519872813,    -81.80730925738993, 73.20951985803202,
                                    -23.07032500287172};
    std::array<QRgb, ColourMap::kEntries> table{};
    for (int i = 0; i < ColourMap::kEntries; ++i) {
        const double t = double(i) / (ColourMap::kEntries - 1);
        table[std::size_t(i)] = qRgb(int(std::lround(255 * channel(r, t))), int(std::lround(255 * channel(g, t))),
                                     int(std::lround(255 * channel(b, t))));
    }
    return table;
}

} // namespace

ColourMap::ColourMap(double minDb, double maxDb) { setRange(minDb, maxDb); }

void ColourMap::setRange(double minDb, double maxDb)
{
    m_minDb = minDb;
    m_maxDb = maxDb > minDb ? maxDb : minDb + 1.0;
    m_scale = (kEntries - 1) / (m_maxDb - m_minDb);
}

int ColourMap::indexFor(double db) const
{
    const double index = (db - m_minDb) * m_scale;
    if (!(index > 0)) // also NaN
        return 0;
    return index >= kEntries - 1 ? kEntries - 1 : int(index + 0.5);
}

const std::array<QRgb, ColourMap::kEntries>& ColourMap::table()
{
    static const std::array<QRgb, kEntries> inferno = buildInferno();
    return inferno;
}

} // namespace shellac::ui
