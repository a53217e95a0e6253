#pragma once

#include <QStringList>
#include <QUrl>

namespace shellac {

/// Turns what the user dropped, picked or named (files and folders) into a list of absolute
/// audio file paths: folders are searched recursively for readableNameFilters() (sorted, hidden
/// files such as our own ".NAME.XXXXXX.part" temporaries skipped); files are kept as given even
/// when their extension is unknown, so that the caller can say why they cannot be opened.
/// Files under `exclude` (e.g. an output folder inside the input folder) are left out.
QStringList collectAudioPaths(const QStringList& paths, const QString& exclude = {});

/// Local file paths of dropped URLs (non-local URLs are ignored).
QStringList localPaths(const QList<QUrl>& urls);

} // namespace shellac
