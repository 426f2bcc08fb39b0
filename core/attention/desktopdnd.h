#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace fermata {

// The desktop's own Do-Not-Disturb, behind one small interface with one implementation per
// system (core/attention/CMakeLists.txt picks the file): the Linux desktops' adapters
// (linuxdesktopdnd.h) in a D-Bus build, and elsewhere an adapter that says why it cannot.
// saveState() returns an opaque text that restore() gives back exactly; adapters that shell
// out run the desktop's own command-line tool.
class DesktopDnd
{
public:
    virtual ~DesktopDnd() = default;
    virtual QString id() const = 0;           // "gnome", "kde", "dunst", "mako", "swaync", "none"
    virtual QString displayName() const = 0;  // for Preferences
    virtual bool isAvailable() const = 0;
    virtual std::optional<QString> saveState() = 0;
    virtual bool enable() = 0;
    virtual bool restore(const QString &saved) = 0;
    // Why this system or build cannot switch Do Not Disturb, as a sentence for the person;
    // empty when it can, or when only no adapter was found on this desktop.
    virtual QString unavailableReason() const { return {}; }

    // Makes the adapter for `id`, or nullptr for an id this build does not know.
    static std::unique_ptr<DesktopDnd> create(const QString &id);
    // Picks the adapter for this desktop. Linux with D-Bus: FERMATA_DND if set, else
    // XDG_CURRENT_DESKTOP, else the running notification server's name; "none" when nothing
    // applies or is available. Other builds: their unavailable adapter.
    static std::unique_ptr<DesktopDnd> detect();
};

// Nothing to switch: Fermata holds its own sources only.
class NoDesktopDnd : public DesktopDnd
{
public:
    QString id() const override { return QStringLiteral("none"); }
    QString displayName() const override
    {
        return QCoreApplication::translate("fermata::Attention", "None found (Fermata holds its own sources only)");
    }
    bool isAvailable() const override { return true; }
    std::optional<QString> saveState() override { return QString(); }
    bool enable() override { return true; }
    bool restore(const QString &) override { return true; }
};

// Nothing to switch, and the reason is the system or the build, not this desktop: behaves as
// "none" (Fermata holds its own sources) and says why wherever DND is reported.
class UnavailableDesktopDnd final : public NoDesktopDnd
{
public:
    explicit UnavailableDesktopDnd(QString reason) : m_reason(std::move(reason)) {}
    QString displayName() const override { return m_reason; }
    QString unavailableReason() const override { return m_reason; }

    // Why this system or build has no adapter, as a sentence in that system's words
    // (unavailabledesktopdnd.cpp, with the factories that make every adapter from it).
    static QString systemReason();

private:
    QString m_reason;
};

} // namespace fermata
