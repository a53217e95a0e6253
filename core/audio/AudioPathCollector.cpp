#include "audio/AudioPathCollector.h"

#include "audio/AudioFormat.h"

#include <QDirIterator>
#include <QFileInfo>

namespace shellac {

QStringList collectAudioPaths(const QStringList& paths, const QString& exclude)
{
    const QString excluded = exclude.isEmpty() ? QString() : QFileInfo(exclude).absoluteFilePath() + QLatin1Char('/');
    QStringList result;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(info.absoluteFilePath(), readableNameFilters(), QDir::Files,
                            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext()) {
                const QString file = it.next();
                if (excluded.isEmpty() || !file.startsWith(excluded))
                    found << file;
            }
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

} // namespace shellac
