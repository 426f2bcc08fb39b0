#include "caldav/caldavaccounts.h"

#include "caldav/caldavaccountrepository.h"
#include "caldav/caldavblockwriter.h"
#include "caldav/caldavreader.h"
#include "caldav/caldavsynclease.h"
#include "storage/database.h"
#include "team/secretstore.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QUuid>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

namespace {

CalDavError localError(const Error &error)
{
    return CalDavError { CalDavFailure::InvalidRequest, 0, error.message };
}

} // namespace

CalDavAccounts::CalDavAccounts(Database &db, SecretStore &secrets, CalendarInteropService &interop, const Clock &clock)
    : m_db(db)
    , m_secrets(secrets)
    , m_interop(interop)
    , m_clock(clock)
{ }

QString CalDavAccounts::defaultName(const QString &user, const QUrl &url)
{
    const QString host = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    return QStringLiteral("%1@%2").arg(user, host);
}

CalDavResult<CalDavAccount> CalDavAccounts::add(const NewAccount &request)
{
    if (request.user.trimmed().isEmpty())
        return localError(Error { Error::Code::Invalid, Text::tr("Give the user name for the calendar server.") });
    CalDavClient client(request.user, request.password);
    client.setTimeoutMs(m_timeoutMs);
    const CalDavResult<CalDavDiscovery> found = client.discover(request.url);
    if (!found)
        return found.caldavError();
    const CalDavResult<QList<CalDavCalendar>> listed = client.listCalendars();
    if (!listed)
        return listed.caldavError();

    CalDavAccountRepository repository(m_db);
    const QString name = request.name.trimmed().isEmpty() ? defaultName(request.user, request.url) : request.name.trimmed();
    const auto existing = repository.findByName(name);
    if (!existing)
        return localError(existing.error());
    CalDavAccount account;
    if (existing->has_value()) {
        account = **existing;
    } else {
        account.name = name;
        account.instance = QUuid::createUuid().toString(QUuid::Id128).left(12);
        account.created = m_clock.now();
    }
    account.url = request.url;
    account.user = request.user;
    account.principalUrl = found->principalUrl;
    account.homeUrl = found->calendarHomeUrl;
    const bool isNew = account.id == 0;
    const Status stored = m_db.inTransaction([&]() -> Status {
        if (isNew) {
            const Result<qint64> id = repository.add(account);
            if (!id)
                return id.error();
            account.id = *id;
        } else if (Status updated = repository.updateSetup(account); !updated) {
            return updated;
        }
        return repository.saveListing(account.id, *listed, isNew);
    });
    if (!stored)
        return localError(stored.error());
    if (Status kept = m_secrets.write(account.secretKey(), request.password); !kept) {
        if (isNew)
            (void)repository.remove(account.id);
        return localError(kept.error());
    }
    return account;
}

Result<QList<CalDavAccount>> CalDavAccounts::accounts() const
{
    return CalDavAccountRepository(m_db).all();
}

Result<CalDavAccount> CalDavAccounts::find(const QString &name) const
{
    CalDavAccountRepository repository(m_db);
    if (!name.isEmpty()) {
        const auto found = repository.findByName(name);
        if (!found)
            return found.error();
        if (!found->has_value())
            return Error { Error::Code::NotFound, Text::tr("There is no CalDAV account named \"%1\".").arg(name) };
        return **found;
    }
    const auto all = repository.all();
    if (!all)
        return all.error();
    if (all->isEmpty())
        return Error { Error::Code::NotFound, Text::tr("No CalDAV account is set up yet.") };
    if (all->size() > 1) {
        QStringList names;
        for (const CalDavAccount &account : *all)
            names.append(account.name);
        return Error { Error::Code::Invalid,
            Text::tr("There are several CalDAV accounts (%1): say which.").arg(names.join(QStringLiteral(", "))) };
    }
    return all->constFirst();
}

