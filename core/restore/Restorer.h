#pragma once

#include "audio/BlockProcessor.h"

#include <QJsonObject>
#include <QString>

namespace shellac {

/// A restoration method behind one interface: the classical DSP chain, the neural restorer and
/// the hybrid are all Restorers. A Restorer is a BlockProcessor that keeps the sample rate and
/// the length of the stream (output frame i corresponds to input frame i), so that the removed
/// signal (input − output) is meaningful.
///
/// Progress and cancellation: restorers are driven block by block by transformFile() (or the
/// GUI's worker), which reports progress and checks the CancellationToken between blocks, so a
/// restorer never blocks for longer than one block's work. Not thread-safe: one stream per
/// instance.
class Restorer : public BlockProcessor {
public:
    /// "dsp", "neural" or "hybrid".
    virtual QString method() const = 0;
    /// What was done, valid after finish(): see RestorationReport for the layout.
    virtual QJsonObject report() const = 0;

    int outputSampleRate() const override { return m_sampleRate; }

protected:
    int m_sampleRate = 0; ///< set by prepare() in implementations
};

} // namespace shellac
