// DesktopDnd's factories on macOS (compiled only there). macOS offers apps no API to switch a
// Focus (Do Not Disturb) on or off, so Fermata holds its own notifications and says so.
#include "attention/desktopdnd.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

QString reason()
{
    return Text::tr("macOS lets no app switch Focus on or off, so Fermata holds its own "
                    "notifications only; turn Focus on yourself to quiet the others.");
}

} // namespace

namespace fermata {

std::unique_ptr<DesktopDnd> DesktopDnd::create(const QString &id)
{
    if (id == u"none")
        return std::make_unique<UnavailableDesktopDnd>(reason());
    return nullptr;
}

std::unique_ptr<DesktopDnd> DesktopDnd::detect()
{
    return std::make_unique<UnavailableDesktopDnd>(reason());
}

} // namespace fermata
