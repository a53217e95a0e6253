#include "dsp/ArModel.h"

#include "common/VectorClones.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace shellac::dsp {

namespace {

/// One Burg (Levinson) step with reflection coefficient `mu` at order k + 1, on the AR
/// coefficients a[0..k+1] ...
void reflectCoefficients(double mu, int k, double* a)
{
    for (int i = 0; i <= (k + 1) / 2; ++i) {
        const double t1 = a[i] + mu * a[k + 1 - i];
        const double t2 = a[k + 1 - i] + mu * a[i];
        a[i] = t1;
        a[k + 1 - i] = t2;
    }
}

/// ... and on `count` pairs of forward / backward prediction errors (fw[i] = f[i + k + 1], b[i]).
inline void reflectErrors(double mu, double* fw, double* b, int count)
{
    for (int i = 0; i < count; ++i) {
        const double t1 = fw[i] + mu * b[i];
        const double t2 = b[i] + mu * fw[i];
        fw[i] = t1;
        b[i] = t2;
    }
}

} // namespace

SHELLAC_VECTOR_CLONES
int ArModel::fitBurg(std::span<const double> x, int order)
{
    const int n = static_cast<int>(x.size());
    order = std::clamp(order, 0, std::max(0, (n - 1) / 2));
    m_a.assign(static_cast<std::size_t>(order) + 1, 0.0);
    m_a[0] = 1.0;
    double energy = 0.0;
    for (double v : x)
        energy += v * v;
    m_errorPower = n > 0 ? energy / n : 0.0;
    if (order == 0 || !(energy > 0.0) || !std::isfinite(energy)) {
        m_a.resize(1);
        return 0;
    }
    m_f.assign(x.begin(), x.end());
    m_b.assign(x.begin(), x.end());
    double* f = m_f.data();
    double* b = m_b.data();
    double* a = m_a.data();
    double d = 2.0 * energy - x[0] * x[0] - x[n - 1] * x[n - 1];
    const double tiny = energy * 1e-14;
    int reached = 0;
    for (int k = 0; k < order; ++k) {
        if (!(d > tiny))
            break;
        const int len = n - k - 1;
        const double* fk = f + k + 1;
        // Four partial sums let the dot product vectorise.
        double n0 = 0.0, n1 = 0.0, n2 = 0.0, n3 = 0.0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            n0 += fk[i] * b[i];
            n1 += fk[i + 1] * b[i + 1];
            n2 += fk[i + 2] * b[i + 2];
            n3 += fk[i + 3] * b[i + 3];
        }
        for (; i < len; ++i)
            n0 += fk[i] * b[i];
        const double num = (n0 + n1) + (n2 + n3);
        const double mu = -2.0 * num / d;
        if (!(std::abs(mu) < 1.0))
            break;
        reflectCoefficients(mu, k, a);
        reflectErrors(mu, f + k + 1, b, len);
        d = (1.0 - mu * mu) * d - f[k + 1] * f[k + 1] - b[n - k - 2] * b[n - k - 2];
        m_errorPower *= (1.0 - mu * mu);
        reached = k + 1;
    }
    m_a.resize(static_cast<std::size_t>(reached) + 1);
    return reached;
}

