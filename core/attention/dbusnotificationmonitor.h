#pragma once

#include "model/inboxitem.h"

#include <QDBusConnection>
#include <QObject>

namespace fermata {

// Observes other apps' desktop notifications: a dedicated session-bus connection becomes a
// monitor (org.freedesktop.DBus.Monitoring.BecomeMonitor) for org.freedesktop.Notifications
// Notify calls and reports each one. Fermata never replaces the notification server; a
// monitor may not send anything, so the connection only listens. Fermata's own notifications
// (app name "Fermata") are ignored.
class DBusNotificationMonitor final : public QObject
{
    Q_OBJECT
public:
    static constexpr auto Source = "desktop";

    explicit DBusNotificationMonitor(QObject *parent = nullptr);
    ~DBusNotificationMonitor() override;

    // Connects to the session bus (or `address`, for tests) and becomes a monitor.
    bool start(const QString &address = {});
    void stop();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    // app_name as sender, summary as title, body, urgency hint.
    void notificationObserved(const fermata::InboxItem &item);

private:
    class Listener;
    void handle(const QDBusMessage &message);

    QString m_connectionName;
    Listener *m_listener = nullptr;
    bool m_running = false;
    QString m_error;
};

} // namespace fermata
