#pragma once

#include <QList>
#include <QWidget>

class QCustomPlot;

namespace shellac::ui {

class TrainingProgress;
struct TrainingEpoch;
struct TrainingStep;

/// The dashboard's live charts, drawn from a TrainingProgress (views pull from the model):
///  - lossPerStepPlot(): graph 0 supervised, graph 1 consistency loss; x = global step;
///  - lossPerEpochPlot(): graph 0 supervised, graph 1 consistency; x = epoch; two more graphs
///    (dashed) per run added with addComparisonRun();
///  - syntheticRatioPlot(): graph 0 the scheduled synthetic share per epoch, [0, 1];
///  - realMetricsPlot(): graph 0 impulse removal rate, graph 1 transient preservation, [0, 1];
///  - siSdrPlot(): graph 0 SI-SDR improvement on the synthetic validation set, dB.
/// Steps are appended incrementally; a seriesReset() of the model redraws everything.
/// Replots are queued, so a burst of steps costs one repaint. GUI thread only.
class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);
    ~TrainingCharts() override;

    /// Follows `progress` (not owned; may be nullptr to detach).
    void setProgress(TrainingProgress* progress);

    /// Adds another run's per-epoch supervised and consistency losses to lossPerEpochPlot(),
    /// labelled with `name`. Returns the index of its first graph.
    int addComparisonRun(const QString& name, const QList<TrainingEpoch>& epochs);
    /// Removes every comparison run.
    void clearComparisonRuns();
    int comparisonRunCount() const { return m_comparisonRuns; }

    QCustomPlot* lossPerStepPlot() const { return m_stepLoss; }
    QCustomPlot* lossPerEpochPlot() const { return m_epochLoss; }
    QCustomPlot* syntheticRatioPlot() const { return m_ratio; }
    QCustomPlot* realMetricsPlot() const { return m_realMetrics; }
    QCustomPlot* siSdrPlot() const { return m_siSdr; }

    /// Redraws every series from the model.
    void rebuild();

private:
    void appendStep(const TrainingStep& step);
    void appendEpoch(const TrainingEpoch& epoch);
    void refresh(QCustomPlot* plot);
    void refreshEpochPlots();

    TrainingProgress* m_progress = nullptr;
    QCustomPlot* m_stepLoss;
    QCustomPlot* m_epochLoss;
    QCustomPlot* m_ratio;
    QCustomPlot* m_realMetrics;
    QCustomPlot* m_siSdr;
    int m_comparisonRuns = 0;
};

} // namespace shellac::ui