SHELLAC_VECTOR_CLONES
int ArModel::fitBurgExcluding(std::span<const double> x, std::span<const unsigned char> exclude, int order)
{
    assert(exclude.size() == x.size());
    const int n = static_cast<int>(x.size());
    // The usable stretches [begin, end) of consecutive non-excluded samples, flat in m_stretches (begin, end, begin, end, ...).
    m_stretches.clear();
    double energy = 0.0;
    int used = 0;
    for (int i = 0; i < n; ++i) {
        if (exclude[i])
            continue;
        if (m_stretches.empty() || m_stretches.back() != i)
            m_stretches.insert(m_stretches.end(), {i, i});
        m_stretches.back() = i + 1;
        energy += x[i] * x[i];
        ++used;
    }
    order = std::clamp(order, 0, std::max(0, (used - 1) / 2));
    m_a.assign(static_cast<std::size_t>(order) + 1, 0.0);
    m_a[0] = 1.0;
    m_errorPower = used > 0 ? energy / used : 0.0;
    if (order == 0 || !(energy > 0.0) || !std::isfinite(energy)) {
        m_a.resize(1);
        return 0;
    }
    m_f.assign(x.begin(), x.end());
    m_b.assign(x.begin(), x.end());
    double* f = m_f.data();
    double* b = m_b.data();
    double* a = m_a.data();
    const double tiny = energy * 1e-14;
    int reached = 0;
    for (int k = 0; k < order; ++k) {
        // Pair (f[i + k + 1], b[i]) spans x[i .. i + k + 1]: usable when that whole stretch is,
        // i.e. for i in [begin, end - k - 1) of a stretch. Even i add to the first partial sums,
        // odd i to the second, in increasing order (the same sums as a weighted loop over all i).
        const double* fk = f + k + 1;
        double num0 = 0.0, num1 = 0.0, den0 = 0.0, den1 = 0.0;
        for (std::size_t r = 0; r < m_stretches.size(); r += 2) {
            int i = m_stretches[r];
            const int stop = m_stretches[r + 1] - k - 1;
            if (i < stop && (i & 1)) {
                num1 += fk[i] * b[i];
                den1 += fk[i] * fk[i] + b[i] * b[i];
                ++i;
            }
            for (; i + 1 < stop; i += 2) {
                num0 += fk[i] * b[i];
                num1 += fk[i + 1] * b[i + 1];
                den0 += fk[i] * fk[i] + b[i] * b[i];
                den1 += fk[i + 1] * fk[i + 1] + b[i + 1] * b[i + 1];
            }
            if (i < stop) {
                num0 += fk[i] * b[i];
                den0 += fk[i] * fk[i] + b[i] * b[i];
            }
        }
        const double num = num0 + num1;
        const double den = den0 + den1;
        if (!(den > tiny))
            break;
        const double mu = -2.0 * num / den;
        if (!(std::abs(mu) < 1.0))
            break;
        // Only usable pairs are updated: a pair unusable at this order stays so at the next.
        reflectCoefficients(mu, k, a);
        for (std::size_t r = 0; r < m_stretches.size(); r += 2)
            if (const int count = m_stretches[r + 1] - k - 1 - m_stretches[r]; count > 0)
                reflectErrors(mu, f + k + 1 + m_stretches[r], b + m_stretches[r], count);
        m_errorPower *= (1.0 - mu * mu);
        reached = k + 1;
    }
    m_a.resize(static_cast<std::size_t>(reached) + 1);
    return reached;
}

void ArModel::setCoefficients(std::span<const double> a)
{
    assert(!a.empty() && a[0] == 1.0);
    m_a.assign(a.begin(), a.end());
}

SHELLAC_VECTOR_CLONES
void ArModel::forwardError(std::span<const double> x, std::span<double> e) const
{
    assert(e.size() == x.size());
    const int n = static_cast<int>(x.size());
    const int p = order();
    const double* a = m_a.data();
    const int head = std::min(p, n);
    std::fill_n(e.data(), head, 0.0);
    // Four outputs at a time: the inner loop then vectorises across outputs while each sum keeps
    // its own order of additions (results are bit-identical to the plain loop).
    int i = p;
    for (; i + 3 < n; i += 4) {
        const double* xi = x.data() + i;
        double s0 = xi[0], s1 = xi[1], s2 = xi[2], s3 = xi[3];
        for (int j = 1; j <= p; ++j) {
            const double aj = a[j];
            s0 += aj * xi[-j];
            s1 += aj * xi[1 - j];
            s2 += aj * xi[2 - j];
            s3 += aj * xi[3 - j];
        }
        e[i] = s0;
        e[i + 1] = s1;
        e[i + 2] = s2;
        e[i + 3] = s3;
    }
    for (; i < n; ++i) {
        const double* xi = x.data() + i;
        double s = xi[0];
        for (int j = 1; j <= p; ++j)
            s += a[j] * xi[-j];
        e[i] = s;
    }
}

SHELLAC_VECTOR_CLONES
void ArModel::backwardError(std::span<const double> x, std::span<double> e) const
{
    assert(e.size() == x.size());
    const int n = static_cast<int>(x.size());
    const int p = order();
    const double* a = m_a.data();
    int i = 0;
    for (; i + 3 + p < n; i += 4) { // four at a time, as in forwardError()
        const double* xi = x.data() + i;
        double s0 = xi[0], s1 = xi[1], s2 = xi[2], s3 = xi[3];
        for (int j = 1; j <= p; ++j) {
            const double aj = a[j];
            s0 += aj * xi[j];
            s1 += aj * xi[j + 1];
            s2 += aj * xi[j + 2];
            s3 += aj * xi[j + 3];
        }
        e[i] = s0;
        e[i + 1] = s1;
        e[i + 2] = s2;
        e[i + 3] = s3;
    }
    for (; i + p < n; ++i) {
        const double* xi = x.data() + i;
        double s = xi[0];
        for (int j = 1; j <= p; ++j)
            s += a[j] * xi[j];
        e[i] = s;
    }
    for (int i = std::max(0, n - p); i < n; ++i)
        e[i] = 0.0;
}