Result<CalDavCalendarRecord> CalDavAccounts::findCalendar(const CalDavAccount &account, const QString &name) const
{
    const auto calendars = CalDavAccountRepository(m_db).calendars(account.id);
    if (!calendars)
        return calendars.error();
    QList<CalDavCalendarRecord> matches;
    for (const CalDavCalendarRecord &calendar : *calendars) {
        const QString segment = QUrl::fromPercentEncoding(calendar.href.section(u'/', -2, -2).toUtf8());
        if (calendar.label().compare(name, Qt::CaseInsensitive) == 0 || calendar.href == name || segment == name)
            matches.append(calendar);
    }
    if (matches.size() == 1)
        return matches.constFirst();
    QStringList labels;
    for (const CalDavCalendarRecord &calendar : *calendars)
        labels.append(QStringLiteral("\"%1\"").arg(calendar.label()));
    if (matches.isEmpty())
        return Error { Error::Code::NotFound,
            Text::tr("%1 has no calendar called \"%2\"; it has %3.")
                .arg(account.name, name, labels.isEmpty() ? QStringLiteral("none") : labels.join(QStringLiteral(", "))) };
    return Error { Error::Code::Invalid,
        Text::tr("Several calendars of %1 are called \"%2\": give its path instead (%3).")
            .arg(account.name, name, matches.constFirst().href) };
}

Status CalDavAccounts::setRead(const CalDavCalendarRecord &calendar, bool read)
{
    return m_db.inTransaction([&]() -> Status {
        if (Status saved = CalDavAccountRepository(m_db).setRead(calendar.id, read); !saved)
            return saved;
        return read ? Status() : CalDavReader::drop(m_db, m_interop, calendar);
    });
}

Status CalDavAccounts::setBlocksCalendar(const CalDavAccount &account, const std::optional<CalDavCalendarRecord> &calendar)
{
    if (calendar && !calendar->isWritable)
        return Status::failure(Error::Code::Denied,
            Text::tr("\"%1\" is read-only for %2: choose a calendar you can write to for focus blocks.")
                .arg(calendar->label(), account.user));
    return CalDavAccountRepository(m_db).setBlocksCalendar(account.id, calendar ? calendar->id : 0);
}

Status CalDavAccounts::setBlockTitle(const CalDavAccount &account, const QString &title)
{
    return CalDavAccountRepository(m_db).setBlockTitle(account.id, title.trimmed());
}

CalDavResult<std::unique_ptr<CalDavClient>> CalDavAccounts::connect(const CalDavAccount &account)
{
    const Result<QString> password = m_secrets.read(account.secretKey());
    if (!password) {
        if (password.error().code == Error::Code::NotFound)
            return CalDavError { CalDavFailure::Authentication, 0,
                Text::tr("No app password is kept for %1: add the account again to give it.").arg(account.name) };
        return localError(password.error());
    }
    auto client = std::make_unique<CalDavClient>(account.user, *password);
    client->setTimeoutMs(m_timeoutMs);
    if (account.homeUrl.isValid() && !account.homeUrl.isEmpty()) {
        client->setCalendarHome(account.homeUrl);
    } else {
        const CalDavResult<CalDavDiscovery> found = client->discover(account.url);
        if (!found)
            return found.caldavError();
        CalDavAccount updated = account;
        updated.principalUrl = found->principalUrl;
        updated.homeUrl = found->calendarHomeUrl;
        if (Status saved = CalDavAccountRepository(m_db).updateSetup(updated); !saved)
            return localError(saved.error());
    }
    return client;
}

CalDavStatus CalDavAccounts::remove(const CalDavAccount &account, bool keepEvents)
{
    CalDavSyncLease lease(m_db, m_clock, account.id);
    const Result<bool> held = lease.tryAcquire();
    if (!held)
        return localError(held.error());
    if (!*held)
        return localError(Error { Error::Code::Invalid,
            Text::tr("%1 is being synced right now; try again in a moment.").arg(account.name) });
    if (!keepEvents) {
        CalDavResult<std::unique_ptr<CalDavClient>> client = connect(account);
        if (!client)
            return client.caldavError();
        CalDavBlockWriter writer(m_db, **client, m_clock);
        const Result<CalDavBlockWriter::Report> withdrawn = writer.push(account, QString());
        if (!withdrawn)
            return localError(withdrawn.error());
        if (withdrawn->stopped)
            return *withdrawn->stopped;
        if (withdrawn->pending > 0)
            return localError(Error { Error::Code::Invalid, withdrawn->problems.join(u' ') });
    }
    const Status removed = m_db.inTransaction([&]() -> Status {
        const auto calendars = CalDavAccountRepository(m_db).calendars(account.id);
        if (!calendars)
            return calendars.error();
        for (const CalDavCalendarRecord &calendar : *calendars) {
            if (Status dropped = CalDavReader::drop(m_db, m_interop, calendar); !dropped)
                return dropped;
        }
        return CalDavAccountRepository(m_db).remove(account.id);
    });
    if (!removed)
        return localError(removed.error());
    (void)lease.release(); // gone with the account already
    (void)m_secrets.remove(account.secretKey());
    return std::monostate {};
}

} // namespace fermata
