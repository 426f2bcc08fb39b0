#include "attention/attentionservice.h"
#include "attention/focussession.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace fermata;

namespace {
QDateTime at(int h, int m)
{
    return QDateTime(QDate(2026, 3, 2), QTime(h, m), Qt::UTC);
}

FocusSession::PlannedBlocks plannedBlocks(const QList<FocusBlock> &blocks)
{
    return [blocks](const Interval &range) {
        QList<FocusBlock> overlapping;
        for (const FocusBlock &block : blocks) {
            if (block.interval().overlaps(range))
                overlapping.append(block);
        }
        return overlapping;
    };
}

// The sessions recorded in a day, as (start, end, outcome) for short comparisons.
QStringList recorded(const AttentionRepository &repo)
{
    QStringList rows;
    const auto sessions = repo.focusSessions(Interval::fromDateTimes(at(0, 0), at(23, 59)));
    for (const FocusSessionRecord &s : sessions.value())
        rows.append(s.start.toString(u"HH:mm") + u'-'
                    + (s.end.isValid() ? s.end.toString(u"HH:mm") : QStringLiteral("running")) + u' '
                    + s.outcome);
    return rows;
}

// The engine as AttentionHost wires it, on its own database: sessions decide the quiet time.
struct Engine
{
    explicit Engine(const QDateTime &now) : clock(now)
    {
        db = std::move(Database::open(dir.databasePath())).value();
        attention = std::make_unique<AttentionService>(*db, clock);
        if (!attention->load(QByteArrayLiteral("UTC")))
            qFatal("attention did not load");
        focus = std::make_unique<FocusSession>(attention->repository(), clock);
        focus->timer().setSliceMs(5);
        attention->setQuietTimeProvider([this](const Interval &r) { return focus->quietIn(r); });
        QObject::connect(focus.get(), &FocusSession::changed, attention.get(), &AttentionService::tick);
    }

    test::TempDataDir dir;
    test::CountingClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<AttentionService> attention;
    std::unique_ptr<FocusSession> focus;
};
} // namespace

