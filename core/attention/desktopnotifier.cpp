#include "attention/desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusReply>
#include <QVariantMap>

namespace fermata {

uint DesktopNotifier::show(const QString &summary, const QString &body, int urgency)
{
    if (!m_bus.isConnected())
        return 0;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency))},
                      {QStringLiteral("desktop-entry"), QStringLiteral("fermata")}};
    call << QString::fromLatin1(AppName) << uint(0) << QStringLiteral("fermata") << summary << body
         << QStringList() << hints << int(-1);
    const QDBusReply<uint> reply = m_bus.call(call, QDBus::Block, 3000);
    return reply.isValid() ? reply.value() : 0;
}

uint DesktopNotifier::showDigest(const Digest &digest)
{
    return show(digest.summary(), digest.body());
}

uint DesktopNotifier::showNotification(const Notification &n)
{
    const QString summary = n.sender.isEmpty() ? n.title : n.sender + QStringLiteral(": ") + n.title;
    return show(summary, n.body, n.urgency == Urgency::Critical ? 2 : n.urgency == Urgency::Low ? 0 : 1);
}

} // namespace fermata
