#include "ui/training/TrainingCharts.h"

#include "ui/training/TrainingProgress.h"

#include <QGridLayout>

#include <algorithm>

#include <qcustomplot.h>

namespace shellac::ui {

namespace {

// Colours that stay apart for common colour-vision deficiencies (Okabe–Ito).
const QColor kBlue(0, 114, 178);
const QColor kOrange(230, 159, 0);
const QColor kGreen(0, 158, 115);
const QColor kPurple(204, 121, 167);
const QColor kGrey(110, 110, 110);

QCustomPlot* makePlot(const QString& title, const QString& xLabel, const QString& yLabel, QWidget* parent)
{
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumSize(260, 180);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(plot->font().family(), -1, QFont::Bold)));
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->legend->setBrush(QColor(255, 255, 255, 200)); // curves stay visible behind it
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    return plot;
}

QCPGraph* addGraph(QCustomPlot* plot, const QString& name, const QColor& colour, bool markers)
{
    QCPGraph* graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(colour, 1.6));
    if (markers)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    return graph;
}

void useEpochTicks(QCustomPlot* plot)
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(ticker);
}

} // namespace

TrainingCharts::TrainingCharts(QWidget* parent)
    : QWidget(parent),
      m_stepLoss(makePlot(tr("Loss per step"), tr("Step"), tr("Loss"), this)),
      m_epochLoss(makePlot(tr("Loss per epoch"), tr("Epoch"), tr("Loss"), this)),
      m_ratio(makePlot(tr("Synthetic ratio"), tr("Epoch"), tr("Share of synthetic examples"), this)),
      m_realMetrics(makePlot(tr("Real-data metrics"), tr("Epoch"), tr("Rate"), this)),
      m_siSdr(makePlot(tr("SI-SDR improvement"), tr("Epoch"), tr("dB"), this))
{
    m_stepLoss->setToolTip(tr("Supervised loss on synthetic examples and consistency loss on real transfers, "
                              "after every optimisation step."));
    m_epochLoss->setToolTip(tr("Epoch means of the supervised (synthetic) and consistency (real) losses. "
                               "The gap between them should narrow as training goes on."));
    m_ratio->setToolTip(tr("Share of synthetic examples in each batch as the strategy scheduled it."));
    m_realMetrics->setToolTip(tr("Impulse removal rate on the real validation transfers (clicks found after / before) "
                                 "and transient preservation on clean audio (1 = onsets untouched)."));
    m_siSdr->setToolTip(tr("Median SI-SDR gain on the synthetic validation set, in dB."));

    addGraph(m_stepLoss, tr("Supervised"), kBlue, false);
    addGraph(m_stepLoss, tr("Consistency"), kOrange, false);
    addGraph(m_epochLoss, tr("Supervised"), kBlue, true);
    addGraph(m_epochLoss, tr("Consistency"), kOrange, true);
    addGraph(m_ratio, tr("Synthetic ratio"), kGreen, true);
    addGraph(m_realMetrics, tr("Impulse removal rate"), kPurple, true);
    addGraph(m_realMetrics, tr("Transient preservation"), kGreen, true);
    addGraph(m_siSdr, tr("SI-SDR improvement"), kBlue, true);
    for (QCustomPlot* plot : {m_epochLoss, m_ratio, m_realMetrics, m_siSdr})
        useEpochTicks(plot);
    m_ratio->yAxis->setRange(0, 1.05);
    m_realMetrics->yAxis->setRange(0, 1.05);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_stepLoss, 0, 0);
    grid->addWidget(m_epochLoss, 0, 1);
    grid->addWidget(m_ratio, 1, 0);
    grid->addWidget(m_realMetrics, 1, 1);
    grid->addWidget(m_siSdr, 2, 0, 1, 2);
}

TrainingCharts::~TrainingCharts() = default;

void TrainingCharts::setProgress(TrainingProgress* progress)
{
    if (m_progress != nullptr)
        m_progress->disconnect(this);
    m_progress = progress;
    if (m_progress != nullptr) {
        connect(m_progress, &TrainingProgress::stepAdded, this, &TrainingCharts::appendStep);
        connect(m_progress, &TrainingProgress::epochAdded, this, &TrainingCharts::appendEpoch);
        connect(m_progress, &TrainingProgress::seriesReset, this, &TrainingCharts::rebuild);
        connect(m_progress, &QObject::destroyed, this, [this] { m_progress = nullptr; });
    }
    rebuild();
}