class TestFocusSession : public QObject
{
    Q_OBJECT
    test::TempDataDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_writeReport = 0;
    qint64 m_review = 0;

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        m_db = std::move(Database::open(m_dir.databasePath())).value();
        TaskRepository tasks(*m_db);
        Task task;
        task.title = QStringLiteral("Write report");
        m_writeReport = tasks.add(task).value();
        task.title = QStringLiteral("Review");
        m_review = tasks.add(task).value();
    }

    void focusByHandHoldsAndAsksAtTheEnd()
    {
        FakeClock clock(at(10, 0));
        AttentionService attention(*m_db, clock);
        QVERIFY(attention.load(QByteArrayLiteral("UTC")));
        FocusSession focus(attention.repository(), clock);
        focus.timer().setSliceMs(5);
        QObject window; // someone answers at the end (the window's FocusController)
        focus.setAnswerer(&window);
        attention.setQuietTimeProvider([&](const Interval &r) { return focus.quietIn(r); });
        connect(&focus, &FocusSession::changed, &attention, &AttentionService::tick);
        QSignalSpy started(&focus, &FocusSession::started);
        QSignalSpy endReached(&focus, &FocusSession::endReached);
        QSignalSpy finished(&focus, &FocusSession::finished);
        QSignalSpy hold(&attention, &AttentionService::desktopHoldChanged);

        QVERIFY(focus.start(50, m_writeReport)); // "Focus for 50 min" on a task
        QCOMPARE(started.size(), 1);
        QVERIFY(focus.isActive());
        QCOMPARE(focus.remainingSeconds(), 50 * 60);
        QCOMPARE(hold.size(), 1);
        QVERIFY(attention.isHoldingDesktop()); // DND on
        QVERIFY(!focus.start(10)); // one at a time

        // Everything is held, even a VIP would be only by the rules; plain mail certainly.
        InboxItem item;
        item.notification.source = QStringLiteral("mail");
        item.notification.title = QStringLiteral("during focus");
        const auto ids = attention.ingest({item});
        QCOMPARE(attention.repository().find(ids->at(0)).value()->decision.reason, DecisionReason::FocusBlock);

        clock.setNow(at(10, 50));
        QTRY_COMPARE(endReached.size(), 1); // "Done / 15 more minutes / Stop"
        QVERIFY(focus.isOverdue());
        QVERIFY(focus.extend(15));
        QCOMPARE(focus.endsAt(), at(11, 5));
        clock.setNow(at(11, 5));
        QTRY_COMPARE(endReached.size(), 2);
        clock.setNow(at(11, 7));
        QVERIFY(focus.finish(FocusSession::Outcome::Done));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!focus.isActive());
        QVERIFY(!attention.isHoldingDesktop()); // DND back
        QCOMPARE(focus.minutesByTask().value().value(m_writeReport), 67);

        // The quiet time is the session as it ran (to its planned end, extended).
        QVERIFY(focus.quietIn(Interval::fromDateTimes(at(9, 0), at(12, 0)))
                == IntervalSet({Interval::fromDateTimes(at(10, 0), at(11, 5))}));
    }

    void plannedBlockStartsFocusAndARestartPicksItUp()
    {
        test::CountingClock clock(at(13, 30));
        AttentionRepository repo(*m_db);
        const FocusBlock block{1, m_review, at(14, 0), at(15, 0), false};
        {
            FocusSession focus(repo, clock);
            focus.timer().setSliceMs(5);
            QSignalSpy started(&focus, &FocusSession::started);
            focus.setPlannedBlocks([&](const Interval &r) {
                return r.overlaps(block.interval()) ? QList<FocusBlock>{block} : QList<FocusBlock>{};
            });
            QVERIFY(test::waitForReads(clock, 3)); // it looked again: half an hour early
            QCOMPARE(started.size(), 0);
            clock.setNow(at(14, 0));
            QTRY_COMPARE(started.size(), 1);
            QCOMPARE(focus.current()->taskId, m_review);
            QCOMPARE(focus.endsAt(), at(15, 0));
            // The app quits (or crashes) during the block.
        }
        clock.setNow(at(14, 20));
        FocusSession again(repo, clock);
        QVERIFY(again.restore());
        QVERIFY(again.isActive());
        QCOMPARE(again.current()->start, at(14, 0));
        QCOMPARE(again.remainingSeconds(), 40 * 60);
        QVERIFY(again.finish(FocusSession::Outcome::Stopped));
        QCOMPARE(again.minutesByTask().value().value(m_review), 20);
        // Stopped early: the planned block does not start a second session.
        again.setPlannedBlocks([&](const Interval &) { return QList<FocusBlock>{block}; });
        QSignalSpy started(&again, &FocusSession::started);
        QVERIFY(!again.timer().isArmed()); // nothing scheduled: it cannot start
        QCOMPARE(started.size(), 0);
    }

    // `fermata serve`: nobody answers "Done / 15 more / Stop", so each planned block's session
    // ends at the block's end and the next block starts its own; DND follows each one.
    void withNobodyToAskPlannedBlocksRunOneAfterAnother()
    {
        Engine e(at(8, 50));
        QSignalSpy hold(e.attention.get(), &AttentionService::desktopHoldChanged);
        QSignalSpy finished(e.focus.get(), &FocusSession::finished);
        QSignalSpy endReached(e.focus.get(), &FocusSession::endReached);
        e.focus->setPlannedBlocks(plannedBlocks({{1, 0, at(9, 0), at(10, 0), false},
                                                 {2, 0, at(10, 30), at(11, 0), false},
                                                 {3, 0, at(11, 0), at(11, 45), false}})); // back to back
        e.clock.setNow(at(9, 0));
        QTRY_VERIFY(e.focus->isActive());
        QCOMPARE(hold.size(), 1);
        e.clock.setNow(at(10, 0));
        QTRY_VERIFY(!e.focus->isActive());
        QCOMPARE(finished.at(0).at(1).value<FocusSession::Outcome>(), FocusSession::Outcome::Ended);
        QCOMPARE(hold.size(), 2);
        QCOMPARE(hold.at(1).at(0).toBool(), false); // DND back between blocks
        e.clock.setNow(at(10, 30));
        QTRY_VERIFY(e.focus->isActive());
        QCOMPARE(e.focus->endsAt(), at(11, 0));
        e.clock.setNow(at(11, 0)); // the third block follows straight on: DND stays on
        QTRY_COMPARE(e.focus->endsAt(), at(11, 45));
        QCOMPARE(hold.size(), 3);
        // Noticed late (suspend): it still ended when the block did.
        e.clock.setNow(at(12, 10));
        QTRY_VERIFY(!e.focus->isActive());
        QCOMPARE(hold.size(), 4);
        QCOMPARE(endReached.size(), 0);
        QCOMPARE(recorded(e.attention->repository()),
                 QStringList({QStringLiteral("09:00-10:00 ended"), QStringLiteral("10:30-11:00 ended"),
                              QStringLiteral("11:00-11:45 ended")}));
    }

    // The window asked and nobody answered before the next block: that block takes over, and
    // the unanswered session is recorded as ended at its planned end.
    void theNextPlannedBlockTakesOverFromAnUnansweredPrompt()
    {
        Engine e(at(8, 59));
        QObject window;
        e.focus->setAnswerer(&window);
        QSignalSpy endReached(e.focus.get(), &FocusSession::endReached);
        e.focus->setPlannedBlocks(plannedBlocks({{1, 0, at(9, 0), at(10, 0), false},
                                                 {2, 0, at(10, 30), at(11, 0), false}}));
        e.clock.setNow(at(9, 0));
        QTRY_VERIFY(e.focus->isActive());
        e.clock.setNow(at(10, 0));
        QTRY_COMPARE(endReached.size(), 1);
        QVERIFY(e.focus->isOverdue()); // waiting for an answer
        QVERIFY(test::waitForReads(e.clock, 3)); // woken again (armed for the next block)
        QCOMPARE(endReached.size(), 1); // asked once, not on every wake-up
        e.clock.setNow(at(10, 30));
        QTRY_COMPARE(e.focus->endsAt(), at(11, 0));
        QCOMPARE(recorded(e.attention->repository()),
                 QStringList({QStringLiteral("09:00-10:00 ended"), QStringLiteral("10:30-running ")}));
    }

    // A session restored after a crash is announced (the window enables Stop on `changed`) and
    // stops like any other; one already past its end is asked about, or ended with nobody to ask.
    void aRestoredSessionIsAnnouncedAndEndsLikeAnyOther()
    {
        Engine e(at(9, 0));
        QVERIFY(e.focus->start(60));
        e.focus.reset(); // killed: the session stays open in the database

        e.clock.setNow(at(9, 20));
        FocusSession window(e.attention->repository(), e.clock);
        QObject answerer;
        window.setAnswerer(&answerer);
        QSignalSpy changed(&window, &FocusSession::changed);
        QVERIFY(window.restore());
        QCOMPARE(changed.size(), 1);
        QVERIFY(window.isActive());
        QVERIFY(window.finish(FocusSession::Outcome::Stopped));

        QVERIFY(window.start(30)); // 09:20-09:50, then killed again and restarted late
        e.clock.setNow(at(10, 0));
        {
            FocusSession asked(e.attention->repository(), e.clock);
            asked.setAnswerer(&answerer);
            QSignalSpy endReached(&asked, &FocusSession::endReached);
            QVERIFY(asked.restore());
            QCOMPARE(endReached.size(), 1);
            QVERIFY(asked.isOverdue());
        }
        FocusSession serve(e.attention->repository(), e.clock);
        QSignalSpy finished(&serve, &FocusSession::finished);
        QVERIFY(serve.restore());
        QCOMPARE(finished.size(), 1);
        QVERIFY(!serve.isActive());
        QCOMPARE(recorded(e.attention->repository()),
                 QStringList({QStringLiteral("09:00-09:20 stopped"), QStringLiteral("09:20-09:50 ended")}));
    }
};

QTEST_GUILESS_MAIN(TestFocusSession)
#include "tst_focussession.moc"
