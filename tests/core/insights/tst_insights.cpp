#include "insights/insightsquery.h"
#include "insights/insightstakeaways.h"
#include "seed.h"
#include "settings/preferences.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;
using fermata::test::at;
using fermata::test::berlin;

namespace {

// One figure of the report by name: "deep/2026-03-02", "week-focus/2026-03-02",
// "source/mail/held", "rule/chat/vip", "sessions/started", "tag/writing/actual", "peeks"...
int figure(const InsightsReport &r, const QString &key)
{
    const QStringList p = key.split(QLatin1Char('/'));
    if (p[0] == QLatin1String("peeks"))
        return r.peeksEarly;
    if (p[0] == QLatin1String("urgent"))
        return r.urgentSent;
    if (p[0] == QLatin1String("held"))
        return r.totalHeld();
    if (p[0] == QLatin1String("let-through"))
        return r.totalLetThrough();
    if (p[0] == QLatin1String("sessions")) {
        const SessionCounts &s = r.sessions;
        return p[1] == QLatin1String("started")      ? s.started
            : p[1] == QLatin1String("finished")      ? s.finished
            : p[1] == QLatin1String("extended")      ? s.extended
            : p[1] == QLatin1String("stopped-early") ? s.stoppedEarly
                                                     : s.running;
    }
    if (p[0].startsWith(QLatin1String("week-"))) {
        for (const WeekInsight &w : r.weeks) {
            if (w.monday == QDate::fromString(p[1], Qt::ISODate))
                return p[0] == QLatin1String("week-focus") ? w.focusMinutes : w.meetingMinutes;
        }
        return -1;
    }
    if (p[0] == QLatin1String("source") || p[0] == QLatin1String("rule")) {
        for (const SourceInterruptions &s : r.sources) {
            if (s.source != p[1])
                continue;
            if (p[0] == QLatin1String("rule"))
                return s.letThroughByRule.value(p[2], 0);
            return p[2] == QLatin1String("received") ? s.received
                : p[2] == QLatin1String("held")      ? s.held
                : p[2] == QLatin1String("digest")    ? s.releasedInDigest
                                                     : s.letThrough;
        }
        return -1;
    }
    if (p[0] == QLatin1String("tag")) {
        for (const TagAccuracy &t : r.accuracy) {
            if (t.tag == p[1])
                return p[2] == QLatin1String("tasks")    ? t.tasks
                    : p[2] == QLatin1String("estimated") ? t.estimatedMinutes
                                                         : t.actualMinutes;
        }
        return -1;
    }
    for (const DayInsight &d : r.days) {
        if (d.day != QDate::fromString(p[1], Qt::ISODate))
            continue;
        return p[0] == QLatin1String("deep")    ? d.deepWorkMinutes
            : p[0] == QLatin1String("unbroken") ? d.longestUnbrokenMinutes
            : p[0] == QLatin1String("meetings") ? d.meetingMinutes
            : p[0] == QLatin1String("planned")  ? d.blocksPlanned
            : p[0] == QLatin1String("worked")   ? d.blocksWorked
            : p[0] == QLatin1String("moved")    ? d.blocksMoved
                                                : d.blocksDropped;
    }
    return -1;
}

WorkingHours berlinHours()
{
    return WorkingHours::defaults(QByteArrayLiteral("Europe/Berlin"));
}

} // namespace

