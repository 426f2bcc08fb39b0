// Why Windows has no DesktopDnd adapter (compiled only there). Windows has no documented API for
// an app to switch Focus Assist (quiet hours) on or off; the only one known is undocumented (WNF)
// and is deliberately not used. So Fermata holds its own notifications and says so.
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
    return Text::tr("Windows lets no app switch Focus Assist on or off, so Fermata holds its own "
                    "notifications only; turn Focus Assist on yourself to quiet the others.");
}

} // namespace fermata
