#include "storage/database.h"

#include "storage/migrations.h"
#include "storage/sqlhelpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace fermata {

namespace {

const QString s_driver = QStringLiteral("QSQLITE");

QString uniqueConnectionName(QLatin1String purpose)
{
    static std::atomic<quint64> s_counter{0};
    return QStringLiteral("fermata-%1-%2").arg(purpose).arg(++s_counter);
}

Error notADatabase(const QString &path, const QString &why)
{
    return Error{Error::Code::NotADatabase,
                 QStringLiteral("%1 is not a Fermata database (%2). Fermata left it untouched: "
                                "move it away, or start Fermata with --data-dir pointing at "
                                "another folder.")
                     .arg(path, why)};
}

Error damaged(const QString &path, const QString &problem)
{
    return Error{Error::Code::Damaged,
                 QStringLiteral("%1 is damaged (integrity check: %2). Fermata left it untouched: "
                                "restore it from a backup or move it away.")
                     .arg(path, problem)};
}

Error newerSchema(const QString &path, int version)
{
    return Error{Error::Code::NewerSchema,
                 QStringLiteral("%1 was written by a newer Fermata (data format %2; this version "
                                "reads up to %3). Fermata left it untouched: update Fermata to "
                                "open it.")
                     .arg(path)
                     .arg(version)
                     .arg(migrations::latestVersion())};
}

Error ioError(const QString &path, const QString &why)
{
    return Error{Error::Code::Io,
                 QStringLiteral("Fermata could not open %1 (%2). Check that you may read and "
                                "write there, or start Fermata with --data-dir pointing at "
                                "another folder.")
                     .arg(path, why)};
}

// The first problem SQLite reports, or std::nullopt when the check says "ok".
std::optional<QString> integrityProblem(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        const QString text = query.lastError().databaseText();
        return text.isEmpty() ? query.lastError().text() : text;
    }
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    if (query.lastError().isValid())
        return query.lastError().databaseText();
    if (lines == QStringList{QStringLiteral("ok")})
        return std::nullopt;
    return lines.isEmpty() ? QStringLiteral("no result") : lines.constFirst();
}

std::optional<int> userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return std::nullopt;
    return query.value(0).toInt();
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::latestSchemaVersion()
{
    return migrations::latestVersion();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    return userVersion(connection()).value_or(-1);
}

std::optional<Error> Database::checkExisting(const QString &path)
{
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return ioError(path, file.errorString());
        if (file.read(16) != QByteArray("SQLite format 3", 16)) // 15 letters + NUL
            return notADatabase(path, QStringLiteral("it is not a SQLite file"));
    }

    const QString name = uniqueConnectionName(QLatin1String("check"));
    std::optional<Error> refusal;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(s_driver, name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            refusal = ioError(path, db.lastError().text());
        } else if (const auto problem = integrityProblem(db)) {
            refusal = damaged(path, *problem);
        } else if (const auto version = userVersion(db); !version) {
            refusal = damaged(path, QStringLiteral("the data format version is unreadable"));
        } else if (*version > migrations::latestVersion()) {
            refusal = newerSchema(path, *version);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return refusal;
}

std::optional<Error> Database::configure()
{
    const QSqlDatabase db = connection();
    const QString what = QStringLiteral("set up the connection");
    // busy_timeout first, so switching to WAL waits for another process instead of failing.
    for (const auto *pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON",
                               "PRAGMA synchronous = FULL"}) {
        if (auto error = sql::execDirect(db, QString::fromLatin1(pragma), m_path, what))
            return error;
    }
    QSqlQuery query(db);
    // Switching a new file to WAL needs an exclusive lock, and SQLite answers "locked" at once,
    // without its busy handler, when another process opening the same new file holds a shared
    // one. Retry briefly: the other opener finishes the switch in milliseconds.
    QElapsedTimer waited;
    waited.start();
    while (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()) {
        const QString code = query.lastError().nativeErrorCode();
        const bool busy = code == u"5" || code == u"6"; // SQLITE_BUSY, SQLITE_LOCKED
        if (!busy || waited.elapsed() > 5000)
            return sql::databaseError(m_path, what, query.lastError());
        QThread::msleep(5);
    }
    if (query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return Error{Error::Code::Database,
                     QStringLiteral("Fermata could not switch %1 to write-ahead logging (the "
                                    "journal mode stayed \"%2\"). Move the file to a local disk "
                                    "or start Fermata with --data-dir pointing at another folder.")
                         .arg(m_path, query.value(0).toString())};
    }
    return std::nullopt;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    using R = Result<std::unique_ptr<Database>>;
    const QFileInfo info(path);
    const QString file = info.absoluteFilePath();
    if (!QSqlDatabase::isDriverAvailable(s_driver))
        return R::failure(Error::Code::Database,
                          QStringLiteral("Fermata cannot open %1: the Qt SQLite driver (QSQLITE) "
                                         "is not installed. Reinstall Fermata.")
                              .arg(file));
    if (!QDir().mkpath(info.absolutePath()))
        return R::failure(Error::Code::Io,
                          QStringLiteral("Fermata could not create the folder %1 for %2. Check "
                                         "that you may write there, or start Fermata with "
                                         "--data-dir pointing at another folder.")
                              .arg(info.absolutePath(), file));
    if (info.isDir())
        return R(ioError(file, QStringLiteral("it is a folder")));
    if (info.exists() && info.size() > 0) {
        if (auto refusal = checkExisting(file))
            return R(*refusal);
    }

    std::unique_ptr<Database> database(new Database(file, uniqueConnectionName(QLatin1String("rw"))));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(s_driver, database->m_connectionName);
        db.setDatabaseName(file);
        if (!db.open())
            return R(ioError(file, db.lastError().text()));
    }
    if (auto error = database->configure())
        return R(*error);
    const int version = database->schemaVersion();
    if (version < 0)
        return R(damaged(file, QStringLiteral("the data format version is unreadable")));
    if (version > latestSchemaVersion()) // it changed between the check and now
        return R(newerSchema(file, version));
    if (Status status = migrations::migrate(database->connection(), file, version); !status)
        return R(status.error());
    return R(std::move(database));
}

Status Database::inTransaction(const std::function<Status()> &work)
{
    QSqlDatabase db = connection();
    const QString what = QStringLiteral("save changes");
    const bool outermost = m_transactionDepth == 0;
    const QString savepoint = QStringLiteral("fermata_%1").arg(m_transactionDepth);
    if (outermost) {
        if (!db.transaction())
            return sql::databaseError(m_path, what, db.lastError());
    } else if (auto error = sql::execDirect(db, QStringLiteral("SAVEPOINT ") + savepoint, m_path,
                                            what)) {
        return *error;
    }

    ++m_transactionDepth;
    Status status = work();
    --m_transactionDepth;

    if (outermost) {
        if (status && db.commit())
            return {};
        const Status result = status ? Status(sql::databaseError(m_path, what, db.lastError()))
                                     : status;
        db.rollback();
        return result;
    }
    if (status) {
        if (auto error = sql::execDirect(db, QStringLiteral("RELEASE ") + savepoint, m_path, what))
            return *error;
        return {};
    }
    (void)sql::execDirect(db, QStringLiteral("ROLLBACK TO ") + savepoint, m_path, what);
    (void)sql::execDirect(db, QStringLiteral("RELEASE ") + savepoint, m_path, what);
    return status;
}

} // namespace fermata
