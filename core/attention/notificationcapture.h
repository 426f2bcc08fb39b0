#pragma once

#include "model/inboxitem.h"

#include <QObject>

#include <memory>

namespace fermata {

// Sees other apps' desktop notifications and reports each one, so Fermata can hold them. One
// implementation per build (core/attention/CMakeLists.txt picks it): the D-Bus monitor on a
// Linux desktop (dbusnotificationmonitor.h); elsewhere one that cannot start and says why.
class NotificationCapture : public QObject
{
    Q_OBJECT
public:
    // The source name of what was captured: the desktop showed it already.
    static constexpr auto Source = "desktop";

    using QObject::QObject;

    // The capture this build has.
    static std::unique_ptr<NotificationCapture> create(QObject *parent = nullptr);

    // False when this build or system cannot capture at all (errorString() says why); true
    // when it can try, which start() may still fail at (no session bus).
    virtual bool isAvailable() const = 0;
    virtual bool start() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual QString errorString() const = 0;

Q_SIGNALS:
    // app_name as sender, summary as title, body, urgency hint.
    void notificationObserved(const fermata::InboxItem &item);
};

// A build that cannot capture: start() fails and errorString() is the plain reason.
class UnavailableNotificationCapture final : public NotificationCapture
{
    Q_OBJECT
public:
    explicit UnavailableNotificationCapture(QString reason, QObject *parent = nullptr)
        : NotificationCapture(parent), m_reason(std::move(reason)) {}

    bool isAvailable() const override { return false; }
    bool start() override { return false; }
    void stop() override {}
    bool isRunning() const override { return false; }
    QString errorString() const override { return m_reason; }

private:
    QString m_reason;
};

} // namespace fermata
