// The private file-system steps on Linux and other POSIX systems: modes 0700/0600 keep the
// data from other local users whatever the umask.
#include "storage/privatefilesystem.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fermata::privatefilesystem {

namespace {

Outcome fromErrno(int error)
{
    const QString words = QString::fromLocal8Bit(std::strerror(error));
    if (error == EROFS)
        return {Outcome::Kind::ReadOnly, words};
    if (error == ENOSPC || error == EDQUOT)
        return {Outcome::Kind::DiskFull, words};
    if (error == EEXIST)
        return {Outcome::Kind::Exists, words};
    return {Outcome::Kind::Failed, words};
}

} // namespace

Outcome makePrivateFolder(const QString &folder)
{
    if (::mkdir(QFile::encodeName(folder).constData(), 0700) == 0 || errno == EEXIST)
        return {};
    return fromErrno(errno);
}

Outcome createPrivateFile(const QString &pathTemplate, QString &created)
{
    QByteArray name = QFile::encodeName(pathTemplate);
    // mkstemp makes the file 0600 whatever the umask: SQLite's -wal and -shm copy its mode.
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        return fromErrno(errno);
    ::close(fd); // a file nobody else has opened: closing it drops no one's locks
    created = QFile::decodeName(name);
    return {};
}

Outcome moveIntoFreeName(const QString &from, const QString &to)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
#ifdef RENAME_NOREPLACE
    int moved = ::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE);
    if (moved != 0 && (errno == EINVAL || errno == ENOSYS)) // a file system without it
        moved = ::link(source.constData(), target.constData());
#else
    const int moved = ::link(source.constData(), target.constData()); // fails with EEXIST when taken
#endif
    if (moved != 0)
        return fromErrno(errno);
    // The new name must survive a crash too.
    const QByteArray folder = QFile::encodeName(QFileInfo(to).absolutePath());
    if (const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

bool restrictToOwner(const QString &path, bool isFolder)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info = {};
    if (::lstat(native.constData(), &info) != 0 || info.st_uid != ::geteuid())
        return false;
    if (isFolder ? !S_ISDIR(info.st_mode) : !S_ISREG(info.st_mode))
        return false; // a symlink or a device is left as it is
    if ((info.st_mode & 077) == 0)
        return false;
    return ::chmod(native.constData(), isFolder ? 0700 : 0600) == 0;
}

QByteArray changeStamp(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
#ifdef Q_OS_DARWIN
    const auto modified = st.st_mtimespec;
    const auto changed = st.st_ctimespec;
#else
    const auto modified = st.st_mtim;
    const auto changed = st.st_ctim;
#endif
    return QFile::encodeName(path) + '\0'
        + QByteArray::number(quint64(st.st_ino)) + ':' + QByteArray::number(qint64(st.st_size)) + ':'
        + QByteArray::number(qint64(modified.tv_sec)) + '.' + QByteArray::number(qint64(modified.tv_nsec))
        + ':' + QByteArray::number(qint64(changed.tv_sec)) + '.' + QByteArray::number(qint64(changed.tv_nsec));
}

} // namespace fermata::privatefilesystem
