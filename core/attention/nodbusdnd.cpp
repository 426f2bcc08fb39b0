// Why a Linux build without D-Bus (FERMATA_WITH_DBUS=OFF) has no DesktopDnd adapter: the
// desktop adapters all speak D-Bus and are not built.
#include "attention/desktopdnd.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

QString UnavailableDesktopDnd::systemReason()
{
    return Text::tr("Switching the desktop's Do Not Disturb needs D-Bus, which this build does not have; "
                    "Fermata holds its own notifications only.");
}

} // namespace fermata
