#include "ui/training/DatasetManager.h"

#include "ui/training/DatasetUnion.h"

#include <QCryptographicHash>
#include <QStandardPaths>

#include "audio/AudioFormat.h"
#include "ui/playback/PlaybackController.h"
#include "ui/training/DatasetAnalysis.h"
#include "ui/training/DatasetAudition.h"
#include "ui/training/DatasetProfileView.h"
#include "ui/training/DatasetScanModel.h"
#include "ui/training/DatasetScan.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace shellac::ui {

namespace {

/// A stable folder name for one combination of dataset folders.
QString viewName(const QStringList& folders)
{
    return QString::fromLatin1(QCryptographicHash::hash(folders.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QStringList listFolders(const QListWidget* list)
{
    QStringList folders;
    for (int i = 0; i < list->count(); ++i)
        folders << list->item(i)->text();
    return folders;
}

Result<QStringList> stringList(const QJsonObject& json, const QString& key)
{
    if (!json.contains(key))
        return QStringList{};
    const QJsonValue value = json.value(key);
    QStringList out;
    bool ok = value.isArray();
    for (const QJsonValue& v : value.toArray()) {
        ok = ok && v.isString() && !v.toString().isEmpty();
        out << v.toString();
    }
    if (!ok)
        return Error{QStringLiteral("datasets"), QStringLiteral("field \"%1\" must be a list of folder paths").arg(key)};
    return out;
}

} // namespace

DatasetManager::DatasetManager(QWidget* parent)
    : QWidget(parent),
      m_scan(new DatasetScan(this)),
      m_analysis(new DatasetAnalysis(this)),
      m_player(new PlaybackController(this)),
      m_profile(new DatasetProfileView(this)),
      m_cleanList(new QListWidget(this)),
      m_degradedList(new QListWidget(this)),
      m_scanModel(new DatasetScanModel(this)),
      m_unreadableModel(new QStandardItemModel(this)),
      m_scanTree(new QTreeView(this)),
      m_unreadableView(new QTreeView(this)),
      m_scanStatus(new QLabel(tr("Add folders to see what they hold."), this)),
      m_scanProgress(new QProgressBar(this)),
      m_analyse(new QPushButton(tr("&Analyse"), this)),
      m_cancelAnalysis(new QPushButton(tr("Cancel"), this)),
      m_analysisProgress(new QProgressBar(this)),
      m_analysisStatus(new QLabel(this)),
      m_audition(new QPushButton(tr("Make e&xample"), this)),
      m_playReal(new QPushButton(tr("▶ Real"), this)),
      m_playSynthetic(new QPushButton(tr("▶ Synthetic"), this)),
      m_stop(new QPushButton(tr("■ Stop"), this)),
      m_auditionStatus(new QLabel(this)),
      m_useForTraining(new QPushButton(tr("&Use for training"), this)),
      m_trainingNote(new QLabel(this))
{
    m_unreadableModel->setHorizontalHeaderLabels({tr("File"), tr("Problem")});
    for (QTreeView* view : {m_scanTree, m_unreadableView}) {
        view->setAlternatingRowColors(true);
        view->setUniformRowHeights(true);
        view->header()->setStretchLastSection(true);
    }
    m_scanTree->setModel(m_scanModel);
    m_scanTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_unreadableView->setModel(m_unreadableModel);
    m_unreadableView->setRootIsDecorated(false);
    for (QLabel* label : {m_scanStatus, m_analysisStatus, m_auditionStatus, m_trainingNote}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_scanProgress->setRange(0, 1000);
    m_scanProgress->setVisible(false);
    m_analysisProgress->setRange(0, 1000);
    m_analysisProgress->setVisible(false);

    m_analyse->setToolTip(tr("Measure clicks, crackle, noise, hum and bandwidth on every readable degraded file "
                             "(in the background; an hour of audio takes a few minutes)."));
    m_cancelAnalysis->setToolTip(tr("Stop the analysis; the last measured profile is kept."));
    m_audition->setToolTip(tr("Degrade a few seconds of clean music with the measured profile and load it next to a "
                              "real excerpt. Click again for the next files."));
    m_playReal->setToolTip(tr("Play the excerpt of your real degraded transfer (switches instantly while playing)."));
    m_playSynthetic->setToolTip(tr("Play the clean excerpt degraded with the measured profile (switches instantly while playing)."));
    m_useForTraining->setToolTip(tr("Put the clean and degraded folders into the training dashboard's run settings "
                                    "(several folders of a kind are combined as links)."));

    auto* folders = new QWidget(this);
    auto* foldersLayout = new QVBoxLayout(folders);
    foldersLayout->addWidget(createFolderBox(tr("Clean music"),
                                             tr("Folders of clean recordings; first-level sub-folders are shown as genres."),
                                             m_cleanList, true));
    foldersLayout->addWidget(createFolderBox(tr("Real degraded transfers"),
                                             tr("Folders of your real 78 rpm transfers (no clean references needed)."),
                                             m_degradedList, false));
    foldersLayout->addWidget(m_useForTraining);
    foldersLayout->addWidget(m_trainingNote);

    auto* contents = new QWidget(this);
    auto* contentsLayout = new QVBoxLayout(contents);
    contentsLayout->setContentsMargins(0, 0, 0, 0);
    contentsLayout->addWidget(m_scanTree, 1);
    contentsLayout->addWidget(m_scanProgress);
    contentsLayout->addWidget(m_scanStatus);
    auto* tabs = new QTabWidget(this);
    tabs->addTab(contents, tr("Contents"));
    tabs->addTab(m_unreadableView, tr("Unreadable files"));

    auto* profileBox = new QGroupBox(tr("Measured on the real transfers"), this);
    auto* profileLayout = new QVBoxLayout(profileBox);
    auto* analyseRow = new QHBoxLayout;
    analyseRow->addWidget(m_analyse);
    analyseRow->addWidget(m_cancelAnalysis);
    analyseRow->addWidget(m_analysisProgress, 1);
    profileLayout->addLayout(analyseRow);
    profileLayout->addWidget(m_analysisStatus);
    profileLayout->addWidget(m_profile, 1);
    auto* auditionRow = new QHBoxLayout;
    auditionRow->addWidget(m_audition);
    auditionRow->addWidget(m_playReal);
    auditionRow->addWidget(m_playSynthetic);
    auditionRow->addWidget(m_stop);
    auditionRow->addStretch(1);
    profileLayout->addLayout(auditionRow);
    profileLayout->addWidget(m_auditionStatus);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(folders);
    splitter->addWidget(tabs);
    splitter->addWidget(profileBox);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_scan, &DatasetScan::progressChanged, this, [this](double f) { m_scanProgress->setValue(int(f * 1000)); });
    connect(m_scan, &DatasetScan::finished, this, &DatasetManager::showScan);
    connect(m_analysis, &DatasetAnalysis::progressChanged, this, [this](double f, const QString& file) {
        m_analysisProgress->setValue(int(f * 1000));
        if (!file.isEmpty())
            m_analysisStatus->setText(tr("Analysing %1…").arg(file));
    });
    connect(m_analysis, &DatasetAnalysis::finished, this, &DatasetManager::onAnalysisFinished);
    connect(m_analysis, &DatasetAnalysis::cancelled, this, [this] {
        m_analysisStatus->setText(tr("Analysis cancelled."));
        updateButtons();
    });
    connect(m_analysis, &DatasetAnalysis::failed, this, [this](const QString& message) {
        m_analysisStatus->setText(message);
        updateButtons();
    });
    connect(m_analyse, &QPushButton::clicked, this, &DatasetManager::startAnalysis);
    connect(m_cancelAnalysis, &QPushButton::clicked, this, &DatasetManager::cancelAnalysis);
    connect(m_audition, &QPushButton::clicked, this, &DatasetManager::startAudition);
    connect(m_playReal, &QPushButton::clicked, this, [this] { play(false); });
    connect(m_playSynthetic, &QPushButton::clicked, this, [this] { play(true); });
    connect(m_stop, &QPushButton::clicked, m_player, &PlaybackController::stop);
    connect(m_player, &PlaybackController::errorOccurred, m_auditionStatus, &QLabel::setText);
    connect(m_useForTraining, &QPushButton::clicked, this, [this] {
        const QStringList clean = cleanFolders(), degraded = degradedFolders();
        if (clean.isEmpty() || degraded.isEmpty())
            return;
        if (clean.size() == 1 && degraded.size() == 1) {
            m_trainingNote->clear();
            Q_EMIT useForTraining(clean.first(), degraded.first());
            return;
        }
        // The trainer reads one folder of each kind: several are combined into a view of links,
        // on a worker (walking big folders must not freeze the window).
        const QString views = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                              + QStringLiteral("/training-views/") + viewName(clean + degraded);
        m_useForTraining->setEnabled(false);
        m_trainingNote->setText(tr("Combining the folders…"));
        auto* watcher = new QFutureWatcher<std::pair<Result<QString>, Result<QString>>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, views] {
            const auto [cleanFolder, degradedFolder] = watcher->result();
            watcher->deleteLater();
            updateButtons();
            for (const Result<QString>* r : {&cleanFolder, &degradedFolder})
                if (!*r) {
                    m_trainingNote->setText(r->error().message());
                    return;
                }
            m_trainingNote->setText(tr("The folders were combined (as links, nothing copied) in %1.")
                                        .arg(QDir::toNativeSeparators(views)));
            Q_EMIT useForTraining(cleanFolder.value(), degradedFolder.value());
        });
        m_unionJob = QtConcurrent::run([clean, degraded, views] {
            return std::pair(DatasetUnion::make(clean, views + QStringLiteral("/clean"), true),
                             DatasetUnion::make(degraded, views + QStringLiteral("/degraded"), false));
        });
        watcher->setFuture(m_unionJob);
    });
    m_profile->setResult(nullptr);
    updateButtons();
}

DatasetManager::~DatasetManager()
{
    m_auditionJob.waitForFinished(); // it posts to this object
    m_unionJob.waitForFinished();
}

QWidget* DatasetManager::createFolderBox(const QString& title, const QString& tooltip, QListWidget* list, bool clean)
{
    auto* box = new QGroupBox(title, this);
    box->setToolTip(tooltip);
    auto* add = new QPushButton(tr("Add folder…"), box);
    auto* remove = new QPushButton(tr("Remove"), box);
    remove->setToolTip(tr("Remove the selected folder from the list (nothing is deleted on disk)."));
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(list);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this, clean] {
        // Whole sentences, not a lower-cased title: German capitalises nouns.
        const QString folder = QFileDialog::getExistingDirectory(
            this, clean ? tr("Add a folder of clean music") : tr("Add a folder of real degraded transfers"));
        if (!folder.isEmpty())
            clean ? addCleanFolder(folder) : addDegradedFolder(folder);
    });
    connect(remove, &QPushButton::clicked, this, [this, list, clean] {
        clean ? removeCleanFolder(list->currentRow()) : removeDegradedFolder(list->currentRow());
    });
    return box;
}

