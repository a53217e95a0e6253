#include "degrade/DegradationSynthesizer.h"

#include "audio/AudioFormat.h"
#include "audio/Decibels.h"
#include "degrade/ImpulseShape.h"
#include "degrade/PortableRandom.h"
#include "degrade/SeedMixing.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace shellac::degrade {

namespace {

constexpr double kPi = std::numbers::pi;

/// The independent random streams; each source/channel pair gets its own engine.
enum Source : std::uint64_t { kClicks = 1, kCrackle, kHissCommon, kHiss, kRumble, kHum, kWow, kRealNoise };
constexpr int kAllChannels = 15;

/// One stream per source/channel pair.
PortableRandom randomStream(std::uint64_t seed, Source source, int channel)
{
    return PortableRandom(splitmix64(seed ^ splitmix64(std::uint64_t(source) * 64 + std::uint64_t(channel))));
}

/// Normalised biquad (a0 = 1), transposed direct form II in double.
struct Biquad {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
};
struct BiquadState {
    double z1 = 0, z2 = 0;
    double run(const Biquad& f, double x)
    {
        const double y = f.b0 * x + z1;
        z1 = f.b1 * x - f.a1 * y + z2;
        z2 = f.b2 * x - f.a2 * y;
        return y;
    }
};

/// State of a first-order section (b2 = a2 = 0): three multiplications instead of five.
struct FirstOrderState {
    double z1 = 0;
    double run(const Biquad& f, double x)
    {
        const double y = f.b0 * x + z1;
        z1 = f.b1 * x - f.a1 * y;
        return y;
    }
};

/// RBJ audio-EQ-cookbook designs (bilinear, prewarped at the corner).
Biquad lowPass(double fc, double q, double fs)
{
    const double w = 2 * kPi * fc / fs, c = std::cos(w), alpha = std::sin(w) / (2 * q), a0 = 1 + alpha;
    return {(1 - c) / 2 / a0, (1 - c) / a0, (1 - c) / 2 / a0, -2 * c / a0, (1 - alpha) / a0};
}
Biquad highPass(double fc, double q, double fs)
{
    const double w = 2 * kPi * fc / fs, c = std::cos(w), alpha = std::sin(w) / (2 * q), a0 = 1 + alpha;
    return {(1 + c) / 2 / a0, -(1 + c) / a0, (1 + c) / 2 / a0, -2 * c / a0, (1 - alpha) / a0};
}
Biquad peaking(double f, double gainDb, double q, double fs)
{
    const double A = std::pow(10.0, gainDb / 40.0), w = 2 * kPi * f / fs, c = std::cos(w),
                 alpha = std::sin(w) / (2 * q), a0 = 1 + alpha / A;
    return {(1 + alpha * A) / a0, -2 * c / a0, (1 - alpha * A) / a0, -2 * c / a0, (1 - alpha / A) / a0};
}
/// 4th-order Butterworth low-pass as two biquads (-3 dB exactly at fc).
void appendButterworthLowPass4(std::vector<Biquad>& chain, double fc, double fs)
{
    chain.push_back(lowPass(fc, 0.54119610014619698, fs));
    chain.push_back(lowPass(fc, 1.3065629648763766, fs));
}

/// First-order pole–zero section from analog (s + wz) / (s + wp), bilinear with prewarping.
Biquad firstOrderShelf(double zeroHz, double poleHz, double fs)
{
    const double k = 2 * fs;
    const double wz = k * std::tan(kPi * zeroHz / fs), wp = k * std::tan(kPi * poleHz / fs);
    const double a0 = k + wp;
    return {(k + wz) / a0, (wz - k) / a0, 0, (wp - k) / a0, 0};
}

/// Sections whose cascade has a slope of `dbPerOctave` from 20 Hz up to near Nyquist (pole–zero
/// pairs every half octave, each spanning |slope|/12.04 octaves; flat below 20 Hz).
std::vector<Biquad> tiltFilter(double dbPerOctave, double fs)
{
    std::vector<Biquad> chain;
    if (dbPerOctave == 0)
        return chain;
    constexpr double kStartHz = 20, kSpacingOctaves = 0.5;
    // A pair spanning x octaves steps by 6.02·x dB; one pair per spacing gives 6.02·x/spacing dB/oct.
    const double pairOctaves = std::abs(dbPerOctave) * kSpacingOctaves / (20 * std::log10(2.0));
    const double top = 0.49 * fs;
    for (int k = 0;; ++k) {
        const double lo = kStartHz * std::pow(2.0, k * kSpacingOctaves);
        if (lo >= top)
            break;
        const double hi = std::min(lo * std::pow(2.0, pairOctaves), top);
        chain.push_back(dbPerOctave < 0 ? firstOrderShelf(hi, lo, fs) : firstOrderShelf(lo, hi, fs));
    }
    return chain;
}

/// Output power of `chain` for unit-variance white noise (sum of the squared impulse response).
double noisePowerGain(const std::vector<Biquad>& chain)
{
    double slowest = 0; // largest pole radius
    for (const Biquad& f : chain) {
        const double disc = f.a1 * f.a1 - 4 * f.a2;
        const double radius = disc < 0 ? std::sqrt(f.a2) : (std::abs(f.a1) + std::sqrt(disc)) / 2;
        slowest = std::max(slowest, radius);
    }
    const auto length = std::int64_t(std::min(8.0e6, 20.0 / std::max(1e-9, 1.0 - slowest) + 64));
    std::vector<BiquadState> state(chain.size());
    double sum = 0;
    for (std::int64_t n = 0; n < length; ++n) {
        double x = n == 0 ? 1.0 : 0.0;
        for (std::size_t s = 0; s < chain.size(); ++s)
            x = state[s].run(chain[s], x);
        sum += x * x;
    }
    return sum;
}

/// Catmull-Rom interpolation between y1 and y2 at t in [0, 1).
double cubic(double y0, double y1, double y2, double y3, double t)
{
    return y1 + 0.5 * t * (y2 - y0 + t * (2 * y0 - 5 * y1 + 4 * y2 - y3 + t * (3 * (y1 - y2) + y3 - y0)));
}

/// One click, pop or crackle waiting to be (or being) added to the output.
struct Event {
    std::int64_t start = 0; // absolute frame
    int kind = 0;           // 0 click, 1 crackle: fixed summation order for equal starts
    int channel = 0;
    std::shared_ptr<const std::vector<float>> wave;
    std::int64_t end() const { return start + std::int64_t(wave->size()); }
};

bool eventBefore(const Event& a, const Event& b)
{
    if (a.start != b.start)
        return a.start < b.start;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    return a.channel < b.channel;
}

/// A Poisson process of events on one channel or all channels (kAllChannels).
struct EventSource {
    PortableRandom rng;
    int channel = 0;
    double meanGapFrames = 0;
    double nextFrame = 0;
};

} // namespace

