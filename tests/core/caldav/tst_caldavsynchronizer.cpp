// One sync of an account against a real Radicale, as the window, `fermata serve` and
// `fermata caldav sync` run it at the same time on one data folder: the lease that lets one
// connection sync an account at a time, two connections syncing at once with no duplicate, a
// password changed on the server, the outcome's sentences, and removing an account.
#include "caldav/caldavblockmap.h"
#include "caldav/caldavsynclease.h"
#include "caldavfixture.h"

#include <QSqlQuery>
#include <QThread>

using namespace fermata;
using namespace fermata::test;

namespace {

const QString alice = QStringLiteral("alice");
const QString alicePassword = QStringLiteral("alice-app-password");

} // namespace

class TestCalDavSynchronizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        pinEnvironment();
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addUser(alice, alicePassword));
    }

    void init()
    {
        ++m_round;
        m_work = m_server.createCalendar(alice, QStringLiteral("cal%1").arg(m_round), QStringLiteral("Cal %1").arg(m_round));
        QVERIFY2(!m_work.isEmpty(), qPrintable(m_server.errorString()));
        m_profile = std::make_unique<CalDavProfile>();
        QVERIFY(m_profile->open());
        const auto added = m_profile->accounts->add({ m_server.url(QStringLiteral("/alice/")), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        m_account = *added;
        for (const CalDavCalendarRecord &c : take(CalDavAccountRepository(*m_profile->db).calendars(m_account.id)))
            QVERIFY(m_profile->accounts->setRead(c, c.href == m_work));
        QVERIFY(m_profile->accounts->setBlocksCalendar(m_account, m_profile->calendar(QStringLiteral("Cal %1").arg(m_round))));
        m_task = m_profile->addTask(QStringLiteral("Write"));
    }

    void cleanup()
    {
        m_server.addUser(alice, alicePassword);
        m_profile.reset();
    }

    void leaseLetsOneSyncAtATime()
    {
        CalDavProfile other(m_profile->path());
        QVERIFY(other.open());
        CalDavSyncLease first(*m_profile->db, m_profile->clock, m_account.id);
        CalDavSyncLease second(*other.db, other.clock, m_account.id);
        QVERIFY(first.tryAcquire().value());
        QVERIFY(!second.tryAcquire().value());
        QVERIFY(first.renew().value());
        QCOMPARE(other.sync->sync(m_account.id).kind, CalDavSyncOutcome::Kind::Busy);
        QVERIFY2(other.sync->sync(m_account.id).message().contains(QStringLiteral("another Fermata process is syncing")),
            qPrintable(other.sync->sync(m_account.id).message()));
        // A holder that died lets go once the lease lapses.
        other.clock.advanceSecs(CalDavSyncLease::leaseMs / 1000 + 1);
        QVERIFY(second.tryAcquire().value());
        QVERIFY(!first.renew().value()); // the first learns it lost it
        QVERIFY(first.release());
        QVERIFY(!first.tryAcquire().value()); // releasing a lost lease frees nothing
        QVERIFY(second.release());
        QVERIFY(first.tryAcquire().value());
    }

    // Two connections (each as another process would have) sync the same account at the same
    // moment, again and again while blocks change: every block is on the server once.
    void twoConnectionsSyncAtOnce()
    {
        for (int i = 0; i < 12; ++i)
            m_profile->addBlock(m_task, at(i, 9), at(i, 10));
        std::atomic_int busy = 0;
        std::atomic_int failed = 0;
        const QString path = m_profile->path();
        const qint64 account = m_account.id;
        const auto syncer = [&, path, account] {
            CalDavProfile profile(path);
            if (!profile.open()) {
                ++failed;
                return;
            }
            profile.sync->setLeaseWaitMs(30000);
            for (int round = 0; round < 4; ++round) {
                const CalDavSyncOutcome outcome = profile.sync->sync(account);
                if (outcome.kind == CalDavSyncOutcome::Kind::Busy)
                    ++busy;
                else if (outcome.kind != CalDavSyncOutcome::Kind::Synced || !outcome.error.isEmpty()) {
                    qWarning("%s", qPrintable(outcome.message()));
                    ++failed;
                }
            }
        };
        QThread *a = QThread::create(syncer);
        QThread *b = QThread::create(syncer);
        a->start();
        b->start();
        // Meanwhile the plan changes under them.
        FocusBlockRepository repository(*m_profile->db);
        for (int i = 0; i < 6; ++i) {
            QVERIFY(repository.remove(m_profile->blocks().first().id));
            m_profile->addBlock(m_task, at(20 + i, 9), at(20 + i, 10));
            QThread::msleep(50);
        }
        QVERIFY(a->wait(120000));
        QVERIFY(b->wait(120000));
        delete a;
        delete b;
        QCOMPARE(failed.load(), 0);
        QCOMPARE(busy.load(), 0); // each waited for the other
        const CalDavSyncOutcome last = m_profile->sync->sync(m_account.id);
        QVERIFY2(last.kind == CalDavSyncOutcome::Kind::Synced && last.error.isEmpty(), qPrintable(last.message()));
        const QList<ServerEvent> events = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(events.size(), 12);
        QStringList uids;
        for (const ServerEvent &e : events)
            uids.append(e.uid);
        uids.removeDuplicates();
        QCOMPARE(uids.size(), 12);
        QList<QDateTime> starts;
        for (const ServerEvent &e : events)
            starts.append(e.start);
        QList<QDateTime> planned;
        for (const FocusBlock &block : m_profile->blocks())
            planned.append(block.start);
        std::sort(planned.begin(), planned.end());
        QCOMPARE(starts, planned);
        QCOMPARE(CalDavBlockMap(*m_profile->db).events(m_account.id)->size(), 12);
    }

    // The app password was revoked on the server: the sync says what to do, nothing local is lost.
    void passwordRevokedOnTheServer()
    {
        m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        QVERIFY(m_profile->sync->sync(m_account.id).kind == CalDavSyncOutcome::Kind::Synced);
        QVERIFY(m_server.addUser(alice, QStringLiteral("a-new-app-password")));
        m_profile->addBlock(m_task, at(1, 9), at(1, 10));
        const CalDavSyncOutcome refused = m_profile->sync->sync(m_account.id);
        QCOMPARE(refused.kind, CalDavSyncOutcome::Kind::Failed);
        QCOMPARE(refused.failure, CalDavFailure::Authentication);
        QVERIFY2(refused.message().contains(QStringLiteral("check the user name and app password")), qPrintable(refused.message()));
        QVERIFY2(refused.message().contains(QStringLiteral("1 focus block change waits")), qPrintable(refused.message()));
        QCOMPARE(m_profile->account().lastError, refused.error);
        // Adding the account again with the new password updates it in place and catches up.
        const auto again = m_profile->accounts->add({ m_server.url(QStringLiteral("/alice/")), alice,
            QStringLiteral("a-new-app-password"), {} });
        QVERIFY2(again.isOk(), why(again).constData());
        QCOMPARE(again->id, m_account.id);
        QCOMPARE(again->instance, m_account.instance);
        const CalDavSyncOutcome back = m_profile->sync->sync(m_account.id);
        QVERIFY2(back.kind == CalDavSyncOutcome::Kind::Synced, qPrintable(back.message()));
        QCOMPARE(back.written.created, 1);
        QCOMPARE(serverEvents(m_server, alice, QStringLiteral("a-new-app-password"), m_work).size(), 2);
    }

    void describesWhatHappened()
    {
        CalDavSyncOutcome outcome = m_profile->sync->sync(m_account.id);
        QCOMPARE(outcome.message(), QStringLiteral("%1: 1 calendar checked, 0 events changed; focus blocks up to date.")
                                        .arg(m_account.name));
        m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        m_profile->addBlock(m_task, at(1, 9), at(1, 10));
        outcome = m_profile->sync->sync(m_account.id);
        QCOMPARE(outcome.message(), QStringLiteral("%1: calendars unchanged; focus blocks: 2 new.").arg(m_account.name));
        QVERIFY(m_profile->accounts->setBlocksCalendar(m_account, std::nullopt));
        outcome = m_profile->sync->sync(m_account.id);
        QVERIFY2(outcome.message().endsWith(QStringLiteral("focus blocks: 2 removed.")), qPrintable(outcome.message()));
        outcome = m_profile->sync->sync(m_account.id);
        QVERIFY2(outcome.message().endsWith(QStringLiteral("; no calendar receives focus blocks.")), qPrintable(outcome.message()));
    }

    // Removing an account takes its focus blocks off the server and its meetings out of the
    // planner; with the server away it removes nothing (unless asked to keep the events).
    void removesAnAccount()
    {
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("m.ics"), icsWith(QStringLiteral("m"), at(0, 14), at(0, 15), QStringLiteral("Meeting"))).isEmpty());
        m_profile->addBlock(m_task, at(0, 9), at(0, 10));
        QVERIFY(m_profile->sync->sync(m_account.id).kind == CalDavSyncOutcome::Kind::Synced);
        const QString source = m_profile->calendar(QStringLiteral("Cal %1").arg(m_round)).source;
        QCOMPARE(m_profile->events(source).size(), 1);

        QVERIFY(m_server.stop());
        const CalDavStatus offline = m_profile->accounts->remove(m_account, false);
        QVERIFY(!offline.isOk());
        QCOMPARE(offline.failureKind(), CalDavFailure::Network);
        QVERIFY(m_profile->accounts->find(m_account.name).isOk());
        QVERIFY(m_server.restart());

        QVERIFY(m_profile->accounts->remove(m_account, false).isOk());
        QVERIFY(!m_profile->accounts->find(m_account.name).isOk());
        QCOMPARE(m_profile->events(source).size(), 0);
        QVERIFY(!m_profile->secrets->read(m_account.secretKey()).isOk());
        const QList<ServerEvent> left = serverEvents(m_server, alice, alicePassword, m_work);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).summary, QStringLiteral("Meeting"));
        QSqlQuery rows(m_profile->db->connection());
        for (const char *table : { "caldav_calendars", "caldav_resources", "caldav_blocks", "caldav_leases" }) {
            QVERIFY(rows.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && rows.next());
            QCOMPARE(rows.value(0).toInt(), 0);
        }
    }

private:
    RadicaleServer m_server;
    std::unique_ptr<CalDavProfile> m_profile;
    CalDavAccount m_account;
    QString m_work;
    qint64 m_task = 0;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(TestCalDavSynchronizer)
#include "tst_caldavsynchronizer.moc"
