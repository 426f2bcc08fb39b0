// Writing focus blocks to a real Radicale: busy marked events with the chosen title; moves,
// re-plans and deletions; a conflicting edit made directly on the server (412: retried when the
// event is still Fermata's, left alone when someone made it theirs); foreign events never
// touched; an offline queue that arrives once; a lost answer and a server stopped mid-push that
// duplicate nothing; and 100 random re-plans leaving exactly the planned events on the server.
#include "caldav/caldavblockmap.h"
#include "caldav/caldavblockwriter.h"
#include "caldavfixture.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

using namespace fermata;
using namespace fermata::test;

namespace {

const QString alice = QStringLiteral("alice");
const QString alicePassword = QStringLiteral("alice-app-password");

CalDavBlockEvent row(qint64 id, qint64 block, qint64 task, const QDateTime &start, const QDateTime &end,
    const QString &calendar = QStringLiteral("/alice/work/"))
{
    CalDavBlockEvent e;
    e.id = id;
    e.blockId = block;
    e.taskId = task;
    e.start = start;
    e.end = end;
    e.calendarHref = calendar;
    e.etag = QStringLiteral("\"e%1\"").arg(id);
    return e;
}

// (start, end, summary) of each planned block, to compare with what the server has.
using Slot = std::tuple<QDateTime, QDateTime, QString>;

QList<Slot> slotsOf(const QList<ServerEvent> &events)
{
    QList<Slot> result;
    for (const ServerEvent &e : events)
        result.append({ e.start, e.end, e.summary });
    std::sort(result.begin(), result.end());
    return result;
}

QStringList uidsOf(const QList<ServerEvent> &events)
{
    QStringList result;
    for (const ServerEvent &e : events)
        result.append(e.uid);
    result.sort();
    return result;
}

} // namespace

class TestCalDavBlockWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        pinEnvironment();
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addUser(alice, alicePassword));
    }

    // --- Which event shows which block (no server) --------------------------------------

    void keepsEventsAcrossReplans()
    {
        const Interval range = Interval::fromDateTimes(at(-7, 0), at(60, 0));
        const QString work = QStringLiteral("/alice/work/");
        QHash<qint64, FocusBlock> all;
        const auto block = [&](qint64 id, qint64 task, const QDateTime &start, const QDateTime &end) {
            all.insert(id, FocusBlock { id, task, start, end, false });
            return all.value(id);
        };
        // Events 1-4 showed blocks 10-13; the re-plan deleted them and stored 20-22:
        // 20 is 10 again (same task and times), 21 is task 2 moved, 22 is a new task's.
        const QList<CalDavBlockEvent> events = {
            row(1, 10, 1, at(0, 9), at(0, 10)),
            row(2, 11, 2, at(0, 10), at(0, 11)),
            row(3, 12, 3, at(0, 12), at(0, 13)),
            row(4, 13, 1, at(-9, 9), at(-9, 10)), // a past block that still exists: history
            row(5, 14, 1, at(1, 9), at(1, 10), QStringLiteral("/alice/old/")), // the calendar changed
        };
        block(13, 1, at(-9, 9), at(-9, 10));
        block(14, 1, at(1, 9), at(1, 10));
        const QList<FocusBlock> desired = { block(20, 1, at(0, 9), at(0, 10)), block(21, 2, at(0, 14), at(0, 15)),
            block(22, 4, at(0, 16), at(0, 17)), all.value(14) };
        const CalDavBlockWriter::Assignment a = CalDavBlockWriter::assign(events, desired, all, work, range);
        QCOMPARE(a.shows.value(1).id, 20); // identical block: no request at all
        QCOMPARE(a.shows.value(2).id, 21); // the same task's: one update
        QVERIFY(!a.shows.contains(3)); // task 3 is no longer planned: deleted
        QCOMPARE(a.forget, QList<qint64> { 4 });
        QVERIFY(!a.shows.contains(5)); // deleted from the old calendar...
        QCOMPARE(a.unplaced.size(), 2); // ...and made anew in the current one, with task 4's
        QCOMPARE(a.unplaced.at(0).id, 22);
        QCOMPARE(a.unplaced.at(1).id, 14);

        // No calendar receives blocks: every event goes.
        const CalDavBlockWriter::Assignment none = CalDavBlockWriter::assign(events, desired, all, QString(), range);
        QVERIFY(none.shows.isEmpty() && none.forget.isEmpty() && none.unplaced.isEmpty());

        // An event never shows two blocks, a block never gets two events.
        const QList<CalDavBlockEvent> twice = { row(1, 20, 1, at(0, 9), at(0, 10)), row(2, 20, 1, at(0, 9), at(0, 10)) };
        const CalDavBlockWriter::Assignment once = CalDavBlockWriter::assign(twice, { all.value(20) }, all, work, range);
        QCOMPARE(once.shows.size(), 1);
        QVERIFY(once.unplaced.isEmpty());
    }

    // --- Against the server ------------------------------------------------------------

    void init()
    {
        ++m_round;
        m_work = m_server.createCalendar(alice, QStringLiteral("blocks%1").arg(m_round), QStringLiteral("Blocks %1").arg(m_round));
        QVERIFY2(!m_work.isEmpty(), qPrintable(m_server.errorString()));
        m_profile = std::make_unique<CalDavProfile>();
        QVERIFY(m_profile->open());
        const auto added = m_profile->accounts->add({ m_server.url(), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        m_account = *added;
        for (const CalDavCalendarRecord &c : take(CalDavAccountRepository(*m_profile->db).calendars(m_account.id))) {
            const Status read = m_profile->accounts->setRead(c, c.href == m_work);
            QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        }
        QVERIFY(m_profile->accounts->setBlocksCalendar(m_account, m_profile->calendar(QStringLiteral("Blocks %1").arg(m_round))));
        m_task = m_profile->addTask(QStringLiteral("Write the report"));
    }

    void cleanup()
    {
        if (!m_server.isRunning())
            QVERIFY(m_server.restart());
        m_profile.reset();
    }

    void writesBlocksAsBusyEvents()
    {
        m_profile->addBlock(m_task, at(0, 9), at(0, 11));
        m_profile->addBlock(m_task, at(1, 13), at(1, 14, 30));
        m_profile->addBlock(m_task, at(-10, 9), at(-10, 10)); // outside the range: not written
        const CalDavSyncOutcome outcome = syncNow();
        QCOMPARE(outcome.written.created, 2);
        QVERIFY2(outcome.message().contains(QStringLiteral("focus blocks: 2 new")), qPrintable(outcome.message()));
        const QList<ServerEvent> events = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).start, at(0, 9));
        QCOMPARE(events.at(0).end, at(0, 11));
        QCOMPARE(events.at(1).start, at(1, 13));
        QCOMPARE(events.at(1).end, at(1, 14, 30));
        for (const ServerEvent &e : events) {
            QCOMPARE(e.summary, QStringLiteral("Focus"));
            QCOMPARE(e.transparency, QStringLiteral("OPAQUE"));
            QCOMPARE(e.marker, m_account.instance);
            QVERIFY(e.uid.startsWith(QStringLiteral("fermata-%1-").arg(m_account.instance)));
            QCOMPARE(e.href, m_work + e.uid + QStringLiteral(".ics"));
        }
        // The task's title instead, when chosen: every event is updated once.
        QVERIFY(m_profile->accounts->setBlockTitle(m_account, QString()));
        m_account = m_profile->account();
        QCOMPARE(syncNow().written.updated, 2);
        for (const ServerEvent &e : serverEvents(m_server, alice, alicePassword, m_work))
            QCOMPARE(e.summary, QStringLiteral("Write the report"));
        QCOMPARE(syncNow().written.written(), 0); // and nothing more after that
    }

    void movesReplansAndDeletes()
    {
        const qint64 a = m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        const qint64 b = m_profile->addBlock(m_task, at(0, 11), at(0, 12));
        syncNow();
        const QStringList uids = uidsOf(serverEvents(m_server, alice, alicePassword, m_work));
        QCOMPARE(uids.size(), 2);

        // Moved: the same event, new times.
        QVERIFY(FocusBlockRepository(*m_profile->db).update(FocusBlock { a, m_task, at(0, 14), at(0, 15), false }));
        CalDavSyncOutcome outcome = syncNow();
        QCOMPARE(outcome.written.updated, 1);
        QCOMPARE(outcome.written.created + outcome.written.deleted, 0);
        QCOMPARE(uidsOf(serverEvents(m_server, alice, alicePassword, m_work)), uids);

        // A re-plan that stores the same blocks under new ids sends nothing.
        replaceAll({ { at(0, 14), at(0, 15) }, { at(0, 11), at(0, 12) } });
        outcome = syncNow();
        QCOMPARE(outcome.written.written(), 0);
        QCOMPARE(outcome.written.unchanged, 2);
        QCOMPARE(uidsOf(serverEvents(m_server, alice, alicePassword, m_work)), uids);

        // Deleted blocks leave the server.
        for (const FocusBlock &block : m_profile->blocks())
            QVERIFY(FocusBlockRepository(*m_profile->db).remove(block.id));
        Q_UNUSED(b);
        outcome = syncNow();
        QCOMPARE(outcome.written.deleted, 2);
        QVERIFY(serverEvents(m_server, alice, alicePassword, m_work).isEmpty());
        QVERIFY(CalDavBlockMap(*m_profile->db).events(m_account.id)->isEmpty());
    }

    // Someone edits Fermata's event directly on the server (still marked as Fermata's): the
    // update meets 412, re-reads the event and succeeds with its new ETag.
    void conflictingEditStillOursIsRetried()
    {
        const qint64 a = m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        syncNow();
        ServerEvent ours = serverEvents(m_server, alice, alicePassword, m_work).value(0);
        QByteArray edited = ours.data;
        edited.replace("SUMMARY:Focus", "SUMMARY:Focus (do not book)");
        QVERIFY(!m_server.putEvent(ours.href, edited).isEmpty());
        QVERIFY(FocusBlockRepository(*m_profile->db).update(FocusBlock { a, m_task, at(0, 13), at(0, 14), false }));

        const CalDavSyncOutcome outcome = syncNow();
        QCOMPARE(outcome.written.updated, 1);
        QCOMPARE(outcome.written.released, 0);
        const QList<ServerEvent> after = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0).uid, ours.uid);
        QCOMPARE(after.at(0).start, at(0, 13));
        QCOMPARE(after.at(0).summary, QStringLiteral("Focus"));
    }

    // Someone replaced Fermata's event with their own (no marker): it is theirs now. Fermata
    // leaves it as it is, never touches it again, and gives the block a new event.
    void eventTakenOverIsLeftAlone()
    {
        const qint64 a = m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        syncNow();
        const ServerEvent ours = serverEvents(m_server, alice, alicePassword, m_work).value(0);
        const QByteArray theirs = icsWith(ours.uid, at(0, 9), at(0, 10), QStringLiteral("Bob's workshop"));
        const QByteArray theirEtag = m_server.putEvent(ours.href, theirs);
        QVERIFY(!theirEtag.isEmpty());
        QVERIFY(FocusBlockRepository(*m_profile->db).update(FocusBlock { a, m_task, at(0, 15), at(0, 16), false }));

        CalDavSyncOutcome outcome = syncNow();
        QCOMPARE(outcome.written.released, 1);
        QCOMPARE(outcome.written.created, 1);
        QVERIFY2(outcome.message().contains(QStringLiteral("edited by someone else")), qPrintable(outcome.message()));
        // The block is gone: only Fermata's new event is deleted, theirs stays as it was.
        QVERIFY(FocusBlockRepository(*m_profile->db).remove(a));
        outcome = syncNow();
        QCOMPARE(outcome.written.deleted, 1);
        const QList<ServerEvent> after = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0).href, ours.href);
        QCOMPARE(after.at(0).etag.toUtf8(), theirEtag);
        QCOMPARE(after.at(0).summary, QStringLiteral("Bob's workshop"));
    }

    // Events Fermata did not write are never changed or deleted: not when blocks are written next
    // to them, not when the calendar stops receiving blocks, not when the account is removed.
    void foreignEventsAreNeverTouched()
    {
        const QString foreignHref = m_work + QStringLiteral("standup.ics");
        const QByteArray foreignEtag = m_server.putEvent(foreignHref,
            icsWith(QStringLiteral("standup"), at(0, 9), at(0, 10), QStringLiteral("Standup")));
        // Another Fermata (another account's marker) and a squatter on the name Fermata picks next.
        const QString laptopHref = m_work + QStringLiteral("laptop.ics");
        const QByteArray laptopEtag = m_server.putEvent(laptopHref,
            icsWith(QStringLiteral("laptop"), at(0, 10), at(0, 11), QStringLiteral("Focus"), "X-FERMATA-BLOCK:0123456789ab\r\n"));
        const qint64 nextRow = nextBlockRow();
        const QString squatHref = m_work + QStringLiteral("fermata-%1-%2.ics").arg(m_account.instance).arg(nextRow);
        const QByteArray squatEtag = m_server.putEvent(squatHref,
            icsWith(QStringLiteral("squat"), at(2, 9), at(2, 10), QStringLiteral("Not Fermata's")));
        QVERIFY(!foreignEtag.isEmpty() && !laptopEtag.isEmpty() && !squatEtag.isEmpty());

        const qint64 a = m_profile->addBlock(m_task, at(0, 9), at(0, 10)); // over the standup
        m_profile->addBlock(m_task, at(1, 9), at(1, 10));
        CalDavSyncOutcome outcome = syncNow();
        QCOMPARE(outcome.written.created, 2);
        QCOMPARE(outcome.written.released, 1); // the name was taken: another one was used
        QVERIFY(FocusBlockRepository(*m_profile->db).update(FocusBlock { a, m_task, at(0, 11), at(0, 12), false }));
        syncNow();
        QVERIFY(m_profile->accounts->setBlocksCalendar(m_account, std::nullopt));
        outcome = syncNow();
        QCOMPARE(outcome.written.deleted, 2);
        QVERIFY(m_profile->accounts->remove(m_account, false).isOk());

        const QList<ServerEvent> left = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(left.size(), 3);
        QHash<QString, QString> etags;
        for (const ServerEvent &e : left)
            etags.insert(e.href, e.etag);
        QCOMPARE(etags.value(foreignHref).toUtf8(), foreignEtag);
        QCOMPARE(etags.value(laptopHref).toUtf8(), laptopEtag);
        QCOMPARE(etags.value(squatHref).toUtf8(), squatEtag);
    }

    // Changes made while the server is away wait in the database and go out once, in their
    // final state, when it is back.
    void offlineChangesGoOutOnceOnReconnect()
    {
        const qint64 a = m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        const qint64 b = m_profile->addBlock(m_task, at(0, 11), at(0, 12));
        syncNow();
        QVERIFY(m_server.stop());
        QVERIFY(FocusBlockRepository(*m_profile->db).update(FocusBlock { a, m_task, at(0, 13), at(0, 14), false }));
        QVERIFY(FocusBlockRepository(*m_profile->db).remove(b));
        m_profile->addBlock(m_task, at(1, 9), at(1, 10));
        m_profile->addBlock(m_task, at(2, 9), at(2, 10));
        // The deleted block's event shows one of the new blocks (same task): 1 move, 1 reuse, 1 new.
        for (int attempt = 0; attempt < 3; ++attempt) {
            const CalDavSyncOutcome offline = m_profile->sync->sync(m_account.id);
            QCOMPARE(offline.kind, CalDavSyncOutcome::Kind::Failed);
            QCOMPARE(offline.failure, CalDavFailure::Network);
            QCOMPARE(offline.written.pending, 3);
            QVERIFY2(offline.message().contains(QStringLiteral("3 focus block changes wait for the next sync")),
                qPrintable(offline.message()));
        }
        QCOMPARE(m_profile->sync->pendingWrites(m_account.id).value(), 3);
        QVERIFY(m_server.restart());
        const CalDavSyncOutcome back = syncNow();
        QCOMPARE(back.written.created, 1);
        QCOMPARE(back.written.updated, 2);
        QCOMPARE(back.written.deleted, 0);
        QCOMPARE(m_profile->sync->pendingWrites(m_account.id).value(), 0);
        QCOMPARE(syncNow().written.written(), 0); // once, not again
        QCOMPARE(slotsOf(serverEvents(m_server, alice, alicePassword, m_work)), expectedSlots());
    }

    // The PUT arrived but its answer was lost (a crash, a dropped connection): the next sync
    // finds the event by its UID's name instead of making a second one, and a deletion whose
    // ETag is unknown still happens.
    void lostAnswersDuplicateNothing()
    {
        const qint64 a = m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        const qint64 b = m_profile->addBlock(m_task, at(1, 9), at(1, 10));
        syncNow();
        QSqlQuery lose(m_profile->db->connection());
        QVERIFY(lose.exec(QStringLiteral("UPDATE caldav_blocks SET etag = '', written_hash = ''")));
        QVERIFY(FocusBlockRepository(*m_profile->db).update(FocusBlock { a, m_task, at(0, 10), at(0, 11), false }));
        QVERIFY(FocusBlockRepository(*m_profile->db).remove(b));
        const CalDavSyncOutcome outcome = syncNow();
        QCOMPARE(outcome.written.deleted, 1);
        QCOMPARE(outcome.written.created + outcome.written.updated, 1);
        const QList<ServerEvent> events = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).start, at(0, 10));

        // A crash after the row was committed but before the PUT: the same name is used.
        const CalDavBlockEvent made = CalDavBlockMap(*m_profile->db).create(m_account.id, m_work, m_account.instance,
            m_profile->addBlock(m_task, at(3, 9), at(3, 10)), m_task).value();
        syncNow();
        QVERIFY(uidsOf(serverEvents(m_server, alice, alicePassword, m_work)).contains(made.uid));
        QCOMPARE(serverEvents(m_server, alice, alicePassword, m_work).size(), 2);
    }

    // The server stops in the middle of a push of many blocks: what arrived is recorded, the
    // rest waits, and after the restart every block is on the server exactly once.
    void serverStoppedMidPush()
    {
        for (int i = 0; i < 40; ++i)
            m_profile->addBlock(m_task, at(i % 20, 9 + i / 20), at(i % 20, 10 + i / 20));
        CalDavSyncOutcome outcome;
        QThread *worker = QThread::create([&] {
            CalDavProfile second(m_profile->path());
            if (second.open())
                outcome = second.sync->sync(m_account.id);
        });
        worker->start();
        QVERIFY(QTest::qWaitFor([&] { return serverEvents(m_server, alice, alicePassword, m_work).size() >= 5; }, 20000));
        QVERIFY(m_server.stop());
        QVERIFY(worker->wait(30000));
        delete worker;
        QCOMPARE(outcome.kind, CalDavSyncOutcome::Kind::Failed);
        QCOMPARE(outcome.failure, CalDavFailure::Network);
        QVERIFY(outcome.written.created >= 5);
        QVERIFY(outcome.written.pending > 0);
        QVERIFY(m_server.restart());
        const CalDavSyncOutcome back = syncNow();
        QCOMPARE(back.written.created + back.written.updated, 40 - outcome.written.created);
        const QList<ServerEvent> events = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(events.size(), 40);
        QCOMPARE(slotsOf(events), expectedSlots());
    }

    // 100 random re-plans (add, move, delete, re-store under new ids), a sync after each: the
    // server holds exactly one event per planned block, at its time, and nothing else of ours;
    // a meeting of someone else's in the same calendar is untouched all along.
    void hundredRandomReplans()
    {
        const QString meetingHref = m_work + QStringLiteral("meeting.ics");
        const QByteArray meetingEtag = m_server.putEvent(meetingHref,
            icsWith(QStringLiteral("meeting"), at(0, 12), at(0, 13), QStringLiteral("Lunch talk")));
        QVERIFY(!meetingEtag.isEmpty());
        QRandomGenerator random(20260302);
        QList<qint64> tasks = { m_task, m_profile->addTask(QStringLiteral("Review")), m_profile->addTask(QStringLiteral("Slides")) };
        QVERIFY(m_profile->accounts->setBlockTitle(m_account, QString())); // task titles: a re-assignment shows
        m_account = m_profile->account();
        FocusBlockRepository repository(*m_profile->db);
        for (int round = 0; round < 100; ++round) {
            QList<FocusBlock> blocks = m_profile->blocks();
            const int action = random.bounded(5);
            const auto randomSlot = [&] {
                const int day = random.bounded(-3, 20);
                const int hour = random.bounded(8, 18);
                return std::pair { at(day, hour), at(day, hour).addSecs(30 * 60 * random.bounded(1, 5)) };
            };
            if (action == 0 || blocks.size() < 3) {
                for (int n = random.bounded(1, 4); n > 0; --n) {
                    const auto [start, end] = randomSlot();
                    m_profile->addBlock(tasks.at(random.bounded(int(tasks.size()))), start, end);
                }
            } else if (action == 1) {
                FocusBlock moved = blocks.at(random.bounded(int(blocks.size())));
                std::tie(moved.start, moved.end) = randomSlot();
                QVERIFY(repository.update(moved));
            } else if (action == 2) {
                QVERIFY(repository.remove(blocks.at(random.bounded(int(blocks.size()))).id));
            } else {
                // A re-plan: every block stored again under a new id, some moved, some dropped.
                replaceAll({});
                for (const FocusBlock &b : std::as_const(blocks)) {
                    const int fate = random.bounded(4);
                    if (fate == 0)
                        continue;
                    auto [start, end] = fate == 1 ? randomSlot() : std::pair { b.start, b.end };
                    m_profile->addBlock(b.taskId, start, end);
                }
            }
            const CalDavSyncOutcome outcome = m_profile->sync->sync(m_account.id);
            QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced && outcome.error.isEmpty(),
                qPrintable(QStringLiteral("round %1: %2").arg(round).arg(outcome.message())));
            const QList<ServerEvent> events = serverEvents(m_server, alice, alicePassword, m_work);
            const QList<ServerEvent> ours = markedEvents(events, m_account.instance);
            QCOMPARE(ours.size() + 1, events.size()); // ours and the meeting, nothing else
            QStringList uids = uidsOf(ours);
            uids.removeDuplicates();
            QCOMPARE(uids.size(), ours.size());
            QCOMPARE(slotsOf(ours), expectedSlots(true));
            const auto meeting = std::find_if(events.cbegin(), events.cend(), [&](const ServerEvent &e) { return e.href == meetingHref; });
            QVERIFY(meeting != events.cend());
            QCOMPARE(meeting->etag.toUtf8(), meetingEtag);
            // The mapping knows exactly these events.
            QStringList mapped;
            for (const CalDavBlockEvent &e : take(CalDavBlockMap(*m_profile->db).events(m_account.id)))
                mapped.append(e.uid);
            mapped.sort();
            QCOMPARE(mapped, uidsOf(ours));
        }
    }