void TrainingCharts::rebuild()
{
    m_stepLoss->graph(0)->data()->clear();
    m_stepLoss->graph(1)->data()->clear();
    for (int i = 0; i < 2; ++i)
        m_epochLoss->graph(i)->data()->clear();
    m_ratio->graph(0)->data()->clear();
    m_realMetrics->graph(0)->data()->clear();
    m_realMetrics->graph(1)->data()->clear();
    m_siSdr->graph(0)->data()->clear();
    if (m_progress != nullptr) {
        QVector<double> x, supervised, consistency;
        for (const TrainingStep& s : m_progress->steps()) {
            x << double(s.globalStep);
            supervised << s.supervised;
            consistency << s.consistency;
        }
        m_stepLoss->graph(0)->setData(x, supervised, true);
        m_stepLoss->graph(1)->setData(x, consistency, true);
        for (const TrainingEpoch& e : m_progress->epochs())
            appendEpoch(e);
    }
    refresh(m_stepLoss);
    refreshEpochPlots();
}

void TrainingCharts::appendStep(const TrainingStep& step)
{
    m_stepLoss->graph(0)->addData(double(step.globalStep), step.supervised);
    m_stepLoss->graph(1)->addData(double(step.globalStep), step.consistency);
    refresh(m_stepLoss);
}

void TrainingCharts::appendEpoch(const TrainingEpoch& e)
{
    const double x = e.epoch;
    m_epochLoss->graph(0)->addData(x, e.supervisedLoss);
    m_epochLoss->graph(1)->addData(x, e.consistencyLoss);
    m_ratio->graph(0)->addData(x, e.syntheticRatio);
    m_realMetrics->graph(0)->addData(x, e.impulseRemovalRate);
    m_realMetrics->graph(1)->addData(x, e.transientPreservation);
    m_siSdr->graph(0)->addData(x, e.siSdrImprovementDb);
    refreshEpochPlots();
}

int TrainingCharts::addComparisonRun(const QString& name, const QList<TrainingEpoch>& epochs)
{
    const int first = m_epochLoss->graphCount();
    static const QColor colours[] = {kGrey, kPurple, kGreen, QColor(86, 180, 233), QColor(213, 94, 0)};
    const QColor colour = colours[m_comparisonRuns % int(std::size(colours))];
    QCPGraph* supervised = addGraph(m_epochLoss, tr("%1: supervised").arg(name), colour, true);
    QCPGraph* consistency = addGraph(m_epochLoss, tr("%1: consistency").arg(name), colour, true);
    supervised->setPen(QPen(colour, 1.2, Qt::DashLine));
    consistency->setPen(QPen(colour, 1.2, Qt::DotLine));
    for (const TrainingEpoch& e : epochs) {
        supervised->addData(e.epoch, e.supervisedLoss);
        consistency->addData(e.epoch, e.consistencyLoss);
    }
    ++m_comparisonRuns;
    refresh(m_epochLoss);
    return first;
}

void TrainingCharts::clearComparisonRuns()
{
    while (m_epochLoss->graphCount() > 2)
        m_epochLoss->removeGraph(m_epochLoss->graphCount() - 1);
    m_comparisonRuns = 0;
    refresh(m_epochLoss);
}

void TrainingCharts::refresh(QCustomPlot* plot)
{
    const bool fixedY = plot == m_ratio || plot == m_realMetrics;
    plot->xAxis->rescale(true);
    if (!fixedY)
        plot->yAxis->rescale(true);
    // Room around the data so end points and markers are not cut; a single point (or a flat
    // line) gets a visible span around it.
    const QCPRange x = plot->xAxis->range();
    if (plot != m_stepLoss)
        plot->xAxis->setRange(x.lower - 0.3, std::max(x.upper, x.lower + 1.0) + 0.3);
    else if (x.size() < 1)
        plot->xAxis->setRange(x.center(), 2.0, Qt::AlignCenter);
    if (!fixedY) {
        const QCPRange y = plot->yAxis->range();
        if (y.size() < 1e-9)
            plot->yAxis->setRange(y.center(), 1.0, Qt::AlignCenter);
        else
            plot->yAxis->setRange(y.lower - 0.05 * y.size(), y.upper + 0.05 * y.size());
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCharts::refreshEpochPlots()
{
    for (QCustomPlot* plot : {m_epochLoss, m_ratio, m_realMetrics, m_siSdr})
        refresh(plot);
}

} // namespace shellac::ui
