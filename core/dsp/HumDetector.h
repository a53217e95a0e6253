#pragma once

#include "audio/AudioBlock.h"

#include <complex>
#include <memory>
#include <vector>

namespace shellac::dsp {

class RealFft;

/// Options of the mains-hum search.
struct HumDetectorSettings {
    /// 0: search automatically in 49.88..50.12 Hz and 59.88..60.12 Hz (mains tolerance; notes
    /// lie outside). 50 or 60 (Hz): trust the user and refine the fundamental within +-2.5 Hz of
    /// it (hum recorded on a disc played off speed, or a drifting generator).
    double forcedFundamentalHz = 0.0;
    /// Highest harmonic number considered (1 = fundamental only).
    int maxHarmonics = 20;
    /// Harmonics above this frequency (Hz) or above 0.45 * sample rate are ignored.
    double maxFrequencyHz = 4000.0;
    /// A harmonic counts as present when its peak stands this many dB above the local median
    /// of the long-term spectrum (median over +-8 Hz).
    double presenceDb = 10.0;
};

/// One harmonic of the hum that was measured in the long-term spectrum.
struct HumHarmonic {
    int number = 1;            ///< 1 = fundamental
    double frequencyHz = 0.0;  ///< measured peak frequency, Hz (interpolated)
    double levelDb = 0.0;      ///< mean power of this sinusoid, dBFS (averaged over channels)
    double prominenceDb = 0.0; ///< peak above the local spectral median, dB
    /// How far the frequency wandered over the stream, Hz: the -3 dB width of the long-term
    /// peak beyond what the analysis window alone explains (0 for perfectly steady hum).
    double spreadHz = 0.0;
    /// How well this harmonic could be followed by a demodulator with a 4-pole 5 Hz low-pass:
    /// its power over the strongest other spectral content 2..60 Hz away, after that low-pass, dB.
    double isolationDb = 0.0;
    /// Mean over frames against the quietest frame at the peak, dB: ~0 for steady hum, large
    /// for a note or drum that comes and goes.
    double unsteadinessDb = 0.0;
    /// The part of unsteadinessDb that the background in the peak's bin explains on its own, dB:
    /// the expected mean-over-quietest-frame of a perfectly steady line plus noise of the local
    /// median power of the mean spectrum, over the frames there were. A steady line 14 dB over
    /// its background reads ~2 dB unsteady over 7 frames of 3 s without wavering at all.
    double backgroundUnsteadinessDb = 0.0;
};

/// What the search found.
struct HumEstimate {
    bool detected = false;
    double fundamentalHz = 0.0;           ///< refined fundamental, Hz (0 when nothing found)
    std::vector<HumHarmonic> harmonics;   ///< the harmonics that are present, ascending
    double levelDb = -300.0;              ///< total hum power, dBFS (sum over harmonics present)
};

/// Estimates the mains-hum fundamental and its harmonics from a long-term, high-resolution
/// power spectrum of a whole stream.
///
/// Frames of fftSize() samples (the largest power of two <= 4 s, ~0.34 Hz bins at 44.1 kHz),
/// Hann window, hop fftSize()/2; power spectra are summed over frames and channels, so memory is
/// O(channels * fftSize()) whatever the stream length. Detection works on the per-bin minimum
/// over frames (digital silence excluded): mains hum is there in every frame at the same level
/// and keeps its full height, while a note that is absent from even one frame (a bass G1 at
/// 49 Hz, say) drops to the background, so music in the 47-63 Hz range is not taken for hum.
/// Levels are measured on the arithmetic mean. Candidate fundamentals on a 0.01 Hz grid
/// are scored by how far the fundamental and its harmonics stand above the local spectral
/// median; the winner is refined from the interpolated peaks of the harmonics that are present
/// (weighted by harmonic number and prominence), which gives accuracy well below 0.1 Hz: first
/// from the first 8 harmonics only (a music partial near a high multiple of a wrong candidate,
/// which the 20-harmonic score may favour, cannot pull it), then from all of them in narrow
/// windows around the refined series.
/// Auto mode reports "no hum" unless two of the first four harmonics, one of them odd, are present
/// (a musical tone and its octaves alone never qualify). Not thread-safe.
class HumDetector {
public:
    HumDetector(int sampleRate, int channels, HumDetectorSettings settings = {});
    ~HumDetector();

    int fftSize() const { return m_fftSize; }
    /// Spectral resolution in Hz.
    double binHz() const { return double(m_sampleRate) / m_fftSize; }

    /// Accumulates `block` (block.channels() == channels given at construction).
    void add(const AudioBlock& block);
    /// Evaluates everything added so far (may be called once at the end of the stream).
    HumEstimate estimate();

private:
    void addFrame(const std::vector<float>& samples, int length);
    void finishFrame();
    double score(double f0, double tolerance) const;

    int m_sampleRate;
    int m_channels;
    HumDetectorSettings m_settings;
    int m_fftSize;
    int m_maxBin;
    std::unique_ptr<RealFft> m_fft;
    std::vector<std::vector<float>> m_input; // per channel
    int m_fill = 0;
    std::vector<double> m_power;             // summed |X|^2 per bin up to m_maxBin
    std::vector<double> m_framePower;        // |X|^2 of the current frame, summed over channels
    std::vector<double> m_minPower;          // per-bin minimum over non-silent frames (persistence)
    int m_minFrames = 0;                     // frames that entered m_minPower
    double m_calibration = 0.0;              // summed 2/(sum w)^2 per frame
    int m_frames = 0;
    std::vector<float> m_windowed;
    std::vector<double> m_hann;  ///< analysis window of m_fftSize samples
    std::vector<std::complex<float>> m_spectrum;
    std::vector<double> m_median;            // local median of the mean spectrum
    std::vector<double> m_mean;              // detection spectrum: per-bin minimum over frames
    std::vector<double> m_arith;             // arithmetic mean spectrum: levels
};

} // namespace shellac::dsp
