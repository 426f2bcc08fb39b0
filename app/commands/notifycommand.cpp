#include "commands/notifycommand.h"

#include "appcore.h"
#include "attention/desktopnotifier.h"
#include "attention/localintakeclient.h"
#include "attention/localintakeserver.h"
#include "commands/commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUuid>

namespace fermata {

namespace {

// The translation context of what `fermata notify` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::notify)
};

// The app is not running (or went away mid-send): store it here, with the same uuid, so a
// notification the app did commit before it went away is not stored twice.
int storeDirectly(const AppPaths &paths, const InboxItem &item, QTextStream &out, QTextStream &err)
{
    auto core = AppCore::open(paths);
    if (!core) {
        err << "fermata notify: " << core.error().message << Qt::endl;
        return ExitFailure;
    }
    auto ids = core.value()->attention().ingest({item});
    if (!ids) {
        err << "fermata notify: " << ids.error().message << Qt::endl;
        return ExitFailure;
    }
    auto stored = core.value()->attention().repository().find(ids->constFirst());
    const bool delivered = stored && stored->has_value() && (*stored)->state == ItemState::Released;
    if (delivered) // inside a window or a break-through: show it, as the app would
        DesktopNotifier().showNotification((*stored)->notification);
    out << (delivered ? CliText::tr("Delivered notification %1") : CliText::tr("Held notification %1"))
               .arg(ids->constFirst())
        << Qt::endl;
    return ExitOk;
}

} // namespace

int runNotifyCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "Hands a notification to Fermata. Outside your check-in windows it is held and shown\n"
        "in the digest when the next window opens. Exits 0 once it is safely stored.\n\n"
        "  fermata notify --source NAME [--sender S] --title T [--body B] [--urgency low|normal|critical]"));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("source"), CliText::tr("Which app or script sends it (required)."),
            QStringLiteral("name") },
        { QStringLiteral("sender"), CliText::tr("Who it is from."), QStringLiteral("sender") },
        { QStringLiteral("title"), CliText::tr("What it says in one line (required)."),
            QStringLiteral("title") },
        { QStringLiteral("body"), CliText::tr("More text."), QStringLiteral("body") },
        { QStringLiteral("urgency"), CliText::tr("low, normal (default) or critical."),
            QStringLiteral("level") },
    });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    InboxItem item;
    Notification &n = item.notification;
    n.source = parser.value(QStringLiteral("source")).trimmed();
    n.sender = parser.value(QStringLiteral("sender"));
    n.title = parser.value(QStringLiteral("title"));
    n.body = parser.value(QStringLiteral("body"));
    if (n.source.isEmpty() || n.title.trimmed().isEmpty()) {
        err << "fermata notify: "
            << CliText::tr("Give at least --source and --title, e.g. fermata notify --source backup --title "
                           "\"Backup finished\"")
            << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("urgency"))) {
        const auto urgency = urgencyFromKey(parser.value(QStringLiteral("urgency")).toLower());
        if (!urgency) {
            err << "fermata notify: " << CliText::tr("--urgency must be low, normal or critical.")
                << Qt::endl;
            return ExitUsage;
        }
        n.urgency = *urgency;
    }
    item.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);

    auto sent = LocalIntakeClient::send(LocalIntakeServer::socketName(paths.instanceKey()), {item});
    if (sent) {
        out << CliText::tr("Fermata took notification %1").arg(sent->constFirst()) << Qt::endl;
        return ExitOk;
    }
    if (sent.error().code == Error::Code::Invalid) {
        err << "fermata notify: " << sent.error().message << Qt::endl;
        return ExitUsage;
    }
    // Another user holds the socket or its folder: nothing went there. The notification is
    // kept all the same, stored directly in the (private) database, where a running engine sees
    // it within a second; the warning says what to remove.
    if (sent.error().code == Error::Code::Denied)
        err << "fermata notify: " << CliText::tr("warning: %1").arg(sent.error().message) << Qt::endl;
    return storeDirectly(paths, item, out, err);
}

} // namespace fermata
