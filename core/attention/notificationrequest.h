#pragma once

#include "model/inboxitem.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

namespace fermata {

// The JSON a source sends for one notification (local socket line, HTTP body):
//   {"title": "...", "source": "...", "sender": "...", "body": "...",
//    "urgency": "low|normal|critical", "uuid": "..."}
// Only title is required. Errors say what is wrong, for a 400 or a CLI message.
namespace notificationrequest {

constexpr int MaxTitleLength = 1000;
constexpr int MaxBodyLength = 64 * 1024;

Result<InboxItem> parse(const QByteArray &json, const QString &defaultSource);
Result<InboxItem> fromJson(const QJsonObject &object, const QString &defaultSource);
QJsonObject toJson(const InboxItem &item);

} // namespace notificationrequest
} // namespace fermata
