#include "planfixture.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;
using fermata::test::at;
using fermata::test::task;
using fermata::test::week;

// A task that waits for a teammate's commitment (Task::afterCommitment): the planner holds it
// back to the day after the commitment's planned finish day (in the owner's zone), or to its
// due time while unplanned; done, dropped and unknown commitments hold nothing back. The week
// runs Monday 2024-03-04 to Friday, 09:00-17:00 UTC.
class TestCommitmentWait final : public QObject
{
    Q_OBJECT

    static const QUuid &specId()
    {
        static const QUuid s_id = QUuid::fromString(QStringLiteral("6f1c2a3b-0000-4000-8000-000000000001"));
        return s_id;
    }

    static TeammateCommitment spec(Commitment::Status status, const QDate &finish, const QDateTime &due,
                                   const QByteArray &ownerZone)
    {
        TeammateCommitment c;
        c.commitment.uuid = specId();
        c.commitment.ownerId = 7;
        c.commitment.ownerRole = QStringLiteral("ada.l");
        c.commitment.title = QStringLiteral("API spec");
        c.commitment.estimateMinutes = 240;
        c.commitment.status = status;
        c.commitment.finishDay = finish;
        c.commitment.due = due;
        c.ownerName = QStringLiteral("Ada");
        c.ownerZoneId = ownerZone;
        return c;
    }

private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void earliestStart_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QDate>("finish");
        QTest::addColumn<QDateTime>("due");
        QTest::addColumn<QByteArray>("ownerZone");
        QTest::addColumn<bool>("known");          // the commitment is in the team's copy
        QTest::addColumn<QDateTime>("notBefore"); // no block starts earlier
        QTest::addColumn<QString>("text");

        const QDate wednesday(2024, 3, 6);
        const QDateTime none;
        const int planned = int(Commitment::Status::Planned);
        QTest::newRow("planned to finish Wed: from Thu") << planned << wednesday << at(4, 17) << QByteArray() << true
            << at(3, 0) << QStringLiteral("waits for Ada's 'API spec', planned to finish Wed");
        QTest::newRow("in progress, owner in UTC") << int(Commitment::Status::InProgress) << wednesday << none
            << QByteArray("UTC") << true << at(3, 0) << QStringLiteral("waits for Ada's 'API spec', planned to finish Wed");
        // Midnight after Wednesday in Auckland (UTC+13) is Wednesday 11:00 UTC.
        QTest::newRow("finish day in the owner's zone") << planned << wednesday << none
            << QByteArray("Pacific/Auckland") << true << at(2, 11) << QStringLiteral("waits for Ada's 'API spec', planned to finish Wed");
        QTest::newRow("unplanned: its due time") << planned << QDate() << at(1, 13) << QByteArray() << true
            << at(1, 13) << QStringLiteral("waits for Ada's 'API spec', not planned yet, due Tue 13:00");
        QTest::newRow("done: no delay") << int(Commitment::Status::Done) << wednesday << none << QByteArray() << true
            << at(0, 9) << QStringLiteral("Ada's 'API spec' is done");
        QTest::newRow("dropped: no delay, said") << int(Commitment::Status::Dropped) << wednesday << none << QByteArray() << true
            << at(0, 9) << QStringLiteral("Ada dropped 'API spec'; it no longer waits for it");
        QTest::newRow("no date at all: no delay") << planned << QDate() << none << QByteArray() << true
            << at(0, 9) << QStringLiteral("after Ada's 'API spec', which has no date yet; it does not wait");
        QTest::newRow("no longer shared: no delay") << planned << wednesday << none << QByteArray() << false
            << at(0, 9) << QStringLiteral("its teammate's commitment is no longer shared; it does not wait");
    }

    void earliestStart()
    {
        QFETCH(int, status);
        QFETCH(QDate, finish);
        QFETCH(QDateTime, due);
        QFETCH(QByteArray, ownerZone);
        QFETCH(bool, known);
        QFETCH(QDateTime, notBefore);
        QFETCH(QString, text);

        PlanRequest r = week();
        Task client = task(1, 120, Priority::P1, QStringLiteral("Build client"));
        client.afterCommitment = specId();
        r.tasks = {client};
        if (known)
            r.commitments = {spec(Commitment::Status(status), finish, due, ownerZone)};

        const planning::Problem problem = Planner::toProblem(r);
        QCOMPARE(problem.tasks.size(), size_t(1));
        QCOMPARE(problem.tasks[0].waitsFor, text);

        const Plan plan = Planner::plan(r);
        QVERIFY(!plan.blocks.isEmpty());
        QDateTime first = plan.blocks.constFirst().block.start;
        for (const PlannedBlock &b : plan.blocks)
            first = std::min(first, b.block.start);
        QVERIFY2(first >= notBefore, qPrintable(first.toString(Qt::ISODate)));
        // The first working time it may use: nothing holds it back further.
        const QDateTime expected = std::max(notBefore, at(notBefore.date().dayOfWeek() - 1, 9));
        QCOMPARE(first, expected);
    }

    // Work due before the teammate finishes cannot be on time; the reason says whom it waits for.
    void lateReasonNamesTheCommitment()
    {
        PlanRequest r = week();
        Task client = task(1, 120, Priority::P1, QStringLiteral("Build client"));
        client.afterCommitment = specId();
        client.deadline = at(2, 17);
        r.tasks = {client};
        r.commitments = {spec(Commitment::Status::Planned, QDate(2024, 3, 6), QDateTime(), QByteArray())};
        const Plan plan = Planner::plan(r);
        QCOMPARE(plan.tasks.size(), 1);
        const TaskReport &report = plan.tasks.constFirst();
        QCOMPARE(report.outcome, planning::TaskOutcome::Late);
        QCOMPARE(report.reason, QStringLiteral("waits for Ada's 'API spec', planned to finish Wed; its deadline Wed 17:00 "
                                               "comes first — move the deadline or ask your teammate to finish sooner"));
        QCOMPARE(report.waitsFor, QStringLiteral("waits for Ada's 'API spec', planned to finish Wed"));
        for (const PlannedBlock &b : plan.blocks)
            QVERIFY(b.block.start >= at(3, 0));
    }
};

QTEST_GUILESS_MAIN(TestCommitmentWait)
#include "tst_commitmentwait.moc"