QStringList DatasetManager::cleanFolders() const { return listFolders(m_cleanList); }
QStringList DatasetManager::degradedFolders() const { return listFolders(m_degradedList); }

void DatasetManager::addCleanFolder(const QString& folder) { addFolder(m_cleanList, folder); }
void DatasetManager::addDegradedFolder(const QString& folder) { addFolder(m_degradedList, folder); }
void DatasetManager::removeCleanFolder(int row) { removeFolder(m_cleanList, row); }
void DatasetManager::removeDegradedFolder(int row) { removeFolder(m_degradedList, row); }

void DatasetManager::addFolder(QListWidget* list, const QString& folder)
{
    const QString path = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    if (folder.isEmpty() || listFolders(list).contains(path))
        return;
    list->addItem(path);
    foldersEdited(list == m_degradedList);
}

void DatasetManager::removeFolder(QListWidget* list, int row)
{
    if (row < 0 || row >= list->count())
        return;
    delete list->takeItem(row);
    foldersEdited(list == m_degradedList);
}

void DatasetManager::foldersEdited(bool degradedSide)
{
    if (degradedSide && (m_measured || m_analysis->isRunning())) {
        m_analysis->cancel();
        m_measured.reset();
        showAnalysis();
        m_analysisStatus->setText(tr("The degraded folders changed: click Analyse to measure them."));
    }
    rescan();
    Q_EMIT changed();
}

