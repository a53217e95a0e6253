#include "common/Error.h"

namespace shellac {

QString Error::message() const
{
    if (subject.isEmpty())
        return reason;
    return subject + QStringLiteral(": ") + reason;
}

} // namespace shellac
