#include "attention/desktopnotifier.h"

namespace fermata {

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