private:
    CalDavSyncOutcome syncNow()
    {
        const CalDavSyncOutcome outcome = m_profile->sync->sync(m_account.id);
        if (outcome.kind != CalDavSyncOutcome::Kind::Synced || !outcome.error.isEmpty())
            qWarning("sync: %s", qPrintable(outcome.message()));
        return outcome;
    }

    // Deletes every block and stores these instead (new ids), as a re-plan does.
    void replaceAll(const QList<std::pair<QDateTime, QDateTime>> &times)
    {
        FocusBlockRepository repository(*m_profile->db);
        for (const FocusBlock &block : m_profile->blocks())
            QVERIFY(repository.remove(block.id));
        for (const auto &[start, end] : times)
            m_profile->addBlock(m_task, start, end);
    }

    // What the server should show: every stored block in the written range.
    QList<Slot> expectedSlots(bool taskTitles = false) const
    {
        const Interval range = m_profile->interop->autoExportRange();
        QHash<qint64, QString> titles;
        for (const Task &task : take(TaskRepository(*m_profile->db).all()))
            titles.insert(task.id, task.title);
        QList<Slot> result;
        for (const FocusBlock &block : take(FocusBlockRepository(*m_profile->db).overlapping(range)))
            result.append({ block.start, block.end, taskTitles ? titles.value(block.taskId) : QStringLiteral("Focus") });
        std::sort(result.begin(), result.end());
        return result;
    }

    qint64 nextBlockRow() const
    {
        QSqlQuery query(m_profile->db->connection());
        if (!query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'caldav_blocks'")) || !query.next())
            return 1;
        return query.value(0).toLongLong() + 1;
    }

    RadicaleServer m_server;
    std::unique_ptr<CalDavProfile> m_profile;
    CalDavAccount m_account;
    QString m_work;
    qint64 m_task = 0;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(TestCalDavBlockWriter)
#include "tst_caldavblockwriter.moc"
