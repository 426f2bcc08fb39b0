#pragma once

#include "caldav/caldavaccount.h"
#include "calendar/caldavxml.h"
#include "result.h"

#include <QList>

#include <optional>

namespace fermata {

class Database;

// CalDAV accounts and their calendars in SQLite (caldav_accounts, caldav_calendars). Each
// write is committed before it returns, or joins the caller's transaction.
class CalDavAccountRepository final
{
public:
    explicit CalDavAccountRepository(Database &db) : m_db(db) {}

    // Returns the new id; Invalid when the name is taken.
    Result<qint64> add(const CalDavAccount &account);
    // Address, user, principal and home (after discovery ran again).
    Status updateSetup(const CalDavAccount &account);
    // Empty: the task's title.
    Status setBlockTitle(qint64 accountId, const QString &title);
    // How the last sync went; `error` empty means it worked (last success moves too).
    Status recordSync(qint64 accountId, const QDateTime &when, const QString &error);
    // Also deletes its calendars, cached resources, block mapping and lease (cascade).
    Status remove(qint64 accountId);
    Result<QList<CalDavAccount>> all() const; // ordered by name
    Result<std::optional<CalDavAccount>> find(qint64 accountId) const;
    Result<std::optional<CalDavAccount>> findByName(const QString &name) const;

    // Ordered by label.
    Result<QList<CalDavCalendarRecord>> calendars(qint64 accountId) const;
    Result<std::optional<CalDavCalendarRecord>> calendar(qint64 calendarId) const;
    // Stores what the server listed: new calendars are added (read when `readNew`), known ones
    // get their name, colour and rights, and those missing are marked as gone from the server.
    Status saveListing(qint64 accountId, const QList<CalDavCalendar> &listed, bool readNew);
    Status setRead(qint64 calendarId, bool read);
    // The one calendar that receives focus blocks (0: none).
    Status setBlocksCalendar(qint64 accountId, qint64 calendarId);
    // Sync token, ctag, source, event count and last sync of `calendar`.
    Status saveSyncState(const CalDavCalendarRecord &calendar);

private:
    Database &m_db;
};

} // namespace fermata
