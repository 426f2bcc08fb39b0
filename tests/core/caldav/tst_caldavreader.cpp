// Reading CalDAV calendars into the planner against a real Radicale: discovery and the calendar
// list with colours, the import rules of files (busy/free, declined, cancelled, recurring),
// sync-collection deltas (changes and deletions, nothing asked when nothing changed), the
// ETag-only fallback when the server forgot the sync token, Fermata's own events left out,
// a calendar no longer read, a wrong password, and a server that stops and comes back.
#include "caldav/caldavreader.h"
#include "caldav/caldavresourcecache.h"
#include "caldavfixture.h"
#include "storage/sqlhelpers.h"

#include <QBuffer>
#include <QSqlQuery>

using namespace fermata;
using namespace fermata::test;

namespace {

const QString alice = QStringLiteral("alice");
const QString alicePassword = QStringLiteral("alice-app-password");

struct Row
{
    QString title;
    QDateTime start;
    QDateTime end;
    bool busy;
    bool allDay;
    bool operator==(const Row &) const = default;
};

QList<Row> rows(const QList<CalendarEvent> &events)
{
    QList<Row> result;
    for (const CalendarEvent &e : events)
        result.append(Row { e.title, e.start.toUTC(), e.end.toUTC(), e.busy, e.allDay });
    std::sort(result.begin(), result.end(), [](const Row &a, const Row &b) {
        return std::tie(a.start, a.title) < std::tie(b.start, b.title);
    });
    return result;
}

QStringList titles(const QList<CalendarEvent> &events)
{
    QStringList result;
    for (const CalendarEvent &e : events)
        result.append(e.title);
    result.sort();
    return result;
}

} // namespace

namespace QTest {
template<> char *toString(const Row &row)
{
    return qstrdup(QStringLiteral("%1 %2-%3 busy=%4 allDay=%5")
                       .arg(row.title, row.start.toString(Qt::ISODate), row.end.toString(Qt::ISODate))
                       .arg(row.busy)
                       .arg(row.allDay)
                       .toUtf8());
}
} // namespace QTest

class TestCalDavReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        pinEnvironment();
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addUser(alice, alicePassword));
    }

    // A calendar of its own for each test, so they do not see each other's events.
    void init()
    {
        ++m_round;
        m_work = m_server.createCalendar(alice, QStringLiteral("work%1").arg(m_round), QStringLiteral("Work %1").arg(m_round),
            QStringLiteral("#3366FF"));
        QVERIFY2(!m_work.isEmpty(), qPrintable(m_server.errorString()));
    }

    void discoversAndListsCalendars()
    {
        m_server.createCalendar(alice, QStringLiteral("todo"), QStringLiteral("Chores"), {}, { QStringLiteral("VTODO") });
        const QString holidays = m_server.createCalendar(alice, QStringLiteral("readonly-holidays"),
            QStringLiteral("Holidays"), QStringLiteral("#AA0000"));
        QVERIFY(!holidays.isEmpty());
        CalDavProfile profile;
        QVERIFY(profile.open());
        // The bare server address: found through /.well-known/caldav and the principal.
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        QCOMPARE(added->name, QStringLiteral("alice@127.0.0.1:%1").arg(m_server.port()));
        QCOMPARE(added->principalUrl, m_server.url(QStringLiteral("/alice/")));
        QCOMPARE(added->homeUrl, m_server.url(QStringLiteral("/alice/")));
        QCOMPARE(added->instance.size(), 12);
        QCOMPARE(profile.secrets->read(added->secretKey()).value(), alicePassword);

        const auto calendars = CalDavAccountRepository(*profile.db).calendars(added->id);
        QVERIFY(calendars.isOk());
        QStringList labels;
        for (const CalDavCalendarRecord &c : *calendars)
            labels.append(c.label());
        QVERIFY2(!labels.contains(QStringLiteral("Chores")), qPrintable(labels.join(u','))); // tasks only
        const CalDavCalendarRecord work = profile.calendar(QStringLiteral("Work %1").arg(m_round));
        QCOMPARE(work.href, m_work);
        QCOMPARE(work.color, QStringLiteral("#3366ff"));
        QVERIFY(work.isRead); // a new account reads every calendar
        QVERIFY(!work.receivesBlocks); // and writes nowhere until asked
        QVERIFY(work.isWritable);
        const CalDavCalendarRecord readOnly = profile.calendar(QStringLiteral("Holidays"));
        QCOMPARE(readOnly.color, QStringLiteral("#aa0000"));
        QVERIFY(!readOnly.isWritable);
        // A read-only calendar cannot receive focus blocks.
        const Status refused = profile.accounts->setBlocksCalendar(*added, readOnly);
        QVERIFY(!refused.isOk());
        QVERIFY2(refused.error().message.contains(QStringLiteral("read-only")), qPrintable(refused.error().message));
    }

    void wrongPasswordIsRefusedAndNothingKept()
    {
        CalDavProfile profile;
        QVERIFY(profile.open());
        const auto added = profile.accounts->add({ m_server.url(), alice, QStringLiteral("not-the-password"), {} });
        QVERIFY(!added.isOk());
        QCOMPARE(added.failureKind(), CalDavFailure::Authentication);
        QVERIFY2(added.error().message.contains(QStringLiteral("check the user name and app password")),
            qPrintable(added.error().message));
        QCOMPARE(profile.accounts->accounts().value().size(), 0);
        CalDavAccount refused;
        refused.name = CalDavAccounts::defaultName(alice, m_server.url());
        QVERIFY(!profile.secrets->read(refused.secretKey()));
    }

    // The same events read as a file and through CalDAV become the same rows.
    void readsWithTheImportRulesOfFiles()
    {
        const QList<QByteArray> resources = {
            icsWith(QStringLiteral("busy"), at(0, 10), at(0, 11), QStringLiteral("Standup")),
            icsWith(QStringLiteral("free"), at(0, 12), at(0, 13), QStringLiteral("Lunch (free)"), "TRANSP:TRANSPARENT\r\n"),
            icsWith(QStringLiteral("cancelled"), at(0, 14), at(0, 15), QStringLiteral("Cancelled review"),
                "STATUS:CANCELLED\r\n"),
            icsWith(QStringLiteral("declined"), at(1, 9), at(1, 10), QStringLiteral("Declined sync"),
                "ORGANIZER:mailto:bob@example.com\r\nATTENDEE;PARTSTAT=DECLINED:mailto:alice@example.com\r\n"),
            icsWith(QStringLiteral("weekly"), at(0, 16), at(0, 17), QStringLiteral("Weekly 1:1"),
                "RRULE:FREQ=WEEKLY;COUNT=4\r\n"),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:offsite\r\n"
            "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260306\r\nDTEND;VALUE=DATE:20260307\r\n"
            "SUMMARY:Offsite\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        };
        for (qsizetype i = 0; i < resources.size(); ++i)
            QVERIFY(!m_server.putEvent(m_work + QStringLiteral("e%1.ics").arg(i), resources.at(i)).isEmpty());

        CalDavProfile profile;
        QVERIFY(profile.open());
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        const CalDavSyncOutcome outcome = profile.sync->sync(added->id);
        QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced, qPrintable(outcome.message()));

        const QString source = QStringLiteral("caldav:%1/Work %2").arg(added->name).arg(m_round);
        QCOMPARE(profile.calendar(QStringLiteral("Work %1").arg(m_round)).source, source);
        const QList<CalendarEvent> viaCalDav = profile.events(source);
        QVERIFY(!viaCalDav.isEmpty());
        // The file import of the same events, one VCALENDAR each after the other.
        QByteArray file;
        for (const QByteArray &resource : resources)
            file += resource;
        QBuffer buffer(&file);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(profile.interop->importDevice(buffer, QStringLiteral("file")).isOk());
        QCOMPARE(rows(viaCalDav), rows(profile.events(QStringLiteral("file"))));
        // Busy only what blocks time: free, cancelled and declined events do not.
        QHash<QString, bool> busy;
        for (const CalendarEvent &e : viaCalDav)
            busy.insert(e.title, e.busy);
        QVERIFY(busy.value(QStringLiteral("Standup")));
        QVERIFY(busy.value(QStringLiteral("Offsite")));
        QVERIFY(!busy.value(QStringLiteral("Lunch (free)"), true));
        QVERIFY(!busy.value(QStringLiteral("Cancelled review"), true));
        QVERIFY(!busy.value(QStringLiteral("Declined sync"), true));
        QCOMPARE(titles(viaCalDav).count(QStringLiteral("Weekly 1:1")), 4);
    }

    void followsChangesAndDeletionsWithTheSyncToken()
    {
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("a.ics"), icsWith(QStringLiteral("a"), at(0, 9), at(0, 10), QStringLiteral("A"))).isEmpty());
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("b.ics"), icsWith(QStringLiteral("b"), at(0, 11), at(0, 12), QStringLiteral("B"))).isEmpty());
        CalDavProfile profile;
        QVERIFY(profile.open());
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        CalDavSyncOutcome outcome = profile.sync->sync(added->id);
        QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced, qPrintable(outcome.message()));
        const QString source = QStringLiteral("caldav:%1/Work %2").arg(added->name).arg(m_round);
        QCOMPARE(titles(profile.events(source)), (QStringList { QStringLiteral("A"), QStringLiteral("B") }));
        const QString firstToken = profile.calendar(QStringLiteral("Work %1").arg(m_round)).syncToken;
        QVERIFY(!firstToken.isEmpty());

        // Nothing changed: no calendar is read again.
        outcome = profile.sync->sync(added->id);
        QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced, qPrintable(outcome.message()));
        QCOMPARE(outcome.read.calendarsRead, 0);

        // Another client edits one, deletes one, adds one.
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("a.ics"), icsWith(QStringLiteral("a"), at(0, 13), at(0, 14), QStringLiteral("A moved"))).isEmpty());
        QVERIFY(m_server.deleteEvent(m_work + QStringLiteral("b.ics")));
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("c.ics"), icsWith(QStringLiteral("c"), at(1, 9), at(1, 10), QStringLiteral("C"))).isEmpty());
        outcome = profile.sync->sync(added->id);
        QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced, qPrintable(outcome.message()));
        QCOMPARE(outcome.read.changed, 2);
        QCOMPARE(outcome.read.removed, 1);
        const QList<CalendarEvent> events = profile.events(source);
        QCOMPARE(titles(events), (QStringList { QStringLiteral("A moved"), QStringLiteral("C") }));
        QCOMPARE(events.first().start, at(0, 13));
        QVERIFY(profile.calendar(QStringLiteral("Work %1").arg(m_round)).syncToken != firstToken);
        const auto cached = CalDavResourceCache(*profile.db).versions(profile.calendar(QStringLiteral("Work %1").arg(m_round)).id);
        QCOMPARE(cached->size(), 2);
    }

    // Radicale refuses a token it never issued, as any server does with one it forgot.
    void fallsBackToAnEtagQueryWhenTheTokenIsRefused()
    {
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("a.ics"), icsWith(QStringLiteral("a"), at(0, 9), at(0, 10), QStringLiteral("A"))).isEmpty());
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("b.ics"), icsWith(QStringLiteral("b"), at(0, 11), at(0, 12), QStringLiteral("B"))).isEmpty());
        CalDavProfile profile;
        QVERIFY(profile.open());
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        QVERIFY(profile.sync->sync(added->id).kind == CalDavSyncOutcome::Kind::Synced);
        const CalDavCalendarRecord work = profile.calendar(QStringLiteral("Work %1").arg(m_round));
        QSqlQuery forget(profile.db->connection());
        QVERIFY(forget.exec(QStringLiteral("UPDATE caldav_calendars SET sync_token = 'http://radicale.org/ns/sync/"
                                           "0000000000000000000000000000000000000000000000000000000000000000' WHERE id = %1")
                                .arg(work.id)));
        QVERIFY(m_server.deleteEvent(m_work + QStringLiteral("a.ics")));
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("b.ics"), icsWith(QStringLiteral("b"), at(0, 11), at(0, 12), QStringLiteral("B renamed"))).isEmpty());

        const CalDavSyncOutcome outcome = profile.sync->sync(added->id);
        QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced && outcome.error.isEmpty(), qPrintable(outcome.message()));
        QCOMPARE(outcome.read.changed, 1); // only b was fetched again
        QCOMPARE(outcome.read.removed, 1);
        QCOMPARE(titles(profile.events(work.source)), QStringList { QStringLiteral("B renamed") });
        const QString token = profile.calendar(work.label()).syncToken;
        QVERIFY(!token.endsWith(QStringLiteral("0000000000000000")));
        // And the next sync uses the new token again.
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("d.ics"), icsWith(QStringLiteral("d"), at(2, 9), at(2, 10), QStringLiteral("D"))).isEmpty());
        const CalDavSyncOutcome next = profile.sync->sync(added->id);
        QVERIFY2(next.kind == CalDavSyncOutcome::Kind::Synced && next.error.isEmpty(), qPrintable(next.message()));
        QCOMPARE(next.read.changed, 1);
        QCOMPARE(titles(profile.events(work.source)), (QStringList { QStringLiteral("B renamed"), QStringLiteral("D") }));
    }

    // Fermata's own focus block events are not meetings; another account's are.
    void leavesItsOwnEventsOut()
    {
        CalDavProfile profile;
        QVERIFY(profile.open());
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        const CalDavCalendarRecord work = profile.calendar(QStringLiteral("Work %1").arg(m_round));
        QVERIFY(profile.accounts->setBlocksCalendar(*added, work));
        const qint64 task = profile.addTask(QStringLiteral("Write report"));
        profile.addBlock(task, at(0, 9), at(0, 11));
        profile.addBlock(task, at(1, 9), at(1, 11));
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("meeting.ics"),
            icsWith(QStringLiteral("meeting"), at(0, 14), at(0, 15), QStringLiteral("Design review"))).isEmpty());
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("laptop.ics"),
            icsWith(QStringLiteral("laptop"), at(0, 16), at(0, 17), QStringLiteral("Focus (laptop)"),
                "X-FERMATA-BLOCK:0123456789ab\r\n")).isEmpty());
        for (int pass = 0; pass < 3; ++pass) { // the second pass reads the blocks the first wrote
            const CalDavSyncOutcome outcome = profile.sync->sync(added->id);
            QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced && outcome.error.isEmpty(), qPrintable(outcome.message()));
        }
        QCOMPARE(markedEvents(serverEvents(m_server, alice, alicePassword, m_work), added->instance).size(), 2);
        const QString source = profile.calendar(work.label()).source;
        QCOMPARE(titles(profile.events(source)), (QStringList { QStringLiteral("Design review"), QStringLiteral("Focus (laptop)") }));
        const auto cached = CalDavResourceCache(*profile.db).resources(work.id);
        QCOMPARE(std::count_if(cached->cbegin(), cached->cend(), [](const auto &r) { return r.isOwn; }), 2);
    }

    void calendarNoLongerReadLeavesThePlanner()
    {
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("a.ics"), icsWith(QStringLiteral("a"), at(0, 9), at(0, 10), QStringLiteral("A"))).isEmpty());
        CalDavProfile profile;
        QVERIFY(profile.open());
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        QVERIFY(profile.sync->sync(added->id).kind == CalDavSyncOutcome::Kind::Synced);
        const CalDavCalendarRecord work = profile.calendar(QStringLiteral("Work %1").arg(m_round));
        QCOMPARE(profile.events(work.source).size(), 1);
        // At once, without the network.
        QVERIFY(profile.accounts->setRead(work, false));
        QCOMPARE(profile.events(work.source).size(), 0);
        QVERIFY(CalDavResourceCache(*profile.db).versions(work.id)->isEmpty());
        QVERIFY(profile.sync->sync(added->id).kind == CalDavSyncOutcome::Kind::Synced);
        QCOMPARE(profile.events(work.source).size(), 0);
        // Read again: everything comes back.
        QVERIFY(profile.accounts->setRead(profile.calendar(work.label()), true));
        QVERIFY(profile.sync->sync(added->id).kind == CalDavSyncOutcome::Kind::Synced);
        QCOMPARE(profile.events(work.source).size(), 1);
    }

    // The server goes away between two syncs and in the middle of one: the last copy stays,
    // the error is recorded in words, and the next sync after the restart catches up.
    void serverStoppedAndRestarted()
    {
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("a.ics"), icsWith(QStringLiteral("a"), at(0, 9), at(0, 10), QStringLiteral("A"))).isEmpty());
        CalDavProfile profile;
        QVERIFY(profile.open());
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        QVERIFY(profile.sync->sync(added->id).kind == CalDavSyncOutcome::Kind::Synced);
        const CalDavCalendarRecord work = profile.calendar(QStringLiteral("Work %1").arg(m_round));

        QVERIFY(m_server.putEvent(m_work + QStringLiteral("b.ics"), icsWith(QStringLiteral("b"), at(0, 11), at(0, 12), QStringLiteral("B"))).size() > 0);
        QVERIFY(m_server.stop());
        const CalDavSyncOutcome offline = profile.sync->sync(added->id);
        QCOMPARE(offline.kind, CalDavSyncOutcome::Kind::Failed);
        QCOMPARE(offline.failure, CalDavFailure::Network);
        QVERIFY2(offline.message().contains(QStringLiteral("refused the connection")), qPrintable(offline.message()));
        QCOMPARE(titles(profile.events(work.source)), QStringList { QStringLiteral("A") }); // the last copy stays
        QVERIFY(!profile.account().lastError.isEmpty());

        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        const CalDavSyncOutcome back = profile.sync->sync(added->id);
        QVERIFY2(back.kind == CalDavSyncOutcome::Kind::Synced && back.error.isEmpty(), qPrintable(back.message()));
        QCOMPARE(titles(profile.events(work.source)), (QStringList { QStringLiteral("A"), QStringLiteral("B") }));
        QVERIFY(profile.account().lastError.isEmpty());
        QCOMPARE(profile.account().lastSuccess, caldavNow());
    }

    // A hung server (connections accepted, never answered): the sync gives up after its timeout,
    // changes nothing, and the next one after the thaw completes.
    void serverHangingMidSync()
    {
        for (int i = 0; i < 30; ++i)
            QVERIFY(!m_server.putEvent(m_work + QStringLiteral("m%1.ics").arg(i),
                icsWith(QStringLiteral("m%1").arg(i), at(i % 10, 9 + i / 10), at(i % 10, 10 + i / 10), QStringLiteral("M%1").arg(i))).isEmpty());
        CalDavProfile profile;
        QVERIFY(profile.open());
        profile.sync->setTimeoutMs(1500);
        const auto added = profile.accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        QVERIFY(m_server.freeze());
        const CalDavSyncOutcome hung = profile.sync->sync(added->id);
        QVERIFY(m_server.thaw());
        QCOMPARE(hung.kind, CalDavSyncOutcome::Kind::Failed);
        QCOMPARE(hung.failure, CalDavFailure::Network);
        QVERIFY2(hung.message().contains(QStringLiteral("no answer")), qPrintable(hung.message()));
        const CalDavCalendarRecord work = profile.calendar(QStringLiteral("Work %1").arg(m_round));
        QVERIFY(work.syncToken.isEmpty()); // nothing half-applied
        QCOMPARE(profile.events(work.source).size(), 0);
        const CalDavSyncOutcome back = profile.sync->sync(added->id);
        QVERIFY2(back.kind == CalDavSyncOutcome::Kind::Synced && back.error.isEmpty(), qPrintable(back.message()));
        QCOMPARE(profile.events(profile.calendar(work.label()).source).size(), 30);
    }

private:
    RadicaleServer m_server;
    QString m_work;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(TestCalDavReader)
#include "tst_caldavreader.moc"
