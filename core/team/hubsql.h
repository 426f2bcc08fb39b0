#pragma once

// Helpers for talking to the hub over QPSQL: errors in words, instants as ms.

#include "result.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

namespace fermata::hubsql {

// "The team hub could not <what>: <server message>". A lost or refused connection is
// Error::Code::Io (try again later); anything the server refused is Error::Code::Database.
Error error(const QString &what, const QSqlError &error);
bool isConnectionError(const QSqlError &error);

inline QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// A bound text value that is never NULL (QPSQL binds a null QString as NULL).
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

// Text that PostgreSQL can store exactly: no NUL characters, no unpaired surrogates (which
// have no UTF-8 form). Invalid: a message naming the field.
Status checkText(const QString &field, const QString &value);

} // namespace fermata::hubsql
