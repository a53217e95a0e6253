#pragma once

#include "common/Result.h"
#include "degrade/ArtifactAnalyzer.h"

#include <QFuture>

#include <utility>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace shellac::ui {

class DatasetAnalysis;
class DatasetProfileView;
class DatasetScan;
class DatasetScanModel;
class PlaybackController;
struct AuditionExcerpts;

/// The dataset manager (issue #8): the folders of clean music and of real degraded transfers a
/// model is trained on, what they hold, and what the analyzer measures on the real ones.
///
///  - Two folder lists, "Clean music" and "Real degraded transfers" (Add folder… / Remove).
///    Every change rescans all folders in the background (DatasetScan, header reads only).
///  - The scan tree: side → folder → genre (first-level sub-folder, "(top level)"), with file
///    counts, total duration, sample rates and channel counts; and the files that cannot be
///    read, with the reader's message.
///  - Analyse: ArtifactAnalyzer over the readable degraded files on a worker (DatasetAnalysis:
///    progress, Cancel), pooled, shown in a DatasetProfileView.
///  - Audition: a few seconds of a clean file degraded with the measured profile next to a
///    real excerpt (DatasetAudition), played through a PlaybackController: "Real" is its
///    Original, "Synthetic" its Restored choice; switching is instant while playing. Each click
///    takes the next clean and degraded file and a new seed. Without an audio device the
///    controller's reason is shown.
///  - Use for training: emits useForTraining() with one folder of each side; the trainer takes
///    one of each, so several are combined into a view of links (DatasetUnion) first.
///
/// The folder lists and the last measured profile are saved with the project (toJson() /
/// fromJson(); changed() on every user edit). GUI thread only.
class DatasetManager : public QWidget {
    Q_OBJECT
public:
    explicit DatasetManager(QWidget* parent = nullptr);
    ~DatasetManager() override;

    QStringList cleanFolders() const;
    QStringList degradedFolders() const;
    /// Adds a folder (absolute, cleaned; ignored when already listed on that side), rescans,
    /// and emits changed(). A degraded folder change also drops the measured profile.
    void addCleanFolder(const QString& folder);
    void addDegradedFolder(const QString& folder);
    /// Removes the folder in `row` of that side's list (no-op when out of range); as above.
    void removeCleanFolder(int row);
    void removeDegradedFolder(int row);

    /// {"clean": [folders], "degraded": [folders]} plus, after an analysis, "measured":
    /// {"profile": profile JSON, "measured": {key: bool}, "confidence": {key: 0..1},
    /// "files": N, "duration_s": S}.
    QJsonObject toJson() const;
    /// Replaces the folders (and the measured profile, when present) and rescans; does not emit
    /// changed(). An empty object clears everything. On a malformed object nothing changes and
    /// the error names "datasets" and the field.
    Status fromJson(const QJsonObject& json);

    /// The measured profile (pooled over the degraded files), when an analysis finished or was
    /// restored by fromJson().
    const std::optional<degrade::AnalysisResult>& measuredProfile() const { return m_measured; }

    /// Starts the analysis of the degraded files of the last scan (the Analyse button).
    /// False (with a status message) when there are none or a scan is still running.
    bool startAnalysis();
    /// Stops a running analysis (the Cancel button).
    void cancelAnalysis();
    /// Builds the next audition pair in the background (the Audition button); auditionReady()
    /// or auditionFailed() follows. False (with a status message) without a measured profile
    /// or without readable clean and degraded files.
    bool startAudition();

    DatasetScan* scan() const { return m_scan; }
    DatasetAnalysis* analysis() const { return m_analysis; }
    PlaybackController* player() const { return m_player; }
    DatasetProfileView* profileView() const { return m_profile; }
    /// Side → folder → genre rows (see DatasetScanModel).
    DatasetScanModel* scanModel() const { return m_scanModel; }
    /// One row per unreadable file: path, the reader's message.
    QStandardItemModel* unreadableModel() const { return m_unreadableModel; }
    QListWidget* cleanList() const { return m_cleanList; }
    QListWidget* degradedList() const { return m_degradedList; }
    QLabel* scanStatus() const { return m_scanStatus; }
    QLabel* analysisStatus() const { return m_analysisStatus; }
    QLabel* auditionStatus() const { return m_auditionStatus; }
    QPushButton* analyseButton() const { return m_analyse; }
    QPushButton* useForTrainingButton() const { return m_useForTraining; }

Q_SIGNALS:
    /// The folders or the measured profile changed by a user action (save the project).
    void changed();
    /// "Use for training": the clean and degraded folder for the trainer.
    void useForTraining(const QString& cleanFolder, const QString& degradedFolder);
    /// An audition pair is loaded into player() (Original = Real, Restored = Synthetic).
    void auditionReady();
    /// The audition pair could not be built; `message` names the file and the problem.
    void auditionFailed(const QString& message);

private:
    QWidget* createFolderBox(const QString& title, const QString& tooltip, QListWidget* list, bool clean);
    void addFolder(QListWidget* list, const QString& folder);
    void removeFolder(QListWidget* list, int row);
    void foldersEdited(bool degradedSide);
    void rescan();
    void showScan();
    void showAnalysis();
    void onAnalysisFinished();
    void onAuditionBuilt(const Result<AuditionExcerpts>& built);
    void play(bool synthetic);
    void updateButtons();
    QStringList scannedPaths(bool degradedSide) const;

    DatasetScan* m_scan;
    DatasetAnalysis* m_analysis;
    PlaybackController* m_player;
    DatasetProfileView* m_profile;
    QListWidget* m_cleanList;
    QListWidget* m_degradedList;
    DatasetScanModel* m_scanModel;
    QStandardItemModel* m_unreadableModel;
    QTreeView* m_scanTree;
    QTreeView* m_unreadableView;
    QLabel* m_scanStatus;
    QProgressBar* m_scanProgress;
    QPushButton* m_analyse;
    QPushButton* m_cancelAnalysis;
    QProgressBar* m_analysisProgress;
    QLabel* m_analysisStatus;
    QPushButton* m_audition;
    QPushButton* m_playReal;
    QPushButton* m_playSynthetic;
    QPushButton* m_stop;
    QLabel* m_auditionStatus;
    QPushButton* m_useForTraining;
    QLabel* m_trainingNote;
    std::optional<degrade::AnalysisResult> m_measured;
    int m_scannedCleanCount = 0; // the first folders of the running or last scan that are clean
    QFuture<void> m_auditionJob; // waited for on destruction
    QFuture<std::pair<Result<QString>, Result<QString>>> m_unionJob; // the link views; waited for too
    int m_auditionCount = 0;
};

} // namespace shellac::ui
