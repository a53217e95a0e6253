#include "ui/editor/RestorePanel.h"

#include "ml/RestorerFactory.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace shellac::ui {

namespace {

/// A row "[x] label  [spin]" whose checkbox turns the stage on or off.
QWidget* stageRow(QCheckBox* on, QWidget* value)
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(on);
    layout->addStretch(1);
    layout->addWidget(value);
    QObject::connect(on, &QCheckBox::toggled, value, &QWidget::setEnabled);
    return row;
}

QString seconds(double s) { return QString::number(s, 'f', s < 10 ? 2 : 1); }

} // namespace

RestorePanel::RestorePanel(QWidget* parent)
    : QWidget(parent), m_method(new QComboBox(this)), m_error(new QLabel(this)), m_buttons(new QWidget(this)),
      m_progressText(new QLabel(this)), m_progress(new QProgressBar(this))
{
    auto* layout = new QVBoxLayout(this);
    m_method->setObjectName(QStringLiteral("restoreMethod"));
    m_method->addItem(tr("Classical (no training)"), int(RestorationMethod::Dsp));
    m_method->addItem(tr("Neural (trained model)"), int(RestorationMethod::Neural));
    m_method->addItem(tr("Hybrid (classical, then model)"), int(RestorationMethod::Hybrid));
    m_method->setToolTip(tr("<p><b>Classical</b>: AR-model declick, decrackle, dehum, dehiss and rumble filter. Needs no "
                            "training.</p>"
                            "<p><b>Neural</b>: the trained network (the bundled default model unless you choose one).</p>"
                            "<p><b>Hybrid</b>: the classical chain, then the network as a post-filter for what it left (the bundled "
                            "post-filter unless you choose a model). With the bundled post-filter installed it ranks "
                            "first in the held-out evaluation (docs/RESULTS.md) and new projects start with it; "
                            "otherwise they start with Classical.</p>"));
    auto* methodRow = new QFormLayout;
    methodRow->addRow(tr("&Method:"), m_method);
    layout->addLayout(methodRow);
    layout->addWidget(makeClassicalGroup());
    layout->addWidget(makeNeuralGroup());

    m_error->setObjectName(QStringLiteral("restoreSettingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QVBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_buttons);
    m_progressText->setWordWrap(true);
    m_progressText->hide();
    m_progress->setRange(0, 1000);
    m_progress->hide();
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addStretch(1);

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        refreshEnabled();
        emitChanged();
    });
    setSettings(ml::RestorerFactory::recommendedSettings());
}

