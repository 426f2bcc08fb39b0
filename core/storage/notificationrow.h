#pragma once

#include "model/notification.h"
#include "storage/sqlhelpers.h"

namespace fermata::sql {

// The columns every notification query starts with, in this order.
inline const QString &notificationColumns()
{
    static const QString s_columns = QStringLiteral(
        "id, source, sender, title, body, urgency, received_ms, released_ms");
    return s_columns;
}

// A Notification from the first eight columns of a row (see notificationColumns()).
inline Notification notificationFromRow(const QSqlQuery &query)
{
    Notification n;
    n.id = query.value(0).toLongLong();
    n.source = query.value(1).toString();
    n.sender = query.value(2).toString();
    n.title = query.value(3).toString();
    n.body = query.value(4).toString();
    n.urgency = urgencyFromKey(query.value(5).toString()).value_or(Urgency::Normal);
    n.receivedAt = toDateTime(query.value(6));
    n.releasedAt = toDateTime(query.value(7));
    return n;
}

} // namespace fermata::sql
