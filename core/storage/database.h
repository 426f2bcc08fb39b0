#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace fermata {

// The embedded SQLite store: WAL, foreign keys on, synchronous=FULL (a write that returned
// success survives a crash), schema version in PRAGMA user_version, ordered migrations each
// in one transaction. A new file is made whole under another name and moved into place, and
// carries Fermata's application id; a file that is empty, another program's, damaged, or from a
// newer schema is refused and left byte-for-byte untouched. The folder is private to the user
// (0700) and the files 0600. Only SQLite ever opens the file (see databasefile.h for why).
class Database final
{
public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens (creating if missing) and migrates the file at `path`. Errors: NotADatabase,
    // Damaged, NewerSchema, ReadOnly, DiskFull, Io, Database — each naming the file. The
    // integrity check runs once per process for a file that has not changed since.
    static Result<std::unique_ptr<Database>> open(const QString &path);
    // The same without the integrity check of an existing file that needs no migration, for a
    // caller that runs open() on another connection and waits for it before any write (the
    // window's start-up: the check reads every page, a year of data in a few ms).
    static Result<std::unique_ptr<Database>> openCheckedElsewhere(const QString &path);

    static int latestSchemaVersion();
    int schemaVersion() const;
    QString path() const { return m_path; }

    // The named connection for repositories in this folder; only usable on the opening thread.
    QSqlDatabase connection() const;

    // Runs `work` inside one transaction; commits when it returns ok, rolls back otherwise.
    Status inTransaction(const std::function<Status()> &work);

private:
    static Result<std::unique_ptr<Database>> open(const QString &path, bool checkIntegrity);

    Database(QString path, QString connectionName);

    std::optional<Error> configure();

    QString m_path;
    QString m_connectionName;
    int m_transactionDepth = 0; // > 0 inside inTransaction(); nested calls use savepoints
};

} // namespace fermata