QWidget* RestorePanel::makeClassicalGroup()
{
    m_classical = new QGroupBox(tr("Classical stages"), this);
    auto* form = new QVBoxLayout(m_classical);

    m_declickOn = new QCheckBox(tr("De&click, sensitivity"), this);
    m_declick = new QDoubleSpinBox(this);
    m_declick->setObjectName(QStringLiteral("declickSensitivity"));
    m_declick->setRange(1.0, 10.0);
    m_declick->setDecimals(1);
    m_declick->setSingleStep(0.5);
    const QString declickTip = tr("AR-model click and pop detection with least-squares interpolation. Sensitivity 1 "
                                  "finds only loud clicks, 10 the smallest ones (and risks touching sharp transients). "
                                  "Default 5.");
    m_declickOn->setToolTip(declickTip);
    m_declick->setToolTip(declickTip);
    form->addWidget(stageRow(m_declickOn, m_declick));
    m_pulses = new QCheckBox(tr("Also smooth clicks and &pops"), this);
    m_pulses->setObjectName(QStringLiteral("smoothPulses"));
    m_pulses->setToolTip(tr("A matched filter finds rounded clicks the sample-by-sample detector misses (their "
                            "energy lies under the music's) and pops up to 40 ms, which are fitted and subtracted. "
                            "On by default; off for the sample-by-sample detector alone."));
    form->addWidget(m_pulses);

    m_decrackleOn = new QCheckBox(tr("Decrac&kle, strength"), this);
    m_decrackle = new QDoubleSpinBox(this);
    m_decrackle->setObjectName(QStringLiteral("decrackleLevel"));
    m_decrackle->setRange(0.0, 10.0);
    m_decrackle->setDecimals(1);
    m_decrackle->setSingleStep(0.5);
    const QString crackleTip = tr("Removes dense small impulses (surface crackle, hundreds per second). 0 is gentle, "
                                  "10 strong. Default 5.");
    m_decrackleOn->setToolTip(crackleTip);
    m_decrackle->setToolTip(crackleTip);
    form->addWidget(stageRow(m_decrackleOn, m_decrackle));

    auto* humRow = new QWidget(this);
    auto* humLayout = new QHBoxLayout(humRow);
    humLayout->setContentsMargins(0, 0, 0, 0);
    auto* humLabel = new QLabel(tr("De&hum"), this);
    m_dehum = new QComboBox(this);
    m_dehum->setObjectName(QStringLiteral("dehumMode"));
    m_dehum->addItem(tr("automatic"), int(dsp::HumMode::Auto));
    m_dehum->addItem(tr("50 Hz"), int(dsp::HumMode::Force50));
    m_dehum->addItem(tr("60 Hz"), int(dsp::HumMode::Force60));
    m_dehum->addItem(tr("off"), int(dsp::HumMode::Off));
    m_dehum->setToolTip(tr("Mains hum: automatic finds steady 50 or 60 Hz hum with its harmonics and never a bass "
                           "note; 50/60 Hz force the search there (±2.5 Hz drift)."));
    humLabel->setBuddy(m_dehum);
    humLayout->addWidget(humLabel);
    humLayout->addStretch(1);
    humLayout->addWidget(m_dehum);
    form->addWidget(humRow);

    m_dehissOn = new QCheckBox(tr("Dehi&ss, at most"), this);
    m_dehiss = new QDoubleSpinBox(this);
    m_dehiss->setObjectName(QStringLiteral("dehissDb"));
    m_dehiss->setRange(1.0, 40.0);
    m_dehiss->setDecimals(0);
    m_dehiss->setSuffix(tr(" dB"));
    const QString hissTip = tr("Spectral noise reduction (decision-directed MMSE gain): lowers the surface hiss by at "
                               "most this many dB. 8–15 dB sounds natural; more risks a dull, watery sound. Default 12 dB.");
    m_dehissOn->setToolTip(hissTip);
    m_dehiss->setToolTip(hissTip);
    form->addWidget(stageRow(m_dehissOn, m_dehiss));

    auto* noiseRow = new QWidget(this);
    auto* noiseLayout = new QHBoxLayout(noiseRow);
    noiseLayout->setContentsMargins(16, 0, 0, 0);
    auto* noiseButtons = new QWidget(this);
    auto* buttonsLayout = new QHBoxLayout(noiseButtons);
    buttonsLayout->setContentsMargins(16, 0, 0, 0);
    m_noiseRange = new QLabel(this);
    m_noiseRange->setObjectName(QStringLiteral("noiseRange"));
    m_noiseRange->setToolTip(tr("Where the hiss profile is learned: the quietest passages, or a range you choose "
                                "(ideally the lead-in groove before the music starts)."));
    m_useSelection = new QAction(tr("Use selection"), this);
    m_useSelection->setToolTip(tr("Learn the noise profile from the selected range (select the lead-in groove first)"));
    m_clearNoiseRange = new QAction(tr("Automatic"), this);
    m_clearNoiseRange->setToolTip(tr("Learn the noise profile from the quietest passages"));
    auto* use = new QToolButton(this);
    use->setDefaultAction(m_useSelection);
    auto* clear = new QToolButton(this);
    clear->setDefaultAction(m_clearNoiseRange);
    m_noiseRange->setWordWrap(true);
    noiseLayout->addWidget(m_noiseRange, 1);
    buttonsLayout->addWidget(use);
    buttonsLayout->addWidget(clear);
    buttonsLayout->addStretch(1);
    form->addWidget(noiseRow);
    form->addWidget(noiseButtons);
    connect(m_useSelection, &QAction::triggered, this, [this] {
        m_noiseSeconds = m_selectionSeconds;
        refreshEnabled();
        emitChanged();
    });
    connect(m_clearNoiseRange, &QAction::triggered, this, [this] {
        m_noiseSeconds.reset();
        refreshEnabled();
        emitChanged();
    });

    m_rumbleOn = new QCheckBox(tr("&Rumble filter below"), this);
    m_rumble = new QSpinBox(this);
    m_rumble->setObjectName(QStringLiteral("rumbleHz"));
    m_rumble->setRange(10, 300);
    m_rumble->setSuffix(tr(" Hz"));
    const QString rumbleTip = tr("Linear-phase high-pass against turntable rumble. 20 Hz (default) is inaudible on "
                                 "music; 40–80 Hz for acoustic recordings, which hold nothing that low.");
    m_rumbleOn->setToolTip(rumbleTip);
    m_rumble->setToolTip(rumbleTip);
    form->addWidget(stageRow(m_rumbleOn, m_rumble));

    for (QCheckBox* box : {m_declickOn, m_decrackleOn, m_dehissOn, m_rumbleOn})
        connect(box, &QCheckBox::toggled, this, [this] {
            refreshEnabled();
            emitChanged();
        });
    connect(m_pulses, &QCheckBox::toggled, this, &RestorePanel::emitChanged);
    for (QDoubleSpinBox* spin : {m_declick, m_decrackle, m_dehiss})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &RestorePanel::emitChanged);
    connect(m_rumble, &QSpinBox::valueChanged, this, &RestorePanel::emitChanged);
    connect(m_dehum, &QComboBox::currentIndexChanged, this, &RestorePanel::emitChanged);
    return m_classical;
}

