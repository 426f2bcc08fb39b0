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
// in one transaction. A file that is damaged, not SQLite, or from a newer schema is refused
// and left byte-for-byte untouched.
class Database final
{
public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens (creating if missing) and migrates the file at `path`. Errors: NotADatabase,
    // Damaged, NewerSchema, Io, Database — each with a message naming the file.
    static Result<std::unique_ptr<Database>> open(const QString &path);

    static int latestSchemaVersion();
    int schemaVersion() const;
    QString path() const { return m_path; }

    // The named connection for repositories in this folder; only usable on the opening thread.
    QSqlDatabase connection() const;

    // Runs `work` inside one transaction; commits when it returns ok, rolls back otherwise.
    Status inTransaction(const std::function<Status()> &work);

private:
    Database(QString path, QString connectionName);

    // Checks an existing file through a read-only connection, so a refused file is never
    // written to. Returns the error that refuses it, if any.
    static std::optional<Error> checkExisting(const QString &path);
    std::optional<Error> configure();

    QString m_path;
    QString m_connectionName;
    int m_transactionDepth = 0; // > 0 inside inTransaction(); nested calls use savepoints
};

} // namespace fermata
