// NotificationCapture's factory for builds without D-Bus (Windows, macOS, Linux with
// FERMATA_WITH_DBUS=OFF): other apps' notifications reach Fermata only through `fermata notify`
// and the loopback HTTP source.
#include "attention/notificationcapture.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

std::unique_ptr<NotificationCapture> NotificationCapture::create(QObject *parent)
{
    return std::make_unique<UnavailableNotificationCapture>(
        Text::tr("Capturing other apps' notifications needs D-Bus, which this build does not have."), parent);
}

} // namespace fermata
