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
        FakeClock clock(at(13, 30));
        AttentionRepository repo(*m_db);
        const FocusBlock block{1, m_review, at(14, 0), at(15, 0), false};
        {
            FocusSession focus(repo, clock);
            focus.timer().setSliceMs(5);
            QSignalSpy started(&focus, &FocusSession::started);
            focus.setPlannedBlocks([&](const Interval &r) {
                return r.overlaps(block.interval()) ? QList<FocusBlock>{block} : QList<FocusBlock>{};
            });
            QTest::qWait(20);
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
        QTest::qWait(30);
        QCOMPARE(started.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFocusSession)
#include "tst_focussession.moc"
