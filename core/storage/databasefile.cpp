#include "storage/databasefile.h"

#include "storage/privatefilesystem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QStringList>

#include <atomic>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata::databasefile {

namespace {

// SQLite's primary result codes (the QSQLITE driver reports them as the native error code).
enum SqliteCode {
    SqlitePerm = 3,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADb = 26,
};

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// What the disk holding `path` says about itself; both false when it cannot tell.
struct DiskState
{
    bool readOnly = false;
    bool full = false;
};

DiskState diskState(const QString &path)
{
    QFileInfo info(path);
    const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    const QStorageInfo disk(folder);
    if (!disk.isValid() || !disk.isReady())
        return {};
    // A few pages is as good as none: SQLite needs room for the WAL and its index.
    return {disk.isReadOnly(), disk.bytesAvailable() < 64 * 1024};
}

QString uniqueName()
{
    static std::atomic<quint64> s_counter{0};
    return QStringLiteral("fermata-file-%1").arg(++s_counter);
}

Error ioError(const QString &path, const QString &why)
{
    return Error{Error::Code::Io,
                 Text::tr("Fermata could not open %1 (%2). Check that you may read and "
                          "write there, or start Fermata with --data-dir pointing at "
                          "another folder.")
                     .arg(path, why)};
}

Error fromOutcome(const QString &path, const privatefilesystem::Outcome &outcome)
{
    using Kind = privatefilesystem::Outcome::Kind;
    if (outcome.kind == Kind::ReadOnly)
        return readOnly(path);
    if (outcome.kind == Kind::DiskFull)
        return diskFull(path);
    return ioError(path, outcome.detail);
}

// The first problem the integrity check reports, or std::nullopt when it says "ok". A check
// that could not run at all is a failure to read, not damage: `readFailure` gets it.
// quick_check reads every page and record (a torn or garbled file shows) but does not compare
// indexes with their tables: on a year of data it takes 3 ms instead of 12, and each process
// (the window, each command) pays it before anything else, once per unchanged file.
std::optional<QString> integrityProblem(const QSqlDatabase &db, std::optional<QSqlError> &readFailure)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        readFailure = query.lastError();
        return std::nullopt;
    }
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    if (query.lastError().isValid()) {
        readFailure = query.lastError();
        return std::nullopt;
    }
    if (lines == QStringList{QStringLiteral("ok")})
        return std::nullopt;
    return lines.isEmpty() ? Text::tr("no result") : lines.constFirst();
}

// Tables every Fermata database has had since data format 1; a file without an application id
// (made before it was stamped) is Fermata's only if it has all of them.
bool hasFermataTables(const QStringList &tables)
{
    for (const auto *table : {"tasks", "focus_blocks", "checkin_windows", "notifications"}) {
        if (!tables.contains(QLatin1String(table)))
            return false;
    }
    return true;
}

std::optional<Error> inspect(const QSqlDatabase &db, const QString &path, int latestVersion, bool checkIntegrity)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
        if (sqliteCode(query.lastError()) == SqliteNotADb)
            return notFermata(path, Text::tr("it is not a SQLite database, or its header "
                                             "is damaged"));
        return describeFailure(path, Text::tr("read"), query.lastError());
    }
    const qint32 id = query.value(0).toInt();
    query.finish();
    if (id != applicationId) {
        if (id != 0)
            return notFermata(path, Text::tr("it belongs to another program: its "
                                             "application id is 0x%1")
                                        .arg(quint32(id), 8, 16, QLatin1Char('0')));
        QStringList tables;
        if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name")))
            return describeFailure(path, Text::tr("read"), query.lastError());
        while (query.next())
            tables.append(query.value(0).toString());
        if (tables.isEmpty())
            return notFermata(path, Text::tr("it is an empty SQLite database that Fermata "
                                             "did not make"));
        if (!hasFermataTables(tables)) {
            const QStringList shown = tables.mid(0, 4);
            return notFermata(path, Text::tr("it is another program's SQLite database, "
                                             "with the tables %1%2")
                                        .arg(shown.join(QStringLiteral(", ")),
                                             tables.size() > shown.size() ? QStringLiteral(" …")
                                                                          : QString()));
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return describeFailure(path, Text::tr("read"), query.lastError());
    const int version = query.value(0).toInt();
    query.finish();
    // A file about to be migrated is always checked first: migrating writes.
    if (checkIntegrity || version < latestVersion) {
        std::optional<QSqlError> readFailure;
        if (const auto problem = integrityProblem(db, readFailure))
            return damaged(path, *problem);
        if (readFailure)
            return describeFailure(path, Text::tr("check"), *readFailure);
    }
    if (version > latestVersion)
        return newerSchema(path, version, latestVersion);
    return std::nullopt;
}

} // namespace

