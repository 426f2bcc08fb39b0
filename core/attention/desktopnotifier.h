#pragma once

#include "attention/digest.h"

#include <QString>

namespace fermata {

// Shows Fermata's own desktop notifications (the digest, what was let through). A D-Bus build
// sends the org.freedesktop.Notifications Notify call on the session bus
// (dbusdesktopnotifier.cpp); a build without D-Bus shows nothing here (nodbusdesktopnotifier.cpp).
// Without a notification server it does nothing and says so (returns 0): never an error for
// the person.
class DesktopNotifier final
{
public:
    static constexpr auto AppName = "Fermata";

    // Returns the server's notification id, or 0 when nothing could be shown.
    uint show(const QString &summary, const QString &body, int urgency = 1);
    uint showDigest(const Digest &digest);
    uint showNotification(const Notification &notification);
};

} // namespace fermata