struct DegradationSynthesizer::Impl {
    DegradationProfile profile;
    std::uint64_t seed = 0;
    AudioBlock realNoise;

    // Stream set-up.
    double fs = 44100;
    int channels = 0;
    double referenceLinear = 0.01;
    std::int64_t position = 0;

    // Music colouration.
    std::vector<Biquad> bandwidth;
    std::vector<std::vector<BiquadState>> bandwidthState;
    bool wow = false;
    double wowDepthFrames = 0, wowOmega = 0, wowPhase = 0;
    std::size_t wowMask = 0;
    std::vector<std::vector<double>> wowHistory;
    std::vector<double> wowRead; // read position per frame of the current block

    // Continuous noise.
    bool hiss = false;
    double hissGain = 0, hissOwn = 1, hissShared = 0;
    std::vector<Biquad> tilt;
    PortableRandom hissCommon;
    std::vector<PortableRandom> hissRng;
    std::vector<std::vector<FirstOrderState>> tiltState;
    bool rumble = false;
    double rumbleGain = 0;
    std::vector<Biquad> rumbleFilter;
    std::vector<BiquadState> rumbleState;
    PortableRandom rumbleRng;
    /// One hum partial: amplitude · sin(omega · frame + phase), evaluated as a phasor anchored
    /// every kHumAnchor frames times a table of exact rotations (depends on the frame only).
    struct Partial {
        double amplitude, omega, phase;
        std::vector<std::complex<double>> rotation; // exp(i·omega·k), k < kHumAnchor
    };
    static constexpr std::int64_t kHumAnchor = 1024;
    std::vector<Partial> hum;
    bool real = false;
    PortableRandom realRng;
    std::int64_t realPos = 0, realOldPos = 0, realFade = 0, realFadeIndex = 0;
    double realGain = 0, realOldGain = 0;
    bool realFading = false;

