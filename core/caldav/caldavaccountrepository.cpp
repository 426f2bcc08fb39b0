#include "caldav/caldavaccountrepository.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QDebug>

#include <algorithm>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

QString CalDavCalendarRecord::label() const
{
    if (!displayName.trimmed().isEmpty())
        return displayName.trimmed();
    QString segment = href.section(u'/', -2, -2);
    return QUrl::fromPercentEncoding(segment.toUtf8());
}

QDebug operator<<(QDebug debug, const CalDavAccount &account)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "CalDavAccount(" << account.id << ", " << account.name << ", "
                    << account.homeUrl.toString(QUrl::RemoveUserInfo) << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const CalDavCalendarRecord &calendar)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "CalDavCalendarRecord(" << calendar.id << ", " << calendar.href << ", "
                    << calendar.label() << (calendar.isRead ? ", read" : "")
                    << (calendar.receivesBlocks ? ", blocks" : "") << ')';
    return debug;
}

namespace {

const QString s_selectAccount = QStringLiteral(
    "SELECT id, name, url, user_name, principal_url, home_url, instance, block_title, created_ms,"
    " last_attempt_ms, last_success_ms, last_error FROM caldav_accounts ");

const QString s_selectCalendar = QStringLiteral(
    "SELECT id, account_id, href, display_name, color, writable, on_server, is_read,"
    " receives_blocks, sync_token, ctag, source, event_count, last_sync_ms FROM caldav_calendars ");

QUrl storedUrl(const QVariant &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

QVariant urlText(const QUrl &url)
{
    return sql::text(url.isEmpty() ? QString() : url.toString(QUrl::FullyEncoded));
}

CalDavAccount readAccount(const QSqlQuery &query)
{
    CalDavAccount a;
    a.id = query.value(0).toLongLong();
    a.name = query.value(1).toString();
    a.url = storedUrl(query.value(2));
    a.user = query.value(3).toString();
    a.principalUrl = storedUrl(query.value(4));
    a.homeUrl = storedUrl(query.value(5));
    a.instance = query.value(6).toString();
    a.blockTitle = query.value(7).toString();
    a.created = sql::toDateTime(query.value(8));
    a.lastAttempt = sql::toDateTime(query.value(9));
    a.lastSuccess = sql::toDateTime(query.value(10));
    a.lastError = query.value(11).toString();
    return a;
}

CalDavCalendarRecord readCalendar(const QSqlQuery &query)
{
    CalDavCalendarRecord c;
    c.id = query.value(0).toLongLong();
    c.accountId = query.value(1).toLongLong();
    c.href = query.value(2).toString();
    c.displayName = query.value(3).toString();
    c.color = query.value(4).toString();
    c.isWritable = query.value(5).toBool();
    c.isOnServer = query.value(6).toBool();
    c.isRead = query.value(7).toBool();
    c.receivesBlocks = query.value(8).toBool();
    c.syncToken = query.value(9).toString();
    c.ctag = query.value(10).toString();
    c.source = query.value(11).toString();
    c.eventCount = query.value(12).toLongLong();
    c.lastSync = sql::toDateTime(query.value(13));
    return c;
}

template<typename T> Result<std::optional<T>> first(Result<QList<T>> list)
{
    if (!list)
        return list.error();
    if (list->isEmpty())
        return std::optional<T>();
    return std::optional<T>(list->constFirst());
}

QString saveAccountWhat() { return Text::tr("save the CalDAV account"); }
QString saveCalendarWhat() { return Text::tr("save the CalDAV calendar"); }
QString accountGoneText() { return Text::tr("The CalDAV account no longer exists."); }
QString calendarGoneText() { return Text::tr("The CalDAV calendar no longer exists."); }

} // namespace

Result<qint64> CalDavAccountRepository::add(const CalDavAccount &account)
{
    if (auto existing = findByName(account.name); existing && existing->has_value())
        return Result<qint64>::failure(Error::Code::Invalid,
            Text::tr("A CalDAV account named \"%1\" already exists.").arg(account.name));
    return sql::insert(sql::on(m_db),
        QStringLiteral("INSERT INTO caldav_accounts (name, url, user_name, principal_url, home_url,"
                       " instance, block_title, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { sql::text(account.name), urlText(account.url), sql::text(account.user), urlText(account.principalUrl),
            urlText(account.homeUrl), sql::text(account.instance), sql::text(account.blockTitle),
            sql::fromDateTime(account.created) },
        saveAccountWhat());
}

Status CalDavAccountRepository::updateSetup(const CalDavAccount &account)
{
    return sql::changeRow(sql::on(m_db),
        QStringLiteral("UPDATE caldav_accounts SET url = ?, user_name = ?, principal_url = ?, home_url = ?"
                       " WHERE id = ?"),
        { urlText(account.url), sql::text(account.user), urlText(account.principalUrl), urlText(account.homeUrl),
            account.id },
        saveAccountWhat(), accountGoneText());
}

Status CalDavAccountRepository::setBlockTitle(qint64 accountId, const QString &title)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("UPDATE caldav_accounts SET block_title = ? WHERE id = ?"),
        { sql::text(title), accountId }, saveAccountWhat(), accountGoneText());
}

Status CalDavAccountRepository::recordSync(qint64 accountId, const QDateTime &when, const QString &error)
{
    const QString statement = error.isEmpty()
        ? QStringLiteral("UPDATE caldav_accounts SET last_attempt_ms = ?, last_success_ms = ?, last_error = ?"
                         " WHERE id = ?")
        : QStringLiteral("UPDATE caldav_accounts SET last_attempt_ms = ?, last_error = ? WHERE id = ?");
    const QVariantList values = error.isEmpty()
        ? QVariantList { sql::fromDateTime(when), sql::fromDateTime(when), sql::text(QString()), accountId }
        : QVariantList { sql::fromDateTime(when), sql::text(error), accountId };
    return sql::changeRow(sql::on(m_db), statement, values, saveAccountWhat(), accountGoneText());
}

