#include "team/hubsql.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata::hubsql {

bool isConnectionError(const QSqlError &error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    // libpq's words when the server went away mid-query.
    const QString text = error.databaseText() + error.driverText();
    return text.contains(QLatin1String("server closed the connection"))
        || text.contains(QLatin1String("no connection to the server"))
        || text.contains(QLatin1String("connection to server"))
        || text.contains(QLatin1String("terminating connection"))
        || text.contains(QLatin1String("Unable to send query"))
        || text.contains(QLatin1String("could not send data"))
        || text.contains(QLatin1String("could not receive data"));
}

// Refusals that say "not now" rather than "never": a standby that does not take writes yet
// (during a failover), a server shutting down or full, a timeout, a deadlock. The client
// keeps the message and tries again; only a real refusal turns a message back into a draft.
bool isTransientError(const QSqlError &error)
{
    static const QStringList states = {
        QStringLiteral("25006"), // read_only_sql_transaction: connected to a standby
        QStringLiteral("57014"), // query_canceled: statement_timeout
        QStringLiteral("55P03"), // lock_not_available: lock_timeout
        QStringLiteral("40001"), QStringLiteral("40P01"), // serialization failure, deadlock
        QStringLiteral("57P01"), QStringLiteral("57P02"), QStringLiteral("57P03"), // shutting down, starting up
        QStringLiteral("53300"), // too_many_connections
    };
    return states.contains(error.nativeErrorCode());
}

Error error(const QString &what, const QSqlError &sqlError)
{
    QString detail = sqlError.databaseText().trimmed();
    if (detail.isEmpty())
        detail = sqlError.driverText().trimmed();
    detail.remove(QStringLiteral("ERROR:  "));
    if (isConnectionError(sqlError))
        return Error{Error::Code::Io,
                     Text::tr("The team hub is unreachable (could not %1: %2).").arg(what, detail)};
    if (isTransientError(sqlError))
        return Error{Error::Code::Io,
                     Text::tr("The team hub could not %1 just now (%2); Fermata tries again.").arg(what, detail)};
    return Error{Error::Code::Database,
                 Text::tr("The team hub could not %1: %2").arg(what, detail)};
}

sql::Target target(const QSqlDatabase &db)
{
    return sql::Target(db, &error);
}

HubMember memberFromRow(const QSqlQuery &query)
{
    return HubMember{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString(), query.value(4).toString().toUtf8(),
                     query.value(5).toBool(), query.value(6).toBool()};
}

HubWindow windowFromRow(const QSqlQuery &query)
{
    HubWindow w;
    w.id = query.value(0).toLongLong();
    w.memberId = query.value(1).toLongLong();
    w.rule = WeeklyRule(quint8(query.value(2).toInt()), QTime(0, 0).addSecs(query.value(3).toInt() * 60),
                        QTime(0, 0).addSecs(query.value(4).toInt() * 60), query.value(5).toString().toUtf8());
    w.label = query.value(6).toString();
    return w;
}

QVariantList windowValues(const HubWindow &window)
{
    return {int(window.rule.dayMask()), window.rule.start().msecsSinceStartOfDay() / 60000,
            window.rule.end().msecsSinceStartOfDay() / 60000, QString::fromUtf8(window.rule.zoneId()),
            sql::text(window.label)};
}

Status checkText(const QString &field, const QString &value, int maxCharacters)
{
    qsizetype characters = 0;
    for (qsizetype i = 0; i < value.size(); ++i, ++characters) {
        const QChar c = value.at(i);
        if (c.unicode() == 0)
            return Status::failure(Error::Code::Invalid,
                                   Text::tr("The %1 contains a NUL character, which the "
                                            "team hub cannot store.").arg(field));
        if (c.isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return Status::failure(Error::Code::Invalid,
                                   Text::tr("The %1 is not valid text (a broken UTF-16 "
                                            "surrogate).").arg(field));
    }
    if (maxCharacters > 0 && characters > maxCharacters)
        return Status::failure(Error::Code::Invalid,
                               Text::tr("The %1 is %L2 characters long; the team hub takes "
                                        "up to %L3. Shorten it (or send the rest in a "
                                        "second message).")
                                   .arg(field).arg(characters).arg(maxCharacters));
    return {};
}

} // namespace fermata::hubsql
