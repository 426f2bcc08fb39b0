// DesktopDnd's factories for every build without a desktop adapter (Windows, macOS, Linux
// without D-Bus): detection always ends at an adapter that says why, in that system's words.
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
#if defined(Q_OS_WIN)
    // Windows has no documented API for an app to switch Focus Assist (quiet hours); the only
    // one known is undocumented (WNF) and deliberately not used.
    return Text::tr("Windows lets no app switch Focus Assist on or off, so Fermata holds its own "
                    "notifications only; turn Focus Assist on yourself to quiet the others.");
#elif defined(Q_OS_MACOS)
    // macOS offers apps no API to switch a Focus (Do Not Disturb) on or off.
    return Text::tr("macOS lets no app switch Focus on or off, so Fermata holds its own "
                    "notifications only; turn Focus on yourself to quiet the others.");
#else
    // A Linux build without D-Bus (FERMATA_WITH_DBUS=OFF): the desktop adapters all speak D-Bus.
    return Text::tr("Switching the desktop's Do Not Disturb needs D-Bus, which this build does not have; "
                    "Fermata holds its own notifications only.");
#endif
}

std::unique_ptr<DesktopDnd> DesktopDnd::create(const QString &id)
{
    if (id == u"none")
        return std::make_unique<UnavailableDesktopDnd>(UnavailableDesktopDnd::systemReason());
    return nullptr; // a state saved by a build with adapters is dropped: this one cannot restore it
}

std::unique_ptr<DesktopDnd> DesktopDnd::detect()
{
    return std::make_unique<UnavailableDesktopDnd>(UnavailableDesktopDnd::systemReason());
}

} // namespace fermata
