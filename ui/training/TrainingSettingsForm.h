#pragma once

#include "ui/training/TrainingRunSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace shellac::ui {

/// The run settings form of the training dashboard: clean, degraded, paired and run folders
/// (typed or browsed), post-filter, strategy, contrastive loss, synthetic ratio, epochs, batch
/// size, device, CPU threads and loss weights, with the trainer's defaults and a tooltip on
/// every field. GUI thread only.
class TrainingSettingsForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainingSettingsForm(QWidget* parent = nullptr);
    ~TrainingSettingsForm() override;

    TrainingRunSettings settings() const;
    void setSettings(const TrainingRunSettings& settings);

    QLineEdit* cleanEdit() const { return m_clean; }
    QLineEdit* degradedEdit() const { return m_degraded; }
    QLineEdit* runEdit() const { return m_run; }
    QLineEdit* pairsEdit() const { return m_pairs; }
    QCheckBox* postFilterBox() const { return m_postFilter; }
    QComboBox* strategyBox() const { return m_strategy; }
    QDoubleSpinBox* ratioBox() const { return m_ratio; }

Q_SIGNALS:
    /// Any field changed (typing included).
    void changed();
    /// The run folder was chosen in the browser or its editing finished: a chance to load its history.
    void runFolderChosen(const QString& path);

private:
    QLineEdit* addFolderRow(QFormLayout* form, const QString& label, const QString& tooltip, bool isRunFolder);
    void updateRatioEnabled();

    QLineEdit* m_clean;
    QLineEdit* m_degraded;
    QLineEdit* m_pairs;
    QCheckBox* m_postFilter;
    QLineEdit* m_run;
    QComboBox* m_strategy;
    QCheckBox* m_contrastive;
    QDoubleSpinBox* m_ratio;
    QSpinBox* m_epochs;
    QSpinBox* m_batch;
    QComboBox* m_device;
    QSpinBox* m_threads;
    static constexpr int kWeights = 5;
    QDoubleSpinBox* m_weights[kWeights]; ///< supervised, cycle, consistency, contrastive, SI-SDR
    TrainingRunSettings m_base; ///< fields without a widget (steps per epoch, segment) kept from setSettings()
};

} // namespace shellac::ui
