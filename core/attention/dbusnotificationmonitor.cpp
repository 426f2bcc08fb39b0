#include "attention/dbusnotificationmonitor.h"

#include "attention/desktopnotifier.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusVirtualObject>

#include <atomic>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

// Receives every message the monitor is sent. Claiming them as handled keeps QtDBus from
// answering calls that were never addressed to us (a monitor that sends is disconnected).
class DBusNotificationMonitor::Listener final : public QDBusVirtualObject
{
public:
    explicit Listener(DBusNotificationMonitor *owner) : QDBusVirtualObject(owner), m_owner(owner) {}
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        m_owner->handle(message);
        return true;
    }

private:
    DBusNotificationMonitor *m_owner;
};

DBusNotificationMonitor::DBusNotificationMonitor(QObject *parent) : NotificationCapture(parent)
{
    static std::atomic<int> s_counter{0};
    m_connectionName = QStringLiteral("fermata-notification-monitor-%1").arg(++s_counter);
}

DBusNotificationMonitor::~DBusNotificationMonitor()
{
    stop();
}

std::unique_ptr<NotificationCapture> NotificationCapture::create(QObject *parent)
{
    return std::make_unique<DBusNotificationMonitor>(parent);
}

bool DBusNotificationMonitor::start()
{
    stop();
    QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName);
    if (!bus.isConnected()) {
        m_error = Text::tr("no session bus (%1)").arg(bus.lastError().message());
        QDBusConnection::disconnectFromBus(m_connectionName);
        return false;
    }
    m_listener = new Listener(this);
    // Every path: Notify goes to /org/freedesktop/Notifications, but be liberal.
    bus.registerVirtualObject(QStringLiteral("/"), m_listener, QDBusConnection::SubPath);
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus.Monitoring"), QStringLiteral("BecomeMonitor"));
    call << QStringList{QStringLiteral("type='method_call',interface='org.freedesktop.Notifications',"
                                       "member='Notify'")}
         << uint(0);
    const QDBusMessage reply = bus.call(call, QDBus::Block, 5000);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        m_error = Text::tr("the session bus refused to let Fermata observe notifications (%1)")
                      .arg(reply.errorMessage());
        stop();
        return false;
    }
    m_running = true;
    return true;
}

void DBusNotificationMonitor::stop()
{
    if (m_listener) {
        QDBusConnection(m_connectionName).unregisterObject(QStringLiteral("/"), QDBusConnection::UnregisterTree);
        delete m_listener;
        m_listener = nullptr;
    }
    QDBusConnection::disconnectFromBus(m_connectionName);
    m_running = false;
}

void DBusNotificationMonitor::handle(const QDBusMessage &message)
{
    if (message.type() != QDBusMessage::MethodCallMessage
        || message.interface() != u"org.freedesktop.Notifications" || message.member() != u"Notify")
        return;
    // Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, timeout i)
    const QList<QVariant> args = message.arguments();
    if (args.size() < 5)
        return;
    const QString appName = args.at(0).toString();
    if (appName == QLatin1String(DesktopNotifier::AppName))
        return;
    InboxItem item;
    item.notification.source = QString::fromLatin1(Source);
    item.notification.sender = appName;
    item.notification.title = args.at(3).toString();
    item.notification.body = args.at(4).toString();
    if (item.notification.title.isEmpty())
        item.notification.title = appName.isEmpty() ? Text::tr("(no title)") : appName;
    if (args.size() >= 7) {
        const QVariantMap hints = qdbus_cast<QVariantMap>(args.at(6));
        const auto urgency = hints.value(QStringLiteral("urgency"));
        if (urgency.isValid()) {
            const int level = urgency.toInt();
            item.notification.urgency = level <= 0 ? Urgency::Low : level >= 2 ? Urgency::Critical : Urgency::Normal;
        }
    }
    Q_EMIT notificationObserved(item);
}

} // namespace fermata
