#pragma once

#include "model/inboxitem.h"
#include "result.h"

#include <QList>
#include <QString>

namespace fermata {

// The sending side of LocalIntakeServer, for `fermata notify` and tests: sends every item on
// one connection and waits for each acknowledgement. NotFound: nobody listens (the app is not
// running); Denied: the socket or its folder belongs to another user (nothing was sent);
// Io: the connection broke before every item was acknowledged.
class LocalIntakeClient final
{
public:
    static Result<QList<qint64>> send(const QString &socketName, const QList<InboxItem> &items,
                                      int timeoutMs = 10000);
};

} // namespace fermata
