#pragma once

#include <QByteArray>
#include <QString>

// The few file-system steps that keep Fermata's data private and its database file safe, where
// the systems differ: POSIX (privatefilesystem_posix.cpp) or Windows (privatefilesystem_win.cpp),
// chosen in CMake. Everything else uses Qt's portable file classes.
namespace fermata::privatefilesystem {

// How a step went, in the terms Fermata words for people.
struct Outcome
{
    enum class Kind { Done, ReadOnly, DiskFull, Exists, Failed };
    Kind kind = Kind::Done;
    QString detail; // the system's own words

    bool isDone() const { return kind == Kind::Done; }
};

// Makes `folder` (its parent exists) for this user only; an existing folder is Done.
Outcome makePrivateFolder(const QString &folder);
// Creates an empty file for this user only, named from `pathTemplate` (ending in XXXXXX, which
// becomes unique); `created` gets its path.
Outcome createPrivateFile(const QString &pathTemplate, QString &created);
// Renames `from` to `to` in one step, only while `to` is free (Exists otherwise), and makes
// the new name survive a crash.
Outcome moveIntoFreeName(const QString &from, const QString &to);
// Closes `path` (a folder when `isFolder`) to group and others, if this user owns it and it
// is open to them; true when it changed something. Never follows a symlink.
bool restrictToOwner(const QString &path, bool isFolder);
// Changes whenever the file at `path` is replaced or written; empty when it is missing.
QByteArray changeStamp(const QString &path);

} // namespace fermata::privatefilesystem
