#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace fermata {

// The desktop's own Do-Not-Disturb, behind one small interface chosen at run time.
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

    // Makes the adapter for `id`, or nullptr for an unknown id.
    static std::unique_ptr<DesktopDnd> create(const QString &id);
    // Picks the adapter for this desktop: FERMATA_DND if set, else XDG_CURRENT_DESKTOP, else
    // the running notification server's name; "none" when nothing applies or is available.
    static std::unique_ptr<DesktopDnd> detect();
};

// Nothing to switch: Fermata holds its own sources only.
class NoDesktopDnd final : public DesktopDnd
{
public:
    QString id() const override { return QStringLiteral("none"); }
    QString displayName() const override
    {
        return QStringLiteral("None found (Fermata holds its own sources only)");
    }
    bool isAvailable() const override { return true; }
    std::optional<QString> saveState() override { return QString(); }
    bool enable() override { return true; }
    bool restore(const QString &) override { return true; }
};

// An adapter over a command-line tool: runs `program args` and reads its output.
class CommandDnd : public DesktopDnd
{
public:
    bool isAvailable() const override;

protected:
    explicit CommandDnd(QString program) : m_program(std::move(program)) {}
    // The trimmed standard output, or nullopt when the tool failed or could not start.
    std::optional<QString> run(const QStringList &arguments) const;
    bool runOk(const QStringList &arguments) const { return run(arguments).has_value(); }

private:
    QString m_program;
};

// GNOME: org.gnome.desktop.notifications show-banners, through the gsettings tool.
class GnomeDnd final : public CommandDnd
{
public:
    GnomeDnd() : CommandDnd(QStringLiteral("gsettings")) {}
    QString id() const override { return QStringLiteral("gnome"); }
    QString displayName() const override { return QStringLiteral("GNOME (Do Not Disturb)"); }
    bool isAvailable() const override;
    std::optional<QString> saveState() override;
    bool enable() override;
    bool restore(const QString &saved) override;
};

// dunst: dunstctl is-paused / set-paused.
class DunstDnd final : public CommandDnd
{
public:
    DunstDnd() : CommandDnd(QStringLiteral("dunstctl")) {}
    QString id() const override { return QStringLiteral("dunst"); }
    QString displayName() const override { return QStringLiteral("dunst (paused)"); }
    std::optional<QString> saveState() override;
    bool enable() override;
    bool restore(const QString &saved) override;
};

// mako: the "do-not-disturb" mode; the saved state is the exact list of modes before.
class MakoDnd final : public CommandDnd
{
public:
    MakoDnd() : CommandDnd(QStringLiteral("makoctl")) {}
    QString id() const override { return QStringLiteral("mako"); }
    QString displayName() const override { return QStringLiteral("mako (do-not-disturb mode)"); }
    std::optional<QString> saveState() override;
    bool enable() override;
    bool restore(const QString &saved) override;
};

// SwayNotificationCenter: swaync-client --get-dnd / --dnd-on / --dnd-off.
class SwayncDnd final : public CommandDnd
{
public:
    SwayncDnd() : CommandDnd(QStringLiteral("swaync-client")) {}
    QString id() const override { return QStringLiteral("swaync"); }
    QString displayName() const override { return QStringLiteral("SwayNotificationCenter (DND)"); }
    std::optional<QString> saveState() override;
    bool enable() override;
    bool restore(const QString &saved) override;
};

// KDE Plasma: org.freedesktop.Notifications Inhibit; the inhibition lasts while our bus
// connection stays open, so a crash ends it by itself and there is nothing to save.
class KdeDnd final : public DesktopDnd
{
public:
    QString id() const override { return QStringLiteral("kde"); }
    QString displayName() const override { return QStringLiteral("KDE Plasma (Do Not Disturb)"); }
    bool isAvailable() const override;
    std::optional<QString> saveState() override { return QString(); }
    bool enable() override;
    bool restore(const QString &saved) override;

private:
    uint m_cookie = 0;
};

} // namespace fermata
