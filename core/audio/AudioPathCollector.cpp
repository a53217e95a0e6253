#include "ui/AudioPathCollector.h"

#include "audio/AudioFormat.h"

#include <QDirIterator>
#include <QFileInfo>

namespace shellac::ui {

QStringList collectAudioPaths(const QStringList& paths)
{
    QStringList result;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(info.absoluteFilePath(), readableNameFilters(), QDir::Files,
                            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext())
                found << it.next();
            found.sort(Qt::CaseInsensitive);
            result << found;
        } else {
            result << info.absoluteFilePath();
        }
    }
    return result;
}

QStringList localPaths(const QList<QUrl>& urls)
{
    QStringList paths;
    for (const QUrl& url : urls)
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

} // namespace shellac::ui
