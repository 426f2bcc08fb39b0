#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <functional>
#include <optional>

namespace fermata::databasefile {

// Stamped into every Fermata database (PRAGMA application_id, bytes 68-71 of the header), so
// Fermata recognises its own files and never adopts another program's SQLite file. "Frmt".
constexpr qint32 applicationId = 0x46726D74;

// Decides, through a read-only SQLite connection, whether the existing non-empty file at `path`
// may be opened: a Fermata database (its application id, or an older Fermata's tables), healthy,
// and not from a newer Fermata. Returns the refusal otherwise; the file is never written to.
//
// Only SQLite ever opens the file: closing any other descriptor on it (a QFile, say) would drop
// this process's POSIX locks held by its other connections, and another process could then
// checkpoint and delete the WAL under a live connection (SQLite's "How To Corrupt", 2.2).
// checkIntegrity false leaves out the integrity check (it reads every page) for a caller that
// runs it on another connection before it writes; a file due for migration is checked anyway.
std::optional<Error> checkExisting(const QString &path, int latestVersion, bool checkIntegrity = true);

// Creates a new database at `path` in one step: built under a temporary name in the same
// folder (private to the user, WAL, `prepare` — the migrations — run on it), then moved into
// place only if nothing is there yet. Other processes never see a half-made or empty file.
// Returns true when this call made the file, false when another process made it first.
Result<bool> createAtomically(const QString &path,
                              const std::function<Status(const QSqlDatabase &, const QString &)> &prepare);

// Turns what SQLite said while opening or writing `path` into words a person can act on:
// a read-only disk or folder, a full disk, a damaged file, or any other failure.
Error describeFailure(const QString &path, const QString &what, const QSqlError &error);

// The refusals, shared with Database.
Error notFermata(const QString &path, const QString &why);
Error damaged(const QString &path, const QString &problem);
Error readOnly(const QString &path);
Error diskFull(const QString &path);
Error newerSchema(const QString &path, int version, int latestVersion);

} // namespace fermata::databasefile
