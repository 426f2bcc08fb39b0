#include "commands/inboxcommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "messaging/teaminbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace fermata {

namespace {

// The translation context of what `fermata inbox` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::inbox)
};

QJsonValue iso(const QDateTime &dt)
{
    return dt.isValid() ? QJsonValue(dt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject toJson(const InboxItem &item)
{
    const Notification &n = item.notification;
    return QJsonObject{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("title"), n.title},
        {QStringLiteral("source"), n.source},
        {QStringLiteral("sender"), n.sender},
        {QStringLiteral("body"), n.body},
        {QStringLiteral("urgency"), urgencyKey(n.urgency)},
        {QStringLiteral("state"), itemStateKey(item.state)},
        {QStringLiteral("received"), iso(n.receivedAt)},
        {QStringLiteral("released"), iso(n.releasedAt)},
        {QStringLiteral("decision"), verdictKey(item.decision.verdict)},
        {QStringLiteral("reason"), reasonKey(item.decision.reason)},
    };
}

// The state column in words; --json keeps the keys (machine output).
QString stateWords(ItemState state)
{
    switch (state) {
    case ItemState::Held:
        return CliText::tr("Held");
    case ItemState::Released:
        return CliText::tr("Released");
    case ItemState::Done:
        return CliText::tr("Done");
    case ItemState::Archived:
        return CliText::tr("Archived");
    case ItemState::Muted:
        return CliText::tr("Muted");
    }
    return {};
}

// Why it was held or shown, short enough for the line under the title.
QString reasonWords(const Decision &decision)
{
    const bool fromTeam = decision.detail == QLatin1String(teaminbox::source);
    switch (decision.reason) {
    case DecisionReason::InsideWindow:
        return CliText::tr("arrived during a check-in window");
    case DecisionReason::OutsideWindow:
        return CliText::tr("arrived outside your check-in windows");
    case DecisionReason::FocusBlock:
        return CliText::tr("arrived during focus time");
    case DecisionReason::SourceAlwaysHold:
        return CliText::tr("this source always waits for a check-in");
    case DecisionReason::SourceAlwaysAllow:
        return CliText::tr("this source is always allowed");
    case DecisionReason::SourceMuted:
        return CliText::tr("this source is muted");
    case DecisionReason::CriticalBreakThrough:
        return fromTeam ? CliText::tr("broke through: urgent from your team")
                        : CliText::tr("broke through: critical, from a source you chose");
    case DecisionReason::VipBreakThrough:
        return decision.detail.isEmpty() ? CliText::tr("broke through: a VIP sender")
                                         : CliText::tr("broke through: %1 is a VIP sender").arg(decision.detail);
    case DecisionReason::KeywordBreakThrough:
        return decision.detail.isEmpty() ? CliText::tr("broke through: a keyword matched")
                                         : CliText::tr("broke through: the keyword “%1” matched").arg(decision.detail);
    case DecisionReason::BreakThroughCapReached:
        return CliText::tr("this hour's limit of interruptions was reached");
    case DecisionReason::TeamMessage:
        return CliText::tr("from your team, released for your check-in window");
    case DecisionReason::TeamCommitment:
        return CliText::tr("from your team: work you wait for changed");
    }
    return {};
}

// `fermata inbox done|archive ID...`: the person finished with these items (a teammate's
// message is then acknowledged to its sender, in the same transaction).
int changeState(AttentionService &attention, const QString &verb, const QStringList &ids, QTextStream &out,
                QTextStream &err)
{
    QList<qint64> list;
    for (const QString &id : ids) {
        bool ok = false;
        const qint64 value = id.toLongLong(&ok);
        if (!ok || value <= 0) {
            err << "fermata inbox " << verb << ": "
                << CliText::tr("\"%1\" is not an item id; `fermata inbox` lists them (--json shows \"id\")")
                       .arg(id)
                << Qt::endl;
            return ExitUsage;
        }
        list.append(value);
    }
    if (list.isEmpty()) {
        err << "fermata inbox " << verb << ": "
            << CliText::tr("name the items, e.g. fermata inbox %1 12 13").arg(verb) << Qt::endl;
        return ExitUsage;
    }
    const Status done = verb == u"done" ? attention.markDone(list) : attention.archive(list);
    if (!done) {
        err << "fermata inbox " << verb << ": " << done.error().message << Qt::endl;
        return ExitFailure;
    }
    out << (verb == u"done" ? CliText::tr("Marked done: %1") : CliText::tr("Archived: %1"))
               .arg(ids.join(QStringLiteral(", ")))
        << Qt::endl;
    return ExitOk;
}

} // namespace

int runInboxCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "Lists held and released notifications, newest first: title, source, sender, state,\n"
        "when it arrived and when it was released; or marks items done or archived (a teammate's\n"
        "message then reads \"Read\" in its sender's outbox).\n\n"
        "  fermata inbox [--json] [--held] [--limit N]\n"
        "  fermata inbox done ID... | fermata inbox archive ID..."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("json"), CliText::tr("List as JSON.") },
        { QStringLiteral("held"), CliText::tr("Only what is still held.") },
        { QStringLiteral("limit"), CliText::tr("At most N items (default 200; 0: all)."), QStringLiteral("N"),
            QStringLiteral("200") },
    });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 0) {
        err << "fermata inbox: " << CliText::tr("--limit takes a number, e.g. --limit 50") << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<AppCore> core = openCore(paths, err);
    if (!core)
        return ExitFailure;
    AttentionService &attention = core->attention();
    if (const QStringList positional = parser.positionalArguments(); !positional.isEmpty()) {
        const QString verb = positional.first();
        if (verb != u"done" && verb != u"archive") {
            err << "fermata inbox: " << CliText::tr("Unknown command \"%1\"; use done or archive").arg(verb)
                << Qt::endl;
            return ExitUsage;
        }
        return changeState(attention, verb, positional.mid(1), out, err);
    }
    auto items = parser.isSet(QStringLiteral("held")) ? attention.heldItems()
                                                      : attention.recentItems(limit == 0 ? -1 : limit);
    if (!items) {
        err << items.error().message << Qt::endl;
        return ExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const InboxItem &item : std::as_const(*items))
            array.append(toJson(item));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (items->isEmpty()) {
        out << CliText::tr(
            "The inbox is empty. Send something with: fermata notify --source test --title Hello")
            << Qt::endl;
        return ExitOk;
    }
    const QTimeZone zone = core->preferences().timeZone();
    auto local = [&](const QDateTime &dt) {
        return dt.isValid() ? QLocale().toString(dt.toTimeZone(zone), QStringLiteral("ddd yyyy-MM-dd HH:mm"))
                            : QStringLiteral("-");
    };
    // The state column is as wide as its longest word in this language.
    qsizetype stateWidth = 0;
    for (const InboxItem &item : std::as_const(*items))
        stateWidth = std::max(stateWidth, stateWords(item.state).size());
    const QString indent(stateWidth + 1, QLatin1Char(' '));
    // What happens next to a held item, said once for all of them.
    const QString heldUntil = attention.isWindowOpen() ? CliText::tr("due now: a check-in window is open")
        : attention.nextWindowStart().isValid()
        ? CliText::tr("held until your next check-in window, %1").arg(local(attention.nextWindowStart()))
        : CliText::tr("held: no check-in window is set");
    for (const InboxItem &item : std::as_const(*items)) {
        const Notification &n = item.notification;
        const QString reason = reasonWords(item.decision);
        out << stateWords(item.state).leftJustified(stateWidth + 1) << n.source
            << (n.sender.isEmpty() ? QString() : QStringLiteral(" · ") + n.sender) << ": " << n.title
            << "\n" << indent
            << (item.state == ItemState::Held ? CliText::tr("received %1, %2 (%3)").arg(local(n.receivedAt), heldUntil, reason)
                : n.releasedAt.isValid()
                ? CliText::tr("received %1, released %2 (%3)").arg(local(n.receivedAt), local(n.releasedAt), reason)
                : CliText::tr("received %1 (%2)").arg(local(n.receivedAt), reason))
            << "\n";
    }
    out.flush();
    return ExitOk;
}

} // namespace fermata
