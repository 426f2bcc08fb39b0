// Why macOS has no DesktopDnd adapter (compiled only there). macOS offers apps no API to switch
// a Focus (Do Not Disturb) on or off, so Fermata holds its own notifications and says so.
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
    return Text::tr("macOS lets no app switch Focus on or off, so Fermata holds its own "
                    "notifications only; turn Focus on yourself to quiet the others.");
}

} // namespace fermata
