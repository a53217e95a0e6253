#include "ui/training/TrainingSettingsForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

namespace shellac::ui {

TrainingSettingsForm::TrainingSettingsForm(QWidget* parent)
    : QWidget(parent),
      m_strategy(new QComboBox(this)),
      m_contrastive(new QCheckBox(tr("Contrastive artifact loss"), this)),
      m_ratio(new QDoubleSpinBox(this)),
      m_epochs(new QSpinBox(this)),
      m_batch(new QSpinBox(this)),
      m_device(new QComboBox(this)),
      m_threads(new QSpinBox(this))
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_clean = addFolderRow(form, tr("Clean music:"),
                           tr("Folder of clean recordings the model learns what music sounds like from. "
                              "First-level subfolders are treated as genres."), false);
    m_degraded = addFolderRow(form, tr("Degraded transfers:"),
                              tr("Folder of your real 78 rpm transfers (no clean references needed). Their clicks, "
                                 "crackle and noise are measured and used for training."), false);
    m_pairs = addFolderRow(form, tr("Paired copies:"),
                           tr("Optional. Degraded copies of the clean files under the same relative paths, sample-"
                              "aligned: training then learns from these pairs instead of synthesized damage."), false);
    m_postFilter = new QCheckBox(tr("Post-filter of the hybrid restorer"), this);
    m_postFilter->setToolTip(tr("Train the network the hybrid restorer runs after the classical engine: the paired "
                                "copies and the degraded transfers must then be the classical engine's restorations "
                                "of whole files (scripts/train-default-model --post-filter makes them)."));
    form->addRow(QString(), m_postFilter);
    m_run = addFolderRow(form, tr("Run folder:"),
                         tr("Where checkpoints, metrics.jsonl and model.pt are written. Choose an existing run "
                            "folder to see its history or resume it."), true);

    const struct { const char* id; const char* label; const char* tip; } strategies[] = {
        {"synthetic", QT_TR_NOOP("Synthetic"), QT_TR_NOOP("Clean music with a generic 78 rpm damage profile.")},
        {"adaptive", QT_TR_NOOP("Adaptive"), QT_TR_NOOP("Clean music with damage measured on your degraded transfers.")},
        {"mixed", QT_TR_NOOP("Mixed"), QT_TR_NOOP("Adaptive synthetic examples plus your real transfers with consistency losses.")},
        {"curriculum", QT_TR_NOOP("Curriculum"), QT_TR_NOOP("Like mixed, the synthetic share falling from 100 % to 30 % over the run.")},
    };
    for (const auto& s : strategies) {
        m_strategy->addItem(tr(s.label), QString::fromLatin1(s.id));
        m_strategy->setItemData(m_strategy->count() - 1, tr(s.tip), Qt::ToolTipRole);
    }
    m_strategy->setCurrentIndex(m_strategy->findData(QStringLiteral("mixed")));
    m_strategy->setToolTip(tr("How synthetic and real examples are combined (hover an entry for details)."));
    form->addRow(tr("Strategy:"), m_strategy);

    m_contrastive->setToolTip(tr("Adds an InfoNCE loss that teaches an artifact embedding to tell synthetic "
                                 "from real clicks, and clicks from clean transients."));
    form->addRow(QString(), m_contrastive);

    m_ratio->setRange(0.0, 1.0);
    m_ratio->setSingleStep(0.05);
    m_ratio->setDecimals(2);
    m_ratio->setValue(0.7);
    m_ratio->setToolTip(tr("Share of synthetic examples in each batch (mixed strategy); the rest are real transfers."));
    form->addRow(tr("Synthetic ratio:"), m_ratio);

    m_epochs->setRange(1, 10000);
    m_epochs->setValue(20);
    m_epochs->setToolTip(tr("Passes over the training data. A checkpoint is written after each."));
    form->addRow(tr("Epochs:"), m_epochs);

    m_batch->setRange(1, 1024);
    m_batch->setValue(8);
    m_batch->setToolTip(tr("Examples per optimisation step. Larger batches need more memory."));
    form->addRow(tr("Batch size:"), m_batch);

    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_device->setToolTip(tr("Automatic uses a CUDA GPU when one is available, else the CPU."));
    form->addRow(tr("Device:"), m_device);

    m_threads->setRange(0, 256);
    m_threads->setValue(0);
    m_threads->setSpecialValueText(tr("All cores"));
    m_threads->setToolTip(tr("CPU threads the trainer may use. Fewer keep the editor responsive while training."));
    form->addRow(tr("CPU threads:"), m_threads);

