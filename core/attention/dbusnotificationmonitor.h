#pragma once

#include "attention/notificationcapture.h"

#include <QDBusConnection>

namespace fermata {

// Observes other apps' desktop notifications: a dedicated session-bus connection becomes a
// monitor (org.freedesktop.DBus.Monitoring.BecomeMonitor) for org.freedesktop.Notifications
// Notify calls and reports each one. Fermata never replaces the notification server; a
// monitor may not send anything, so the connection only listens. Fermata's own notifications
// (app name "Fermata") are ignored. Built with FERMATA_WITH_DBUS only.
class DBusNotificationMonitor final : public NotificationCapture
{
    Q_OBJECT
public:
    explicit DBusNotificationMonitor(QObject *parent = nullptr);
    ~DBusNotificationMonitor() override;

    bool isAvailable() const override { return true; }
    // Connects to the session bus and becomes a monitor.
    bool start() override;
    void stop() override;
    bool isRunning() const override { return m_running; }
    QString errorString() const override { return m_error; }

private:
    class Listener;
    void handle(const QDBusMessage &message);

    QString m_connectionName;
    Listener *m_listener = nullptr;
    bool m_running = false;
    QString m_error;
};

} // namespace fermata
