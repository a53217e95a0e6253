#include "ui/training/TrainingDashboard.h"

#include "ui/training/CheckpointList.h"

#include "ui/training/EpochTableModel.h"
#include "ui/training/TrainingCharts.h"
#include "ui/training/TrainingProgress.h"
#include "ui/training/TrainingRunController.h"
#include "ui/training/TrainingSettingsForm.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace shellac::ui {

namespace {

QLabel* makeBanner(const QString& style, QWidget* parent)
{
    auto* banner = new QLabel(parent);
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::PlainText);
    banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner->setStyleSheet(style);
    banner->setVisible(false);
    return banner;
}

bool hasCheckpoints(const QString& runDir)
{
    if (runDir.isEmpty())
        return false;
    const QDir checkpoints(QDir(runDir).filePath(QStringLiteral("checkpoints")));
    return !checkpoints.entryList({QStringLiteral("checkpoint_epoch_*.pt")}, QDir::Files).isEmpty();
}

} // namespace

TrainingDashboard::TrainingDashboard(QWidget* parent)
    : QWidget(parent),
      m_controller(new TrainingRunController(this)),
      m_form(new TrainingSettingsForm(this)),
      m_charts(new TrainingCharts(this)),
      m_tableModel(new EpochTableModel(m_controller->progress(), this)),
      m_table(new QTableView(this)),
      m_log(new QPlainTextEdit(this)),
      m_tabs(new QTabWidget(this)),
      m_checkpoints(new CheckpointList(this)),
      m_healthBanner(makeBanner(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e0c46c; "
                                               "border-radius: 4px; padding: 6px; }"), this)),
      m_errorBanner(makeBanner(QStringLiteral("QLabel { background: #f8d7da; color: #58151c; border: 1px solid #e0a3a9; "
                                              "border-radius: 4px; padding: 6px; }"), this)),
      m_status(new QLabel(tr("No run yet."), this)),
      m_eta(new QLabel(this)),
      m_start(new QPushButton(tr("&Start"), this)),
      m_cancel(new QPushButton(tr("&Cancel"), this)),
      m_pause(new QPushButton(tr("&Pause"), this)),
      m_resume(new QPushButton(tr("&Resume"), this)),
      m_compare(new QPushButton(tr("Add run to compare…"), this)),
      m_clearCompare(new QPushButton(tr("Clear compared runs"), this))
{
    m_start->setToolTip(tr("Start a new training run in the run folder."));
    m_cancel->setToolTip(tr("Stop the run after the current step; completed epochs' checkpoints are kept."));
    m_resume->setToolTip(tr("Continue the run in the run folder from its last checkpoint."));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(tr("Suspend the trainer where it is (it uses no CPU while paused) and continue it later."));
    m_compare->setToolTip(tr("Overlay the losses of another run folder's metrics.jsonl on the loss-per-epoch chart."));
    m_eta->setToolTip(tr("Estimated time until the run finishes."));
    m_status->setWordWrap(true);

    m_table->setModel(m_tableModel);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);

    // Left: settings and controls.
    auto* settingsBox = new QGroupBox(tr("Run settings"), this);
    auto* settingsLayout = new QVBoxLayout(settingsBox);
    settingsLayout->addWidget(m_form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    settingsLayout->addLayout(buttons);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(settingsBox);
    leftLayout->addWidget(m_status);
    leftLayout->addWidget(m_eta);
    leftLayout->addStretch(1);
    leftLayout->addWidget(m_compare);
    leftLayout->addWidget(m_clearCompare);

    // Right: banners above charts / table / log.
    auto* chartsScroll = new QScrollArea(this);
    chartsScroll->setWidget(m_charts);
    chartsScroll->setWidgetResizable(true);
    m_tabs->addTab(chartsScroll, tr("Charts"));
    m_tabs->addTab(m_table, tr("Epochs"));
    m_tabs->addTab(m_log, tr("Log"));
    m_tabs->addTab(m_checkpoints, tr("Checkpoints"));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_errorBanner);
    rightLayout->addWidget(m_healthBanner);
    rightLayout->addWidget(m_tabs, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    TrainingProgress* progress = m_controller->progress();
    m_charts->setProgress(progress);
    connect(progress, &TrainingProgress::stepAdded, this, &TrainingDashboard::updateEta);
    connect(progress, &TrainingProgress::epochAdded, this, &TrainingDashboard::updateHealthBanner);
    connect(progress, &TrainingProgress::epochAdded, this, &TrainingDashboard::refreshCheckpoints);
    connect(progress, &TrainingProgress::seriesReset, this, &TrainingDashboard::refreshCheckpoints);
    connect(progress, &TrainingProgress::seriesReset, this, [this] { updateHealthBanner(); updateEta(); });
    connect(progress, &TrainingProgress::messageReceived, m_log, &QPlainTextEdit::appendPlainText);
    connect(progress, &TrainingProgress::parseProblem, this,
            [this](const QString& problem) { m_log->appendPlainText(tr("Unreadable progress line (%1)").arg(problem)); });
    connect(progress, &TrainingProgress::errorReceived, this, &TrainingDashboard::showError);
    connect(m_controller, &TrainingRunController::failed, this, &TrainingDashboard::showError);
    connect(m_controller, &TrainingRunController::stateChanged, this, &TrainingDashboard::updateButtons);
    connect(m_controller, &TrainingRunController::ended, this, &TrainingDashboard::runEnded);

    connect(m_start, &QPushButton::clicked, this, &TrainingDashboard::startRun);
    connect(m_resume, &QPushButton::clicked, this, &TrainingDashboard::resumeRun);
    connect(m_cancel, &QPushButton::clicked, m_controller, &TrainingRunController::cancel);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_controller->pause())
            m_controller->continueRun();
    });
    connect(m_compare, &QPushButton::clicked, this, &TrainingDashboard::chooseComparisonRun);
    connect(m_clearCompare, &QPushButton::clicked, this, [this] {
        m_charts->clearComparisonRuns();
        updateButtons();
    });
    connect(m_form, &TrainingSettingsForm::changed, this, &TrainingDashboard::updateButtons);
    connect(m_form, &TrainingSettingsForm::runFolderChosen, this, [this](const QString& dir) {
        if (!m_controller->isActive() && QFileInfo::exists(TrainingProgress::metricsPathFor(dir)))
            loadRunHistory(dir);
        refreshCheckpoints();
        updateButtons();
    });
    updateButtons();
    updateEta();
}

