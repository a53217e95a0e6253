#pragma once

#include <span>
#include <vector>

namespace shellac::dsp {

/// One smooth pulse found by PulseMatchedFilter: first sample and width (samples, within the
/// analysed window), detection score (robust standard deviations of the matched-filter output)
/// and least-squares size: the pulse is amplitude * PulseMatchedFilter::shape(width, j).
struct MatchedPulse {
    int start = 0;
    int width = 0;
    double score = 0.0;
    double amplitude = 0.0;   ///< signal units (full scale 1.0), signed
};

/// A pulse refined by PulseMatchedFilter::refine(): a half-sine of fractional width whose peak is
/// moved by warping its phase, amplitude * PulseMatchedFilter::skewedShape(width, skew, j) for
/// j = 0 .. length() - 1, from sample `start` of the analysed window.
struct PulseFit {
    int start = 0;
    double width = 0.0;       ///< samples (fractional), > 1
    double skew = 1.0;        ///< < 1: the peak comes early (a fast rise, slow decay); > 1: late
    double amplitude = 0.0;   ///< signal units (full scale 1.0), signed
    /// Samples the shape spans: those j with (j + 0.5) / width < 1.
    int length() const;
};

/// Tuning of PulseMatchedFilter.
struct PulseDetectorSettings {
    /// Score a pulse must exceed, in robust standard deviations of the matched-filter output.
    double threshold = 6.0;
    /// Share (0..1) of the excitation energy above the noise floor over the pulse's support that
    /// the fitted pulse must explain. Rejects stretches where the AR model simply fits the music
    /// badly (everything is loud there, not one pulse-shaped part of it).
    double minExplained = 0.3;
    /// Least gap (samples) between a kept pulse and a better one. The whitened template reaches
    /// the model order past the pulse, so its side lobes score there: a remover that subtracts
    /// pulses should ask for the order; one that interpolates merges neighbours anyway (0).
    int minSeparation = 0;
    /// For an interpolating remover: a wider detection that overlaps a better one and scores at
    /// least 0.75 of it extends that one's region instead of being dropped. A rounded click with
    /// a sharp onset and a ringing end scores highest with short templates at its two edges,
    /// which would otherwise hide the template that spans it.
    bool keepOverlapping = false;
};

/// Detector for wide, smooth clicks and pops in AR-modelled audio: a generalised likelihood-ratio
/// test for an additive half-sine pulse h_W[j] = sin(pi (j + 0.5) / W), j = 0..W-1, of unknown
/// sign and size, at every position and at a geometric series of widths W (ratio 2).
///
/// Why: a 0.5-40 ms pulse with a rounded shape puts most of its energy where the music's
/// spectrum is, so the AR whitening removes it and the forward excitation shows only small peaks
/// at its edges, which a per-sample threshold misses or reports as two short clicks. Summing the
/// excitation coherently over the pulse's length recovers it. With the AR prediction-error filter
/// a (e = a * x, white with variance sigma^2 when there is no pulse), a pulse d = alpha h_W at t
/// adds a * d to e; the optimal statistic is
///     c_W(t) = sum_n (a * h_W)[n - t] e[n] = sum_j h_W[j] u[t + j],   u = A^T e,
/// with standard deviation sigma ||a * h_W|| under "no pulse", and the least-squares size is
/// alpha = c_W(t) / ||a * h_W||^2 (Godsill & Rayner's template model, sec. 5.3, with the pulse
/// shape fixed up to scale). u is the caller's backward error of the forward error.
///
/// The score is |c_W| / (sigma ||a * h_W||) divided by its own local robust spread (1.2533 x the
/// median, over 8 blocks either side, of the per-block mean |score|, blocks of max(32, W)
/// samples; never below 1): where the excitation is not white at the pulse's frequencies (a bass line the
/// model does not resolve), every position scores high and none stands out.
///
/// A candidate is dropped when removing it would add energy to the signal: its size must have
/// the sign of the plain (unwhitened) least-squares fit of h_W to x and less than twice its
/// magnitude, i.e. ||x - alpha h_W|| < ||x|| over the support. A real pulse rides on the music
/// and passes; where the whitened fit only matches an edge of something else (the onset of a
/// click) its size is far larger than the signal's. It is also dropped when its RMS over the
/// support is more than 20 dB below the signal's (next to every click in a steady tone, which
/// the model predicts almost perfectly, tiny "pulses" score high).
///
/// Cost: O(1) per sample and width (the half-sine correlation from complex prefix sums of the
/// phasor-weighted u), plus O(p) per width and window for the norm. Units: samples; sigma in the excitation's scale. Not
/// thread-safe (scratch buffers); one instance per engine.
class PulseMatchedFilter {
public:
    using Settings = PulseDetectorSettings;

