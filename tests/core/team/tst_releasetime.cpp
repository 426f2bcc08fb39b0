#include "hubfixture.h"
#include "messaging/deliverypolicy.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace fermata;

namespace {

const QList<QByteArray> s_zones = {
    "Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe",
    "America/St_Johns", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Chatham",
    "America/Santiago", "Europe/London", "Asia/Tokyo", "America/Los_Angeles", "UTC",
};

QString intArray(const QList<int> &values)
{
    QStringList items;
    for (int v : values)
        items.append(QString::number(v));
    return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
}

int minuteOf(QTime t)
{
    return t.hour() * 60 + t.minute();
}

// A wall time near where DST happens (00:00–04:00) half of the time, anywhere otherwise.
QTime randomTime(QRandomGenerator &rng)
{
    const int minute = rng.bounded(2) ? rng.bounded(240) : rng.bounded(1440);
    return QTime(minute / 60, minute % 60);
}

// An instant close to one of the zone's DST transitions (2024–2030) half of the time.
QDateTime randomInstant(QRandomGenerator &rng, const QTimeZone &zone)
{
    const QDateTime from(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2030, 12, 31), QTime(0, 0), Qt::UTC);
    if (rng.bounded(2)) {
        const auto transitions = zone.transitions(from, to);
        if (!transitions.isEmpty()) {
            const QDateTime at = transitions.at(rng.bounded(int(transitions.size()))).atUtc;
            return at.addSecs(rng.bounded(-8 * 24 * 3600, 2 * 24 * 3600) / 60 * 60);
        }
    }
    return from.addSecs(qint64(rng.bounded(from.secsTo(to) / 60)) * 60);
}

} // namespace