bool ArModel::interpolate(std::span<double> x, std::span<const int> missing, std::span<const double> observationWeight)
{
    assert(observationWeight.empty() || observationWeight.size() == missing.size());
    const int n = static_cast<int>(x.size());
    const int p = order();
    const double* a = m_a.data();

    // Unknowns that satisfy the precondition, in increasing order.
    m_idx.clear();
    m_w.clear();
    m_obs.clear();
    for (std::size_t k = 0; k < missing.size(); ++k) {
        const int t = missing[k];
        if (t >= p && t < n - p) {
            m_idx.push_back(t);
            m_w.push_back(observationWeight.empty() ? 0.0 : std::max(0.0, observationWeight[k]));
            m_obs.push_back(x[t]);
        }
    }
    const int l = static_cast<int>(m_idx.size());
    if (l == 0)
        return true;

    // Autocorrelation of the error filter: (A_u^T A_u)_{ij} = r[|t_i - t_j|], 0 beyond lag p.
    m_r.assign(static_cast<std::size_t>(p) + 1, 0.0);
    for (int lag = 0; lag <= p; ++lag) {
        double s = 0.0;
        for (int j = 0; j + lag <= p; ++j)
            s += a[j] * a[j + lag];
        m_r[lag] = s;
    }

    // e0 = A x with the unknowns set to zero, needed on [t_i, t_i + p] for every unknown.
    for (int t : m_idx)
        x[t] = 0.0;
    if (static_cast<int>(m_e0.size()) < n)
        m_e0.resize(n);
    int done = 0;
    for (int t : m_idx) {
        for (int i = std::max(t, done); i <= t + p; ++i) {
            const double* xi = x.data() + i;
            double s = xi[0];
            for (int j = 1; j <= p; ++j)
                s += a[j] * xi[-j];
            m_e0[i] = s;
        }
        done = std::max(done, t + p + 1);
    }
    m_rhs.resize(l);
    for (int i = 0; i < l; ++i) {
        const double* e0 = m_e0.data() + m_idx[i];
        double s = 0.0;
        for (int j = 0; j <= p; ++j)
            s += a[j] * e0[j];
        m_rhs[i] = -s + m_w[i] * m_obs[i];
    }

    // Envelope Cholesky: row i has non-zeros from column first[i] (the first unknown within p).
    const int w = p + 1;                       // stored columns per row: L(i, i - d), d = 0..p
    m_chol.assign(static_cast<std::size_t>(l) * w, 0.0);
    m_first.resize(l);
    auto L = [&](int i, int j) -> double& { return m_chol[static_cast<std::size_t>(i) * w + (i - j)]; };
    const double ridge = m_r[0] * 1e-12;
    int first = 0;
    for (int i = 0; i < l; ++i) {
        while (m_idx[i] - m_idx[first] > p)
            ++first;
        m_first[i] = first;
        for (int j = first; j <= i; ++j) {
            double s = m_r[m_idx[i] - m_idx[j]];
            const int k0 = std::max(first, m_first[j]);
            const double* li = &L(i, k0);   // L(i, k) for k = k0.. is at decreasing addresses
            const double* lj = &L(j, k0);
            for (int k = 0; k < j - k0; ++k)
                s -= li[-k] * lj[-k];
            if (j == i) {
                s += ridge + m_w[i];
                if (!(s > 0.0) || !std::isfinite(s))
                    return false;
                L(i, i) = std::sqrt(s);
            } else {
                L(i, j) = s / L(j, j);
            }
        }
    }
    // Solve L y = rhs, then L^T x_u = y.
    for (int i = 0; i < l; ++i) {
        double s = m_rhs[i];
        for (int k = m_first[i]; k < i; ++k)
            s -= L(i, k) * m_rhs[k];
        m_rhs[i] = s / L(i, i);
    }
    for (int i = l - 1; i >= 0; --i) {
        double s = m_rhs[i];
        for (int k = i + 1; k < l && m_first[k] <= i; ++k)
            s -= L(k, i) * m_rhs[k];
        m_rhs[i] = s / L(i, i);
    }
    for (int i = 0; i < l; ++i)
        x[m_idx[i]] = m_rhs[i];
    return true;
}

} // namespace shellac::dsp