    // Events.
    std::vector<EventSource> clickSources, crackleSources;
    std::vector<Event> active;
    struct Pending {
        std::int64_t start;
        int channel;
        std::int64_t length;
    };
    std::vector<Pending> pending; // sorted by (start, channel), stable

    // Scratch (reused; sized to the largest block seen).
    std::vector<double> rumbleBuffer, humBuffer, common;
    std::vector<std::vector<double>> additive;

    Status prepare(int sampleRate, int channelCount, double referenceDbfs);
    void process(const AudioBlock& in, AudioBlock& out, ArtifactMask& mask, std::vector<eval::SampleInterval>& impulses);
    void colourMusic(AudioBlock& out);
    void addContinuousNoise(std::int64_t frames);
    void generateEvents(std::int64_t blockEnd);
    std::shared_ptr<const std::vector<float>> render(PortableRandom& rng, double widthFrames, double peak);
    double drawRealGain() { return dbToAmplitude(profile.realNoiseGainDb + profile.realNoiseGainSpreadDb * (2 * realRng.uniform() - 1)); }
    std::int64_t drawRealOffset() { return std::int64_t(realRng.uniform() * double(realNoise.frames() - 2 * realFade)); }
    void emitImpulses(std::int64_t ready, std::vector<eval::SampleInterval>& impulses);
};