    // Loss weights, one small box each, in one row.
    const struct { const char* id; const char* label; const char* tip; double value; } weights[] = {
        {"supervised", QT_TR_NOOP("supervised"), QT_TR_NOOP("Synthetic examples: multi-resolution STFT + waveform L1 against the clean "
                                              "target. The main teacher; default 1."), 1.0},
        {"cycle", QT_TR_NOOP("cycle"), QT_TR_NOOP("Synthetic examples: the output plus the known damage must give the input "
                                         "back. Default 0.2."), 0.2},
        {"consistency", QT_TR_NOOP("consistency"), QT_TR_NOOP("Real transfers (no clean reference): fewer impulses afterwards, spectral "
                                               "envelope and energy kept. Default 0.3; raise it when the model "
                                               "overfits to synthetic damage."), 0.3},
        {"contrastive", QT_TR_NOOP("contrastive"), QT_TR_NOOP("InfoNCE loss on artifact embeddings (only with the "
                                                              "contrastive option). Default 0.1."), 0.1},
        {"si-sdr", QT_TR_NOOP("SI-SDR"), QT_TR_NOOP("Inside the supervised term: minus the SI-SDR against the clean target "
                                                    "(per 10 dB), so that less noise cannot be bought with distorted "
                                                    "music. Default 0 (off); about 0.5 for long runs."), 0.0},
    };
    auto* weightRow = new QWidget(this);
    auto* weightLayout = new QHBoxLayout(weightRow);
    weightLayout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kWeights; ++i) {
        m_weights[i] = new QDoubleSpinBox(weightRow);
        m_weights[i]->setRange(0.0, 100.0);
        m_weights[i]->setDecimals(2);
        m_weights[i]->setSingleStep(0.05);
        m_weights[i]->setValue(weights[i].value);
        m_weights[i]->setPrefix(tr(weights[i].label) + QStringLiteral(" "));
        m_weights[i]->setToolTip(tr(weights[i].tip));
        m_weights[i]->setObjectName(QStringLiteral("lossWeight_%1").arg(QLatin1String(weights[i].id)));
        weightLayout->addWidget(m_weights[i]);
        connect(m_weights[i], &QDoubleSpinBox::valueChanged, this, &TrainingSettingsForm::changed);
    }
    form->addRow(tr("Loss weights:"), weightRow);

    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] { updateRatioEnabled(); Q_EMIT changed(); });
    connect(m_contrastive, &QCheckBox::toggled, this, [this] { updateRatioEnabled(); Q_EMIT changed(); });
    connect(m_postFilter, &QCheckBox::toggled, this, &TrainingSettingsForm::changed);
    connect(m_ratio, &QDoubleSpinBox::valueChanged, this, &TrainingSettingsForm::changed);
    connect(m_epochs, &QSpinBox::valueChanged, this, &TrainingSettingsForm::changed);
    connect(m_batch, &QSpinBox::valueChanged, this, &TrainingSettingsForm::changed);
    connect(m_device, &QComboBox::currentIndexChanged, this, &TrainingSettingsForm::changed);
    connect(m_threads, &QSpinBox::valueChanged, this, &TrainingSettingsForm::changed);
    updateRatioEnabled();
}

TrainingSettingsForm::~TrainingSettingsForm() = default;

QLineEdit* TrainingSettingsForm::addFolderRow(QFormLayout* form, const QString& label, const QString& tooltip, bool isRunFolder)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setToolTip(tooltip);
    edit->setClearButtonEnabled(true);
    auto* browse = new QToolButton(row);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a folder"));
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    form->addRow(label, row);
    connect(edit, &QLineEdit::textChanged, this, &TrainingSettingsForm::changed);
    connect(browse, &QToolButton::clicked, this, [this, edit, label, isRunFolder] {
        const QString dir = QFileDialog::getExistingDirectory(this, label, edit->text());
        if (dir.isEmpty())
            return;
        edit->setText(dir);
        if (isRunFolder)
            Q_EMIT runFolderChosen(dir);
    });
    if (isRunFolder)
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] { Q_EMIT runFolderChosen(edit->text()); });
    return edit;
}

void TrainingSettingsForm::updateRatioEnabled()
{
    m_ratio->setEnabled(m_strategy->currentData().toString() == u"mixed");
    m_weights[3]->setEnabled(m_contrastive->isChecked());
}

TrainingRunSettings TrainingSettingsForm::settings() const
{
    TrainingRunSettings s = m_base;
    s.cleanDir = m_clean->text().trimmed();
    s.degradedDir = m_degraded->text().trimmed();
    s.runDir = m_run->text().trimmed();
    s.pairedDir = m_pairs->text().trimmed();
    s.postFilter = m_postFilter->isChecked();
    s.strategy = m_strategy->currentData().toString();
    s.contrastive = m_contrastive->isChecked();
    s.syntheticRatio = m_ratio->value();
    s.epochs = m_epochs->value();
    s.batchSize = m_batch->value();
    s.device = m_device->currentData().toString();
    s.threads = m_threads->value();
    s.supervisedWeight = m_weights[0]->value();
    s.cycleWeight = m_weights[1]->value();
    s.consistencyWeight = m_weights[2]->value();
    s.contrastiveWeight = m_weights[3]->value();
    s.siSdrWeight = m_weights[4]->value();
    return s;
}

void TrainingSettingsForm::setSettings(const TrainingRunSettings& s)
{
    m_base = s;
    m_clean->setText(s.cleanDir);
    m_degraded->setText(s.degradedDir);
    m_run->setText(s.runDir);
    m_pairs->setText(s.pairedDir);
    m_postFilter->setChecked(s.postFilter);
    if (const int i = m_strategy->findData(s.strategy); i >= 0)
        m_strategy->setCurrentIndex(i);
    m_contrastive->setChecked(s.contrastive);
    m_ratio->setValue(s.syntheticRatio);
    m_epochs->setValue(s.epochs);
    m_batch->setValue(s.batchSize);
    if (const int i = m_device->findData(s.device); i >= 0)
        m_device->setCurrentIndex(i);
    m_threads->setValue(s.threads);
    const double weights[kWeights] = {s.supervisedWeight, s.cycleWeight, s.consistencyWeight, s.contrastiveWeight,
                                      s.siSdrWeight};
    for (int i = 0; i < kWeights; ++i)
        m_weights[i]->setValue(weights[i]);
}

} // namespace shellac::ui
