#pragma once

#include <vector>

namespace shellac::degrade {

/// Least-squares line y = a + s x. False (a, s untouched) for fewer than 2 distinct x.
bool fitLine(const std::vector<double>& x, const std::vector<double>& y, double& a, double& s);

/// Weighted least-squares line y = a + s x, weights w >= 0. False without two distinct
/// weighted x.
bool fitWeightedLine(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w,
                     double& a, double& s);

/// The line under the points, for a noise floor in dB: contamination (music left in the
/// quietest frames, clicks the declicker missed, rumble) only ever adds power to the floor, so
/// points more than `marginDb` above the line are down-weighted by (margin / residual)^4 and
/// points below it keep their full weight (20 reweighted fits, started from the lower envelope:
/// 10 fits where points above the line weigh 0.1). Points that scatter within the margin give
/// the plain fit. Pure functions; thread-safe.
bool fitFloorLine(const std::vector<double>& x, const std::vector<double>& y, double marginDb, double& a, double& s);

} // namespace shellac::degrade
