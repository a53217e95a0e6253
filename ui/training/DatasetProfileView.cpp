#include "ui/training/DatasetProfileView.h"

#include "audio/AudioFormat.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

#include <qcustomplot.h>

namespace shellac::ui {

namespace {

using degrade::AnalysisResult;
using degrade::DegradationProfile;

const QColor kBlue(0, 114, 178);
const QColor kOrange(230, 159, 0);

struct Bins {
    QVector<double> centres;
    QVector<double> shares; // percent of the events
};

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// A normal distribution (truncated at ±3 σ) as percentages per bin of `binWidth`.
Bins binnedNormal(double median, double sigma, double binWidth)
{
    Bins bins;
    if (sigma < 1e-6) {
        bins.centres << median;
        bins.shares << 100.0;
        return bins;
    }
    const int n = std::max(1, int(std::ceil(6.0 * sigma / binWidth)));
    const double low = median - 0.5 * n * binWidth;
    const double mass = normalCdf(3.0) - normalCdf(-3.0);
    for (int i = 0; i < n; ++i) {
        const double a = std::max(low + i * binWidth, median - 3 * sigma), b = std::min(low + (i + 1) * binWidth, median + 3 * sigma);
        bins.centres << low + (i + 0.5) * binWidth;
        bins.shares << (b > a ? 100.0 * (normalCdf((b - median) / sigma) - normalCdf((a - median) / sigma)) / mass : 0.0);
    }
    return bins;
}

QCustomPlot* makePlot(const QString& title, const QString& xLabel, QWidget* parent)
{
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumSize(240, 170);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(plot->font().family(), -1, QFont::Bold)));
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(QObject::tr("Share of events, %"));
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    return plot;
}

QCPBars* addBars(QCustomPlot* plot, const QString& name, const QColor& colour)
{
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setPen(QPen(colour.darker(120)));
    QColor fill = colour;
    fill.setAlpha(150);
    bars->setBrush(fill);
    return bars;
}

QString number(double value, int decimals) { return QString::number(value, 'f', decimals); }

} // namespace

DatasetProfileView::DatasetProfileView(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_amplitude(makePlot(tr("Click amplitudes"), tr("Peak, dB re programme RMS"), this)),
      m_width(makePlot(tr("Click widths"), tr("Width, ms (log scale)"), this))
{
    const QString chartTip = tr("Drawn from the distribution the analyzer fitted (median and spread), not from a list "
                                "of individual clicks: each bar is the share of events expected in its bin.");
    m_amplitude->setToolTip(chartTip);
    m_width->setToolTip(chartTip);
    auto* clickPeaks = addBars(m_amplitude, tr("Clicks"), kBlue);
    auto* cracklePeaks = addBars(m_amplitude, tr("Crackle"), kOrange);
    clickPeaks->setWidth(2.0);
    cracklePeaks->setWidth(2.0);
    auto* widths = addBars(m_width, tr("Clicks"), kBlue);
    widths->setWidthType(QCPBars::wtAxisRectRatio);
    m_width->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_width->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));

    m_summary->setWordWrap(true);
    auto* form = new QFormLayout;
    const struct { const char* key; const char* label; const char* tip; } rows[] = {
        {"impulse_rate_per_s", QT_TR_NOOP("Impulse rate:"), QT_TR_NOOP("Clicks and pops per second on each channel.")},
        {"pop_fraction", QT_TR_NOOP("Pops:"), QT_TR_NOOP("Share of the impulses that are long pops (wider than 6 ms).")},
        {"crackle_rate_per_s", QT_TR_NOOP("Crackle:"), QT_TR_NOOP("Very short crackle events per second on each channel.")},
        {"impulse_peak_median_db", QT_TR_NOOP("Click amplitude:"), QT_TR_NOOP("Median click peak relative to the music's RMS level, and its log-normal spread.")},
        {"impulse_width_median_ms", QT_TR_NOOP("Click width:"), QT_TR_NOOP("Median click duration and its spread in octaves.")},
        {"hiss_level_dbfs", QT_TR_NOOP("Noise floor:"), QT_TR_NOOP("Surface hiss level (RMS) between the clicks, measured in the quietest moments.")},
        {"hiss_tilt_db_per_octave", QT_TR_NOOP("Noise tilt:"), QT_TR_NOOP("Slope of the hiss spectrum; negative means darker, rumbling noise.")},
        {"hum_fundamental_hz", QT_TR_NOOP("Hum:"), QT_TR_NOOP("Steady mains hum: its frequency, level and harmonics.")},
        {"bandwidth_low_pass_hz", QT_TR_NOOP("Bandwidth:"), QT_TR_NOOP("The recording's upper frequency limit (a fitted low-pass corner).")},
        {"rumble_level_dbfs", QT_TR_NOOP("Rumble:"), QT_TR_NOOP("Turntable rumble below 30 Hz.")},
    };
    for (const auto& row : rows) {
        auto* value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setToolTip(tr(row.tip));
        value->setObjectName(QString::fromLatin1(row.key));
        form->addRow(tr(row.label), value);
        m_values.insert(QString::fromLatin1(row.key), value);
    }
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_amplitude);
    charts->addWidget(m_width);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addLayout(charts, 1);
    setResult(nullptr);
}

DatasetProfileView::~DatasetProfileView() = default;

