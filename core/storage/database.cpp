#include "storage/database.h"

#include "storage/databasefile.h"
#include "storage/migrations.h"
#include "storage/privatefilesystem.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <QSet>

#include <atomic>
#include <mutex>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

const QString s_driver = QStringLiteral("QSQLITE");

QString uniqueConnectionName(QLatin1String purpose)
{
    static std::atomic<quint64> s_counter{0};
    return QStringLiteral("fermata-%1-%2").arg(purpose).arg(++s_counter);
}

// The files this process found healthy, each as it was then (inode, size, change time): the
// window's workers open the file the window checked a moment ago, and the check reads every
// page. Any change to the file since (a write checkpointed into it, a repair, damage made by
// another program) makes it a different entry, checked again.
class CheckedFiles
{
public:
    static CheckedFiles &instance()
    {
        static CheckedFiles files;
        return files;
    }
    bool contains(const QString &path) const
    {
        const QByteArray key = stamp(path);
        const std::lock_guard lock(m_mutex);
        return !key.isEmpty() && m_stamps.contains(key);
    }
    void add(const QString &path)
    {
        const QByteArray key = stamp(path);
        const std::lock_guard lock(m_mutex);
        if (!key.isEmpty())
            m_stamps.insert(key);
    }

private:
    static QByteArray stamp(const QString &path) { return privatefilesystem::changeStamp(path); }

    mutable std::mutex m_mutex;
    QSet<QByteArray> m_stamps;
};

// Makes the data folder when it is missing, private to the user (0700) from the start.
std::optional<Error> makePrivateFolder(const QString &folder, const QString &file)
{
    if (QFileInfo(folder).isDir())
        return std::nullopt;
    const QFileInfo leaf(folder);
    using Kind = privatefilesystem::Outcome::Kind;
    // mkpath says only yes or no: when it fails, making the parent again tells why.
    const QString parent = leaf.absolutePath();
    const Kind made = QDir().mkpath(parent) ? privatefilesystem::makePrivateFolder(folder).kind
                                            : privatefilesystem::makePrivateFolder(parent).kind;
    if (made == Kind::Done && QFileInfo(folder).isDir())
        return std::nullopt;
    if (made == Kind::ReadOnly)
        return databasefile::readOnly(file);
    if (made == Kind::DiskFull)
        return databasefile::diskFull(file);
    return Error{Error::Code::Io,
                 Text::tr("Fermata could not create the folder %1 for %2. Check that you "
                          "may write there, or start Fermata with --data-dir pointing at "
                          "another folder.")
                     .arg(folder, file)};
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

std::optional<Error> Database::configure()
{
    const QSqlDatabase db = connection();
    const QString what = Text::tr("set up the connection");
    // busy_timeout first, so switching to WAL waits for another process instead of failing.
    for (const auto *pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON",
                               "PRAGMA synchronous = FULL"}) {
        if (Status set = sql::exec(sql::on(*this), QString::fromLatin1(pragma), {}, what); !set)
            return set.error();
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
            return databasefile::describeFailure(m_path, what, query.lastError());
        QThread::msleep(5);
    }
    if (query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return Error{Error::Code::Database,
                     Text::tr("Fermata could not switch %1 to write-ahead logging (the "
                              "journal mode stayed \"%2\"). Move the file to a local disk "
                              "or start Fermata with --data-dir pointing at another folder.")
                         .arg(m_path, query.value(0).toString())};
    }
    return std::nullopt;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    return open(path, true);
}

Result<std::unique_ptr<Database>> Database::openCheckedElsewhere(const QString &path)
{
    return open(path, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, bool checkIntegrity)
{
    using R = Result<std::unique_ptr<Database>>;
    const QFileInfo info(path);
    const QString file = info.absoluteFilePath();
    if (!QSqlDatabase::isDriverAvailable(s_driver))
        return R::failure(Error::Code::Database,
                          Text::tr("Fermata cannot open %1: the Qt SQLite driver (QSQLITE) "
                                   "is not installed. Reinstall Fermata.")
                              .arg(file));
    if (auto error = makePrivateFolder(info.absolutePath(), file))
        return R(*error);
    if (info.isDir())
        return R::failure(Error::Code::Io,
                          Text::tr("Fermata could not open %1: it is a folder. Move it "
                                   "away, or start Fermata with --data-dir pointing at "
                                   "another folder.")
                              .arg(file));
    if (!info.exists()) {
        // Made whole under another name and moved into place, so no process (this one
        // included) ever finds an empty or half-migrated file here.
        auto created = databasefile::createAtomically(file, [](const QSqlDatabase &db, const QString &name) {
            return migrations::migrate(db, name, 0);
        });
        if (!created)
            return R(created.error());
    } else if (info.size() == 0) {
        // Fermata never leaves an empty file behind (see above), so this one is someone else's.
        return R(databasefile::notFermata(file, Text::tr("it is empty, 0 bytes")));
    } else {
        const bool checkNow = checkIntegrity && !CheckedFiles::instance().contains(file);
        if (auto refusal = databasefile::checkExisting(file, migrations::latestVersion(), checkNow))
            return R(*refusal);
        if (checkNow)
            CheckedFiles::instance().add(file);
    }

    std::unique_ptr<Database> database(new Database(file, uniqueConnectionName(QLatin1String("rw"))));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(s_driver, database->m_connectionName);
        db.setDatabaseName(file);
        if (!db.open())
            return R(databasefile::describeFailure(file, Text::tr("open"), db.lastError()));
    }
    if (auto error = database->configure())
        return R(*error);
    const int version = database->schemaVersion();
    if (version < 0)
        return R(databasefile::damaged(file, Text::tr("the data format version is unreadable")));
    if (version > latestSchemaVersion()) // it changed between the check and now
        return R(databasefile::newerSchema(file, version, latestSchemaVersion()));
    if (Status status = migrations::migrate(database->connection(), file, version); !status)
        return R(status.error());
    return R(std::move(database));
}

Status Database::inTransaction(const std::function<Status()> &work)
{
    const sql::Target target = sql::on(*this);
    const QString what = Text::tr("save changes");
    const bool outermost = m_transactionDepth == 0;
    const QString savepoint = QStringLiteral("fermata_%1").arg(m_transactionDepth);
    // IMMEDIATE takes the write lock up front, waiting (busy_timeout) for other processes.
    // A plain BEGIN that reads first and then writes cannot wait: when another process wrote
    // in between, SQLite refuses the upgrade at once with "database is locked".
    if (Status begun = sql::exec(target, outermost ? QStringLiteral("BEGIN IMMEDIATE")
                                                   : QStringLiteral("SAVEPOINT ") + savepoint,
                                 {}, what);
        !begun)
        return begun;

    ++m_transactionDepth;
    Status status = work();
    --m_transactionDepth;

    if (outermost) {
        if (status)
            status = sql::exec(target, QStringLiteral("COMMIT"), {}, what);
        if (!status)
            (void)sql::exec(target, QStringLiteral("ROLLBACK"), {}, what);
        return status;
    }
    if (status)
        return sql::exec(target, QStringLiteral("RELEASE ") + savepoint, {}, what);
    (void)sql::exec(target, QStringLiteral("ROLLBACK TO ") + savepoint, {}, what);
    (void)sql::exec(target, QStringLiteral("RELEASE ") + savepoint, {}, what);
    return status;
}

} // namespace fermata
