#include "storage/sqlhelpers.h"

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
    // The SQLite driver binds a null QString as NULL, which NOT NULL columns refuse.
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

Error databaseError(const QString &path, const QString &what, const QSqlError &error)
{
    // A full or read-only disk is named as such, never mistaken for a damaged file.
    return databasefile::describeFailure(path, what, error);
}

std::optional<Error> prepare(QSqlQuery &query, const QString &statement, const QString &path,
                             const QString &what)
{
    if (!query.prepare(statement))
        return databaseError(path, what, query.lastError());
    return std::nullopt;
}

std::optional<Error> exec(QSqlQuery &query, const QString &path, const QString &what)
{
    if (!query.exec())
        return databaseError(path, what, query.lastError());
    return std::nullopt;
}

std::optional<Error> execDirect(const QSqlDatabase &db, const QString &statement,
                                const QString &path, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return databaseError(path, what, query.lastError());
    return std::nullopt;
}

Status deleteById(const QSqlDatabase &db, const QString &path, QLatin1String table, qint64 id,
                  const QString &what, const QString &gone)
{
    QSqlQuery query(db);
    if (auto error = prepare(query, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), path, what))
        return *error;
    query.bindValue(0, id);
    if (auto error = exec(query, path, what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound, gone);
    return {};
}

} // namespace fermata::sql