    /// The pulse shape: h_W[j] = sin(pi (j + 0.5) / W) for 0 <= j < W.
    static double shape(int width, int j);
    /// The skewed shape sin(pi ((j + 0.5) / width)^skew) for 0 <= j < PulseFit::length(); skew 1
    /// and an integer width give shape(width, j). The shape real pops have: a groove defect
    /// pushes the stylus up faster (or slower) than it comes back.
    static double skewedShape(double width, double skew, int j);

    /// Widths from `minWidth` to `maxWidth` samples (minWidth >= 2), ratio 2; the AR order
    /// bounds the lags of the norm computation (`maxOrder` >= the order of any model given to
    /// detect()).
    void prepare(int minWidth, int maxWidth, int maxOrder, Settings settings);

    /// Pulses whose score exceeds the threshold, none nearer than minSeparation to a better one. `x`
    /// is the signal, `u` = A^T e over the window (valid on [validBegin, validEnd)), `e` the
    /// forward excitation, `a` the prediction-error filter [1, a1..ap], `sigma` the local
    /// excitation scale per sample (all the window's length). Clears and fills `out`, sorted by
    /// start.
    void detect(std::span<const double> x, std::span<const double> u, std::span<const double> e,
                std::span<const double> a, std::span<const double> sigma, int validBegin, int validEnd,
                std::vector<MatchedPulse>& out);

    /// Refines a pulse detect() returned to the skewed half-sine of fractional width that
    /// removes the most excitation energy: width within a factor 2^(+-1/2) of the template's
    /// (the geometric grid's gap), skew 0.5..2, start within half the width either side. The
    /// grid's mismatch is what a plain template subtraction leaves: a 2^(1/2)-times wider pop
    /// keeps ~15 % of its energy and a skew-2 one about a third. Same least-squares size as
    /// detect() (whitened domain). Returns the pulse unchanged (as a PulseFit) when no candidate
    /// fits better or the better fit would add energy to `x` (isPlausible()'s test with its own
    /// shape). `x`, `u`, the prediction-error filter `a` and the valid range as given to
    /// detect() for that window. Cost: O(W p) per shape over 81 shapes, O(W) per start.
    PulseFit refine(const MatchedPulse& pulse, std::span<const double> x, std::span<const double> u,
                    std::span<const double> a, int validBegin, int validEnd);

    const std::vector<int>& widths() const { return m_widths; }

private:
    void scoreWidth(std::size_t widthIndex, std::span<const double> u, int validBegin, int last, double norm);
    void localSpread(int width);
    bool isPlausible(const MatchedPulse& pulse, std::span<const double> x) const;
    void collectRuns(int width, std::span<const double> e, std::span<const double> sigma, int validBegin,
                     int last, int order, double norm);

    struct Phasors {   // one period (2W) of exp(i pi k / W) and exp(i pi (0.5 - k) / W)
        std::vector<double> zRe, zIm, backRe, backIm;
    };

    Settings m_settings;
    std::vector<Phasors> m_phasors;   // per width
    std::vector<double> m_prefixRe, m_prefixIm, m_inverseSigma;
    std::vector<int> m_widths;
    std::vector<std::vector<double>> m_templates;                 // per width, h_W[0..W)
    std::vector<std::vector<double>> m_templateAutocorrelation;   // per width, lags 0..maxOrder
    std::vector<double> m_shape, m_shapeAutocorrelation;   // refine(): the candidate shape
    std::vector<double> m_aAutocorrelation, m_energy, m_score, m_corr, m_sorted, m_blockMean, m_spread;
    std::vector<MatchedPulse> m_candidates;
};

} // namespace shellac::dsp
