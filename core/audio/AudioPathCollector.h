#pragma once

#include <QStringList>
#include <QUrl>

namespace shellac::ui {

/// Turns what the user dropped or picked (files and folders) into a sorted list of audio file
/// paths: folders are searched recursively for readableNameFilters(); files are kept as given
/// even when their extension is unknown, so that the list can say why they cannot be opened.
QStringList collectAudioPaths(const QStringList& paths);

/// Local file paths of dropped URLs (non-local URLs are ignored).
QStringList localPaths(const QList<QUrl>& urls);

} // namespace shellac::ui
