#pragma once

#include "model/message.h"
#include "storage/sqlhelpers.h"

namespace fermata::sql {

// A Message from the first seven columns of a row, in this order: uuid (text), sender,
// recipient, subject, body, created and release time (ms). The same for the local messages
// table and the hub's; the state is the caller's (a column locally, Delivered from the hub).
inline Message messageFromRow(const QSqlQuery &query)
{
    Message m;
    m.uuid = QUuid::fromString(query.value(0).toString());
    m.from = query.value(1).toString();
    m.to = query.value(2).toString();
    m.subject = query.value(3).toString();
    m.body = query.value(4).toString();
    m.createdAt = toDateTime(query.value(5));
    m.releaseAt = toDateTime(query.value(6));
    return m;
}

} // namespace fermata::sql