Error notFermata(const QString &path, const QString &why)
{
    return Error{Error::Code::NotADatabase,
                 Text::tr("%1 is not a Fermata database (%2). Fermata left it untouched: "
                          "move it away, or start Fermata with --data-dir pointing at "
                          "another folder.")
                     .arg(path, why)};
}

Error damaged(const QString &path, const QString &problem)
{
    return Error{Error::Code::Damaged,
                 Text::tr("%1 is damaged (integrity check: %2). Fermata left it untouched: "
                          "restore it from a backup or move it away.")
                     .arg(path, problem)};
}

Error readOnly(const QString &path)
{
    return Error{Error::Code::ReadOnly,
                 Text::tr("Fermata cannot write to %1: the disk or folder holding it is "
                          "read-only. Nothing was changed. Make it writable (or mount the "
                          "disk read-write), or start Fermata with --data-dir pointing at "
                          "another folder.")
                     .arg(path)};
}

Error diskFull(const QString &path)
{
    return Error{Error::Code::DiskFull,
                 Text::tr("The disk holding %1 is full. Nothing was changed and the saved "
                          "data is intact. Free some space on that disk and try again, or "
                          "start Fermata with --data-dir pointing at another folder.")
                     .arg(path)};
}

Error newerSchema(const QString &path, int version, int latest)
{
    return Error{Error::Code::NewerSchema,
                 Text::tr("%1 was written by a newer Fermata (data format %2; this version "
                          "reads up to %3). Fermata left it untouched: update Fermata to "
                          "open it.")
                     .arg(path)
                     .arg(version)
                     .arg(latest)};
}

Error describeFailure(const QString &path, const QString &what, const QSqlError &error)
{
    const int code = sqliteCode(error);
    const DiskState disk = diskState(path);
    if (code == SqliteReadOnly || (disk.readOnly && (code == SqliteCantOpen || code == SqliteIoErr)))
        return readOnly(path);
    if (code == SqliteFull || (disk.full && (code == SqliteIoErr || code == SqliteCantOpen)))
        return diskFull(path);
    if (code == SqliteCorrupt)
        return damaged(path, error.databaseText());
    if (code == SqliteCantOpen || code == SqlitePerm)
        return ioError(path, error.databaseText().isEmpty() ? error.text() : error.databaseText());
    return Error{Error::Code::Database,
                 Text::tr("Fermata could not %1 in %2 (%3).").arg(what, path, error.text())};
}

std::optional<Error> checkExisting(const QString &path, int latestVersion, bool checkIntegrity)
{
    const QString name = uniqueName();
    std::optional<Error> refusal;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        refusal = db.open() ? inspect(db, path, latestVersion, checkIntegrity)
                            : describeFailure(path, Text::tr("open"), db.lastError());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return refusal;
}

Result<bool> createAtomically(const QString &path,
                              const std::function<Status(const QSqlDatabase &, const QString &)> &prepare)
{
    const QFileInfo info(path);
    // Private from the start: SQLite's -wal and -shm copy its mode.
    QString tempPath;
    if (const auto made = privatefilesystem::createPrivateFile(
            QDir(info.absolutePath()).filePath(QStringLiteral(".%1.new-XXXXXX").arg(info.fileName())), tempPath);
        !made.isDone())
        return fromOutcome(path, made);
    const auto removeTemp = qScopeGuard([&] {
        for (const auto *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(tempPath + QLatin1String(suffix));
    });

    std::optional<Error> failure;
    const QString name = uniqueName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(tempPath);
        if (!db.open()) {
            failure = describeFailure(path, Text::tr("create the database"), db.lastError());
        } else {
            QSqlQuery query(db);
            for (const auto *pragma : {"PRAGMA synchronous = FULL", "PRAGMA journal_mode = WAL"}) {
                if (!failure && !query.exec(QString::fromLatin1(pragma)))
                    failure = describeFailure(path, Text::tr("create the database"), query.lastError());
            }
            query.finish();
            if (!failure) {
                if (Status prepared = prepare(db, path); !prepared)
                    failure = prepared.error();
            }
        }
        db.close(); // the last connection: SQLite checkpoints and removes the temporary WAL
    }
    QSqlDatabase::removeDatabase(name);
    if (failure)
        return *failure;

    // Into place only if the name is still free, in one atomic step.
    const auto moved = privatefilesystem::moveIntoFreeName(tempPath, info.absoluteFilePath());
    if (moved.kind == privatefilesystem::Outcome::Kind::Exists)
        return false; // another process made it first; theirs is as good as ours
    if (!moved.isDone())
        return fromOutcome(path, moved);
    return true;
}

} // namespace fermata::databasefile
