#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;

namespace shellac::ui {

class CheckpointList;
class EpochTableModel;
class TrainingCharts;
class TrainingRunController;
class TrainingSettingsForm;

/// The training dashboard: run settings, Start / Cancel / Resume, live charts, a per-epoch table,
/// the ETA, a banner with the trainer's health warnings and one for errors, and "Add run to
/// compare…" to overlay another run's losses. The work happens in a TrainingRunController (a
/// child `shellac-cli train` process); this widget only shows it. GUI thread only.
class TrainingDashboard : public QWidget {
    Q_OBJECT
public:
    explicit TrainingDashboard(QWidget* parent = nullptr);
    ~TrainingDashboard() override;

    TrainingRunController* controller() const { return m_controller; }
    TrainingSettingsForm* settingsForm() const { return m_form; }
    TrainingCharts* charts() const { return m_charts; }
    EpochTableModel* epochTable() const { return m_tableModel; }
    /// The run's model files (best, latest, every epoch) with "A/B" and "Use as restorer".
    CheckpointList* checkpoints() const { return m_checkpoints; }
    QLabel* healthBanner() const { return m_healthBanner; }
    QLabel* errorBanner() const { return m_errorBanner; }
    QLabel* etaLabel() const { return m_eta; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* resumeButton() const { return m_resume; }

    /// Shows an existing run folder's metrics.jsonl as the current history (after an app
    /// restart). Returns false and shows the error banner when it cannot be read.
    bool loadRunHistory(const QString& runDir);
    /// Overlays another run's per-epoch losses on the loss-per-epoch chart, named after its
    /// folder. Returns false and shows the error banner when its metrics cannot be read.
    bool addComparisonRun(const QString& runDir);

    /// "12 s", "4 min 05 s", "2 h 07 min"; "–" for a negative (unknown) time. Seconds in.
    static QString formatDuration(double seconds);

private:
    void startRun();
    void resumeRun();
    void chooseComparisonRun();
    void updateButtons();
    void updateEta();
    void updateHealthBanner();
    void showError(const QString& message);
    void runEnded();
    void refreshCheckpoints();

    TrainingRunController* m_controller;
    TrainingSettingsForm* m_form;
    TrainingCharts* m_charts;
    EpochTableModel* m_tableModel;
    QTableView* m_table;
    QPlainTextEdit* m_log;
    QTabWidget* m_tabs;
    CheckpointList* m_checkpoints;
    QLabel* m_healthBanner;
    QLabel* m_errorBanner;
    QLabel* m_status;
    QLabel* m_eta;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QPushButton* m_compare;
    QPushButton* m_clearCompare;
};

} // namespace shellac::ui
