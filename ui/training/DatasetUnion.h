#pragma once

#include "common/Result.h"

#include <QStringList>

namespace shellac::ui {

/// One folder the trainer can read that holds the audio files of several folders, as symbolic
/// links (nothing is copied, the originals are untouched): the trainer takes one clean and one
/// degraded folder, the dataset manager lets the user list several of each.
///
/// Layout: for clean music (`keepGenres`), a file at FOLDER/GENRE/…/NAME is linked as
/// VIEW/GENRE/N-…-NAME (N = the folder's position in the list, path separators flattened), so
/// genres of the same name from different folders become one genre; a file directly inside a
/// folder goes to VIEW/unsorted/. For degraded transfers everything goes directly into VIEW.
/// With a single folder no view is made: that folder is returned as it is.
///
/// The view folder is replaced as a whole on every call (only links inside it are ever
/// removed). QtCore only; any thread, one call per view at a time.
class DatasetUnion {
public:
    /// The folder to train on: `folders.first()` when there is one, else `viewFolder` after
    /// (re)building it. Errors name the folder that could not be read or written.
    static Result<QString> make(const QStringList& folders, const QString& viewFolder, bool keepGenres);
};

} // namespace shellac::ui
