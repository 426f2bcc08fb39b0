// A week of notifications against the real AttentionService and a real database, driven by a
// FakeClock that jumps from event to event (arrivals and the service's own wake-ups), across
// a DST change. Every notification's release time is checked against an oracle that finds
// window openings by scanning local wall-clock minutes, independent of WeeklyRule.
#include "attention/attentionservice.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace fermata;

namespace {

struct WindowSpec
{
    quint8 days;
    QTime start;
    QTime end;
};

const QList<WindowSpec> s_windows = {
    {WeeklyRule::EveryDay, QTime(9, 0), QTime(9, 20)},
    {WeeklyRule::EveryDay, QTime(13, 0), QTime(13, 20)},
    {WeeklyRule::EveryDay, QTime(16, 30), QTime(16, 50)},
    // On the change-over Sunday 02:40 is skipped (spring) or happens twice (autumn).
    {WeeklyRule::dayBit(Qt::Sunday), QTime(2, 40), QTime(3, 10)},
};

// Oracle: a window opens at the first minute whose local date is the day and whose local
// time is at or after the start (a skipped time moves forward; a repeated one counts first).
IntervalSet oracleWindows(const QTimeZone &zone, QDate first, QDate last)
{
    const qint64 from = QDateTime(first.addDays(-1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = QDateTime(last.addDays(2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    std::map<std::pair<QDate, int>, qint64> opens, closes;
    for (qint64 ms = from; ms < to; ms += 60000) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toTimeZone(zone);
        for (int w = 0; w < s_windows.size(); ++w) {
            const WindowSpec &spec = s_windows[w];
            if (!(spec.days & WeeklyRule::dayBit(Qt::DayOfWeek(local.date().dayOfWeek()))))
                continue;
            const auto key = std::make_pair(local.date(), w);
            if (local.time() >= spec.start && !opens.count(key))
                opens[key] = ms;
            if (local.time() >= spec.end && !closes.count(key))
                closes[key] = ms;
        }
    }
    IntervalSet set;
    for (const auto &[key, open] : opens) {
        if (closes.count(key))
            set.add(Interval(open, closes[key]));
    }
    return set;
}

qint64 local(const QTimeZone &zone, QDate date, QTime time)
{
    return QDateTime(date, time, zone).toMSecsSinceEpoch();
}

} // namespace

class TestAttentionSimulation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void weekAcrossDst_data()
    {
        QTest::addColumn<QByteArray>("zoneId");
        QTest::addColumn<QDate>("monday");
        QTest::newRow("Berlin, spring forward") << QByteArray("Europe/Berlin") << QDate(2026, 3, 23);
        QTest::newRow("Berlin, fall back") << QByteArray("Europe/Berlin") << QDate(2026, 10, 19);
        QTest::newRow("New York, spring forward") << QByteArray("America/New_York") << QDate(2026, 3, 2);
        QTest::newRow("Sydney, fall back") << QByteArray("Australia/Sydney") << QDate(2026, 3, 30);
    }

    void weekAcrossDst()
    {
        QFETCH(QByteArray, zoneId);
        QFETCH(QDate, monday);
        const QTimeZone zone(zoneId);
        QVERIFY(zone.isValid());
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));

        const QDate sunday = monday.addDays(6);
        FakeClock clock(QDateTime(monday, QTime(0, 0), zone));
        AttentionService service(*db.value(), clock);
        QVERIFY(service.load(zoneId));
        QList<CheckInWindow> windows;
        for (const WindowSpec &spec : s_windows)
            windows.append(CheckInWindow{0, WeeklyRule(spec.days, spec.start, spec.end, zoneId), {}, {}});
        QVERIFY(service.setPersonalWindows(windows));
        BatchingConfig rules;
        rules.sourcePolicies.insert(QStringLiteral("ci"), SourcePolicy::AlwaysHold);
        QVERIFY(service.setRules(rules));
        // Focus: Wednesday 12:50-13:10 delays the midday window; Friday 08:00-10:00 eats the morning one.
        const IntervalSet quiet{Interval(local(zone, monday.addDays(2), QTime(12, 50)), local(zone, monday.addDays(2), QTime(13, 10))),
                                Interval(local(zone, monday.addDays(4), QTime(8, 0)), local(zone, monday.addDays(4), QTime(10, 0)))};
        service.setQuietTimeProvider([&](const Interval &range) { return quiet.intersected(range); });

        // Arrivals: random seconds over the week, plus some exactly at openings.
        QRandomGenerator random(20261125);
        const qint64 weekStart = clock.now().toMSecsSinceEpoch();
        const qint64 weekEnd = QDateTime(sunday, QTime(23, 0), zone).toMSecsSinceEpoch();
        QList<qint64> arrivals;
        for (int i = 0; i < 400; ++i)
            arrivals.append(weekStart + qint64(random.bounded(quint64(weekEnd - weekStart))));
        arrivals.append(local(zone, monday.addDays(1), QTime(9, 0)));
        arrivals.append(local(zone, monday.addDays(1), QTime(9, 20)));
        std::sort(arrivals.begin(), arrivals.end());

        QSignalSpy digests(&service, &AttentionService::digestReady);
        QMap<qint64, qint64> receivedById;   // id -> arrival
        QMap<qint64, QString> sourceById;
        service.start();
        qsizetype next = 0;
        int steps = 0;
        while (next < arrivals.size() || service.heldCount().value() > 0) {
            QVERIFY(++steps < 10000);
            const QDateTime wake = service.nextWakeUp();
            QVERIFY(wake.isValid());
            const qint64 arrival = next < arrivals.size() ? arrivals[next] : std::numeric_limits<qint64>::max();
            if (wake.toMSecsSinceEpoch() <= arrival) {
                clock.setNow(wake);
                service.tick();
                continue;
            }
            clock.setNow(QDateTime::fromMSecsSinceEpoch(arrival, Qt::UTC));
            InboxItem item;
            item.notification.source = (next % 5 == 0) ? QStringLiteral("ci") : QStringLiteral("mail");
            item.notification.title = QStringLiteral("n%1").arg(next);
            auto ids = service.ingest({item});
            QVERIFY(ids);
            receivedById.insert(ids->constFirst(), arrival);
            sourceById.insert(ids->constFirst(), item.notification.source);
            ++next;
        }

        // Oracle.
        const IntervalSet deliverable = oracleWindows(zone, monday, sunday.addDays(2)).subtracted(quiet);
        QVERIFY(deliverable.size() >= 21);
        auto expectedRelease = [&](qint64 received, bool alwaysHold) -> qint64 {
            for (const Interval &i : deliverable) {
                if (alwaysHold ? i.startMs() > received : i.endMs() > received)
                    return alwaysHold ? i.startMs() : qMax(i.startMs(), received);
            }
            return -1;
        };
        QSet<qint64> releasedByDigest;
        for (const QList<QVariant> &signal : std::as_const(digests)) {
            for (qint64 id : signal.at(1).value<QList<qint64>>()) {
                QVERIFY2(!releasedByDigest.contains(id), "released twice");
                releasedByDigest.insert(id);
            }
        }
        auto items = service.recentItems(100000);
        QVERIFY(items);
        QCOMPARE(items->size(), arrivals.size());
        int heldOnes = 0;
        for (const InboxItem &item : std::as_const(*items)) {
            const qint64 id = item.notification.id;
            const qint64 received = receivedById.value(id);
            const qint64 expected = expectedRelease(received, sourceById.value(id) == u"ci");
            QCOMPARE(item.state, ItemState::Released);
            QVERIFY2(item.notification.releasedAt.toMSecsSinceEpoch() == expected,
                     qPrintable(QStringLiteral("%1 received %2: released %3, expected %4")
                                    .arg(item.notification.title,
                                         QDateTime::fromMSecsSinceEpoch(received).toTimeZone(zone).toString(Qt::ISODate),
                                         item.notification.releasedAt.toTimeZone(zone).toString(Qt::ISODate),
                                         QDateTime::fromMSecsSinceEpoch(expected).toTimeZone(zone).toString(Qt::ISODate))));
            if (item.decision.verdict == Verdict::Hold) {
                ++heldOnes;
                QVERIFY(releasedByDigest.contains(id));
            } else {
                QCOMPARE(expected, received);
            }
        }
        QCOMPARE(releasedByDigest.size(), heldOnes);
        QVERIFY(heldOnes > 300);
    }
};

QTEST_GUILESS_MAIN(TestAttentionSimulation)
#include "tst_attentionsimulation.moc"
