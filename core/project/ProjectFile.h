#pragma once

#include "common/Result.h"
#include "project/ListeningChecklist.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <vector>

namespace shellac {

/// Where a recording stands in the editor. Restoring is a live state: a project saved while a
/// job ran loads as New (or Restored when an earlier take is current), since the job is gone.
enum class EntryStatus { New, Restoring, Restored, Checked };

/// One applied restoration of a recording (a "take"): what ran and what it wrote.
/// Paths are absolute while in memory; the file also stores them relative to its own folder.
struct AppliedTake {
    QString method;           ///< restorer name as the CLI spells it: "dsp", "neural", "hybrid", ...
    QJsonObject settings;     ///< the settings JSON as the caller gave it (opaque here)
    QString restoredPath;     ///< the restored audio file (absolute)
    QString residualPath;     ///< "what was removed" audio (absolute); empty when none was written
    QString reportPath;       ///< RestorationReport JSON (absolute); empty when none was written
    QDateTime appliedAt;      ///< when the take was applied, UTC (millisecond precision once saved)

    bool operator==(const AppliedTake&) const = default;
};

/// One recording opened in the project.
struct ProjectEntry {
    QString originalPath;              ///< the original recording (absolute; never modified)
    EntryStatus status = EntryStatus::New;
    /// Undo history of applied takes, oldest first.
    std::vector<AppliedTake> takes;
    /// Index into `takes` of the take now applied; −1 = the original, nothing applied.
    int currentTake = -1;
    ListeningChecklist checklist;

    /// The applied restoration (takes[currentTake]), or nullptr when the original is current.
    const AppliedTake* appliedTake() const;

    bool operator==(const ProjectEntry&) const = default;
};

/// The project document: the file list with each file's status, takes and checklist, plus
/// project-wide settings and free UI state. A plain value type with no I/O (see ProjectFile);
/// not thread-safe to mutate while another thread reads it (copy it, e.g. for a background save).
struct Project {
    static constexpr int kVersion = 1; ///< the newest project version this Shellac reads and writes

    QUuid uuid;                 ///< identity of the project; ProjectFile::save checks it before replacing
    QDateTime created;          ///< UTC
    QDateTime modified;         ///< UTC; the caller stamps it (markModified) before saving
    std::vector<ProjectEntry> entries;
    QJsonObject settings;       ///< project-wide settings (default restore settings, training), opaque
    QJsonObject uiState;        ///< free UI state (splitters, zoom, selection), opaque

    /// A new, empty project with a fresh uuid, created = modified = `nowUtc`.
    static Project createNew(const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());

    /// Sets `modified` to `nowUtc` (converted to UTC).
    void markModified(const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());

    /// Index of the entry whose original is `absolutePath` (compared as cleaned paths), or −1.
    int indexOf(const QString& absolutePath) const;

    bool operator==(const Project&) const = default;
};

/// What load() noticed besides errors: useful for a "files were relocated" note in the GUI.
struct ProjectLoadInfo {
    /// The project file is no longer in the folder it was saved in.
    bool folderMoved = false;
    /// Paths found through their relative form after the move (absolute paths, as resolved).
    QStringList relocatedPaths;
    /// Paths that exist neither where they were saved nor relative to the project's folder.
    QStringList missingPaths;
};

/// Reads and writes .shellac project files (pretty-printed JSON, UTF-8):
///
///     { "format": "shellac-project", "version": 1, "uuid": "{...}",
///       "created": ISO-UTC, "modified": ISO-UTC, "saved_in": "/abs/folder/of/the/file",
///       "settings": {...}, "ui_state": {...},
///       "entries": [ { "original": ABS, "original_relative": REL,
///                      "status": "new" | "restoring" | "restored" | "checked",
///                      "current_take": -1 | INDEX,
///                      "takes": [ { "method": "dsp", "settings": {...}, "applied_at": ISO-UTC,
///                                   "restored": ABS, "restored_relative": REL,
///                                   "residual": ABS, "residual_relative": REL,   // optional
///                                   "report": ABS, "report_relative": REL } ],   // optional
///                      "checklist": {...ListeningChecklist...} } ] }
///
/// Relative paths are relative to the project file's folder. On load, when the file is no
/// longer in its "saved_in" folder and an absolute path is missing, the relative form is tried
/// against the file's present folder (a project folder moved with its recordings).
///
/// Errors name the file and the problem: missing, unreadable, empty, not JSON (with line,
/// column and byte offset), not a Shellac project, written by a newer version, and fields of
/// the wrong type (naming the entry index and field). Nothing is ever written by load().
///
/// Static functions, reentrant: different paths may be used from different threads at once.
class ProjectFile {
public:
    /// File name suffix, with the dot.
    static constexpr const char* kSuffix = ".shellac";
    /// The value of the "format" key.
    static constexpr const char* kFormatTag = "shellac-project";

    /// Reads a project. `info`, when given, receives what path resolution noticed.
    static Result<Project> load(const QString& path, ProjectLoadInfo* info = nullptr);

    /// How save() treats an existing file at the destination.
    enum class SaveMode {
        /// Write only when the destination does not exist, or is a readable Shellac project
        /// (of a version this Shellac reads) with the same uuid as the project being saved.
        /// Anything else (another project, a corrupt file, a newer version, a non-project)
        /// is left untouched and save() fails saying so. This is the mode for Save and autosave.
        UpdateSameProject,
        /// Write over whatever file is there (never over a folder). Only after the user agreed
        /// to replace that file, e.g. in a Save As dialog.
        Replace,
    };

    /// Writes `project` to `path` atomically (temporary file in the same folder, then rename):
    /// a crash or a full disk mid-save leaves the previous file as it was. Paths in the project
    /// must be absolute; their relative forms are computed against `path`'s folder. Does not
    /// touch `project.modified` (call Project::markModified first). Fails, writing nothing,
    /// when the folder is missing or not writable, or as `mode` says above.
    static Status save(const QString& path, const Project& project, SaveMode mode = SaveMode::UpdateSameProject);

    /// The JSON the file holds, for a project file living in `projectFolder` (absolute).
    static QJsonObject toJson(const Project& project, const QString& projectFolder);

    /// The stable key of a status ("new", "restoring", "restored", "checked").
    static QString statusKey(EntryStatus status);
};

} // namespace shellac
