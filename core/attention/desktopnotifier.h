#pragma once

#include "attention/digest.h"

#include <QDBusConnection>
#include <QString>

namespace fermata {

// Shows Fermata's own desktop notifications (the digest, what was let through) with the
// org.freedesktop.Notifications Notify call on the session bus. Without a notification
// server it does nothing and says so (returns false): never an error for the person.
class DesktopNotifier final
{
public:
    static constexpr auto AppName = "Fermata";

    explicit DesktopNotifier(QDBusConnection bus = QDBusConnection::sessionBus()) : m_bus(bus) {}

    // Returns the server's notification id, or 0 when nothing could be shown.
    uint show(const QString &summary, const QString &body, int urgency = 1);
    uint showDigest(const Digest &digest);
    uint showNotification(const Notification &notification);

private:
    QDBusConnection m_bus;
};

} // namespace fermata
