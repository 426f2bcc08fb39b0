#include "commands/subscribecommand.h"

#include "appcore.h"
#include "calendar/calendarinteropservice.h"
#include "calendar/subscriptionservice.h"
#include "commands/commands.h"
#include "commands/importcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace fermata {

namespace {

// The translation context of what `fermata subscribe` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::subscribe)
};

// The core services one subscription command needs, over an opened AppCore.
struct SubscriptionContext
{
    explicit SubscriptionContext(AppCore &app)
        : interop(app.database(), app.clock())
        , subscriptions(app.database(), interop, app.clock(),
                        QDir(app.paths().dataDir()).filePath(QStringLiteral("calendars")))
    {
        configureInterop(interop, app);
    }
    CalendarInteropService interop;
    SubscriptionService subscriptions;
};

// Runs refreshes to the end; prints each outcome; returns how many failed.
int runRefreshes(SubscriptionService &service, const std::function<void()> &startRefresh,
                 QTextStream &out, QTextStream &err)
{
    int failed = 0;
    QObject context;
    QObject::connect(&service, &SubscriptionService::refreshFinished, &context,
                     [&](const RefreshOutcome &outcome) {
                         if (outcome.kind == RefreshOutcome::Kind::Failed) {
                             ++failed;
                             err << outcome.message() << Qt::endl;
                         } else {
                             out << outcome.message() << Qt::endl;
                         }
                     });
    QEventLoop loop;
    QObject::connect(&service, &SubscriptionService::allRefreshed, &loop, &QEventLoop::quit);
    startRefresh();
    if (service.isRefreshing())
        loop.exec();
    return failed;
}

QString timeText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")) : QString();
}

} // namespace

int runSubscribeCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Subscribes to a calendar's private ICS address (Google: Settings > your calendar >\n"
                    "Secret address in iCal format; Outlook: Publish calendar > ICS). Fermata fetches it\n"
                    "now and every hour while it runs; without a network it keeps the last copy.\n\n"
                    "  fermata subscribe URL [--name NAME] [--every MINUTES]\n"
                    "  fermata subscribe --remove NAME"));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("name"), CliText::tr("The calendar's name (default: the server's name)."),
            QStringLiteral("name") },
        { QStringLiteral("every"), CliText::tr("Minutes between refreshes (default 60)."),
            QStringLiteral("minutes") },
        { QStringLiteral("remove"), CliText::tr("Unsubscribe and remove the calendar's events."),
            QStringLiteral("name") },
    });
    parser.addPositionalArgument(QStringLiteral("url"), CliText::tr("https:// or webcal:// address"));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList urls = parser.positionalArguments();
    const bool removing = parser.isSet(QStringLiteral("remove"));
    if ((urls.size() != 1 && !removing) || (removing && !urls.isEmpty())) {
        err << "fermata subscribe: "
            << CliText::tr("Give one address, e.g. fermata subscribe https://example.com/work.ics")
            << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    SubscriptionContext context(*core);
    if (removing) {
        const QString name = parser.value(QStringLiteral("remove"));
        if (Status status = context.subscriptions.unsubscribe(name); !status) {
            err << "fermata subscribe: " << status.error().message << Qt::endl;
            return ExitFailure;
        }
        out << CliText::tr("Unsubscribed from %1; its events are gone.").arg(name) << Qt::endl;
        return ExitOk;
    }
    const QUrl url = QUrl::fromUserInput(urls.constFirst());
    QString name = parser.value(QStringLiteral("name"));
    if (name.isEmpty())
        name = url.host().isEmpty() ? QStringLiteral("calendar") : url.host();
    bool ok = true;
    const int every = parser.isSet(QStringLiteral("every")) ? parser.value(QStringLiteral("every")).toInt(&ok) : 60;
    if (!ok || every < 5) {
        err << "fermata subscribe: " << CliText::tr("--every takes minutes, 5 or more.") << Qt::endl;
        return ExitUsage;
    }
    const auto added = context.subscriptions.subscribe(url, name, every);
    if (!added) {
        err << "fermata subscribe: " << added.error().message << Qt::endl;
        return ExitFailure;
    }
    out << CliText::tr("Subscribed to %1 as \"%2\".").arg(redactedUrl(url), added->name) << Qt::endl;
    const qint64 id = added->id;
    const int failed = runRefreshes(context.subscriptions,
                                    [&] { context.subscriptions.refresh(id); }, out, err);
    return failed == 0 ? ExitOk : ExitFailure;
}

int runSubscriptionsCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Lists calendar subscriptions: address (secrets hidden), last refresh and any error.\n\n"
                    "  fermata subscriptions [--json]"));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("json"), CliText::tr("Print JSON.") });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    SubscriptionContext context(*core);
    const auto list = context.subscriptions.subscriptions();
    if (!list) {
        err << "fermata subscriptions: " << list.error().message << Qt::endl;
        return ExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CalendarSubscription &s : *list) {
            array.append(QJsonObject{
                {QStringLiteral("name"), s.name},
                {QStringLiteral("url"), redactedUrl(QUrl(s.url))},
                {QStringLiteral("refresh_minutes"), s.refreshMinutes},
                {QStringLiteral("last_attempt"), timeText(s.lastAttempt)},
                {QStringLiteral("last_refresh"), timeText(s.lastSuccess)},
                {QStringLiteral("error"), s.lastError},
                {QStringLiteral("events"), s.eventCount},
            });
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (list->isEmpty()) {
        out << CliText::tr(
            "No subscriptions. Add one with: fermata subscribe https://example.com/work.ics --name Work")
            << Qt::endl;
        return ExitOk;
    }
    for (const CalendarSubscription &s : *list) {
        out << s.name << "  " << redactedUrl(QUrl(s.url)) << "\n    "
            << (s.lastSuccess.isValid() ? CliText::tr("refreshed %1, %2 events")
                                              .arg(timeText(s.lastSuccess), QString::number(s.eventCount))
                                        : CliText::tr("never refreshed"))
            << CliText::tr(", every %1 min").arg(s.refreshMinutes);
        if (!s.lastError.isEmpty())
            out << "\n    "
                << CliText::tr("last attempt %1 failed: %2").arg(timeText(s.lastAttempt), s.lastError);
        out << "\n";
    }
    out.flush();
    return ExitOk;
}

int runRefreshCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Fetches every subscribed calendar now (for scripts and cron). A calendar that cannot\n"
                    "be reached keeps its last copy; the exit code is 1 when any refresh failed.\n\n"
                    "  fermata refresh"));
    parser.addHelpOption();
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    SubscriptionContext context(*core);
    const int failed = runRefreshes(context.subscriptions,
                                    [&] { context.subscriptions.refreshAll(); }, out, err);
    return failed == 0 ? ExitOk : ExitFailure;
}

} // namespace fermata
