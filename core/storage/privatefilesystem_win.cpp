// The private file-system steps on Windows. Windows protects files by ACLs, not modes: what
// Fermata makes in the user's profile (%LOCALAPPDATA%) inherits an ACL that admits only that
// user, SYSTEM and Administrators, which is what 0700/0600 give on POSIX. Fermata relies on that
// inheritance and does not rewrite ACLs (a --data-dir elsewhere keeps that folder's ACL).
#include "storage/privatefilesystem.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <string>
#include <windows.h>

namespace fermata::privatefilesystem {

namespace {

std::wstring native(const QString &path)
{
    return QDir::toNativeSeparators(path).toStdWString();
}

Outcome fromLastError()
{
    const DWORD error = ::GetLastError();
    const QString words = qt_error_string(int(error));
    switch (error) {
    case ERROR_WRITE_PROTECT:
        return {Outcome::Kind::ReadOnly, words};
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
        return {Outcome::Kind::DiskFull, words};
    case ERROR_ALREADY_EXISTS:
    case ERROR_FILE_EXISTS:
        return {Outcome::Kind::Exists, words};
    default:
        return {Outcome::Kind::Failed, words};
    }
}

} // namespace

Outcome makePrivateFolder(const QString &folder)
{
    // No security attributes: the folder inherits its parent's (private) ACL.
    if (::CreateDirectoryW(native(folder).c_str(), nullptr) || ::GetLastError() == ERROR_ALREADY_EXISTS)
        return {};
    return fromLastError();
}

Outcome createPrivateFile(const QString &pathTemplate, QString &created)
{
    QTemporaryFile file(pathTemplate);
    file.setAutoRemove(false);
    if (!file.open())
        return {Outcome::Kind::Failed, file.errorString()};
    created = file.fileName();
    return {};
}

Outcome moveIntoFreeName(const QString &from, const QString &to)
{
    // Without MOVEFILE_REPLACE_EXISTING the move fails when `to` exists, in one step;
    // MOVEFILE_WRITE_THROUGH returns only once the new name is on disk.
    if (::MoveFileExW(native(from).c_str(), native(to).c_str(), MOVEFILE_WRITE_THROUGH))
        return {};
    return fromLastError();
}

bool restrictToOwner(const QString &, bool)
{
    return false; // the inherited ACL is the protection (see above); nothing to tighten
}

QByteArray changeStamp(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return path.toUtf8() + '\0' + QByteArray::number(info.size()) + ':'
        + QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + ':'
        + QByteArray::number(info.birthTime().toMSecsSinceEpoch());
}

} // namespace fermata::privatefilesystem