void DatasetManager::rescan()
{
    const QStringList clean = cleanFolders();
    m_scannedCleanCount = int(clean.size());
    m_scanProgress->setValue(0);
    m_scanProgress->setVisible(true);
    m_scanStatus->setText(tr("Scanning…"));
    m_scan->start(clean + degradedFolders());
    updateButtons();
}

QStringList DatasetManager::scannedPaths(bool degradedSide) const
{
    QStringList paths;
    const auto& results = m_scan->results();
    for (std::size_t i = 0; i < results.size(); ++i)
        if ((int(i) >= m_scannedCleanCount) == degradedSide)
            paths << results[i].readablePaths;
    return paths;
}

void DatasetManager::showScan()
{
    m_scanProgress->setVisible(false);
    m_scanModel->setScan(m_scan->results(), m_scannedCleanCount);
    m_unreadableModel->removeRows(0, m_unreadableModel->rowCount());
    for (const DatasetFolderSummary& s : m_scan->results())
        for (const UnreadableAudioFile& bad : s.unreadable) {
            auto* file = new QStandardItem(QDir::toNativeSeparators(bad.path));
            auto* problem = new QStandardItem(bad.message);
            file->setEditable(false);
            problem->setEditable(false);
            problem->setToolTip(bad.message);
            m_unreadableModel->appendRow({file, problem});
        }
    m_scanTree->expandAll();
    QString text = m_scanModel->summaryText();
    const int unreadable = m_unreadableModel->rowCount();
    if (unreadable > 0)
        text += QStringLiteral(" · ") + tr("%n file(s) cannot be read (see Unreadable files)", "", unreadable);
    m_scanStatus->setText(text);
    updateButtons();
}

