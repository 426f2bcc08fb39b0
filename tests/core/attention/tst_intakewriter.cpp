#include "attention/attentionservice.h"
#include "attention/intakewriter.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace fermata;

namespace {

InboxItem item(const QString &title, const QString &uuid = {})
{
    InboxItem i;
    i.notification.source = QStringLiteral("tests");
    i.notification.title = title;
    i.notification.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(7, 0), Qt::UTC);
    i.uuid = uuid;
    return i;
}

std::unique_ptr<Database> openOrDie(const QString &path)
{
    auto opened = Database::open(path);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message));
    return std::move(opened).value();
}

} // namespace

// IntakeWriter stores on its own thread and connection; these check what the socket's
// senders rely on: nothing is answered before it is committed, answers keep their order,
// retries keep their id, and what was submitted is stored even when the writer stops.
class TestIntakeWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersInOrderAfterCommit()
    {
        test::TempDataDir dir;
        auto db = openOrDie(dir.databasePath());
        AttentionRepository repo(*db);
        IntakeWriter writer(dir.databasePath());
        writer.setMaxItemsPerCommit(3); // several commits for the jobs below
        QVERIFY(writer.start());
        QList<int> order;
        QList<qint64> ids;
        for (int job = 0; job < 5; ++job) {
            writer.submit({item(QStringLiteral("a%1").arg(job)), item(QStringLiteral("b%1").arg(job))},
                          [&, job](Result<QList<qint64>> stored) {
                              QVERIFY(stored);
                              QCOMPARE(stored->size(), 2);
                              order.append(job);
                              ids.append(*stored);
                              // Visible to another connection: committed, not just written.
                              QVERIFY(repo.recent(-1)->size() >= 2 * (job + 1));
                          });
        }
        QTRY_COMPARE(order.size(), 5);
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), 10);
        QCOMPARE(repo.recent(-1)->size(), 10);
        for (int job = 0; job < 5; ++job) {
            QCOMPARE(repo.find(ids.at(2 * job)).value()->notification.title, QStringLiteral("a%1").arg(job));
            QCOMPARE(repo.find(ids.at(2 * job + 1)).value()->notification.title, QStringLiteral("b%1").arg(job));
        }
    }

    void retryKeepsItsId()
    {
        test::TempDataDir dir;
        auto db = openOrDie(dir.databasePath());
        IntakeWriter writer(dir.databasePath());
        QVERIFY(writer.start());
        QList<qint64> first, second;
        writer.submit({item(QStringLiteral("once"), QStringLiteral("uuid-1"))},
                      [&](Result<QList<qint64>> stored) { first = stored.value(); });
        writer.submit({item(QStringLiteral("once again"), QStringLiteral("uuid-1")), item(QStringLiteral("other"))},
                      [&](Result<QList<qint64>> stored) { second = stored.value(); });
        QTRY_COMPARE(second.size(), 2);
        QCOMPARE(second.at(0), first.at(0));
        QCOMPARE(AttentionRepository(*db).recent(-1)->size(), 2);
    }

    void storesWhatWasSubmittedWhenStopped()
    {
        test::TempDataDir dir;
        auto db = openOrDie(dir.databasePath());
        {
            IntakeWriter writer(dir.databasePath());
            QVERIFY(writer.start());
            for (int i = 0; i < 50; ++i)
                writer.submit({item(QStringLiteral("n%1").arg(i))}, [](Result<QList<qint64>>) {});
        }
        QCOMPARE(AttentionRepository(*db).recent(-1)->size(), 50);
    }

    void refusesWithoutAFile()
    {
        IntakeWriter writer(QStringLiteral(":memory:"));
        QVERIFY(!writer.start());
        bool answered = false;
        writer.submit({item(QStringLiteral("x"))}, [&](Result<QList<qint64>> stored) {
            answered = true;
            QVERIFY(!stored);
        });
        QVERIFY(answered);
    }

    // Decided "hold" just before a window opened, committed just after its tick: released
    // at once, not at the next window.
    void heldItemCommittedAfterWindowOpenedIsReleased()
    {
        test::TempDataDir dir;
        auto db = openOrDie(dir.databasePath());
        const QByteArray zone = QByteArrayLiteral("UTC");
        FakeClock clock(QDateTime(QDate(2026, 3, 2), QTime(8, 59, 59), Qt::UTC));
        AttentionService service(*db, clock);
        QVERIFY(service.load(zone));
        QVERIFY(service.setPersonalWindows({CheckInWindow{0, WeeklyRule(WeeklyRule::EveryDay, QTime(9, 0), QTime(9, 20), zone), {}, CheckInWindow::Scope::Personal}}));
        IntakeWriter writer(dir.databasePath());
        QVERIFY(writer.start());
        QSignalSpy digests(&service, &AttentionService::digestReady);
        // Keeps the writer's commit waiting (busy timeout) until the window's tick has run.
        QSqlQuery lock(db->connection());
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        bool done = false;
        service.ingest({item(QStringLiteral("late"))}, writer, [&](Result<QList<qint64>> stored) {
            QVERIFY(stored);
            done = true;
        });
        clock.setNow(QDateTime(QDate(2026, 3, 2), QTime(9, 0, 1), Qt::UTC));
        service.tick(); // the window's tick: nothing committed to release yet
        QVERIFY(digests.isEmpty());
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        QTRY_VERIFY(done);
        QCOMPARE(service.heldCount().value(), 0);
        QCOMPARE(digests.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIntakeWriter)
#include "tst_intakewriter.moc"
