#include "commands/sendcommand.h"

#include "commands/commands.h"
#include "commands/hubcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

namespace fermata {

namespace {

// The translation context of what `fermata send` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::send)
};

// The body from standard input, refused when it is not UTF-8 (never silently altered).
std::optional<QString> readBodyFromStdin(QTextStream &err)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = in.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        err << "fermata send: "
            << CliText::tr("The message on standard input is not valid UTF-8; nothing was sent.") << Qt::endl;
        return std::nullopt;
    }
    return text;
}

} // namespace

int runSendCommand(const QStringList &arguments, const AppPaths &paths)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Sends a message to a teammate. It is held until their next check-in window (in their\n"
                    "time zone); this prints when that is. Without the hub it waits in the local outbox and\n"
                    "goes out on the next sync.\n\n"
                    "  fermata send --to MEMBER --subject SUBJECT --body BODY [--urgent]\n"
                    "  fermata send --to MEMBER --subject SUBJECT --body - < message.txt"));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("to"), CliText::tr("The teammate: login, email or name."),
            QStringLiteral("member") },
        { QStringLiteral("subject"), CliText::tr("Subject line."), QStringLiteral("subject") },
        { QStringLiteral("body"), CliText::tr("The message; - reads it from standard input."),
            QStringLiteral("body") },
        { QStringLiteral("urgent"), CliText::tr("Deliver now instead of at their next window (counted).") },
        { QStringLiteral("preview"), CliText::tr("Only say when it would be read; send nothing.") },
    });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString to = parser.value(QStringLiteral("to"));
    const QString subject = parser.value(QStringLiteral("subject"));
    QString body = parser.value(QStringLiteral("body"));
    if (to.isEmpty() || (!parser.isSet(QStringLiteral("preview")) && !parser.isSet(QStringLiteral("body")))) {
        err << "fermata send: " << CliText::tr("Give --to MEMBER and --body TEXT (and usually --subject).")
            << Qt::endl;
        return ExitUsage;
    }
    if (body == u"-") {
        const auto read = readBodyFromStdin(err);
        if (!read)
            return ExitUsage;
        body = *read;
    }
    for (const auto &[field, value] : { std::pair { CliText::tr("recipient"), to },
             std::pair { CliText::tr("subject"), subject }, std::pair { CliText::tr("message"), body } }) {
        if (!checkCommandLineText(QStringLiteral("send"), field, value, err))
            return ExitUsage;
    }
    auto session = HubSession::open(paths, err);
    if (!session)
        return ExitFailure;
    OutboxService &service = *session->service;
    if (!service.isJoined()) {
        err << "fermata send: "
            << CliText::tr(
                   "This Fermata has not joined a team hub yet: run fermata hub join --url URL --user USER.")
            << Qt::endl;
        return ExitFailure;
    }
    if (parser.isSet(QStringLiteral("preview"))) {
        (void)service.connectToHub();
        const auto preview = service.preview(to);
        if (!preview) {
            err << "fermata send: " << preview.error().message << Qt::endl;
            return ExitFailure;
        }
        out << preview->text << Qt::endl;
        return ExitOk;
    }
    const Result<Message> sent = service.send(to, subject, body, parser.isSet(QStringLiteral("urgent")));
    if (!sent) {
        err << "fermata send: " << sent.error().message << Qt::endl;
        return ExitFailure;
    }
    if (service.isConnected())
        (void)service.sync(); // anything older still waiting goes out too
    const OutboxService::HubStatus status = service.status();
    // The hub may still refuse it (the recipient left the team meanwhile): then it stays a
    // local draft, and no delivery time is promised.
    QDateTime releaseAt = sent->releaseAt;
    if (const auto outbox = service.outbox()) {
        for (const OutboxService::OutgoingMessage &o : *outbox) {
            if (o.message.uuid != sent->uuid)
                continue;
            if (o.message.state == Message::State::Draft) {
                err << "fermata send: "
                    << (status.lastError.isEmpty()
                               ? CliText::tr("The team hub refused it; it stays in your outbox as a draft.")
                               : CliText::tr(
                                   "The team hub refused it (%1); it stays in your outbox as a draft.")
                                     .arg(status.lastError))
                    << Qt::endl;
                return ExitFailure;
            }
            releaseAt = o.message.releaseAt;
        }
    }
    out << service.describe(releaseAt, sent->to) << Qt::endl;
    if (!status.reachable)
        err << CliText::tr("%1. It goes out on the next sync (fermata hub sync).").arg(status.text)
            << Qt::endl;
    return ExitOk;
}

} // namespace fermata
