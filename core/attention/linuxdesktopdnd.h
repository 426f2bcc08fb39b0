#pragma once

#include "attention/desktopdnd.h"

#include <QStringList>

namespace fermata {

// The Linux desktops' Do-Not-Disturb adapters, compiled in a D-Bus build only
// (FERMATA_WITH_DBUS); desktopdnd.cpp defines them and DesktopDnd::create/detect.

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