QWidget* RestorePanel::makeNeuralGroup()
{
    m_neural = new QGroupBox(tr("Model"), this);
    auto* form = new QFormLayout(m_neural);
    auto* modelRow = new QWidget(this);
    auto* modelLayout = new QHBoxLayout(modelRow);
    modelLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new QLineEdit(this);
    m_model->setObjectName(QStringLiteral("modelPath"));
    m_model->setPlaceholderText(tr("bundled default model"));
    m_model->setToolTip(tr("A model file trained with Training ▸ Dashboard or shellac-cli train (.pt). Empty: the "
                           "model that ships with Shellac."));
    auto* browse = new QToolButton(this);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a model file"));
    modelLayout->addWidget(m_model, 1);
    modelLayout->addWidget(browse);
    form->addRow(tr("M&odel:"), modelRow);
    connect(browse, &QToolButton::clicked, this, &RestorePanel::browseModel);
    connect(m_model, &QLineEdit::editingFinished, this, &RestorePanel::emitChanged);

    auto* mixRow = new QWidget(this);
    auto* mixLayout = new QHBoxLayout(mixRow);
    mixLayout->setContentsMargins(0, 0, 0, 0);
    m_mix = new QSlider(Qt::Horizontal, this);
    m_mix->setObjectName(QStringLiteral("mix"));
    m_mix->setRange(0, 100);
    m_mix->setToolTip(tr("Share of the network's output: 100 % is fully restored, 70 % keeps 30 % of its input "
                         "(more natural, a little noisier)."));
    m_mixLabel = new QLabel(this);
    m_mixLabel->setMinimumWidth(m_mixLabel->fontMetrics().horizontalAdvance(QStringLiteral("100 %")) + 4);
    mixLayout->addWidget(m_mix, 1);
    mixLayout->addWidget(m_mixLabel);
    form->addRow(tr("Mi&x:"), mixRow);
    connect(m_mix, &QSlider::valueChanged, this, [this](int v) {
        m_mixLabel->setText(tr("%1 %").arg(v));
        emitChanged();
    });
    return m_neural;
}

void RestorePanel::browseModel()
{
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a model"), QFileInfo(m_model->text()).path(),
                                                        tr("Shellac models (*.pt);;All files (*)"));
    if (chosen.isEmpty())
        return;
    m_model->setText(chosen);
    emitChanged();
}

RestorationSettings RestorePanel::settings() const
{
    RestorationSettings s;
    s.method = RestorationMethod(m_method->currentData().toInt());
    s.dsp.declickSensitivity = m_declickOn->isChecked() ? std::optional(m_declick->value()) : std::nullopt;
    s.dsp.smoothPulses = m_pulses->isChecked();
    s.dsp.decrackleLevel = m_decrackleOn->isChecked() ? std::optional(m_decrackle->value()) : std::nullopt;
    s.dsp.humMode = dsp::HumMode(m_dehum->currentData().toInt());
    s.dsp.dehissReductionDb = m_dehissOn->isChecked() ? std::optional(m_dehiss->value()) : std::nullopt;
    s.dsp.noiseRangeSeconds = m_dehissOn->isChecked() ? m_noiseSeconds : std::nullopt;
    s.dsp.rumbleCornerHz = m_rumbleOn->isChecked() ? std::optional(double(m_rumble->value())) : std::nullopt;
    s.modelPath = m_model->text().trimmed();
    s.mix = m_mix->value() / 100.0;
    return s;
}

