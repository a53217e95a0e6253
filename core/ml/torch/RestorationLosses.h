#pragma once
// Private to core/ml: includes LibTorch (see RestorationNet.h).
//
// The training losses of the neural restorer. Every signal is [batch, samples], already divided
// by the RMS of its example's input (so losses do not depend on the recording level), and every
// function returns one value per example ([batch]) unless it says otherwise.

#include <torch/torch.h>

#include <vector>

namespace shellac::ml::losses {

/// Multi-resolution STFT loss (Yamamoto et al., Parallel WaveGAN): spectral convergence plus
/// mean absolute log-magnitude difference, averaged over FFT sizes 512, 1024 and 2048 (Hann
/// window, hop = size / 4). Signals shorter than an FFT size skip that resolution. The
/// denominator and the logarithm have floors (−20 and −40 dB re a unit-RMS white signal), so a
/// silent target does not blow the loss up.
torch::Tensor multiResolutionStft(const torch::Tensor& output, const torch::Tensor& target);

/// Mean absolute sample difference.
torch::Tensor waveformL1(const torch::Tensor& output, const torch::Tensor& target);

/// Scale-invariant SDR of `output` against `target` (Le Roux et al. 2019), dB per example:
/// 10·log10(|αt|² / |αt − y|²) with α = ⟨y, t⟩ / |t|², the evaluation's measure
/// (eval::siSdrDb). Small floors (1e-8 of a unit-RMS signal's energy) keep a silent target or a
/// perfect match finite.
torch::Tensor siSdrDb(const torch::Tensor& output, const torch::Tensor& target);

/// Supervised loss against the clean target: multiResolutionStft + waveformL1, plus
/// siSdrWeight · (−siSdrDb / 10) when siSdrWeight > 0 (each 10 dB of SI-SDR worth siSdrWeight).
/// The SI-SDR term penalises distortion of the music, which the log-magnitude term alone lets
/// pass when it removes low-level noise.
torch::Tensor supervised(const torch::Tensor& output, const torch::Tensor& target, double siSdrWeight = 0.0);

/// Cycle consistency for synthetic examples: re-applying the known (additive) degradation to the
/// output, output + artifact, must reproduce the degraded input (supervised() without SI-SDR).
torch::Tensor cycle(const torch::Tensor& output, const torch::Tensor& artifact, const torch::Tensor& input);

/// Impulsiveness of `signal` relative to the local activity of `reference` (usually the input,
/// so the output cannot lower its score by adding noise): mean of relu(|Δ²signal| − 4·a)²
/// / mean(a²), where Δ² is the second difference and a the 1025-sample moving average of
/// |Δ²reference| (detached). ~0 for smooth music, large with clicks and crackle.
torch::Tensor impulseEnergy(const torch::Tensor& signal, const torch::Tensor& reference);

/// The three real-data consistency terms, each [batch].
struct ConsistencyTerms {
    torch::Tensor impulses; ///< impulseEnergy(output) / (impulseEnergy(input) + 0.01): fewer impulses than the input
    torch::Tensor envelope; ///< mean over 24 log-spaced bands of relu(|ΔdB| − 3) / 10: spectral envelope kept
    torch::Tensor energy;   ///< relu(|10·log10(E_out / E_in)| − 1) / 10: overall energy kept within ±1 dB
    torch::Tensor total() const { return impulses + envelope + energy; }
};
ConsistencyTerms consistency(const torch::Tensor& output, const torch::Tensor& input);

/// Supervised-contrastive InfoNCE loss (Khosla et al. 2020) over L2-normalised embeddings
/// [anchors, dim] with integer class labels: each anchor's positives are the other anchors of
/// its class. Returns a scalar; 0 (with a graph) when no anchor has a positive.
torch::Tensor contrastive(const torch::Tensor& embeddings, const std::vector<std::int64_t>& labels,
                          double temperature = 0.1);

} // namespace shellac::ml::losses
