#pragma once

#include "degrade/ArtifactAnalyzer.h"

#include <QMap>
#include <QWidget>

class QCustomPlot;
class QLabel;

namespace shellac::ui {

/// Shows a measured degradation profile (an ArtifactAnalyzer result, usually pooled): impulse
/// rate, pops and crackle as labelled values, bar charts of the click amplitudes (clicks and
/// crackle) and click widths, and the noise floor and tilt, hum, bandwidth and rumble. A field
/// the analyzer did not measure reads "not measured".
///
/// The analyzer keeps no per-click list, only the fitted log-normal distributions (median and
/// spread of the peak in dB, of the width in octaves), so the charts draw those: each bar is
/// the expected events per second per channel in its bin (peaks truncated at ±3 σ, as the
/// synthesizer draws them). GUI thread only.
class DatasetProfileView : public QWidget {
    Q_OBJECT
public:
    explicit DatasetProfileView(QWidget* parent = nullptr);
    ~DatasetProfileView() override;

    /// Shows `result`; nullptr clears the view and shows `placeholder` instead.
    void setResult(const degrade::AnalysisResult* result, const QString& placeholder = {});

    /// The value label of a profile JSON key: "impulse_rate_per_s", "pop_fraction",
    /// "crackle_rate_per_s", "impulse_peak_median_db", "impulse_width_median_ms",
    /// "hiss_level_dbfs", "hiss_tilt_db_per_octave", "hum_fundamental_hz",
    /// "bandwidth_low_pass_hz", "rumble_level_dbfs"; nullptr for any other key.
    QLabel* valueLabel(const QString& key) const { return m_values.value(key); }
    /// The line above the values ("Measured on 3 files, 12:04.0" or the placeholder).
    QLabel* summaryLabel() const { return m_summary; }
    /// Bars "Clicks" and "Crackle" over peak level, dB re programme RMS.
    QCustomPlot* amplitudePlot() const { return m_amplitude; }
    /// Bars "Clicks" over pulse width, ms (logarithmic axis).
    QCustomPlot* widthPlot() const { return m_width; }

    /// The text a value label shows for `key` (see valueLabel()), "not measured" when the
    /// analyzer says so. For tests and reports.
    static QString valueText(const degrade::AnalysisResult& result, const QString& key);

private:
    void plotDistributions(const degrade::AnalysisResult& result);

    QLabel* m_summary;
    QMap<QString, QLabel*> m_values;
    QCustomPlot* m_amplitude;
    QCustomPlot* m_width;
};

} // namespace shellac::ui
