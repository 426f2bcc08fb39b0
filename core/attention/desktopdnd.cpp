#include "attention/linuxdesktopdnd.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QProcess>
#include <QStandardPaths>
#include <QVariantMap>

namespace fermata {

namespace {

constexpr int s_commandTimeoutMs = 5000;
const QString s_gnomeSchema = QStringLiteral("org.gnome.desktop.notifications");
const QString s_gnomeKey = QStringLiteral("show-banners");
const QString s_makoMode = QStringLiteral("do-not-disturb");

QDBusMessage notificationsCall(const QString &member)
{
    return QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
                                          QStringLiteral("/org/freedesktop/Notifications"),
                                          QStringLiteral("org.freedesktop.Notifications"), member);
}

// The running notification server's name ("dunst", "mako", "Plasma", ...), or empty.
QString notificationServerName()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return {};
    const QDBusMessage reply = bus.call(notificationsCall(QStringLiteral("GetServerInformation")),
                                        QDBus::Block, 1000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    return reply.arguments().constFirst().toString();
}

bool isBoolText(const QString &text)
{
    return text == u"true" || text == u"false";
}

} // namespace

std::unique_ptr<DesktopDnd> DesktopDnd::create(const QString &id)
{
    if (id == u"gnome")
        return std::make_unique<GnomeDnd>();
    if (id == u"kde")
        return std::make_unique<KdeDnd>();
    if (id == u"dunst")
        return std::make_unique<DunstDnd>();
    if (id == u"mako")
        return std::make_unique<MakoDnd>();
    if (id == u"swaync")
        return std::make_unique<SwayncDnd>();
    if (id == u"none")
        return std::make_unique<NoDesktopDnd>();
    return nullptr;
}

std::unique_ptr<DesktopDnd> DesktopDnd::detect()
{
    auto usable = [](std::unique_ptr<DesktopDnd> dnd) -> std::unique_ptr<DesktopDnd> {
        if (dnd && dnd->isAvailable())
            return dnd;
        return std::make_unique<NoDesktopDnd>();
    };
    const QString forced = qEnvironmentVariable("FERMATA_DND").trimmed().toLower();
    if (!forced.isEmpty())
        return usable(create(forced));

    const QStringList desktops = qEnvironmentVariable("XDG_CURRENT_DESKTOP").toLower().split(u':');
    for (const QString &desktop : desktops) {
        if (desktop == u"gnome" || desktop == u"unity" || desktop == u"ubuntu") {
            if (auto dnd = usable(std::make_unique<GnomeDnd>()); dnd->id() != u"none")
                return dnd;
        }
        if (desktop == u"kde") {
            if (auto dnd = usable(std::make_unique<KdeDnd>()); dnd->id() != u"none")
                return dnd;
        }
    }
    const QString server = notificationServerName().toLower();
    if (server == u"dunst")
        return usable(std::make_unique<DunstDnd>());
    if (server == u"mako")
        return usable(std::make_unique<MakoDnd>());
    if (server.contains(u"swaync") || server.contains(u"swaynotificationcenter"))
        return usable(std::make_unique<SwayncDnd>());
    if (server == u"plasma")
        return usable(std::make_unique<KdeDnd>());
    if (server.contains(u"gnome"))
        return usable(std::make_unique<GnomeDnd>());
    return std::make_unique<NoDesktopDnd>();
}

bool CommandDnd::isAvailable() const
{
    return !QStandardPaths::findExecutable(m_program).isEmpty();
}

std::optional<QString> CommandDnd::run(const QStringList &arguments) const
{
    const QString path = QStandardPaths::findExecutable(m_program);
    if (path.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(path, arguments, QIODevice::ReadOnly);
    if (!process.waitForFinished(s_commandTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

bool GnomeDnd::isAvailable() const
{
    return CommandDnd::isAvailable() && runOk({QStringLiteral("list-keys"), s_gnomeSchema});
}

std::optional<QString> GnomeDnd::saveState()
{
    auto value = run({QStringLiteral("get"), s_gnomeSchema, s_gnomeKey});
    if (!value || !isBoolText(*value))
        return std::nullopt;
    return value;
}

bool GnomeDnd::enable()
{
    return runOk({QStringLiteral("set"), s_gnomeSchema, s_gnomeKey, QStringLiteral("false")});
}

bool GnomeDnd::restore(const QString &saved)
{
    if (!isBoolText(saved))
        return false;
    return runOk({QStringLiteral("set"), s_gnomeSchema, s_gnomeKey, saved});
}

std::optional<QString> DunstDnd::saveState()
{
    auto value = run({QStringLiteral("is-paused")});
    if (!value || !isBoolText(*value))
        return std::nullopt;
    return value;
}

bool DunstDnd::enable()
{
    return runOk({QStringLiteral("set-paused"), QStringLiteral("true")});
}

bool DunstDnd::restore(const QString &saved)
{
    if (!isBoolText(saved))
        return false;
    return runOk({QStringLiteral("set-paused"), saved});
}

std::optional<QString> MakoDnd::saveState()
{
    // `makoctl mode` prints the active modes, one a line.
    return run({QStringLiteral("mode")});
}

bool MakoDnd::enable()
{
    return runOk({QStringLiteral("mode"), QStringLiteral("-a"), s_makoMode});
}

bool MakoDnd::restore(const QString &saved)
{
    QStringList modes = saved.split(u'\n', Qt::SkipEmptyParts);
    for (QString &mode : modes)
        mode = mode.trimmed();
    if (modes.isEmpty())
        modes.append(QStringLiteral("default"));
    return runOk(QStringList{QStringLiteral("mode"), QStringLiteral("-s")} + modes);
}

std::optional<QString> SwayncDnd::saveState()
{
    auto value = run({QStringLiteral("--get-dnd")});
    if (!value || !isBoolText(*value))
        return std::nullopt;
    return value;
}

bool SwayncDnd::enable()
{
    return runOk({QStringLiteral("--dnd-on")});
}

bool SwayncDnd::restore(const QString &saved)
{
    if (!isBoolText(saved))
        return false;
    return runOk({saved == u"true" ? QStringLiteral("--dnd-on") : QStringLiteral("--dnd-off")});
}

bool KdeDnd::isAvailable() const
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    const QDBusMessage reply = bus.call(
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
                                       QStringLiteral("/org/freedesktop/Notifications"),
                                       QStringLiteral("org.freedesktop.DBus.Introspectable"),
                                       QStringLiteral("Introspect")),
        QDBus::Block, 1000);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
        && reply.arguments().constFirst().toString().contains(QStringLiteral("\"Inhibit\""));
}

bool KdeDnd::enable()
{
    if (m_cookie != 0)
        return true;
    QDBusMessage call = notificationsCall(QStringLiteral("Inhibit"));
    call << QStringLiteral("fermata") << QStringLiteral("Focus time") << QVariantMap();
    const QDBusReply<uint> reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 3000);
    if (!reply.isValid())
        return false;
    m_cookie = reply.value();
    return true;
}

bool KdeDnd::restore(const QString &)
{
    if (m_cookie == 0)
        return true; // nothing held by this process; a crashed one's inhibition ended with it
    QDBusMessage call = notificationsCall(QStringLiteral("UnInhibit"));
    call << m_cookie;
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 3000);
    m_cookie = 0;
    return reply.type() == QDBusMessage::ReplyMessage;
}

} // namespace fermata
