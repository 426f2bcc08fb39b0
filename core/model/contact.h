#pragma once

#include <QByteArray>
#include <QString>

class QDebug;

namespace fermata {

// A teammate: where messages go and in which zone their windows are read.
struct Contact
{
    qint64 id = 0;
    QString name;
    QString email;
    QByteArray timeZoneId;

    bool operator==(const Contact &) const = default;
};

QDebug operator<<(QDebug debug, const Contact &contact);

} // namespace fermata
