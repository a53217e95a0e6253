#include "dsp/ArModel.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace shellac::dsp {

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
        double num = 0.0;
        const int len = n - k - 1;
        const double* fk = f + k + 1;
        for (int i = 0; i < len; ++i)
            num += fk[i] * b[i];
        const double mu = -2.0 * num / d;
        if (!(std::abs(mu) < 1.0))
            break;
        for (int i = 0; i <= (k + 1) / 2; ++i) {
            const double t1 = a[i] + mu * a[k + 1 - i];
            const double t2 = a[k + 1 - i] + mu * a[i];
            a[i] = t1;
            a[k + 1 - i] = t2;
        }
        double* fw = f + k + 1;
        for (int i = 0; i < len; ++i) {
            const double t1 = fw[i] + mu * b[i];
            const double t2 = b[i] + mu * fw[i];
            fw[i] = t1;
            b[i] = t2;
        }
        d = (1.0 - mu * mu) * d - f[k + 1] * f[k + 1] - b[n - k - 2] * b[n - k - 2];
        m_errorPower *= (1.0 - mu * mu);
        reached = k + 1;
    }
    m_a.resize(static_cast<std::size_t>(reached) + 1);
    return reached;
}

int ArModel::fitBurgExcluding(std::span<const double> x, std::span<const unsigned char> exclude, int order)
{
    assert(exclude.size() == x.size());
    const int n = static_cast<int>(x.size());
    // run[i]: consecutive usable samples ending at i.
    m_run.resize(n);
    int run = 0;
    double energy = 0.0;
    int used = 0;
    for (int i = 0; i < n; ++i) {
        run = exclude[i] ? 0 : run + 1;
        m_run[i] = run;
        if (!exclude[i]) {
            energy += x[i] * x[i];
            ++used;
        }
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
    const int* runs = m_run.data();
    const double tiny = energy * 1e-14;
    int reached = 0;
    for (int k = 0; k < order; ++k) {
        // Pair (f[i + k + 1], b[i]) spans x[i .. i + k + 1]: usable when that whole stretch is.
        double num = 0.0, den = 0.0;
        const int len = n - k - 1;
        const double* fk = f + k + 1;
        const int* rk = runs + k + 1;
        for (int i = 0; i < len; ++i)
            if (rk[i] >= k + 2) {
                num += fk[i] * b[i];
                den += fk[i] * fk[i] + b[i] * b[i];
            }
        if (!(den > tiny))
            break;
        const double mu = -2.0 * num / den;
        if (!(std::abs(mu) < 1.0))
            break;
        for (int i = 0; i <= (k + 1) / 2; ++i) {
            const double t1 = a[i] + mu * a[k + 1 - i];
            const double t2 = a[k + 1 - i] + mu * a[i];
            a[i] = t1;
            a[k + 1 - i] = t2;
        }
        double* fw = f + k + 1;
        for (int i = 0; i < len; ++i) {
            const double t1 = fw[i] + mu * b[i];
            const double t2 = b[i] + mu * fw[i];
            fw[i] = t1;
            b[i] = t2;
        }
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

void ArModel::forwardError(std::span<const double> x, std::span<double> e) const
{
    assert(e.size() == x.size());
    const int n = static_cast<int>(x.size());
    const int p = order();
    const double* a = m_a.data();
    const int head = std::min(p, n);
    std::fill_n(e.data(), head, 0.0);
    for (int i = p; i < n; ++i) {
        const double* xi = x.data() + i;
        double s = xi[0];
        for (int j = 1; j <= p; ++j)
            s += a[j] * xi[-j];
        e[i] = s;
    }
}

void ArModel::backwardError(std::span<const double> x, std::span<double> e) const
{
    assert(e.size() == x.size());
    const int n = static_cast<int>(x.size());
    const int p = order();
    const double* a = m_a.data();
    for (int i = 0; i + p < n; ++i) {
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