QString DatasetProfileView::valueText(const AnalysisResult& result, const QString& key)
{
    if (!result.quality.value(key).measured)
        return tr("not measured");
    const DegradationProfile& p = result.profile;
    const bool clicks = p.impulseRatePerS > 0;
    if (key == QLatin1String("impulse_rate_per_s"))
        return tr("%1 clicks and pops/s per channel").arg(number(p.impulseRatePerS, p.impulseRatePerS < 10 ? 2 : 1));
    if (key == QLatin1String("pop_fraction"))
        return tr("%1 % of the impulses").arg(number(100.0 * p.popFraction, 1));
    if (key == QLatin1String("crackle_rate_per_s"))
        return p.crackleRatePerS > 0 ? tr("%1 events/s per channel, median %2 dB").arg(number(p.crackleRatePerS, 0), number(p.cracklePeakMedianDb, 1))
                                     : tr("none found");
    if (key == QLatin1String("impulse_peak_median_db"))
        return clicks ? tr("median %1 dB, spread %2 dB").arg(number(p.impulsePeakMedianDb, 1), number(p.impulsePeakSigmaDb, 1)) : tr("no clicks found");
    if (key == QLatin1String("impulse_width_median_ms"))
        return clicks ? tr("median %1 ms, spread %2 octaves").arg(number(p.impulseWidthMedianMs, 2), number(p.impulseWidthSigmaOctaves, 2))
                      : tr("no clicks found");
    if (key == QLatin1String("hiss_level_dbfs"))
        return p.hissLevelDbfs > DegradationProfile::kOffDb ? tr("%1 dBFS RMS").arg(number(p.hissLevelDbfs, 1)) : tr("no hiss");
    if (key == QLatin1String("hiss_tilt_db_per_octave"))
        return tr("%1 dB/octave").arg(number(p.hissTiltDbPerOctave, 1));
    if (key == QLatin1String("hum_fundamental_hz")) {
        if (p.humFundamentalHz <= 0 || p.humLevelDbfs <= DegradationProfile::kOffDb)
            return tr("none found");
        QStringList harmonics;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, p.humHarmonicsDb.size()); ++i)
            if (p.humHarmonicsDb[i] > DegradationProfile::kOffDb)
                harmonics << number(p.humHarmonicsDb[i], 0);
        QString text = tr("%1 Hz at %2 dBFS").arg(number(p.humFundamentalHz, 1), number(p.humLevelDbfs, 1));
        if (!harmonics.isEmpty())
            text += tr(", harmonics %1 dB").arg(harmonics.join(QStringLiteral(", ")));
        return text;
    }
    if (key == QLatin1String("bandwidth_low_pass_hz"))
        return p.bandwidthLowPassHz > 0 ? tr("%1 kHz low-pass").arg(number(p.bandwidthLowPassHz / 1000.0, 1)) : tr("full band (no low-pass found)");
    if (key == QLatin1String("rumble_level_dbfs"))
        return p.rumbleLevelDbfs > DegradationProfile::kOffDb ? tr("%1 dBFS").arg(number(p.rumbleLevelDbfs, 1)) : tr("none found");
    return {};
}

void DatasetProfileView::setResult(const AnalysisResult* result, const QString& placeholder)
{
    for (QCustomPlot* plot : {m_amplitude, m_width})
        for (int i = 0; i < plot->plottableCount(); ++i)
            static_cast<QCPBars*>(plot->plottable(i))->data()->clear();
    if (!result) {
        m_summary->setText(placeholder.isEmpty() ? tr("No analysis yet: add real degraded transfers and click Analyse.") : placeholder);
        for (QLabel* label : std::as_const(m_values))
            label->setText(QStringLiteral("–"));
    } else {
        m_summary->setText(tr("Measured on %n file(s), %1 of audio.", "", result->files).arg(formatDuration(result->durationSeconds)));
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            it.value()->setText(valueText(*result, it.key()));
        plotDistributions(*result);
    }
    for (QCustomPlot* plot : {m_amplitude, m_width}) {
        plot->rescaleAxes();
        plot->yAxis->setRangeLower(0);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void DatasetProfileView::plotDistributions(const AnalysisResult& result)
{
    const DegradationProfile& p = result.profile;
    const auto measured = [&](const char* key) { return result.quality.value(QString::fromLatin1(key)).measured; };
    if (p.impulseRatePerS > 0 && measured("impulse_peak_median_db")) {
        const Bins peaks = binnedNormal(p.impulsePeakMedianDb, p.impulsePeakSigmaDb, 2.0);
        static_cast<QCPBars*>(m_amplitude->plottable(0))->setData(peaks.centres, peaks.shares);
    }
    if (p.crackleRatePerS > 0 && measured("crackle_peak_median_db")) {
        const Bins crackle = binnedNormal(p.cracklePeakMedianDb, p.cracklePeakSigmaDb, 2.0);
        static_cast<QCPBars*>(m_amplitude->plottable(1))->setData(crackle.centres, crackle.shares);
    }
    if (p.impulseRatePerS > 0 && measured("impulse_width_median_ms")) {
        Bins widths = binnedNormal(std::log2(p.impulseWidthMedianMs), p.impulseWidthSigmaOctaves, 0.25);
        for (double& c : widths.centres)
            c = std::exp2(c);
        auto* bars = static_cast<QCPBars*>(m_width->plottable(0));
        bars->setWidth(0.8 / std::max<qsizetype>(1, widths.centres.size()));
        bars->setData(widths.centres, widths.shares);
    }
}

} // namespace shellac::ui