Status DegradationSynthesizer::Impl::prepare(int sampleRate, int channelCount, double referenceDbfs)
{
    if (sampleRate < AudioLimits::kMinSampleRate || sampleRate > AudioLimits::kMaxSampleRate)
        return Error{QString(), QObject::tr("unsupported sample rate %1 Hz (Shellac supports %2–%3 Hz)")
                                    .arg(sampleRate).arg(AudioLimits::kMinSampleRate).arg(AudioLimits::kMaxSampleRate)};
    if (channelCount < 1 || channelCount > AudioLimits::kMaxChannels)
        return Error{QString(), QObject::tr("unsupported channel count %1 (Shellac supports 1–%2)")
                                    .arg(channelCount).arg(AudioLimits::kMaxChannels)};
    if (Status valid = profile.validate(); !valid)
        return valid;
    const DegradationProfile& p = profile;
    fs = sampleRate;
    channels = channelCount;
    position = 0;
    referenceLinear = dbToAmplitude(std::max(referenceDbfs, kMinReferenceLevelDbfs));
    const double top = kMaxFrequencyFraction * fs;

    bandwidth.clear();
    if (p.bandwidthHighPassHz > 0 && p.bandwidthHighPassHz < top)
        bandwidth.push_back(highPass(p.bandwidthHighPassHz, std::numbers::sqrt2 / 2, fs));
    if (p.bandwidthLowPassHz > 0 && p.bandwidthLowPassHz < top)
        appendButterworthLowPass4(bandwidth, p.bandwidthLowPassHz, fs);
    for (const HornResonance& h : p.hornResonances)
        if (h.freqHz < top && h.gainDb != 0)
            bandwidth.push_back(peaking(h.freqHz, h.gainDb, h.q, fs));
    bandwidthState.assign(std::size_t(channels), std::vector<BiquadState>(bandwidth.size()));

    wow = p.wowDepthPercent > 0;
    wowHistory.clear();
    if (wow) {
        PortableRandom rng = randomStream(seed, kWow, 0);
        wowOmega = 2 * kPi * p.wowRateHz / fs;
        wowDepthFrames = p.wowDepthPercent / 100.0 / wowOmega;
        wowPhase = 2 * kPi * rng.uniform();
        std::size_t size = 16;
        while (double(size) < 2 * wowDepthFrames + 8)
            size *= 2;
        wowMask = size - 1;
        wowHistory.assign(std::size_t(channels), std::vector<double>(size, 0.0));
    }

    hiss = p.hissLevelDbfs > DegradationProfile::kOffDb;
    hissRng.clear();
    if (hiss) {
        tilt = tiltFilter(p.hissTiltDbPerOctave, fs);
        hissGain = dbToAmplitude(p.hissLevelDbfs) / std::sqrt(tilt.empty() ? 1.0 : noisePowerGain(tilt));
        hissShared = std::sqrt(p.hissChannelCorrelation);
        hissOwn = std::sqrt(1 - p.hissChannelCorrelation);
        hissCommon = randomStream(seed, kHissCommon, 0);
        for (int c = 0; c < channels; ++c)
            hissRng.push_back(randomStream(seed, kHiss, c));
        tiltState.assign(std::size_t(channels), std::vector<FirstOrderState>(tilt.size()));
    }

    rumble = p.rumbleLevelDbfs > DegradationProfile::kOffDb;
    if (rumble) {
        rumbleFilter.clear();
        appendButterworthLowPass4(rumbleFilter, std::min(p.rumbleCornerHz, top), fs);
        rumbleGain = dbToAmplitude(p.rumbleLevelDbfs) / std::sqrt(noisePowerGain(rumbleFilter));
        rumbleState.assign(rumbleFilter.size(), {});
        rumbleRng = randomStream(seed, kRumble, 0);
    }

    hum.clear();
    if (p.humFundamentalHz > 0 && p.humLevelDbfs > DegradationProfile::kOffDb) {
        PortableRandom rng = randomStream(seed, kHum, 0);
        for (std::size_t k = 0; k <= p.humHarmonicsDb.size(); ++k) {
            const double phase = 2 * kPi * rng.uniform(); // drawn for every partial, used or not
            const double f = p.humFundamentalHz * double(k + 1);
            const double db = p.humLevelDbfs + (k == 0 ? 0.0 : p.humHarmonicsDb[k - 1]);
            if (f < top && db > DegradationProfile::kOffDb) {
                Partial partial{std::numbers::sqrt2 * dbToAmplitude(db), 2 * kPi * f / fs, phase, {}};
                partial.rotation.resize(std::size_t(kHumAnchor));
                for (std::int64_t j = 0; j < kHumAnchor; ++j)
                    partial.rotation[std::size_t(j)] = std::polar(1.0, partial.omega * double(j));
                hum.push_back(std::move(partial));
            }
        }
    }

    real = !realNoise.isEmpty() && p.realNoiseGainDb > DegradationProfile::kOffDb;
    if (real) {
        if (double(realNoise.frames()) < 0.1 * fs)
            return Error{QString(), QObject::tr("the recorded noise source is shorter than 0.1 s (%1 frames at %2 Hz)")
                                        .arg(realNoise.frames()).arg(sampleRate)};
        realRng = randomStream(seed, kRealNoise, 0);
        realFade = std::min<std::int64_t>(std::int64_t(0.01 * fs), realNoise.frames() / 8);
        realFading = false;
        realFadeIndex = 0;
        realPos = drawRealOffset();
        realGain = drawRealGain();
    }

    const auto makeSources = [&](std::vector<EventSource>& sources, Source source, double ratePerS) {
        sources.clear();
        if (ratePerS <= 0)
            return;
        const bool together = p.impulsesCorrelatedAcrossChannels;
        for (int c = 0; c < (together ? 1 : channels); ++c) {
            EventSource s;
            s.channel = together ? kAllChannels : c;
            s.rng = randomStream(seed, source, s.channel);
            s.meanGapFrames = fs / ratePerS;
            s.nextFrame = s.rng.exponential() * s.meanGapFrames;
            sources.push_back(std::move(s));
        }
    };
    makeSources(clickSources, kClicks, p.impulseRatePerS);
    makeSources(crackleSources, kCrackle, p.crackleRatePerS);
    active.clear();
    pending.clear();
    additive.assign(std::size_t(channels), {});
    return Status::success();
}

void DegradationSynthesizer::Impl::colourMusic(AudioBlock& out)
{
    const std::int64_t n = out.frames();
    if (!bandwidth.empty()) {
        for (int c = 0; c < channels; ++c) {
            auto x = out.channel(c);
            auto& state = bandwidthState[std::size_t(c)];
            for (std::int64_t i = 0; i < n; ++i) {
                double v = x[std::size_t(i)];
                for (std::size_t s = 0; s < bandwidth.size(); ++s)
                    v = state[s].run(bandwidth[s], v);
                x[std::size_t(i)] = float(v);
            }
        }
    }
    if (wow) {
        wowRead.resize(std::size_t(n));
        for (std::int64_t i = 0; i < n; ++i) {
            const std::int64_t frame = position + i;
            wowRead[std::size_t(i)] = double(frame) - (2 + wowDepthFrames + wowDepthFrames * std::cos(wowOmega * double(frame) + wowPhase));
        }
        for (int c = 0; c < channels; ++c) {
            auto x = out.channel(c);
            auto& ring = wowHistory[std::size_t(c)];
            for (std::int64_t i = 0; i < n; ++i) {
                const std::int64_t frame = position + i;
                ring[std::size_t(frame) & wowMask] = x[std::size_t(i)];
                const double read = wowRead[std::size_t(i)];
                const double base = std::floor(read);
                const auto k = std::int64_t(base);
                const auto at = [&](std::int64_t j) { return j < 0 ? 0.0 : ring[std::size_t(j) & wowMask]; };
                x[std::size_t(i)] = float(cubic(at(k - 1), at(k), at(k + 1), at(k + 2), read - base));
            }
        }
    }
}

