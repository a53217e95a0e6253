#include "degrade/LineFit.h"

#include <algorithm>
#include <cmath>

namespace shellac::degrade {

bool fitWeightedLine(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w,
                     double& a, double& s)
{
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sw += w[i];
        sx += w[i] * x[i];
        sy += w[i] * y[i];
        sxx += w[i] * x[i] * x[i];
        sxy += w[i] * x[i] * y[i];
    }
    const double det = sw * sxx - sx * sx;
    if (x.size() < 2 || !(sw > 0) || std::abs(det) < 1e-12 * std::max(1.0, sw * sw))
        return false;
    s = (sw * sxy - sx * sy) / det;
    a = (sy - s * sx) / sw;
    return true;
}

bool fitLine(const std::vector<double>& x, const std::vector<double>& y, double& a, double& s)
{
    return fitWeightedLine(x, y, std::vector<double>(x.size(), 1.0), a, s);
}

bool fitFloorLine(const std::vector<double>& x, const std::vector<double>& y, double marginDb, double& a, double& s)
{
    if (!fitLine(x, y, a, s))
        return false;
    // Starting from the plain fit, a few raised points only tilt the line, and staying within
    // the margin of it they would never be down-weighted. So first go down to the lower
    // envelope (asymmetric least squares: points above the line weigh 0.1), then weigh by the
    // margin: clean points lie within it again and get the plain fit back.
    std::vector<double> w(x.size(), 1.0);
    const auto refit = [&](auto weight) {
        for (std::size_t i = 0; i < x.size(); ++i)
            w[i] = weight(y[i] - (a + s * x[i]));
        double a2 = a, s2 = s;
        if (!fitWeightedLine(x, y, w, a2, s2))
            return;
        a = a2;
        s = s2;
    };
    for (int iteration = 0; iteration < 10; ++iteration)
        refit([](double r) { return r > 0 ? 0.1 : 1.0; });
    for (int iteration = 0; iteration < 20; ++iteration)
        refit([marginDb](double r) { return r > marginDb ? std::pow(marginDb / r, 4) : 1.0; });
    return true;
}

} // namespace shellac::degrade