class TestInsights : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment("Europe/Berlin");
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.databasePath());
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        m_db = std::move(db).value();
        QVERIFY(test::seedMonth(*m_db));
        FakeClock clock(test::seededNow());
        auto report = InsightsQuery(*m_db, clock)
                          .report(QDate(2026, 3, 2), QDate(2026, 3, 29), berlin(), berlinHours());
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        m_report = *report;
    }

    void shape()
    {
        QCOMPARE(m_report.first, QDate(2026, 3, 2));
        QCOMPARE(m_report.last, QDate(2026, 3, 29));
        QCOMPARE(m_report.days.size(), 28);
        QCOMPARE(m_report.days.constFirst().day, QDate(2026, 3, 2));
        QCOMPARE(m_report.days.constLast().day, QDate(2026, 3, 29));
        QCOMPARE(m_report.weeks.size(), 4);
        QCOMPARE(m_report.sources.size(), 3);
        QCOMPARE(m_report.sources[0].source, QStringLiteral("chat")); // by name
        QCOMPARE(m_report.accuracy.size(), 2);
        QCOMPARE(m_report.accuracy[0].tag, QStringLiteral("review"));
    }

    void figures_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("expected");
        const auto row = [](const char *key, int expected) {
            QTest::newRow(key) << QString::fromLatin1(key) << expected;
        };
        // Deep work: a session from the day before counts from midnight; one crossing midnight
        // is split; the spring-forward night has 180 real minutes between 00:00 and 04:00.
        row("deep/2026-03-02", 180);
        row("deep/2026-03-03", 90);
        row("deep/2026-03-04", 30);
        row("deep/2026-03-05", 30);
        row("deep/2026-03-06", 30);
        row("deep/2026-03-07", 0);
        row("deep/2026-03-09", 45);
        row("deep/2026-03-10", 30);
        row("deep/2026-03-28", 60);
        row("deep/2026-03-29", 180);
        // Unbroken (09-17 on weekdays): meetings cut it, and so do a VIP break-through (14:00) and
        // an early peek (15:30); a rule-allowed source, a window delivery or a mute do not.
        row("unbroken/2026-03-02", 120);
        row("unbroken/2026-03-03", 120);
        row("unbroken/2026-03-04", 450);
        row("unbroken/2026-03-05", 480);
        row("unbroken/2026-03-06", 480);
        row("unbroken/2026-03-07", 0);
        row("unbroken/2026-03-10", 480);
        row("unbroken/2026-03-29", 0);
        // Meetings: busy, timed, overlaps once; free and all-day events are not meetings.
        row("meetings/2026-03-02", 90);
        row("meetings/2026-03-03", 180);
        row("meetings/2026-03-04", 60);
        row("meetings/2026-03-05", 60);
        row("meetings/2026-03-06", 0);
        // Blocks, by the day they start now. Block 3 moved from Tuesday to Thursday and was worked.
        row("planned/2026-03-02", 2);
        row("worked/2026-03-02", 1);
        row("moved/2026-03-02", 0);
        row("dropped/2026-03-02", 1);
        row("planned/2026-03-03", 0);
        row("planned/2026-03-04", 1);
        row("worked/2026-03-04", 0);
        row("moved/2026-03-04", 1);
        row("dropped/2026-03-04", 1);
        row("planned/2026-03-05", 1);
        row("worked/2026-03-05", 1);
        row("moved/2026-03-05", 1);
        row("dropped/2026-03-05", 0);
        // Still to come today: planned, neither worked nor dropped.
        row("planned/2026-03-29", 1);
        row("worked/2026-03-29", 0);
        row("dropped/2026-03-29", 0);
        // Weeks.
        row("week-focus/2026-03-02", 360);
        row("week-meetings/2026-03-02", 390);
        row("week-focus/2026-03-09", 75);
        row("week-meetings/2026-03-09", 0);
        row("week-focus/2026-03-16", 0);
        row("week-focus/2026-03-23", 240);
        // Sessions started in the range.
        row("sessions/started", 7);
        row("sessions/finished", 4);
        row("sessions/extended", 1);
        row("sessions/stopped-early", 1);
        row("sessions/running", 0);
        // Interruptions per source (received in the range).
        row("source/mail/received", 4);
        row("source/mail/held", 3);
        row("source/mail/digest", 2);
        row("source/mail/let", 1);
        row("rule/mail/source-always-allow", 1);
        row("source/chat/received", 4);
        row("source/chat/held", 0);
        row("source/chat/let", 3);
        row("rule/chat/vip", 1);
        row("rule/chat/keyword", 1);
        row("rule/chat/inside-window", 1);
        row("rule/chat/source-muted", 0);
        row("source/pager/let", 1);
        row("rule/pager/critical", 1);
        row("held", 3);
        row("let-through", 5);
        row("peeks", 2);
        row("urgent", 1);
        // Estimates: done tasks worked in the range, every focus minute they ever had.
        row("tag/writing/tasks", 2);
        row("tag/writing/estimated", 180);
        row("tag/writing/actual", 480);
        row("tag/review/tasks", 1);
        row("tag/review/estimated", 60);
        row("tag/review/actual", 90);
    }

    void figures()
    {
        QFETCH(QString, key);
        QFETCH(int, expected);
        QCOMPARE(figure(m_report, key), expected);
    }

    // Days are days in the zone: 23 hours in spring, 25 in autumn.
    void dstDays()
    {
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY(db);
        Database &d = **db;
        QVERIFY(
            test::addSession(d, {}, at(10, 25, 0), at(10, 26, 0), at(10, 26, 0), QStringLiteral("ended")));
        QVERIFY(test::addEvent(d, at(10, 25, 0), at(10, 26, 0)));
        QVERIFY(test::addSession(d, {}, at(3, 29, 0), at(3, 30, 0), at(3, 30, 0), QStringLiteral("ended")));
        FakeClock clock(QDateTime(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC));
        WorkingHours hours = berlinHours();
        hours.day(Qt::Sunday) = DayHours { true, QTime(0, 0), QTime(23, 59) };
        auto autumn
            = InsightsQuery(d, clock).report(QDate(2026, 10, 24), QDate(2026, 10, 26), berlin(), hours);
        QVERIFY(autumn);
        QCOMPARE(autumn->days[0].deepWorkMinutes, 0);
        QCOMPARE(autumn->days[1].deepWorkMinutes, 25 * 60);
        QCOMPARE(autumn->days[1].meetingMinutes, 25 * 60);
        QCOMPARE(autumn->days[2].deepWorkMinutes, 0);
        auto spring = InsightsQuery(d, clock).report(QDate(2026, 3, 29), QDate(2026, 3, 29), berlin(), hours);
        QVERIFY(spring);
        QCOMPARE(spring->days[0].deepWorkMinutes, 23 * 60);
        // Sunday's working hours 00:00-23:59 are 22 h 59 min long on the spring-forward day.
        QCOMPARE(spring->days[0].longestUnbrokenMinutes, 22 * 60 + 59);
        // The same instants in UTC are other days.
        auto utc = InsightsQuery(d, clock).report(
            QDate(2026, 10, 25), QDate(2026, 10, 25), QTimeZone::utc(), hours);
        QVERIFY(utc);
        QCOMPARE(utc->days[0].deepWorkMinutes, 23 * 60); // until 23:00 UTC, midnight in Berlin
    }

    // A running session counts up to now; today's stretch ends now.
    void runningSessionAndToday()
    {
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY(db);
        QVERIFY(test::addSession(**db, {}, at(3, 4, 10), at(3, 4, 12), {}, QStringLiteral("")));
        FakeClock clock(QDateTime::fromMSecsSinceEpoch(at(3, 4, 10, 40), Qt::UTC));
        auto r = InsightsQuery(**db, clock)
                     .report(QDate(2026, 3, 4), QDate(2026, 3, 4), berlin(), berlinHours());
        QVERIFY(r);
        QCOMPARE(r->days[0].deepWorkMinutes, 40);
        QCOMPARE(r->sessions.running, 1);
        QCOMPARE(r->sessions.started, 1);
        QCOMPARE(r->days[0].longestUnbrokenMinutes, 100); // 09:00 .. now (10:40)
    }

    void badRanges()
    {
        FakeClock clock(test::seededNow());
        InsightsQuery query(*m_db, clock);
        QCOMPARE(query.report(QDate(2026, 3, 5), QDate(2026, 3, 4), berlin(), berlinHours()).error().code,
            Error::Code::Invalid);
        QCOMPARE(query.report(QDate(), QDate(2026, 3, 4), berlin(), berlinHours()).error().code,
            Error::Code::Invalid);
        QCOMPARE(query.report(QDate(2020, 1, 1), QDate(2026, 3, 4), berlin(), berlinHours()).error().code,
            Error::Code::Invalid);
        QCOMPARE(query.report(QDate(2026, 3, 4), QDate(2026, 3, 4), QTimeZone("Nowhere/Land"), berlinHours())
                     .error()
                     .code,
            Error::Code::Invalid);
    }

    // A moved block is logged by a trigger in the writer's own transaction: rolled back with it,
    // and gone with the block.
    void moveLogFollowsTheWriter()
    {
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY(db);
        Database &d = **db;
        QVERIFY(test::addTask(d, 1, 60, false, {}));
        QVERIFY(test::addBlock(d, 1, 1, at(3, 2, 9), at(3, 2, 10)));
        const auto moves = [&] {
            QSqlQuery q(d.connection());
            return q.exec(QStringLiteral("SELECT COALESCE(SUM(moves), 0) FROM focus_block_moves")) && q.next()
                ? q.value(0).toInt()
                : -1;
        };
        const Status rolledBack = d.inTransaction([&]() -> Status {
            if (!test::exec(
                    d, QStringLiteral("UPDATE focus_blocks SET start_ms = start_ms + 60000 WHERE id = 1")))
                return Status::failure(Error::Code::Database, QStringLiteral("update failed"));
            return Status::failure(Error::Code::Invalid, QStringLiteral("changed my mind"));
        });
        QVERIFY(!rolledBack);
        QCOMPARE(moves(), 0);
        QVERIFY(
            test::exec(d, QStringLiteral("UPDATE focus_blocks SET end_ms = end_ms + 60000 WHERE id = 1")));
        QVERIFY(test::exec(
            d, QStringLiteral("UPDATE focus_blocks SET start_ms = start_ms + 60000 WHERE id = 1")));
        QCOMPARE(moves(), 2);
        QVERIFY(test::exec(d, QStringLiteral("DELETE FROM focus_blocks WHERE id = 1")));
        QCOMPARE(moves(), 0);
    }

    void takeawaysOfTheMonth()
    {
        const QStringList words = Takeaways::all(m_report);
        QCOMPARE(words.size(), 6);
        QCOMPARE(
            words[0], QStringLiteral("You focused 11 h 15 min over 28 days; Monday 2 Mar had the most (3 h)."));
        QCOMPARE(words[1], QStringLiteral("You had 20 days with a 2 h unbroken stretch."));
        QCOMPARE(
            words[2], QStringLiteral("Of 5 focus blocks planned, you worked 2 and dropped 2; 2 were moved."));
        QCOMPARE(words[3],
            QStringLiteral("Fermata held 3 notifications and let 5 through (1 marked critical, "
                           "1 inside a check-in window, 1 matching a keyword, 1 from always-allowed "
                           "sources, 1 from VIPs); you peeked early 2 times and sent 1 urgent message."));
        QCOMPARE(words[4],
            QStringLiteral("Meetings took 6 h 30 min and focus 11 h 15 min; 1 of 4 weeks had more "
                           "meetings than focus."));
        QCOMPARE(words[5],
            QStringLiteral("'writing' tasks took 2.7× their estimates (8 h against 3 h over 2 tasks)."));
    }

    void takeawaysWords_data()
    {
        QTest::addColumn<InsightsReport>("report");
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        InsightsReport empty;
        empty.first = empty.last = QDate(2026, 3, 2);
        empty.days = { DayInsight { QDate(2026, 3, 2) } };
        empty.weeks = { WeekInsight { QDate(2026, 3, 2), 0, 0 } };
        QTest::newRow("no focus") << empty << 0
                                  << QStringLiteral("No focus time was recorded in these days.");
        QTest::newRow("no blocks") << empty << 2
                                   << QStringLiteral("No focus blocks were planned in these days.");
        QTest::newRow("nothing let through")
            << empty << 3
            << QStringLiteral("Fermata held 0 notifications and let 0 through; you peeked early 0 times and "
                              "sent 0 urgent messages.");
        QTest::newRow("no estimates")
            << empty << 5
            << QStringLiteral("No tagged task with an estimate was finished with focus time in these days.");

        InsightsReport week = empty;
        week.days = { DayInsight { QDate(2026, 3, 2), 60, 150, 30 },
            DayInsight { QDate(2026, 3, 3), 30, 45, 240 }, DayInsight { QDate(2026, 3, 4), 0, 130, 300 } };
        QTest::newRow("a day without a stretch")
            << week << 1
            << QStringLiteral("You had 2 days with a 2 h unbroken stretch; Tuesday's longest was 45 min — 4 "
                              "h of meetings.");
        week.accuracy = { TagAccuracy { QStringLiteral("admin"), 3, 90, 81 },
            TagAccuracy { QStringLiteral("writing"), 2, 100, 140 } };
        QTest::newRow("the furthest tag")
            << week << 5
            << QStringLiteral(
                   "'writing' tasks took 1.4× their estimates (2 h 20 min against 1 h 40 min over 2 tasks).");
        week.sources = { SourceInterruptions { QStringLiteral("chat"), 45, 42, 40, 3,
            { { QStringLiteral("vip"), 2 }, { QStringLiteral("keyword"), 1 } } } };
        QTest::newRow("held and let through")
            << week << 3
            << QStringLiteral(
                   "Fermata held 42 notifications and let 3 through (1 matching a keyword, 2 from VIPs); "
                   "you peeked early 0 times and sent 0 urgent messages.");
    }

    void takeawaysWords()
    {
        QFETCH(InsightsReport, report);
        QFETCH(int, which);
        QFETCH(QString, expected);
        QCOMPARE(Takeaways::all(report).at(which), expected);
    }

private:
    test::TempDataDir m_dir;
    std::unique_ptr<Database> m_db;
    InsightsReport m_report;
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"