void DegradationSynthesizer::Impl::addContinuousNoise(std::int64_t n)
{
    const auto un = std::size_t(n);
    // Per frame the sum is always rumble + hum + hiss + real noise + events, in that order.
    if (rumble) {
        rumbleBuffer.resize(un);
        for (std::size_t i = 0; i < un; ++i) {
            double v = rumbleRng.normal();
            for (std::size_t s = 0; s < rumbleFilter.size(); ++s)
                v = rumbleState[s].run(rumbleFilter[s], v);
            rumbleBuffer[i] = rumbleGain * v;
        }
        for (auto& a : additive)
            for (std::size_t i = 0; i < un; ++i)
                a[i] += rumbleBuffer[i];
    }
    if (!hum.empty()) {
        humBuffer.assign(un, 0.0);
        for (const Partial& h : hum) {
            std::int64_t anchor = -1;
            std::complex<double> base;
            for (std::size_t i = 0; i < un; ++i) {
                const std::int64_t frame = position + std::int64_t(i);
                if (frame - anchor >= kHumAnchor || anchor < 0) {
                    anchor = frame - frame % kHumAnchor;
                    base = std::polar(h.amplitude, h.omega * double(anchor) + h.phase);
                }
                const std::complex<double>& r = h.rotation[std::size_t(frame - anchor)];
                humBuffer[i] += base.real() * r.imag() + base.imag() * r.real();
            }
        }
        for (auto& a : additive)
            for (std::size_t i = 0; i < un; ++i)
                a[i] += humBuffer[i];
    }
    if (hiss) {
        common.assign(un, 0.0);
        if (hissShared > 0)
            for (std::size_t i = 0; i < un; ++i)
                common[i] = hissShared * hissCommon.normal();
        for (int c = 0; c < channels; ++c) {
            auto& a = additive[std::size_t(c)];
            auto& rng = hissRng[std::size_t(c)];
            auto& state = tiltState[std::size_t(c)];
            for (std::size_t i = 0; i < un; ++i) {
                double v = common[i] + hissOwn * rng.normal();
                for (std::size_t s = 0; s < tilt.size(); ++s)
                    v = state[s].run(tilt[s], v);
                a[i] += hissGain * v;
            }
        }
    }
    if (real) {
        const int sourceChannels = realNoise.channels();
        for (std::size_t i = 0; i < un; ++i) {
            if (!realFading && realPos + realFade >= realNoise.frames()) {
                realFading = true;
                realFadeIndex = 0;
                realOldPos = realPos;
                realOldGain = realGain;
                realPos = drawRealOffset();
                realGain = drawRealGain();
            }
            double wIn = 1, wOut = 0;
            if (realFading) {
                const double t = (double(realFadeIndex) + 0.5) / double(realFade);
                wIn = std::sin(0.5 * kPi * t);
                wOut = std::cos(0.5 * kPi * t);
            }
            for (int c = 0; c < channels; ++c) {
                const auto src = realNoise.channel(c % sourceChannels);
                double v = wIn * realGain * src[std::size_t(realPos)];
                if (realFading)
                    v += wOut * realOldGain * src[std::size_t(realOldPos)];
                additive[std::size_t(c)][i] += v;
            }
            ++realPos;
            if (realFading) {
                ++realOldPos;
                if (++realFadeIndex == realFade)
                    realFading = false;
            }
        }
    }
}

std::shared_ptr<const std::vector<float>> DegradationSynthesizer::Impl::render(PortableRandom& rng, double widthFrames, double peak)
{
    const double skew = std::pow(2.0, 2 * rng.uniform() - 1); // moves the peak earlier or later
    const double sign = rng.uniform() < profile.impulsePositiveFraction ? 1.0 : -1.0;
    const std::vector<double> v =
        impulseShape(widthFrames, skew, profile.impulseResonanceHz, profile.impulseResonanceDecayMs, fs);
    auto wave = std::make_shared<std::vector<float>>(v.size());
    for (std::size_t k = 0; k < v.size(); ++k)
        (*wave)[k] = float(v[k] * sign * peak);
    return wave;
}

