#include "storage/privatefiles.h"

#include "storage/privatefilesystem.h"

namespace fermata::privatefiles {

QStringList tighten(const QStringList &folders, const QStringList &files)
{
    QStringList changed;
    for (const QString &folder : folders) {
        if (privatefilesystem::restrictToOwner(folder, true))
            changed.append(folder);
    }
    for (const QString &file : files) {
        if (privatefilesystem::restrictToOwner(file, false))
            changed.append(file);
    }
    return changed;
}

} // namespace fermata::privatefiles
