#include "storage/sqlhelpers.h"

#include "storage/database.h"
#include "storage/databasefile.h"

namespace fermata::sql {

QVariant fromDateTime(const QDateTime &dt)
{
    if (!dt.isValid())
        return QVariant(QMetaType::fromType<qlonglong>());
    return QVariant(qlonglong(dt.toMSecsSinceEpoch()));
}

QDateTime toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

Error databaseError(const QString &path, const QString &what, const QSqlError &error)
{
    // A full or read-only disk is named as such, never mistaken for a damaged file.
    return databasefile::describeFailure(path, what, error);
}

Target Target::file(QSqlDatabase db, const QString &path)
{
    return Target(std::move(db), [path](const QString &what, const QSqlError &error) {
        return databaseError(path, what, error);
    });
}

Target on(const Database &db)
{
    return Target::file(db.connection(), db.path());
}

Status prepare(QSqlQuery &query, const QString &statement, const Target &target, const QString &what)
{
    if (!query.prepare(statement))
        return target.error(what, query.lastError());
    return {};
}

Status exec(QSqlQuery &query, const QVariantList &values, const Target &target, const QString &what)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec())
        return target.error(what, query.lastError());
    return {};
}

Result<QSqlQuery> run(const Target &target, const QString &statement, const QVariantList &values,
                      const QString &what)
{
    QSqlQuery query(target.database());
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        if (!query.exec(statement))
            return target.error(what, query.lastError());
        return query;
    }
    if (Status prepared = prepare(query, statement, target, what); !prepared)
        return prepared.error();
    if (Status done = exec(query, values, target, what); !done)
        return done.error();
    return query;
}

Status exec(const Target &target, const QString &statement, const QVariantList &values,
            const QString &what)
{
    const Result<QSqlQuery> query = run(target, statement, values, what);
    if (!query)
        return query.error();
    return {};
}

Status changeRow(const Target &target, const QString &statement, const QVariantList &values,
                 const QString &what, const QString &gone)
{
    const Result<QSqlQuery> query = run(target, statement, values, what);
    if (!query)
        return query.error();
    if (query->numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound, gone);
    return {};
}

Result<qint64> insert(const Target &target, const QString &statement, const QVariantList &values,
                      const QString &what)
{
    const Result<QSqlQuery> query = run(target, statement, values, what);
    if (!query)
        return query.error();
    return query->lastInsertId().toLongLong();
}

Result<QVariant> scalar(const Target &target, const QString &statement, const QVariantList &values,
                        const QString &what)
{
    Result<QSqlQuery> query = run(target, statement, values, what);
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0) : QVariant();
}

} // namespace fermata::sql