void DegradationSynthesizer::Impl::generateEvents(std::int64_t blockEnd)
{
    const DegradationProfile& p = profile;
    const std::size_t before = active.size();
    const auto addEvent = [&](const EventSource& s, int kind, std::int64_t start,
                          const std::shared_ptr<const std::vector<float>>& wave) {
        const int first = s.channel == kAllChannels ? 0 : s.channel;
        const int last = s.channel == kAllChannels ? channels - 1 : s.channel;
        for (int c = first; c <= last; ++c) {
            active.push_back({start, kind, c, wave});
            if (kind == 0) {
                const Pending entry{start, c, std::int64_t(wave->size())};
                const auto at = std::upper_bound(pending.begin(), pending.end(), entry, [](const Pending& a, const Pending& b) {
                    return a.start != b.start ? a.start < b.start : a.channel < b.channel;
                });
                pending.insert(at, entry);
            }
        }
    };
    for (EventSource& s : clickSources) {
        while (s.nextFrame < double(blockEnd)) {
            const auto start = std::int64_t(std::floor(s.nextFrame));
            const bool pop = s.rng.uniform() < p.popFraction;
            const double octaves = p.impulseWidthSigmaOctaves * s.rng.truncatedNormal(3);
            double widthMs = (pop ? p.popWidthMedianMs : p.impulseWidthMedianMs) * std::pow(2.0, octaves);
            widthMs = pop ? std::clamp(widthMs, 1.0, 100.0) : std::clamp(widthMs, p.impulseWidthMinMs, p.impulseWidthMaxMs);
            const double peakDb = p.impulsePeakMedianDb + p.impulsePeakSigmaDb * s.rng.truncatedNormal(3);
            addEvent(s, 0, start, render(s.rng, widthMs / 1000.0 * fs, referenceLinear * dbToAmplitude(peakDb)));
            s.nextFrame += s.rng.exponential() * s.meanGapFrames;
        }
    }
    for (EventSource& s : crackleSources) {
        while (s.nextFrame < double(blockEnd)) {
            const auto start = std::int64_t(std::floor(s.nextFrame));
            const double widthMs = 0.02 + 0.13 * s.rng.uniform();
            const double peakDb = p.cracklePeakMedianDb + p.cracklePeakSigmaDb * s.rng.truncatedNormal(3);
            addEvent(s, 1, start, render(s.rng, widthMs / 1000.0 * fs, referenceLinear * dbToAmplitude(peakDb)));
            s.nextFrame += s.rng.exponential() * s.meanGapFrames;
        }
    }
    // Fixed summation order whatever the block boundaries: (start, kind, channel), stable.
    std::stable_sort(active.begin() + std::ptrdiff_t(before), active.end(), eventBefore);
    std::inplace_merge(active.begin(), active.begin() + std::ptrdiff_t(before), active.end(), eventBefore);
}

void DegradationSynthesizer::Impl::emitImpulses(std::int64_t ready, std::vector<eval::SampleInterval>& impulses)
{
    std::size_t k = 0;
    while (k < pending.size() && pending[k].start + pending[k].length <= ready) {
        impulses.push_back({pending[k].channel, pending[k].start, pending[k].length});
        ++k;
    }
    pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(k));
}

void DegradationSynthesizer::Impl::process(const AudioBlock& in, AudioBlock& out, ArtifactMask& mask,
                                           std::vector<eval::SampleInterval>& impulses)
{
    assert(in.channels() == channels);
    const std::int64_t n = in.frames();
    if (&in != &out) {
        out.resize(channels, n);
        for (int c = 0; c < channels; ++c)
            std::copy(in.channel(c).begin(), in.channel(c).end(), out.channel(c).begin());
    }
    mask.resize(channels, n);
    if (n == 0)
        return;
    colourMusic(out);

    const std::int64_t blockEnd = position + n;
    generateEvents(blockEnd);
    const bool anyAdditive = rumble || hiss || real || !hum.empty() || !active.empty();
    if (anyAdditive) {
        for (auto& a : additive)
            a.assign(std::size_t(n), 0.0);
        addContinuousNoise(n);
        for (const Event& e : active) {
            const std::int64_t from = std::max(e.start, position), to = std::min(e.end(), blockEnd);
            auto& a = additive[std::size_t(e.channel)];
            auto m = mask.channel(e.channel);
            const std::uint8_t bit = e.kind == 0 ? ArtifactMask::kImpulse : ArtifactMask::kCrackle;
            for (std::int64_t f = from; f < to; ++f) {
                a[std::size_t(f - position)] += (*e.wave)[std::size_t(f - e.start)];
                m[std::size_t(f - position)] |= bit;
            }
        }
        for (int c = 0; c < channels; ++c) {
            auto x = out.channel(c);
            const auto& a = additive[std::size_t(c)];
            for (std::size_t i = 0; i < std::size_t(n); ++i)
                x[i] = float(double(x[i]) + a[i]);
        }
        std::erase_if(active, [&](const Event& e) { return e.end() <= blockEnd; });
    }
    position = blockEnd;
    emitImpulses(position, impulses);
}