void RestorePanel::setSettings(const RestorationSettings& s)
{
    m_updating = true;
    m_method->setCurrentIndex(m_method->findData(int(s.method)));
    const dsp::DspRestorerSettings defaults;
    m_declickOn->setChecked(s.dsp.declickSensitivity.has_value());
    m_declick->setValue(s.dsp.declickSensitivity.value_or(*defaults.declickSensitivity));
    m_pulses->setChecked(s.dsp.smoothPulses);
    m_decrackleOn->setChecked(s.dsp.decrackleLevel.has_value());
    m_decrackle->setValue(s.dsp.decrackleLevel.value_or(*defaults.decrackleLevel));
    m_dehum->setCurrentIndex(m_dehum->findData(int(s.dsp.humMode)));
    m_dehissOn->setChecked(s.dsp.dehissReductionDb.has_value());
    m_dehiss->setValue(s.dsp.dehissReductionDb.value_or(*defaults.dehissReductionDb));
    m_noiseSeconds = s.dsp.noiseRangeSeconds;
    m_rumbleOn->setChecked(s.dsp.rumbleCornerHz.has_value());
    m_rumble->setValue(int(s.dsp.rumbleCornerHz.value_or(*defaults.rumbleCornerHz)));
    m_model->setText(s.modelPath);
    m_mix->setValue(qRound(s.mix * 100.0));
    m_mixLabel->setText(tr("%1 %").arg(m_mix->value()));
    m_updating = false;
    refreshEnabled();
}

void RestorePanel::applySettings(const RestorationSettings& settings)
{
    setSettings(settings);
    Q_EMIT settingsChanged(this->settings());
}

QString RestorePanel::validationError() const
{
    const Status s = settings().validate();
    return s ? QString() : s.error().message();
}

void RestorePanel::setActions(QAction* preview, QAction* restoreFile, QAction* restoreSelected, QAction* cancel)
{
    auto* layout = static_cast<QVBoxLayout*>(m_buttons->layout());
    for (QAction* action : {preview, restoreFile, restoreSelected, cancel}) {
        auto* button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        layout->addWidget(button);
    }
}

void RestorePanel::setSelectionSeconds(std::optional<std::pair<double, double>> range)
{
    m_selectionSeconds = range;
    refreshEnabled();
}

void RestorePanel::showProgress(const QString& text, double fraction)
{
    m_progressText->setVisible(!text.isEmpty());
    m_progress->setVisible(!text.isEmpty());
    m_progressText->setText(text);
    m_progress->setValue(qRound(std::clamp(fraction, 0.0, 1.0) * 1000.0));
}

void RestorePanel::refreshEnabled()
{
    const auto method = RestorationMethod(m_method->currentData().toInt());
    m_classical->setEnabled(method != RestorationMethod::Neural);
    m_neural->setEnabled(method != RestorationMethod::Dsp);
    m_declick->setEnabled(m_declickOn->isChecked());
    m_pulses->setEnabled(m_declickOn->isChecked());
    m_decrackle->setEnabled(m_decrackleOn->isChecked());
    m_dehiss->setEnabled(m_dehissOn->isChecked());
    m_rumble->setEnabled(m_rumbleOn->isChecked());
    m_useSelection->setEnabled(m_dehissOn->isChecked() && m_selectionSeconds.has_value());
    m_clearNoiseRange->setEnabled(m_dehissOn->isChecked() && m_noiseSeconds.has_value());
    m_noiseRange->setText(m_noiseSeconds ? tr("Noise profile: %1–%2 s").arg(seconds(m_noiseSeconds->first), seconds(m_noiseSeconds->second))
                                         : tr("Noise profile: quietest passages"));
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void RestorePanel::emitChanged()
{
    if (m_updating)
        return;
    refreshEnabled();
    Q_EMIT settingsChanged(settings());
}

} // namespace shellac::ui
