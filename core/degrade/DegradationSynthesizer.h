#pragma once

#include "audio/AudioBlock.h"
#include "common/Result.h"
#include "degrade/DegradationProfile.h"
#include "eval/Metrics.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace shellac::degrade {

/// Per-sample ground truth of what the synthesizer added, planar like AudioBlock: one byte per
/// channel and frame, a bitmask of the Bits below (0 = clean; 3 = a click and crackle overlap).
/// Hiss, hum, rumble, a real noise source and the bandwidth/wow colouration are everywhere and
/// are not marked. A recorded noise source may contain clicks of its own; they are not marked.
struct ArtifactMask {
    enum Bits : std::uint8_t {
        kClean = 0,
        kImpulse = 1, ///< a click or pop, including its ringing down to −40 dB of its peak
        kCrackle = 2, ///< a crackle event, likewise including its ringing
    };

    int channels = 0;
    std::int64_t frames = 0;
    std::vector<std::uint8_t> bits; ///< channel c, frame i at bits[c * frames + i]

    void resize(int channelCount, std::int64_t frameCount)
    {
        channels = channelCount;
        frames = frameCount;
        bits.assign(std::size_t(channelCount) * std::size_t(frameCount), kClean);
    }
    std::span<std::uint8_t> channel(int c) { return {bits.data() + std::size_t(c) * std::size_t(frames), std::size_t(frames)}; }
    std::span<const std::uint8_t> channel(int c) const
    {
        return {bits.data() + std::size_t(c) * std::size_t(frames), std::size_t(frames)};
    }
};

/// What degrade() returns.
struct DegradationResult {
    AudioBlock degraded;                           ///< same shape as the clean input
    ArtifactMask mask;                             ///< same shape, see ArtifactMask
    std::vector<eval::SampleInterval> impulses;    ///< clicks and pops (not crackle), ordered by start
    double referenceLevelDbfs = 0;                 ///< the programme level impulse/crackle peaks were relative to
};

/// Options of a one-shot degrade().
struct SynthesisOptions {
    std::uint64_t seed = 0;
    /// Level (dBFS RMS) that impulse and crackle peaks are relative to; when unset it is
    /// measured from the clean input with DegradationSynthesizer::referenceLevelDbfs().
    std::optional<double> referenceLevelDbfs = std::nullopt;
    /// Optional recorded surface noise at the audio's sample rate, looped (see setRealNoise()).
    const AudioBlock* realNoise = nullptr;
};

/// Applies a DegradationProfile to clean audio and reports the ground truth: the degraded
/// audio, a per-sample ArtifactMask and the list of impulse intervals.
///
/// Signal path (physical order): the music is band-limited (high-pass 2nd order, low-pass 4th
/// order Butterworth, horn resonances as peaking filters), then time-warped by wow/flutter (a
/// sinusoidal speed change read from a causal delay line: only when wow is on, the music is
/// delayed by 2 + D ± D frames, D = depth/100 · sampleRate / (2π · wow_rate_hz), so the mask
/// stays exact but degraded and clean music are no longer sample-aligned); then the additive sources
/// are summed on top: rumble (low-passed noise, identical on all channels), hum (fundamental +
/// harmonics, identical on all channels), hiss (tilted noise, partly shared between channels),
/// a looped recorded noise source, crackle and clicks. Sources switched off in the profile cost
/// nothing and change nothing: the "clean" preset returns the input bit for bit.
///
/// Impulses: a Poisson process of `impulse_rate_per_s`; each is a pulse (a skewed half-sine
/// bump of log-normal width; a single-sample impulse when narrower than one frame) passed
/// through the pickup resonance (a 2-pole low-pass with unity DC gain at
/// `impulse_resonance_hz`, 1/e decay `impulse_resonance_decay_ms`), scaled to a log-normal peak
/// (draws truncated at ±3 σ) relative to the reference level, truncated where the ringing has
/// fallen below −40 dB of its peak. Crackle is the same with pulses of 0.02–0.15 ms.
/// With `impulses_correlated_across_channels` one event is rendered identically on every
/// channel (a mono disc transferred in stereo) and listed once per channel.
///
/// Units: sample rates in Hz, positions and lengths in frames, levels in dBFS (mean power; a
/// full-scale sine reads −3.01 dBFS). Output is float and not clipped.
///
/// Determinism: every source draws from its own std::mt19937_64 seeded from (seed, source,
/// channel), and every draw happens in time order, so the same seed gives bit-identical output
/// however the stream is cut into blocks, and the continuous noise (hiss, hum, rumble, real
/// noise) of a given seed is the same whatever the music or the reference level is.
///
/// Streaming: prepare() once, then process() for consecutive blocks of any size, then finish().
/// Memory is bounded (filter states, the wow delay line, the events still ringing, the real
/// noise source) and does not grow with the stream; the one-shot degrade() holds the input, the
/// output and the mask (1 byte per sample) in memory. Not thread-safe: one stream per instance,
/// all calls on one thread; separate instances are independent.
class DegradationSynthesizer {
public:
    /// Lowest reference level used for impulse and crackle peaks, dBFS: quieter programme
    /// (or digital silence) still gets clicks of a level relative to −40 dBFS.
    static constexpr double kMinReferenceLevelDbfs = -40.0;

