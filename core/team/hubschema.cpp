#include "team/hubschema.h"

#include "team/hubsql.h"

#include <QCoreApplication>
#include <QFile>

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata::hubschema {

namespace {

// An arbitrary key for pg_advisory_xact_lock: "fermata hub migration".
constexpr qint64 s_migrationLock = 0x4665726d617461;

} // namespace

int latestVersion()
{
    return 8;
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
    const sql::Target hub = hubsql::target(db);
    const QString what = Text::tr("read the hub's schema version");
    const Result<QVariant> exists = sql::scalar(hub, QStringLiteral("SELECT to_regclass('fermata.hub') IS NOT NULL"),
                                                {}, what);
    if (!exists)
        return exists.error();
    if (!exists->toBool())
        return 0;
    const Result<QVariant> version = sql::scalar(hub, QStringLiteral("SELECT schema_version FROM fermata.hub"), {},
                                                 what);
    if (!version)
        return version.error();
    return version->toInt();
}

Status migrate(const QSqlDatabase &constDb)
{
    QSqlDatabase db = constDb;
    const sql::Target hub = hubsql::target(db);
    const Result<int> found = currentVersion(db);
    if (!found)
        return found.error();
    const int latest = latestVersion();
    auto newer = [&](int version) {
        return Status::failure(
            Error::Code::NewerSchema,
            Text::tr("This team hub was set up by a newer Fermata (hub schema version %1; "
                     "this Fermata knows up to %2). It was left unchanged: update Fermata "
                     "to use it.").arg(version).arg(latest));
    };
    if (*found > latest)
        return newer(*found);
    for (int step = *found + 1; step <= latest; ++step) {
        const QString what = Text::tr("upgrade the hub schema to version %1").arg(step);
        const QString statements = stepSql(step);
        if (statements.isEmpty())
            return Status::failure(Error::Code::Io, Text::tr("The hub schema step %1 is missing "
                                                             "from this build.").arg(step));
        if (!db.transaction())
            return hubsql::error(what, db.lastError());
        auto fail = [&](const Status &status) {
            db.rollback();
            return status;
        };
        if (Status locked = sql::exec(hub, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(s_migrationLock),
                                      {}, what); !locked)
            return fail(locked);
        // Another administrator may have migrated while we waited for the lock.
        const Result<int> now = currentVersion(db);
        if (!now)
            return fail(now.error());
        if (*now > latest)
            return fail(newer(*now));
        if (*now >= step) {
            db.commit();
            continue;
        }
        if (Status done = sql::exec(hub, statements, {}, what); !done)
            return fail(done);
        if (Status done = sql::exec(hub, QStringLiteral("UPDATE fermata.hub SET schema_version = %1").arg(step), {},
                                    what); !done)
            return fail(done);
        if (!db.commit())
            return fail(hubsql::error(what, db.lastError()));
    }
    return {};
}

Result<bool> hideServerActivity(const QSqlDatabase &db)
{
    const sql::Target hub = hubsql::target(db);
    const QString what = Text::tr("hide the server's sessions from members");
    const Result<QVariant> super = sql::scalar(
        hub, QStringLiteral("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user"), {}, what);
    if (!super)
        return super.error();
    if (!super->toBool())
        return false;
    QFile file(QStringLiteral(":/fermata/team/sql/hub_privacy.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Io, Text::tr("The hub privacy step is missing from this build.")};
    if (Status done = sql::exec(hub, QString::fromUtf8(file.readAll()), {}, what); !done)
        return done.error();
    return true;
}

Result<bool> membersSeeSessions(const QSqlDatabase &db)
{
    const Result<QVariant> sees = sql::scalar(
        hubsql::target(db),
        QStringLiteral("SELECT pg_catalog.has_function_privilege(fermata.member_group(), "
                       "'pg_catalog.pg_stat_get_activity(integer)', 'EXECUTE')"),
        {}, Text::tr("check what members can see of the server"));
    if (!sees)
        return sees.error();
    return sees->toBool();
}

} // namespace fermata::hubschema