bool DatasetManager::startAnalysis()
{
    const QStringList files = scannedPaths(true);
    if (m_scan->isRunning() || files.isEmpty()) {
        m_analysisStatus->setText(m_scan->isRunning() ? tr("Wait for the folder scan to finish.")
                                                      : tr("No readable degraded files to analyse: add a folder of real transfers."));
        return false;
    }
    m_analysisProgress->setValue(0);
    m_analysisProgress->setVisible(true);
    m_analysisStatus->setText(tr("Analysing %n file(s)…", "", int(files.size())));
    m_analysis->start(files);
    updateButtons();
    return true;
}

void DatasetManager::cancelAnalysis() { m_analysis->cancel(); }

void DatasetManager::onAnalysisFinished()
{
    m_measured = m_analysis->result();
    showAnalysis();
    QString text = tr("Analysed %n file(s).", "", m_measured->files);
    const QStringList& failures = m_analysis->failures();
    if (!failures.isEmpty())
        text += QLatin1Char(' ') + tr("%n file(s) could not be analysed: %1", "", int(failures.size())).arg(failures.join(QStringLiteral("; ")));
    m_analysisStatus->setText(text);
    Q_EMIT changed();
}

void DatasetManager::showAnalysis()
{
    m_analysisProgress->setVisible(false);
    m_profile->setResult(m_measured ? &*m_measured : nullptr);
    updateButtons();
}

bool DatasetManager::startAudition()
{
    const QStringList clean = scannedPaths(false), real = scannedPaths(true);
    if (!m_measured || clean.isEmpty() || real.isEmpty() || m_auditionJob.isRunning()) {
        if (!m_auditionJob.isRunning())
            m_auditionStatus->setText(!m_measured ? tr("Analyse the degraded transfers first.")
                                                  : tr("An example needs readable clean and degraded files."));
        return false;
    }
    const int index = m_auditionCount++;
    const QString cleanPath = clean[index % clean.size()], realPath = real[index % real.size()];
    const degrade::DegradationProfile profile = m_measured->profile;
    m_auditionStatus->setText(tr("Making an example from %1…").arg(QFileInfo(cleanPath).fileName()));
    m_auditionJob = QtConcurrent::run([this, cleanPath, realPath, profile, index] {
        auto built = std::make_shared<Result<AuditionExcerpts>>(
            DatasetAudition::build(cleanPath, realPath, profile, DatasetAudition::kDefaultSeconds, std::uint64_t(index)));
        QMetaObject::invokeMethod(this, [this, built] { onAuditionBuilt(*built); }, Qt::QueuedConnection);
    });
    updateButtons();
    return true;
}