    /// @param profile  must satisfy profile.validate() (a precondition; fromJson() guarantees it)
    DegradationSynthesizer(const DegradationProfile& profile, std::uint64_t seed);
    ~DegradationSynthesizer();
    DegradationSynthesizer(const DegradationSynthesizer&) = delete;
    DegradationSynthesizer& operator=(const DegradationSynthesizer&) = delete;

    /// Sets a recorded noise source (e.g. record surface noise), at the same sample rate as the
    /// stream, at least 0.1 s long. It is played from a random offset with a random gain
    /// (profile `real_noise_gain_db` ± `real_noise_gain_spread_db`); at its end it crossfades
    /// (10 ms) into a new random offset and gain. Output channel c plays noise channel
    /// c mod noise.channels(). Unused while `real_noise_gain_db` is off. Call before prepare().
    Status setRealNoise(AudioBlock noise);

    /// Starts a stream. @param sampleRate Hz (8000..192000), @param channels 1..8,
    /// @param referenceLevelDbfs the programme level (dBFS RMS) impulse and crackle peaks are
    /// relative to; values below kMinReferenceLevelDbfs are raised to it.
    Status prepare(int sampleRate, int channels, double referenceLevelDbfs);

    /// Degrades the next block (precondition: prepare() succeeded and in.channels() equals the
    /// prepared channel count): `out` gets the same shape as `in` (`out` may be `in`), `mask` is
    /// reshaped to it (block-relative frames). Impulses whose interval has ended by the end of
    /// this block are appended to `impulses` with absolute frame positions (counted from the
    /// first frame of the stream), in order of their start; later ones come in later calls.
    void process(const AudioBlock& in, AudioBlock& out, ArtifactMask& mask,
                 std::vector<eval::SampleInterval>& impulses);

    /// Ends the stream: appends the impulses still open, their length cut at the end of the
    /// stream. prepare() may then start a new stream (with the same seed: the same noise).
    void finish(std::vector<eval::SampleInterval>& impulses);

    /// Frames processed since prepare().
    std::int64_t position() const;

    /// One-shot: degrades a whole block (internally the same streaming code).
    /// Fails (Error naming the problem) for a rate or channel count out of range, or a profile
    /// that does not validate.
    static Result<DegradationResult> degrade(const AudioBlock& clean, int sampleRate,
                                             const DegradationProfile& profile,
                                             const SynthesisOptions& options = {});

    /// Mean power (mean of squared samples over all channels and frames) of a block, for the
    /// reference level; accumulate sums yourself when streaming.
    static double meanPower(const AudioBlock& block);
    /// Reference level for a programme of mean power `meanPower`: its dBFS, at least
    /// kMinReferenceLevelDbfs.
    static double referenceLevelDbfs(double meanPower);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace shellac::degrade
