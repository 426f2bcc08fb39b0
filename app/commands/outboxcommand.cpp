#include "commands/outboxcommand.h"

#include "appcore.h"
#include "commands/commands.h"
#include "commands/hubcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace fermata {

namespace {

// The translation context of what `fermata outbox` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::outbox)
};

// A message's state in words, where no time says more; --json keeps the keys (machine output).
QString stateWords(Message::State state)
{
    switch (state) {
    case Message::State::Draft:
        return CliText::tr("draft, not sent");
    case Message::State::Queued:
        return CliText::tr("held for their window");
    case Message::State::Delivered:
        return CliText::tr("delivered");
    case Message::State::Acknowledged:
        return CliText::tr("read");
    case Message::State::Withdrawn:
        return CliText::tr("withdrawn");
    }
    return {};
}

} // namespace

int runOutboxCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Lists the messages you sent: held until their recipient's window, delivered, read or\n"
                    "withdrawn, with release times; and whether the team hub has them yet.\n\n"
                    "  fermata outbox [--json] [--offline]"));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("json"), CliText::tr("As JSON.") },
        { QStringLiteral("offline"), CliText::tr("Do not contact the hub; show the local copy.") },
    });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto session = HubSession::open(paths, err);
    if (!session)
        return ExitFailure;
    OutboxService &service = *session->service;
    const bool offline = parser.isSet(QStringLiteral("offline"));
    if (service.isJoined() && !offline)
        (void)service.connectToHub(); // refresh states; the local copy answers otherwise
    const auto list = service.outbox();
    if (!list) {
        err << "fermata outbox: " << list.error().message << Qt::endl;
        return ExitFailure;
    }
    const OutboxService::HubStatus status = service.status();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const OutboxService::OutgoingMessage &o : *list) {
            const Message &m = o.message;
            array.append(QJsonObject{
                {QStringLiteral("uuid"), m.uuid.toString(QUuid::WithoutBraces)},
                {QStringLiteral("to"), m.to},
                {QStringLiteral("to_name"), o.recipientName},
                {QStringLiteral("subject"), m.subject},
                {QStringLiteral("body"), m.body},
                {QStringLiteral("state"), messageStateKey(m.state)},
                {QStringLiteral("created"), m.createdAt.toUTC().toString(Qt::ISODateWithMs)},
                {QStringLiteral("release"), m.releaseAt.isValid() ? QJsonValue(m.releaseAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
                {QStringLiteral("release_text"), service.describe(m.releaseAt, m.to)},
                {QStringLiteral("urgent"), o.urgent},
                {QStringLiteral("synced"), o.onHub},
                {QStringLiteral("delivered"), m.deliveredAt.isValid() ? QJsonValue(m.deliveredAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
                {QStringLiteral("read"), m.acknowledgedAt.isValid() ? QJsonValue(m.acknowledgedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
            });
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (offline) {
        // Nothing was asked of the hub, so nothing can be said about reaching it.
        out << CliText::tr("Not contacting the team hub (--offline): states as of the last sync.")
            << Qt::endl;
        if (status.waiting > 0)
            out << (status.waiting == 1 ? CliText::tr("1 message waiting to sync")
                                        : CliText::tr("%1 messages waiting to sync").arg(status.waiting))
                << Qt::endl;
    } else if (!status.text.isEmpty()) {
        out << status.text << Qt::endl;
    }
    if (list->isEmpty()) {
        out << CliText::tr("Nothing sent yet. Send with: fermata send --to MEMBER --subject S --body B")
            << Qt::endl;
        return ExitOk;
    }
    const QTimeZone zone = session->core->preferences().timeZone();
    const auto local = [&](const QDateTime &dt) {
        return QLocale().toString(dt.toTimeZone(zone), QStringLiteral("ddd HH:mm"));
    };
    for (const OutboxService::OutgoingMessage &o : *list) {
        const Message &m = o.message;
        const QString when = m.state == Message::State::Queued ? service.describe(m.releaseAt, m.to)
            : m.state == Message::State::Acknowledged && m.acknowledgedAt.isValid()
            ? CliText::tr("read %1").arg(local(m.acknowledgedAt))
            : m.state == Message::State::Delivered && m.deliveredAt.isValid()
            ? CliText::tr("delivered %1").arg(local(m.deliveredAt))
            : stateWords(m.state);
        out << (o.onHub ? "  " : "* ") << o.recipientName << "  " << m.subject << "  — " << when
            << (o.urgent ? QStringLiteral("  ") + CliText::tr("(urgent)") : QString()) << '\n';
    }
    out << Qt::flush;
    return ExitOk;
}

} // namespace fermata
