#include "storage/privatefiles.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

namespace fermata::privatefiles {

namespace {

// True when `path` was changed to `mode`.
bool restrict(const QString &path, mode_t mode, bool wantFolder)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info = {};
    if (::lstat(native.constData(), &info) != 0 || info.st_uid != ::geteuid())
        return false;
    if (wantFolder ? !S_ISDIR(info.st_mode) : !S_ISREG(info.st_mode))
        return false; // a symlink or a device is left as it is
    if ((info.st_mode & 077) == 0)
        return false;
    return ::chmod(native.constData(), mode) == 0;
}

} // namespace

QStringList tighten(const QStringList &folders, const QStringList &files)
{
    QStringList changed;
    for (const QString &folder : folders) {
        if (restrict(folder, 0700, true))
            changed.append(folder);
    }
    for (const QString &file : files) {
        if (restrict(file, 0600, false))
            changed.append(file);
    }
    return changed;
}

} // namespace fermata::privatefiles
