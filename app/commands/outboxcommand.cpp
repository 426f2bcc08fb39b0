#include "commands/outboxcommand.h"

#include "commands/commands.h"
#include "commands/hubcommand.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fermata {

int runOutboxCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the messages you sent: held until their recipient's window, delivered, read or\n"
        "withdrawn, with release times; and whether the team hub has them yet.\n\n"
        "  fermata outbox [--json] [--offline]"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("As JSON.")},
        {QStringLiteral("offline"), QStringLiteral("Do not contact the hub; show the local copy.")},
    });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto session = HubSession::open(paths, err);
    if (!session)
        return ExitFailure;
    OutboxService &service = *session->service;
    if (service.isJoined() && !parser.isSet(QStringLiteral("offline")))
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
            });
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (!status.text.isEmpty())
        out << status.text << Qt::endl;
    if (list->isEmpty()) {
        out << "Nothing sent yet. Send with: fermata send --to MEMBER --subject S --body B" << Qt::endl;
        return ExitOk;
    }
    for (const OutboxService::OutgoingMessage &o : *list) {
        const Message &m = o.message;
        const QString when = m.state == Message::State::Queued ? service.describe(m.releaseAt, m.to)
                                                               : messageStateKey(m.state);
        out << (o.onHub ? "  " : "* ") << o.recipientName << "  " << m.subject << "  — " << when
            << (o.urgent ? "  (urgent)" : "") << '\n';
    }
    out << Qt::flush;
    return ExitOk;
}

} // namespace fermata
