#pragma once

// One way to run SQL, for the SQLite file and the team hub (PostgreSQL) alike: prepare, bind,
// run and read in one call that returns Status / Result (ok means success), with failures in
// words for people that name the file or the hub. Instants are INTEGER ms since the epoch
// (UTC), NULL for an invalid QDateTime.

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>
#include <type_traits>

namespace fermata {

class Database;

namespace sql {

// An instant as INTEGER ms since the epoch, or NULL when `dt` is invalid.
QVariant fromDateTime(const QDateTime &dt);
// A UTC QDateTime from INTEGER ms, or an invalid QDateTime for NULL.
QDateTime toDateTime(const QVariant &value);
// Text that is never bound as NULL (both drivers bind a null QString as NULL, which NOT NULL
// columns refuse).
QVariant text(const QString &value);

// "Fermata could not <what> in <file> (<driver message>)."
Error databaseError(const QString &path, const QString &what, const QSqlError &error);

// Where statements run, and how a failure there reads: a SQLite file names its path (and a
// full or read-only disk as such); the hub says "The team hub could not …".
class Target
{
public:
    using Describe = std::function<Error(const QString &what, const QSqlError &error)>;
    Target(QSqlDatabase db, Describe describe) : m_db(std::move(db)), m_describe(std::move(describe)) {}
    // The SQLite file at `path`, opened as `db`.
    static Target file(QSqlDatabase db, const QString &path);

    QSqlDatabase database() const { return m_db; }
    Error error(const QString &what, const QSqlError &error) const { return m_describe(what, error); }

private:
    QSqlDatabase m_db;
    Describe m_describe;
};

// The connection of `db`, its errors naming its file.
Target on(const Database &db);

// Prepares a query kept to run many times (values bound by exec() below).
Status prepare(QSqlQuery &query, const QString &statement, const Target &target, const QString &what);
// Binds `values` to the positional placeholders of a prepared query, in order, and runs it.
Status exec(QSqlQuery &query, const QVariantList &values, const Target &target, const QString &what);

// Runs `statement` with `values` bound; the query is forward-only and positioned before its
// first row. A statement without values runs as it is (PRAGMA, BEGIN, DDL: PostgreSQL's
// PREPARE takes none of them).
Result<QSqlQuery> run(const Target &target, const QString &statement, const QVariantList &values,
                      const QString &what);
// As run(), when nothing is read back.
Status exec(const Target &target, const QString &statement, const QVariantList &values,
            const QString &what);
// As exec(), for a statement meant to change a row (UPDATE or DELETE by key): NotFound with
// `gone` as its message when no row changed.
Status changeRow(const Target &target, const QString &statement, const QVariantList &values,
                 const QString &what, const QString &gone);
// As exec(), for an INSERT into a SQLite table: the id of the new row.
Result<qint64> insert(const Target &target, const QString &statement, const QVariantList &values,
                      const QString &what);
// The first column of the first row; a null QVariant when there is no row.
Result<QVariant> scalar(const Target &target, const QString &statement, const QVariantList &values,
                        const QString &what);

// Every row, each made a value by `read(const QSqlQuery &)`.
template <typename Read>
auto readAll(const Target &target, const QString &statement, const QVariantList &values,
             const QString &what, Read read) -> Result<QList<std::invoke_result_t<Read, const QSqlQuery &>>>
{
    Result<QSqlQuery> query = run(target, statement, values, what);
    if (!query)
        return query.error();
    QList<std::invoke_result_t<Read, const QSqlQuery &>> rows;
    while (query.value().next())
        rows.append(read(std::as_const(query.value())));
    return rows;
}

// The first row made a value by `read`, or nothing when there is no row.
template <typename Read>
auto readOne(const Target &target, const QString &statement, const QVariantList &values,
             const QString &what, Read read) -> Result<std::optional<std::invoke_result_t<Read, const QSqlQuery &>>>
{
    using Row = std::invoke_result_t<Read, const QSqlQuery &>;
    Result<QSqlQuery> query = run(target, statement, values, what);
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<Row>();
    return std::optional<Row>(read(std::as_const(query.value())));
}

} // namespace sql
} // namespace fermata
