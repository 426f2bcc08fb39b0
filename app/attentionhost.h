#pragma once

#include "attention/attentionservice.h"
#include "attention/desktopnotifier.h"
#include "attention/dndcontroller.h"
#include "attention/focussession.h"
#include "attention/localintakeserver.h"
#include "attention/notificationcapture.h"

#include <QObject>

#include <memory>

namespace fermata {

class AppCore;
class HttpIntake;

// The running attention engine around AppCore's AttentionService: the local notification
// socket (`fermata notify`), the loopback HTTP source when enabled, the capture of other
// apps' notifications (D-Bus), the desktop DND adapter, focus sessions and the wall-clock
// timers. Created by the window and by the headless `fermata serve`; the UI reaches everything
// through the accessors.
class AttentionHost final : public QObject
{
    Q_OBJECT
public:
    explicit AttentionHost(AppCore &core, QObject *parent = nullptr);
    ~AttentionHost() override;

    // Starts every part that can start; a part that cannot (no bus, port taken) is reported
    // through warnings() and never stops the others.
    void start();
    // Restores the desktop's DND and stops listening (also done by the destructor).
    void shutdown();

    AttentionService &attention();
    FocusSession &focus() { return m_focus; }
    DndController &dnd() { return *m_dnd; }
    LocalIntakeServer &intake() { return m_intake; }
    HttpIntake *http() { return m_http.get(); }   // nullptr unless enabled and listening
    QStringList warnings() const { return m_warnings; }

    // Starts (or restarts) the HTTP endpoint after Preferences enabled it; stops it otherwise.
    bool applyHttpSettings();

Q_SIGNALS:
    void warning(const QString &message);

private:
    void warn(const QString &message);
    void wire();

    AppCore &m_core;
    FocusSession m_focus;
    LocalIntakeServer m_intake;
    std::unique_ptr<HttpIntake> m_http;
    std::unique_ptr<NotificationCapture> m_capture;
    std::unique_ptr<DndController> m_dnd;
    DesktopNotifier m_notifier;
    QStringList m_warnings;
    bool m_shutDown = false;
};

} // namespace fermata
