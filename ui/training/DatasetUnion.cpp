#include "ui/training/DatasetUnion.h"

#include "audio/AudioPathCollector.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace shellac::ui {

namespace {

/// Removes a previous view: only symbolic links and the folders holding them.
Status clearView(const QString& viewFolder)
{
    QDirIterator it(viewFolder, QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (!info.isSymLink())
            return Error{viewFolder, QStringLiteral("holds %1, which is not a link Shellac made; choose another view "
                                                   "folder").arg(info.fileName())};
        QFile::remove(info.filePath());
    }
    QDir(viewFolder).removeRecursively(); // now only empty folders are left
    return Status::success();
}

} // namespace

Result<QString> DatasetUnion::make(const QStringList& folders, const QString& viewFolder, bool keepGenres)
{
    if (folders.isEmpty())
        return Error{viewFolder, QStringLiteral("no folders to combine")};
    if (folders.size() == 1)
        return folders.first();
    if (QFileInfo::exists(viewFolder))
        if (Status s = clearView(viewFolder); !s)
            return s.error();
    if (!QDir().mkpath(viewFolder))
        return Error{viewFolder, QStringLiteral("cannot create the folder")};
    for (int n = 0; n < folders.size(); ++n) {
        const QDir root(folders[n]);
        if (!root.exists())
            return Error{folders[n], QStringLiteral("folder does not exist")};
        for (const QString& file : collectAudioPaths({folders[n]})) {
            const QString relative = root.relativeFilePath(file);
            const int slash = int(relative.indexOf(QLatin1Char('/')));
            QString genre;
            QString rest = relative;
            if (keepGenres) {
                genre = slash < 0 ? QStringLiteral("unsorted") : relative.left(slash);
                rest = slash < 0 ? relative : relative.mid(slash + 1);
            }
            const QString name = QStringLiteral("%1-%2").arg(n + 1).arg(QString(rest).replace(QLatin1Char('/'), QLatin1Char('-')));
            const QString target = genre.isEmpty() ? QDir(viewFolder).filePath(name)
                                                   : QDir(viewFolder).filePath(genre + QLatin1Char('/') + name);
            QDir().mkpath(QFileInfo(target).absolutePath());
            if (!QFile::link(QFileInfo(file).absoluteFilePath(), target))
                return Error{target, QStringLiteral("cannot create a link to %1").arg(file)};
        }
    }
    return viewFolder;
}

} // namespace shellac::ui