TrainingDashboard::~TrainingDashboard() = default;

void TrainingDashboard::startRun()
{
    m_errorBanner->hide();
    m_log->clear();
    m_controller->start(m_form->settings());
}

void TrainingDashboard::resumeRun()
{
    m_errorBanner->hide();
    m_log->clear();
    m_controller->resume(m_form->settings());
}

void TrainingDashboard::chooseComparisonRun()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add run to compare"), m_form->settings().runDir);
    if (!dir.isEmpty())
        addComparisonRun(dir);
}

bool TrainingDashboard::addComparisonRun(const QString& runDir)
{
    QList<TrainingEpoch> epochs;
    QString error;
    if (!TrainingProgress::readMetricsFile(runDir, epochs, &error)) {
        showError(error);
        return false;
    }
    QString name = QFileInfo(runDir).fileName();
    if (name == u"metrics.jsonl")
        name = QFileInfo(runDir).dir().dirName();
    m_charts->addComparisonRun(name, epochs);
    updateButtons();
    return true;
}

bool TrainingDashboard::loadRunHistory(const QString& runDir)
{
    QString error;
    if (!m_controller->progress()->loadMetrics(runDir, &error)) {
        showError(error);
        return false;
    }
    m_errorBanner->hide();
    m_status->setText(tr("History of %1: %n epoch(s).", nullptr, int(m_controller->progress()->epochs().size()))
                          .arg(QDir::toNativeSeparators(runDir)));
    return true;
}

void TrainingDashboard::refreshCheckpoints()
{
    m_checkpoints->setRun(m_form->settings().runDir, m_controller->progress()->epochs());
}

void TrainingDashboard::updateButtons()
{
    using State = TrainingRunController::State;
    const State state = m_controller->state();
    const bool active = m_controller->isActive();
    const TrainingRunSettings settings = m_form->settings();
    m_start->setEnabled(!active && settings.problem().isEmpty());
    m_start->setToolTip(settings.problem().isEmpty() ? tr("Start a new training run in the run folder.") : settings.problem());
    m_resume->setEnabled(!active && settings.problem().isEmpty() && hasCheckpoints(settings.runDir));
    m_cancel->setEnabled(state == State::Running || state == State::Paused);
    m_pause->setEnabled(state == State::Running || state == State::Paused);
    m_pause->setText(state == State::Paused ? tr("C&ontinue") : tr("&Pause"));
    m_form->setEnabled(!active);
    m_clearCompare->setEnabled(m_charts->comparisonRunCount() > 0);
    switch (state) {
    case State::Idle: break;
    case State::Running: m_status->setText(tr("Training…")); break;
    case State::Paused: m_status->setText(tr("Paused: the trainer waits, using no CPU. Continue to go on.")); break;
    case State::Cancelling: m_status->setText(tr("Cancelling after the current step…")); break;
    case State::Finished: m_status->setText(tr("Finished: %n epoch(s).", nullptr, m_controller->progress()->doneInfo().epochsCompleted)); break;
    case State::Cancelled: m_status->setText(tr("Cancelled. Completed epochs' checkpoints are kept; Resume continues.")); break;
    case State::Failed: m_status->setText(tr("Stopped with an error.")); break;
    }
}

QString TrainingDashboard::formatDuration(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return QStringLiteral("–");
    const long long s = std::llround(seconds);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void TrainingDashboard::updateEta()
{
    const TrainingProgress* progress = m_controller->progress();
    if (progress->steps().isEmpty()) {
        m_eta->setText(tr("ETA: –"));
        return;
    }
    const TrainingStep& s = progress->steps().last();
    m_eta->setText(tr("ETA: %1 · epoch %2/%3, step %4/%5")
                       .arg(formatDuration(s.etaSeconds))
                       .arg(s.epoch)
                       .arg(s.epochs)
                       .arg(s.step)
                       .arg(s.stepsPerEpoch));
}

void TrainingDashboard::updateHealthBanner()
{
    const TrainingProgress* progress = m_controller->progress();
    const QList<TrainingHealthNotice> warnings = progress->currentWarnings();
    if (warnings.isEmpty()) {
        m_healthBanner->hide();
        m_healthBanner->clear();
        return;
    }
    QStringList lines;
    for (const TrainingHealthNotice& w : warnings)
        lines << tr("Epoch %1: %2").arg(w.epoch).arg(w.message);
    m_healthBanner->setText(tr("The run may be unhealthy:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_healthBanner->show();
}

void TrainingDashboard::showError(const QString& message)
{
    m_errorBanner->setText(message);
    m_errorBanner->show();
}

void TrainingDashboard::runEnded()
{
    refreshCheckpoints(); // model.pt and best.pt appear at the end
    updateButtons();
    if (m_controller->state() == TrainingRunController::State::Failed && !m_controller->errorMessage().isEmpty())
        showError(m_controller->errorMessage());
}

} // namespace shellac::ui
