#include "team/hubschema.h"

#include "team/hubsql.h"

#include <QFile>
#include <QSqlQuery>

namespace fermata::hubschema {

namespace {

// An arbitrary key for pg_advisory_xact_lock: "fermata hub migration".
constexpr qint64 s_migrationLock = 0x4665726d617461;

} // namespace

int latestVersion()
{
    return 2;
}

QString stepSql(int version)
{
    QFile file(QStringLiteral(":/fermata/team/sql/hub_v%1.sql").arg(version));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

Result<int> currentVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT to_regclass('fermata.hub') IS NOT NULL")) || !query.next())
        return hubsql::error(QStringLiteral("read the hub's schema version"), query.lastError());
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT schema_version FROM fermata.hub")) || !query.next())
        return hubsql::error(QStringLiteral("read the hub's schema version"), query.lastError());
    return query.value(0).toInt();
}

Status migrate(const QSqlDatabase &constDb)
{
    QSqlDatabase db = constDb;
    const Result<int> found = currentVersion(db);
    if (!found)
        return found.error();
    const int latest = latestVersion();
    auto newer = [&](int version) {
        return Status::failure(
            Error::Code::NewerSchema,
            QStringLiteral("This team hub was set up by a newer Fermata (hub schema version %1; "
                           "this Fermata knows up to %2). It was left unchanged: update Fermata "
                           "to use it.").arg(version).arg(latest));
    };
    if (*found > latest)
        return newer(*found);
    for (int step = *found + 1; step <= latest; ++step) {
        const QString what = QStringLiteral("upgrade the hub schema to version %1").arg(step);
        const QString sql = stepSql(step);
        if (sql.isEmpty())
            return Status::failure(Error::Code::Io, QStringLiteral("The hub schema step %1 is missing "
                                                                   "from this build.").arg(step));
        if (!db.transaction())
            return hubsql::error(what, db.lastError());
        QSqlQuery query(db);
        auto fail = [&](const Error &error) {
            db.rollback();
            return Status(error);
        };
        if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(s_migrationLock)))
            return fail(hubsql::error(what, query.lastError()));
        // Another administrator may have migrated while we waited for the lock.
        const Result<int> now = currentVersion(db);
        if (!now)
            return fail(now.error());
        if (*now > latest)
            return fail(newer(*now).error());
        if (*now >= step) {
            db.commit();
            continue;
        }
        if (!query.exec(sql))
            return fail(hubsql::error(what, query.lastError()));
        if (!query.exec(QStringLiteral("UPDATE fermata.hub SET schema_version = %1").arg(step)))
            return fail(hubsql::error(what, query.lastError()));
        if (!db.commit())
            return fail(hubsql::error(what, db.lastError()));
    }
    return {};
}

} // namespace fermata::hubschema
