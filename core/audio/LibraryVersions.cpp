#include "audio/LibraryVersions.h"

#include <sndfile.h>
#include <soxr.h>

namespace shellac {

QString sndfileVersion()
{
    char version[128] = {};
    sf_command(nullptr, SFC_GET_LIB_VERSION, version, sizeof(version));
    return QString::fromLatin1(version);
}

QString soxrVersion()
{
    return QString::fromLatin1(soxr_version()).remove(QStringLiteral("libsoxr-"));
}

} // namespace shellac
