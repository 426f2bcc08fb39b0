#pragma once

#include "caldav/caldavaccount.h"
#include "calendar/caldavclient.h"
#include "result.h"

#include <QList>
#include <QUrl>

#include <memory>
#include <optional>

namespace fermata {

class CalendarInteropService;
class Clock;
class Database;
class SecretStore;

// Adding, choosing and removing CalDAV accounts: discovery and the calendar list from the
// server, the app password in the keychain (SecretStore, under CalDavAccount::secretKey()), the
// person's choices in storage. Runs on the calling thread and blocks on the network.
class CalDavAccounts final
{
public:
    CalDavAccounts(Database &db, SecretStore &secrets, CalendarInteropService &interop, const Clock &clock);

    struct NewAccount
    {
        QUrl url; // a server, a principal or a calendar home
        QString user;
        QString password; // an app password, where the server offers them
        QString name; // empty: defaultName()
    };
    // Finds the principal and calendar home, lists the calendars and stores the account (all its
    // calendars read, none receiving blocks yet) and the password. An account of that name
    // already there gets the new address and password (nothing is stored when the server
    // refuses them).
    CalDavResult<CalDavAccount> add(const NewAccount &account);
    // "user@host" (with the port when the address names one).
    static QString defaultName(const QString &user, const QUrl &url);

    Result<QList<CalDavAccount>> accounts() const;
    // By name; an empty name means the only account (an error when there is none or several).
    Result<CalDavAccount> find(const QString &name) const;
    // By label (case-insensitive), href or the href's last segment.
    Result<CalDavCalendarRecord> findCalendar(const CalDavAccount &account, const QString &name) const;

    // Not read any more: its events leave the planner at once (no network needed).
    Status setRead(const CalDavCalendarRecord &calendar, bool read);
    // The calendar that receives focus blocks; a read-only one is refused. nullopt: none (the
    // events already written are deleted at the next sync).
    Status setBlocksCalendar(const CalDavAccount &account, const std::optional<CalDavCalendarRecord> &calendar);
    // The events' title; empty: each block's task title.
    Status setBlockTitle(const CalDavAccount &account, const QString &title);

    // A client for the account, with its stored password and calendar home.
    CalDavResult<std::unique_ptr<CalDavClient>> connect(const CalDavAccount &account);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Forgets the account: its events leave the planner, its password the keychain. Unless
    // `keepEvents`, the focus block events it wrote are deleted from the server first, and when
    // that cannot be done now nothing is removed.
    CalDavStatus remove(const CalDavAccount &account, bool keepEvents);

private:
    Database &m_db;
    SecretStore &m_secrets;
    CalendarInteropService &m_interop;
    const Clock &m_clock;
    int m_timeoutMs = CalDavClient::defaultTimeoutMs;
};

} // namespace fermata