// The hub's release time (fermata.next_release in SQL) and the client's preview
// (deliverypolicy::releaseTime over WeeklyRule) agree, DST gaps and overlaps included.
class TestReleaseTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
    }

    void wallClockResolutionAgrees()
    {
        QRandomGenerator rng(20261125);
        QSqlQuery query(m_hub.admin().connection());
        QVERIFY(query.prepare(QStringLiteral(
            "SELECT (extract(epoch FROM fermata.resolve_wall_clock(CAST(? AS date), CAST(? AS integer), ?)) * 1000)::bigint")));
        int checked = 0;
        for (const QByteArray &zoneId : s_zones) {
            const QTimeZone zone(zoneId);
            // Every transition's gap or overlap, minute by minute around it, plus random days.
            const auto transitions = zone.transitions(QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC),
                                                      QDateTime(QDate(2026, 12, 31), QTime(0, 0), Qt::UTC));
            QList<std::pair<QDate, QTime>> cases;
            for (const auto &t : transitions) {
                const QDateTime local = t.atUtc.toTimeZone(zone);
                for (int m = -90; m <= 90; m += 15) {
                    const QDateTime wall = QDateTime(local.date(), local.time(), Qt::UTC).addSecs(m * 60);
                    cases.append({wall.date(), QTime(wall.time().hour(), wall.time().minute())});
                }
            }
            for (int i = 0; i < 20; ++i)
                cases.append({QDate(2024, 1, 1).addDays(rng.bounded(2500)), randomTime(rng)});
            for (const auto &[date, time] : cases) {
                query.addBindValue(date.toString(Qt::ISODate));
                query.addBindValue(minuteOf(time));
                query.addBindValue(QString::fromUtf8(zoneId));
                QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
                const qint64 expected = resolveWallClock(date, time, zone).toMSecsSinceEpoch();
                QVERIFY2(query.value(0).toLongLong() == expected,
                         qPrintable(QStringLiteral("%1 %2 %3: hub %4, core %5").arg(QString::fromUtf8(zoneId),
                             date.toString(Qt::ISODate), time.toString(u"HH:mm"),
                             QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC).toString(Qt::ISODate),
                             QDateTime::fromMSecsSinceEpoch(expected, Qt::UTC).toString(Qt::ISODate))));
                ++checked;
            }
        }
        qInfo("%d wall-clock times agree", checked);
    }

    void thousandRandomCasesAgree()
    {
        QRandomGenerator rng(1234567);
        QSqlQuery query(m_hub.admin().connection());
        QVERIFY(query.prepare(QStringLiteral(
            "SELECT (extract(epoch FROM fermata.next_release(to_timestamp(CAST(? AS bigint)), "
            "CAST(? AS integer[]), CAST(? AS integer[]), CAST(? AS integer[]), CAST(? AS text[]))) * 1000)::bigint")));
        for (int i = 0; i < 1000; ++i) {
            // The recipient's zone, one to three windows (sometimes a team window in another zone).
            const QByteArray zoneId = s_zones.at(rng.bounded(int(s_zones.size())));
            const int count = 1 + rng.bounded(3);
            QList<WeeklyRule> rules;
            QList<int> masks, starts, ends;
            QStringList zones;
            for (int r = 0; r < count; ++r) {
                const QByteArray ruleZone = rng.bounded(5) == 0 ? s_zones.at(rng.bounded(int(s_zones.size()))) : zoneId;
                const quint8 mask = quint8(1 + rng.bounded(127));
                const QTime start = randomTime(rng);
                const QTime end = rng.bounded(6) == 0 ? randomTime(rng) : start.addSecs(60 * (5 + rng.bounded(120)));
                rules.append(WeeklyRule(mask, start, end, ruleZone));
                masks.append(mask);
                starts.append(minuteOf(start));
                ends.append(minuteOf(end));
                zones.append(QString::fromUtf8(ruleZone));
            }
            const QDateTime sentAt = randomInstant(rng, QTimeZone(zoneId));
            query.addBindValue(sentAt.toSecsSinceEpoch());
            query.addBindValue(intArray(masks));
            query.addBindValue(intArray(starts));
            query.addBindValue(intArray(ends));
            query.addBindValue(QString(QLatin1Char('{') + zones.join(QLatin1Char(',')) + QLatin1Char('}')));
            QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
            const QDateTime hub = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
            const QDateTime core = deliverypolicy::releaseTime(rules, sentAt);
            if (hub != core) {
                QString rulesText;
                for (const WeeklyRule &rule : rules)
                    QDebug(&rulesText) << rule;
                QFAIL(qPrintable(QStringLiteral("case %1: sent %2 rules %3: hub %4, core %5").arg(i)
                                     .arg(sentAt.toString(Qt::ISODate), rulesText, hub.toString(Qt::ISODate),
                                          core.toString(Qt::ISODate))));
            }
        }
    }

    void noWindowsMeansAtOnce()
    {
        const QDateTime at(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC);
        QCOMPARE(deliverypolicy::releaseTime({}, at), at);
        const auto row = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT (extract(epoch FROM fermata.next_release(to_timestamp(?), NULL, NULL, NULL, NULL)) * 1000)::bigint"),
            {at.toSecsSinceEpoch()});
        QCOMPARE(row.firstRow.value(0).toLongLong(), at.toMSecsSinceEpoch());
    }

    void describesBothZones()
    {
        const QTimeZone berlin("Europe/Berlin");
        const QTimeZone newYork("America/New_York");
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC); // Monday
        const QDateTime release(QDate(2026, 11, 24), QTime(14, 0), Qt::UTC); // Tue 15:00 Berlin
        QCOMPARE(deliverypolicy::describe(release, now, berlin, newYork),
                 QStringLiteral("Delivered Tue 15:00 (their 09:00)"));
        QCOMPARE(deliverypolicy::describe(now, now, berlin, newYork), QStringLiteral("Delivered now"));
        QCOMPARE(deliverypolicy::describe(now.addSecs(3600), now, berlin, berlin), QStringLiteral("Delivered 14:00"));
    }

private:
    test::HubFixture m_hub;
};

QTEST_GUILESS_MAIN(TestReleaseTime)
#include "tst_releasetime.moc"
