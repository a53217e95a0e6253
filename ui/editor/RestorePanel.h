#pragma once

#include "restore/RestorationSettings.h"

#include <QWidget>

#include <optional>
#include <utility>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSlider;
class QSpinBox;

namespace shellac::ui {

/// The restore panel: the method (classical / neural / hybrid) and its main parameters, each
/// with a tooltip that says what it does and in which unit, plus the buttons of the actions
/// the window owns (Preview selection, Restore file, Restore selected files, Cancel) and the
/// progress of the running job.
///
/// The panel holds RestorationSettings; every edit emits settingsChanged() (the project keeps
/// them as its default). Invalid combinations (e.g. every classical stage off) are shown in
/// the panel and reported by validationError(). GUI thread only.
class RestorePanel : public QWidget {
    Q_OBJECT
public:
    explicit RestorePanel(QWidget* parent = nullptr);

    RestorationSettings settings() const;
    /// Shows `settings` (from a project); emits nothing.
    void setSettings(const RestorationSettings& settings);
    /// Shows `settings` as if the user had chosen them (emits settingsChanged()).
    void applySettings(const RestorationSettings& settings);
    /// Empty when the settings are valid, else the message shown in the panel.
    QString validationError() const;

    /// Buttons for the window's actions, in this order, under the parameters.
    void setActions(QAction* preview, QAction* restoreFile, QAction* restoreSelected, QAction* cancel);

    /// The noise range offered by "Use selection" (seconds), from the editor's selection;
    /// nullopt disables that button.
    void setSelectionSeconds(std::optional<std::pair<double, double>> range);

    /// Progress of the running job: `text` ("Restoring caruso.flac (2 of 5)…"), `fraction` in
    /// [0, 1]; an empty text hides the bar.
    void showProgress(const QString& text, double fraction);

Q_SIGNALS:
    void settingsChanged(const RestorationSettings& settings);

private:
    QWidget* makeClassicalGroup();
    QWidget* makeNeuralGroup();
    void emitChanged();
    void refreshEnabled();
    void browseModel();

    QComboBox* m_method;
    QGroupBox* m_classical = nullptr;
    QGroupBox* m_neural = nullptr;
    QCheckBox* m_declickOn = nullptr;
    QDoubleSpinBox* m_declick = nullptr;
    QCheckBox* m_pulses = nullptr;
    QCheckBox* m_decrackleOn = nullptr;
    QDoubleSpinBox* m_decrackle = nullptr;
    QComboBox* m_dehum = nullptr;
    QCheckBox* m_dehissOn = nullptr;
    QDoubleSpinBox* m_dehiss = nullptr;
    QLabel* m_noiseRange = nullptr;
    QAction* m_useSelection = nullptr;
    QAction* m_clearNoiseRange = nullptr;
    QCheckBox* m_rumbleOn = nullptr;
    QSpinBox* m_rumble = nullptr;
    QLineEdit* m_model = nullptr;
    QSlider* m_mix = nullptr;
    QLabel* m_mixLabel = nullptr;
    QLabel* m_error;
    QWidget* m_buttons;
    QLabel* m_progressText;
    QProgressBar* m_progress;
    std::optional<std::pair<double, double>> m_noiseSeconds;
    std::optional<std::pair<double, double>> m_selectionSeconds;
    bool m_updating = false;
};

} // namespace shellac::ui