Status CalDavAccountRepository::remove(qint64 accountId)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("DELETE FROM caldav_accounts WHERE id = ?"), { accountId },
        Text::tr("remove the CalDAV account"), accountGoneText());
}

Result<QList<CalDavAccount>> CalDavAccountRepository::all() const
{
    return sql::readAll(sql::on(m_db), s_selectAccount + QStringLiteral("ORDER BY name"), {},
        Text::tr("read CalDAV accounts"), readAccount);
}

Result<std::optional<CalDavAccount>> CalDavAccountRepository::find(qint64 accountId) const
{
    return first(sql::readAll(sql::on(m_db), s_selectAccount + QStringLiteral("WHERE id = ?"), { accountId },
        Text::tr("read a CalDAV account"), readAccount));
}

Result<std::optional<CalDavAccount>> CalDavAccountRepository::findByName(const QString &name) const
{
    return first(sql::readAll(sql::on(m_db), s_selectAccount + QStringLiteral("WHERE name = ?"),
        { sql::text(name) }, Text::tr("read a CalDAV account"), readAccount));
}

Result<QList<CalDavCalendarRecord>> CalDavAccountRepository::calendars(qint64 accountId) const
{
    Result<QList<CalDavCalendarRecord>> list = sql::readAll(sql::on(m_db),
        s_selectCalendar + QStringLiteral("WHERE account_id = ? ORDER BY id"), { accountId },
        Text::tr("read CalDAV calendars"), readCalendar);
    if (!list)
        return list;
    std::stable_sort(list.value().begin(), list.value().end(),
        [](const CalDavCalendarRecord &a, const CalDavCalendarRecord &b) {
            return a.label().localeAwareCompare(b.label()) < 0;
        });
    return list;
}

Result<std::optional<CalDavCalendarRecord>> CalDavAccountRepository::calendar(qint64 calendarId) const
{
    return first(sql::readAll(sql::on(m_db), s_selectCalendar + QStringLiteral("WHERE id = ?"), { calendarId },
        Text::tr("read a CalDAV calendar"), readCalendar));
}

Status CalDavAccountRepository::saveListing(qint64 accountId, const QList<CalDavCalendar> &listed, bool readNew)
{
    return m_db.inTransaction([&]() -> Status {
        const sql::Target target = sql::on(m_db);
        // Only rows that change are written: an unchanged listing bumps no change counter.
        QVariantList values { accountId };
        QStringList marks;
        for (const CalDavCalendar &c : listed) {
            values.append(sql::text(c.href));
            marks.append(QStringLiteral("?"));
        }
        if (Status s = sql::exec(target,
                QStringLiteral("UPDATE caldav_calendars SET on_server = 0 WHERE account_id = ? AND on_server = 1")
                    + (marks.isEmpty() ? QString() : QStringLiteral(" AND href NOT IN (%1)").arg(marks.join(u','))),
                values, saveCalendarWhat());
            !s)
            return s;
        for (const CalDavCalendar &c : listed) {
            const Status s = sql::exec(target,
                QStringLiteral(
                    "INSERT INTO caldav_calendars (account_id, href, display_name, color, writable, on_server,"
                    " is_read) VALUES (?, ?, ?, ?, ?, 1, ?)"
                    " ON CONFLICT (account_id, href) DO UPDATE SET display_name = excluded.display_name,"
                    " color = excluded.color, writable = excluded.writable, on_server = 1"
                    " WHERE display_name IS NOT excluded.display_name OR color IS NOT excluded.color"
                    " OR writable IS NOT excluded.writable OR on_server = 0"),
                { accountId, sql::text(c.href), sql::text(c.displayName), sql::text(c.color), c.isWritable, readNew },
                saveCalendarWhat());
            if (!s)
                return s;
        }
        return {};
    });
}

Status CalDavAccountRepository::setRead(qint64 calendarId, bool read)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("UPDATE caldav_calendars SET is_read = ? WHERE id = ?"),
        { read, calendarId }, saveCalendarWhat(), calendarGoneText());
}

Status CalDavAccountRepository::setBlocksCalendar(qint64 accountId, qint64 calendarId)
{
    return m_db.inTransaction([&]() -> Status {
        const sql::Target target = sql::on(m_db);
        if (Status s = sql::exec(target,
                QStringLiteral("UPDATE caldav_calendars SET receives_blocks = 0 WHERE account_id = ?"
                               " AND receives_blocks = 1 AND id <> ?"),
                { accountId, calendarId }, saveCalendarWhat());
            !s)
            return s;
        if (calendarId == 0)
            return {};
        return sql::changeRow(target,
            QStringLiteral("UPDATE caldav_calendars SET receives_blocks = 1 WHERE id = ? AND account_id = ?"),
            { calendarId, accountId }, saveCalendarWhat(), calendarGoneText());
    });
}

Status CalDavAccountRepository::saveSyncState(const CalDavCalendarRecord &calendar)
{
    return sql::changeRow(sql::on(m_db),
        QStringLiteral("UPDATE caldav_calendars SET sync_token = ?, ctag = ?, source = ?, event_count = ?,"
                       " last_sync_ms = ? WHERE id = ?"),
        { sql::text(calendar.syncToken), sql::text(calendar.ctag), sql::text(calendar.source), calendar.eventCount,
            sql::fromDateTime(calendar.lastSync), calendar.id },
        saveCalendarWhat(), calendarGoneText());
}

} // namespace fermata
