// CalDAV in the running app (CalDavSync on this thread, CalDavWorker on its own) against a real
// Radicale: no thread at all without an account; a sync on the timer; a burst of changes makes
// one sync; a sync asked for while one runs follows it; focus blocks written by the worker
// reach the server; and quitting while the server hangs returns at once without recording an
// error.
#include "caldav/caldavsync.h"
#include "caldavfixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace fermata;
using namespace fermata::test;

namespace {

const QString alice = QStringLiteral("alice");
const QString alicePassword = QStringLiteral("alice-app-password");

} // namespace

class TestCalDavSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        pinEnvironment();
        qputenv("FERMATA_SECRET_STORE", "file");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addUser(alice, alicePassword));
    }

    void init()
    {
        ++m_round;
        m_work = m_server.createCalendar(alice, QStringLiteral("app%1").arg(m_round), QStringLiteral("App %1").arg(m_round));
        QVERIFY(!m_work.isEmpty());
        m_profile = std::make_unique<CalDavProfile>();
        QVERIFY(m_profile->open());
        m_sync = std::make_unique<CalDavSync>(*m_profile->db, m_profile->clock,
            QFileInfo(m_profile->path()).dir().filePath(QStringLiteral("caldav-secrets.json")));
        m_sync->setTimeoutMs(3000);
    }

    void cleanup()
    {
        m_sync.reset();
        m_profile.reset();
        if (!m_server.isRunning())
            QVERIFY(m_server.restart());
    }

    void noAccountNoThread()
    {
        QSignalSpy started(m_sync.get(), &CalDavSync::syncStarted);
        m_sync->start(); // a sync starts (and says so) at once, or not at all
        m_sync->syncNow();
        QCOMPARE(started.count(), 0);
        QVERIFY(!m_sync->isSyncing());
    }

    void syncsOnTheTimerAndAfterChanges()
    {
        addAccount();
        QSignalSpy finished(m_sync.get(), &CalDavSync::syncFinished);
        m_sync->start(400);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 10000); // at start, then on the timer
        m_sync->stop();
        finished.clear();

        // A plan stores many blocks at once: one sync for the whole burst.
        const qint64 task = m_profile->addTask(QStringLiteral("Write"));
        QSignalSpy started(m_sync.get(), &CalDavSync::syncStarted);
        for (int i = 0; i < 5; ++i) {
            m_profile->addBlock(task, at(i, 9), at(i, 10));
            m_sync->scheduleSync();
        }
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, CalDavSync::changeDelayMs + 10000);
        QCOMPARE(started.count(), 1);
        const CalDavSyncOutcome outcome = finished.first().first().value<QList<CalDavSyncOutcome>>().value(0);
        QVERIFY2(outcome.kind == CalDavSyncOutcome::Kind::Synced, qPrintable(outcome.message()));
        QCOMPARE(outcome.written.created, 5);
        QCOMPARE(markedEvents(serverEvents(m_server, alice, alicePassword, m_work), m_profile->account().instance).size(), 5);

        // Asked for while one runs: it runs once more afterwards, not twice.
        m_sync->syncNow();
        m_sync->syncNow();
        m_sync->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 3 && !m_sync->isSyncing(), 10000);
        QCOMPARE(started.count(), 3); // nothing else can start one now: no timer runs
    }

    // Quitting the app while the server hangs: stop() returns at once, and the cut-short sync
    // leaves no error on the account (it says nothing about the server).
    void stopWhileTheServerHangs()
    {
        addAccount();
        const qint64 task = m_profile->addTask(QStringLiteral("Write"));
        m_profile->addBlock(task, at(1, 9), at(1, 10));
        m_sync->setTimeoutMs(20000);
        QSignalSpy started(m_sync.get(), &CalDavSync::syncStarted);
        QVERIFY(m_server.freeze());
        m_sync->syncNow();
        QVERIFY(started.count() == 1);
        // The worker holds the account's lease once it talks to the (hung) server.
        QTRY_VERIFY_WITH_TIMEOUT(leaseHeld(), 10000);
        QElapsedTimer clock;
        clock.start();
        m_sync->stop();
        const qint64 took = clock.elapsed();
        QVERIFY(m_server.thaw());
        QVERIFY2(took < 3000, qPrintable(QStringLiteral("stop() took %1 ms").arg(took)));
        QCOMPARE(m_profile->account().lastError, QString());
    }

private:
    bool leaseHeld() const
    {
        QSqlQuery query(m_profile->db->connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM caldav_leases")) && query.next() && query.value(0).toInt() > 0;
    }

    void addAccount()
    {
        const auto added = m_profile->accounts->add({ m_server.url(QStringLiteral("/alice/")), alice, alicePassword, {} });
        QVERIFY2(added.isOk(), why(added).constData());
        for (const CalDavCalendarRecord &c : take(CalDavAccountRepository(*m_profile->db).calendars(added->id)))
            QVERIFY(m_profile->accounts->setRead(c, c.href == m_work));
        QVERIFY(m_profile->accounts->setBlocksCalendar(*added, m_profile->calendar(QStringLiteral("App %1").arg(m_round))));
    }

    RadicaleServer m_server;
    std::unique_ptr<CalDavProfile> m_profile;
    std::unique_ptr<CalDavSync> m_sync;
    QString m_work;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(TestCalDavSync)
#include "tst_caldavsync.moc"
