#pragma once

// Small helpers shared by the repositories: instants as INTEGER ms since the epoch (UTC),
// NULL for an invalid QDateTime, and SQL errors turned into sentences for people.

#include "result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace fermata {

class Database;

namespace sql {

// An instant as INTEGER ms since the epoch, or NULL when `dt` is invalid.
QVariant fromDateTime(const QDateTime &dt);
// A UTC QDateTime from INTEGER ms, or an invalid QDateTime for NULL.
QDateTime toDateTime(const QVariant &value);
// Text that is never bound as NULL (a null QString becomes '').
QVariant text(const QString &value);

// "Fermata could not <what> in <file> (<driver message>)."
Error databaseError(const QString &path, const QString &what, const QSqlError &error);

// Prepares `statement` on `query`; on failure returns the error, else std::nullopt.
std::optional<Error> prepare(QSqlQuery &query, const QString &statement, const QString &path,
                             const QString &what);
// Executes a prepared query; on failure returns the error.
std::optional<Error> exec(QSqlQuery &query, const QString &path, const QString &what);
// Executes one statement without parameters.
std::optional<Error> execDirect(const QSqlDatabase &db, const QString &statement,
                                const QString &path, const QString &what);

// Deletes the row with `id` from `table` (a name of ours, never user input). NotFound with
// `gone` as its message when no such row exists.
Status deleteById(const QSqlDatabase &db, const QString &path, QLatin1String table, qint64 id,
                  const QString &what, const QString &gone);

} // namespace sql
} // namespace fermata