void DatasetManager::onAuditionBuilt(const Result<AuditionExcerpts>& built)
{
    const auto fail = [this](const QString& message) {
        m_auditionStatus->setText(message);
        updateButtons();
        Q_EMIT auditionFailed(message);
    };
    if (!built)
        return fail(built.error().message());
    const AuditionExcerpts& e = built.value();
    const std::int64_t frames = e.real.frames();
    auto real = InMemoryStream::create(e.real, e.sampleRate, 0, frames, tr("Real: %1").arg(QFileInfo(e.realPath).fileName()));
    auto synthetic = InMemoryStream::create(e.synthetic, e.sampleRate, 0, frames,
                                            tr("Synthetic: %1").arg(QFileInfo(e.cleanPath).fileName()));
    if (!real || !synthetic)
        return fail((real ? synthetic.error() : real.error()).message());
    if (Status s = m_player->setStreams(real.value(), synthetic.value(), nullptr); !s)
        return fail(s.error().message());
    m_player->seek(0);
    m_auditionStatus->setText(tr("Real: %1 from %2. Synthetic: %3 from %4 with the measured profile (%n click(s) added).", "",
                                 e.syntheticImpulses)
                                  .arg(QFileInfo(e.realPath).fileName(), formatDuration(e.realStartSeconds),
                                       QFileInfo(e.cleanPath).fileName(), formatDuration(e.cleanStartSeconds)));
    updateButtons();
    Q_EMIT auditionReady();
}

void DatasetManager::play(bool synthetic)
{
    if (!m_player->isAvailable()) {
        m_auditionStatus->setText(m_player->unavailableReason());
        return;
    }
    m_player->setChoice(synthetic ? AbChoice::Restored : AbChoice::Original);
    if (m_player->state() != PlaybackController::State::Playing)
        m_player->play();
}

void DatasetManager::updateButtons()
{
    const bool analysing = m_analysis->isRunning();
    m_analyse->setEnabled(!analysing && !m_scan->isRunning() && !scannedPaths(true).isEmpty());
    m_cancelAnalysis->setEnabled(analysing);
    m_audition->setEnabled(m_measured.has_value() && !m_auditionJob.isRunning() && !m_scan->isRunning());
    m_playReal->setEnabled(m_player->hasStreams());
    m_playSynthetic->setEnabled(m_player->hasChoice(AbChoice::Restored));
    m_stop->setEnabled(m_player->hasStreams());
    m_useForTraining->setEnabled(m_cleanList->count() > 0 && m_degradedList->count() > 0);
}

QJsonObject DatasetManager::toJson() const
{
    QJsonObject json{{QStringLiteral("clean"), QJsonArray::fromStringList(cleanFolders())},
                     {QStringLiteral("degraded"), QJsonArray::fromStringList(degradedFolders())}};
    if (m_measured)
        json.insert(QStringLiteral("measured"), QJsonObject{{QStringLiteral("profile"), m_measured->profile.toJson()},
                                                            {QStringLiteral("measured"), m_measured->measuredJson()},
                                                            {QStringLiteral("confidence"), m_measured->confidenceJson()},
                                                            {QStringLiteral("files"), m_measured->files},
                                                            {QStringLiteral("duration_s"), m_measured->durationSeconds}});
    return json;
}

Status DatasetManager::fromJson(const QJsonObject& json)
{
    auto clean = stringList(json, QStringLiteral("clean"));
    if (!clean)
        return clean.error();
    auto degraded = stringList(json, QStringLiteral("degraded"));
    if (!degraded)
        return degraded.error();
    std::optional<degrade::AnalysisResult> measured;
    if (json.contains(QStringLiteral("measured"))) {
        const QJsonObject m = json.value(QStringLiteral("measured")).toObject();
        auto profile = degrade::DegradationProfile::fromJson(m.value(QStringLiteral("profile")).toObject());
        if (!profile)
            return Error{QStringLiteral("datasets"), QStringLiteral("field \"measured.profile\": %1").arg(profile.error().reason)};
        measured.emplace();
        measured->profile = std::move(profile).value();
        const QJsonObject flags = m.value(QStringLiteral("measured")).toObject(), confidence = m.value(QStringLiteral("confidence")).toObject();
        for (auto it = flags.begin(); it != flags.end(); ++it)
            measured->quality.insert(it.key(), {it.value().toBool(), confidence.value(it.key()).toDouble()});
        measured->files = m.value(QStringLiteral("files")).toInt(1);
        measured->durationSeconds = m.value(QStringLiteral("duration_s")).toDouble();
    }
    m_analysis->cancel();
    m_player->clearStreams();
    m_cleanList->clear();
    m_degradedList->clear();
    for (const QString& f : clean.value())
        if (!cleanFolders().contains(f))
            m_cleanList->addItem(f);
    for (const QString& f : degraded.value())
        if (!degradedFolders().contains(f))
            m_degradedList->addItem(f);
    m_measured = std::move(measured);
    showAnalysis();
    m_analysisStatus->setText(m_measured ? tr("Measured profile restored from the project.") : QString());
    rescan();
    return Status::success();
}

} // namespace shellac::ui
