// DesktopNotifier::show on a Linux desktop (FERMATA_WITH_DBUS): the Notify call on the session bus.
#include "attention/desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QVariantMap>

namespace fermata {

uint DesktopNotifier::show(const QString &summary, const QString &body, int urgency)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return 0;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency))},
                      {QStringLiteral("desktop-entry"), QStringLiteral("fermata")}};
    call << QString::fromLatin1(AppName) << uint(0) << QStringLiteral("fermata") << summary << body
         << QStringList() << hints << int(-1);
    const QDBusReply<uint> reply = bus.call(call, QDBus::Block, 3000);
    return reply.isValid() ? reply.value() : 0;
}

} // namespace fermata
