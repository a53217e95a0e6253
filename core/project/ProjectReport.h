#pragma once

#include "common/Result.h"
#include "project/ProjectFile.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>

namespace shellac {

/// Exports a project's entries, with their status, restoration (method and settings) and
/// listening checklist, as CSV (for spreadsheets and scripts) or as a standalone HTML page
/// (for people and printing).
///
/// CSV: RFC 4180 (fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF
/// line ends), UTF-8 with a byte-order mark so that spreadsheets read accents. One header row
/// of stable keys (see csvColumns()), then one row per entry in project order. Checklist answers
/// read "yes", "no" or "—" (unanswered); duration_s is in seconds with one decimal, empty when
/// unknown; method, settings and restored are empty while the original is current.
///
/// HTML: one UTF-8 page with an embedded stylesheet that also prints (no scripts, no external
/// files); every text from the project is HTML-escaped; a summary line "N files, N checked,
/// N with all four answers yes" above the table.
///
/// A value snapshot of the project, built and used on one thread (copy the Project to build a
/// report on a worker).
class ProjectReport {
public:
    /// Counts for the summary line.
    struct Summary {
        int files = 0;   ///< entries in the project
        int checked = 0; ///< entries whose status is Checked
        int allYes = 0;  ///< entries whose four checklist answers are all yes
    };

    explicit ProjectReport(Project project);

    /// Heading and <title> of the HTML page; default "Shellac project report".
    void setTitle(const QString& title) { m_title = title; }
    /// The duration of an entry's recording in seconds (e.g. from AudioFileInspector); entries
    /// without one show an empty duration. Keyed by the entry's original path.
    void setDurationSeconds(const QString& originalPath, double seconds);
    /// When the report was made, shown on the HTML page (UTC); default: the construction time.
    void setGeneratedAt(const QDateTime& utc) { m_generatedAt = utc.toUTC(); }
    /// Human labels for the four checklist questions in the HTML header, in
    /// ListeningChecklist::questions() order (e.g. the GUI's translated labels). Missing or
    /// empty labels keep the default English ones; extra ones are ignored.
    void setQuestionLabels(const QStringList& labels);

    Summary summary() const;

    /// The CSV header keys in column order: file, status, duration_s, method, settings,
    /// crackles_removed, pops_removed, voice_preserved, natural_sound, notes, checklist_changed
    /// (ISO 8601 UTC), restored (the current take's file).
    static QStringList csvColumns();
    /// The whole CSV document, BOM included.
    QByteArray toCsv() const;
    /// The whole HTML page.
    QString toHtml() const;

    /// Write toCsv() / toHtml() to `path` atomically (temporary file, then rename), replacing an
    /// existing file; errors name the file.
    Status writeCsv(const QString& path) const;
    Status writeHtml(const QString& path) const;

    /// One readable line for a take's settings JSON (RestorationSettings::summaryOf: e.g.
    /// "classical: declick 5 · decrackle 5 · dehum auto · dehiss 12 dB · rumble 20 Hz"); empty
    /// for an empty object.
    static QString settingsSummary(const QJsonObject& settings);
    /// One CSV field, quoted per RFC 4180 when it holds a comma, a quote, CR or LF.
    static QString csvField(const QString& text);
    /// Free text for a CSV cell, kept from being read as a formula: text starting with '=', '+',
    /// '-', '@', a tab or a CR gets a leading apostrophe (spreadsheets show it as text).
    static QString csvText(const QString& text);
    /// The checklist answer as the report shows it: "yes", "no" or "—".
    static QString answerText(ChecklistAnswer answer);

private:
    QString durationText(const ProjectEntry& entry, bool clock) const;

    Project m_project;
    QString m_title;
    QDateTime m_generatedAt;
    QHash<QString, double> m_durations;
    std::array<QString, ListeningChecklist::kQuestionCount> m_questionLabels;
};

} // namespace shellac
