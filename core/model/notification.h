#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

class QDebug;

namespace fermata {

enum class Urgency { Low, Normal, Critical };

// Something that wanted the person's attention. Held until releasedAt (invalid while held).
struct Notification
{
    qint64 id = 0;
    QString source;
    QString sender;
    QString title;
    QString body;
    Urgency urgency = Urgency::Normal;
    QDateTime receivedAt;
    QDateTime releasedAt;

    bool isHeld() const { return !releasedAt.isValid(); }
    bool operator==(const Notification &) const = default;
};

QDebug operator<<(QDebug debug, const Notification &notification);
QString urgencyKey(Urgency urgency); // "low", "normal", "critical"
std::optional<Urgency> urgencyFromKey(const QString &key);

} // namespace fermata
