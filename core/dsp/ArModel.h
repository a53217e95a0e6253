#pragma once

#include <span>
#include <vector>

namespace shellac::dsp {

/// An all-pole (autoregressive) model of a short, locally stationary stretch of audio, and the
/// three operations the classical impulsive-noise restorers are built on (Vaseghi & Rayner 1990;
/// Godsill & Rayner, "Digital Audio Restoration", 1998, ch. 5):
///
///  - fitBurg(): Burg's maximum-entropy estimate of the prediction-error filter
///    a = [1, a1, ..., ap]; always minimum-phase (|reflection coefficients| < 1), computed in
///    double precision.
///  - forwardError() / backwardError(): the excitation e[n] = sum_j a_j x[n-j] (forward) and its
///    time-reversed twin e_b[n] = sum_j a_j x[n+j]; an impulse at n0 shows in e over
///    [n0, n0 + p] and in e_b over [n0 - p, n0].
///  - interpolate(): least-squares AR interpolation (LSAR): the unknown samples x_u that minimise
///    the excitation energy sum_n e[n]^2 given the known neighbours, i.e. the normal equations
///    (A_u^T A_u) x_u = -A_u^T A_k x_k. A_u^T A_u is a banded Toeplitz-structured matrix
///    (entries are the autocorrelation of `a`, zero beyond lag p), solved with an envelope
///    (skyline) Cholesky factorisation in O(l p^2) for l unknowns: gaps of hundreds of samples
///    and several gaps per window are cheap.
///
/// Units: samples throughout (indices, order, gap lengths); signal values are linear, in the
/// caller's scale (full scale = 1.0 by convention); powers are in the square of that scale.
///
/// Threading: an ArModel owns scratch buffers and is not thread-safe; use one per thread.
/// The buffers grow to the largest size used and are reused, so steady-state calls do not
/// allocate.
class ArModel {
public:
    /// Fits an AR(`order`) model to `x` with Burg's method. Returns the order actually reached:
    /// fewer than `order` when `x` is too short (needs more than 2 * order samples) or runs out
    /// of energy (digital silence, an exactly predictable signal); 0 means a = [1], e = x.
    /// @param order model order in samples, >= 0
    int fitBurg(std::span<const double> x, int order);

    /// Burg's method on the samples of `x` not marked in `exclude` (same length as `x`; non-zero
    /// = unusable, e.g. a detected or suspected click): reflection coefficients are accumulated only
    /// over stretches of order + 1 consecutive usable samples, so damaged samples cannot pull the
    /// model towards themselves (robust re-estimation after a first detection). Returns the order
    /// reached, as fitBurg(x, order).
    int fitBurgExcluding(std::span<const double> x, std::span<const unsigned char> exclude, int order);

    /// Sets the prediction-error filter directly; `a[0]` must be 1, order = a.size() - 1.
    void setCoefficients(std::span<const double> a);

    int order() const { return static_cast<int>(m_a.size()) - 1; }
    /// Prediction-error filter [1, a1, ..., ap]; x[n] is predicted as -sum_{j>=1} a_j x[n-j].
    std::span<const double> coefficients() const { return m_a; }
    /// Burg's estimate of the excitation (prediction-error) power, linear (units of x^2).
    double errorPower() const { return m_errorPower; }

    /// e[n] = sum_{j=0..p} a_j x[n-j] for n in [p, N); e[n] = 0 for n < p. `e.size() == x.size()`.
    void forwardError(std::span<const double> x, std::span<double> e) const;
    /// e[n] = sum_{j=0..p} a_j x[n+j] for n in [0, N-p); e[n] = 0 for n >= N-p.
    void backwardError(std::span<const double> x, std::span<double> e) const;
    /// forwardError() at one n in [p, N), bit-identical to it: to update an excitation where
    /// the signal changed.
    double forwardErrorAt(std::span<const double> x, int n) const
    {
        const double* xi = x.data() + n;
        double s = xi[0];
        for (std::size_t j = 1; j < m_a.size(); ++j)
            s += m_a[j] * xi[-std::ptrdiff_t(j)];
        return s;
    }
    /// backwardError() at one n in [0, N-p), bit-identical to it: for detectors that need it at a
    /// few places only.
    double backwardErrorAt(std::span<const double> x, int n) const
    {
        const double* xi = x.data() + n;
        double s = xi[0];
        for (std::size_t j = 1; j < m_a.size(); ++j)
            s += m_a[j] * xi[j];
        return s;
    }

    /// LSAR: replaces x[t] for every t in `missing` by the least-squares AR interpolant given all
    /// other samples of `x` and the current coefficients.
    /// Preconditions: `missing` is strictly increasing and every index lies in [p, N - p), so that
    /// each unknown has p known-or-unknown samples on both sides inside `x`. Indices outside that
    /// range are left untouched (ignored). Returns false (x unchanged except that the valid
    /// unknowns may be zeroed) only if the system is numerically singular, which cannot happen
    /// for a Burg model of order >= 0 unless the data contain NaN/Inf.
    ///
    /// With `observationWeight` (one value per entry of `missing`, >= 0, dimensionless) the
    /// observed values are not discarded but treated as signal plus additive impulsive noise
    /// (Godsill & Rayner, sec. 5.2.3): minimises ||A x||^2 + sum_i w_i (x_i - observed_i)^2, where
    /// w_i = excitation variance / noise variance at unknown i. w = 0 is plain LSAR; large w
    /// keeps the observation. Suited to small impulses (crackle) whose size is comparable to
    /// LSAR's own error.
    bool interpolate(std::span<double> x, std::span<const int> missing,
                     std::span<const double> observationWeight = {});

private:
    std::vector<double> m_a{1.0};
    double m_errorPower = 0.0;
    // scratch (Burg)
    std::vector<double> m_f, m_b, m_tmp;
    // scratch (LSAR)
    std::vector<double> m_r, m_e0, m_chol, m_rhs, m_obs, m_w;
    std::vector<int> m_idx, m_first, m_stretches;
};

} // namespace shellac::dsp