DegradationSynthesizer::DegradationSynthesizer(const DegradationProfile& profile, std::uint64_t seed)
    : d(std::make_unique<Impl>())
{
    d->profile = profile;
    d->seed = seed;
}

DegradationSynthesizer::~DegradationSynthesizer() = default;

Status DegradationSynthesizer::setRealNoise(AudioBlock noise)
{
    if (noise.isEmpty() || noise.channels() < 1)
        return Error{QString(), QObject::tr("the recorded noise source is empty")};
    d->realNoise = std::move(noise);
    return Status::success();
}

Status DegradationSynthesizer::prepare(int sampleRate, int channels, double referenceLevelDbfs)
{
    return d->prepare(sampleRate, channels, referenceLevelDbfs);
}

void DegradationSynthesizer::process(const AudioBlock& in, AudioBlock& out, ArtifactMask& mask,
                                     std::vector<eval::SampleInterval>& impulses)
{
    d->process(in, out, mask, impulses);
}

void DegradationSynthesizer::finish(std::vector<eval::SampleInterval>& impulses)
{
    for (const auto& p : d->pending)
        impulses.push_back({p.channel, p.start, std::min(p.length, d->position - p.start)});
    d->pending.clear();
    d->active.clear();
}

std::int64_t DegradationSynthesizer::position() const
{
    return d->position;
}

double DegradationSynthesizer::meanPower(const AudioBlock& block)
{
    if (block.isEmpty() || block.channels() == 0)
        return 0.0;
    double sum = 0;
    for (int c = 0; c < block.channels(); ++c)
        for (float s : block.channel(c))
            sum += double(s) * double(s);
    return sum / (double(block.frames()) * block.channels());
}

double DegradationSynthesizer::referenceLevelDbfs(double meanPower)
{
    return std::max(powerToDb(meanPower), kMinReferenceLevelDbfs);
}

Result<DegradationResult> DegradationSynthesizer::degrade(const AudioBlock& clean, int sampleRate,
                                                          const DegradationProfile& profile,
                                                          const SynthesisOptions& options)
{
    DegradationResult result;
    result.referenceLevelDbfs = options.referenceLevelDbfs.value_or(referenceLevelDbfs(meanPower(clean)));
    DegradationSynthesizer synth(profile, options.seed);
    if (options.realNoise)
        if (Status s = synth.setRealNoise(*options.realNoise); !s)
            return s.error();
    if (Status s = synth.prepare(sampleRate, clean.channels(), result.referenceLevelDbfs); !s)
        return s.error();
    result.degraded.resize(clean.channels(), clean.frames());
    result.mask.resize(clean.channels(), clean.frames());
    constexpr std::int64_t kChunk = 1 << 16;
    AudioBlock in, out;
    ArtifactMask mask;
    for (std::int64_t at = 0; at < clean.frames(); at += kChunk) {
        const std::int64_t n = std::min(kChunk, clean.frames() - at);
        in.resize(clean.channels(), n);
        for (int c = 0; c < clean.channels(); ++c)
            std::copy_n(clean.channel(c).begin() + at, n, in.channel(c).begin());
        synth.process(in, out, mask, result.impulses);
        for (int c = 0; c < clean.channels(); ++c) {
            std::copy_n(out.channel(c).begin(), n, result.degraded.channel(c).begin() + at);
            std::copy_n(mask.channel(c).begin(), n, result.mask.channel(c).begin() + at);
        }
    }
    synth.finish(result.impulses);
    return result;
}

} // namespace shellac::degrade
