#pragma once

// Shared by the CalDAV sync tests: a profile (a real SQLite file in a temporary folder, a fake
// clock, a password file instead of the keychain) with the CalDAV services over it, and a way to
// list what a real Radicale holds.

#include "caldav/caldavaccountrepository.h"
#include "caldav/caldavaccounts.h"
#include "caldav/caldavics.h"
#include "caldav/caldavsynchronizer.h"
#include "calendar/caldavclient.h"
#include "calendar/calendarinteropservice.h"
#include "radicaleserver.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "team/secretstore.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <tuple>

namespace fermata::test {

// Monday 2 March 2026, 08:00 UTC: "now" in every CalDAV test.
inline QDateTime caldavNow()
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc());
}

inline QDateTime at(int dayOffset, int hour, int minute = 0)
{
    return caldavNow().addDays(dayOffset).addSecs((hour - 8) * 3600 + minute * 60);
}

// A result's value by value (empty on failure): safe in a range-for, unlike .value() of a temporary.
template<typename T> T take(Result<T> result)
{
    return result.isOk() ? std::move(result).value() : T();
}

// The failure's message for QVERIFY2.
template<typename R> QByteArray why(const R &result)
{
    return result.isOk() ? QByteArray() : result.error().message.toUtf8();
}

// One Fermata profile on its own database file.
class CalDavProfile
{
public:
    CalDavProfile() = default;
    // A second connection to another profile's file (another process, as far as SQLite can tell).
    explicit CalDavProfile(const QString &databasePath) : m_path(databasePath) { }

    bool open()
    {
        const QString path = m_path.isEmpty() ? m_dir.databasePath() : m_path;
        auto opened = Database::open(path);
        if (!opened) {
            qWarning("cannot open %s: %s", qPrintable(path), qPrintable(opened.error().message));
            return false;
        }
        db = std::move(opened).value();
        const QString secretsPath = QFileInfo(path).dir().filePath(QStringLiteral("caldav-secrets.json"));
        secrets = std::make_unique<FileSecretStore>(secretsPath);
        interop = std::make_unique<CalendarInteropService>(*db, clock);
        interop->setUserAddresses({ QStringLiteral("alice@example.com") });
        accounts = std::make_unique<CalDavAccounts>(*db, *secrets, *interop, clock);
        accounts->setTimeoutMs(5000);
        sync = std::make_unique<CalDavSynchronizer>(*db, *secrets, *interop, clock);
        sync->setTimeoutMs(5000);
        return true;
    }
    QString path() const { return m_path.isEmpty() ? m_dir.databasePath() : m_path; }

    qint64 addTask(const QString &title)
    {
        Task task;
        task.title = title;
        const Result<qint64> id = TaskRepository(*db).add(task);
        return id ? *id : 0;
    }
    qint64 addBlock(qint64 taskId, const QDateTime &start, const QDateTime &end)
    {
        const Result<qint64> id = FocusBlockRepository(*db).add(FocusBlock { 0, taskId, start, end, false });
        return id ? *id : 0;
    }
    QList<FocusBlock> blocks() const
    {
        const auto all = FocusBlockRepository(*db).all();
        return all ? *all : QList<FocusBlock>();
    }
    // Events the planner sees from `source`, ordered by start.
    QList<CalendarEvent> events(const QString &source) const
    {
        QList<CalendarEvent> result;
        const auto all = CalendarEventRepository(*db).overlapping(
            Interval::fromDateTimes(caldavNow().addDays(-60), caldavNow().addDays(500)));
        for (const CalendarEvent &event : all ? *all : QList<CalendarEvent>()) {
            if (event.source == source)
                result.append(event);
        }
        return result;
    }
    CalDavAccount account(const QString &name = {}) const
    {
        const Result<CalDavAccount> found = accounts->find(name);
        return found ? *found : CalDavAccount();
    }
    CalDavCalendarRecord calendar(const QString &label, const QString &accountName = {}) const
    {
        const Result<CalDavCalendarRecord> found = accounts->findCalendar(account(accountName), label);
        return found ? *found : CalDavCalendarRecord();
    }

    FakeClock clock { caldavNow() };
    std::unique_ptr<Database> db;
    std::unique_ptr<FileSecretStore> secrets;
    std::unique_ptr<CalendarInteropService> interop;
    std::unique_ptr<CalDavAccounts> accounts;
    std::unique_ptr<CalDavSynchronizer> sync;

private:
    TempDataDir m_dir;
    QString m_path;
};

// One VEVENT as the server holds it.
struct ServerEvent
{
    QString href;
    QString etag;
    QString uid;
    QString summary;
    QString marker; // X-FERMATA-BLOCK, empty for everyone else's events
    QString transparency;
    QDateTime start;
    QDateTime end;
    QByteArray data;
};

inline QString icsValue(const QByteArray &ics, const QByteArray &name)
{
    QByteArray unfolded = ics;
    unfolded.replace("\r\n ", "").replace("\r\n\t", "");
    for (const QByteArray &line : unfolded.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith(QByteArray(name + ':')) || trimmed.startsWith(QByteArray(name + ';')))
            return QString::fromUtf8(trimmed.mid(trimmed.indexOf(':') + 1));
    }
    return {};
}

inline QDateTime icsTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeZone(QTimeZone::utc());
    return time;
}

// Every event in `calendarHref`, read as `user` with a calendar-query (no time range).
inline QList<ServerEvent> serverEvents(const RadicaleServer &server, const QString &user, const QString &password,
    const QString &calendarHref, bool *ok = nullptr)
{
    CalDavClient client(user, password);
    client.setCalendarHome(server.url(QStringLiteral("/%1/").arg(user)));
    const CalDavResult<QList<CalDavResource>> found = client.queryEvents(calendarHref, Interval());
    if (ok)
        *ok = found.isOk();
    QList<ServerEvent> events;
    for (const CalDavResource &resource : found ? *found : QList<CalDavResource>()) {
        events.append(ServerEvent { resource.href, resource.etag, icsValue(resource.data, "UID"),
            icsValue(resource.data, "SUMMARY"), icsValue(resource.data, caldavics::markerProperty),
            icsValue(resource.data, "TRANSP"), icsTime(icsValue(resource.data, "DTSTART")),
            icsTime(icsValue(resource.data, "DTEND")), resource.data });
    }
    std::sort(events.begin(), events.end(), [](const ServerEvent &a, const ServerEvent &b) {
        return std::tie(a.start, a.uid) < std::tie(b.start, b.uid);
    });
    return events;
}

// Only the events carrying `marker` (Fermata's, of one account).
inline QList<ServerEvent> markedEvents(const QList<ServerEvent> &events, const QString &marker)
{
    QList<ServerEvent> result;
    for (const ServerEvent &event : events) {
        if (event.marker == marker)
            result.append(event);
    }
    return result;
}

// A VEVENT with extra property lines (CRLF, UTC).
inline QByteArray icsWith(const QString &uid, const QDateTime &start, const QDateTime &end, const QString &summary,
    const QByteArray &extraLines = {})
{
    QByteArray ics = RadicaleServer::icsEvent(uid, start, end, summary);
    if (!extraLines.isEmpty())
        ics.replace("END:VEVENT", QByteArray(extraLines + "END:VEVENT"));
    return ics;
}

} // namespace fermata::test
