// The reader's zone handling: TZID resolution (IANA, vendor prefixes, Windows names, legacy
// tz names and Etc/GMT offsets) and the
// tabulated offsets, which must give exactly resolveWallClock()'s instants (DST gaps and
// overlaps included) while being fast enough for bulk expansion.
#include "calendar/icalreader.h"
#include "calendar/icalzonealiases.h"
#include "calendar/icalzones.h"
#include "testsupport.h"
#include "time/weeklyrule.h"

#include <QTest>

using namespace fermata;

class TestIcalZones : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void tzidResolution_data();
    void tzidResolution();
    void aliasesNameAvailableZones();
    void offsetsMatchResolveWallClock_data();
    void offsetsMatchResolveWallClock();
};

void TestIcalZones::tzidResolution_data()
{
    QTest::addColumn<QByteArray>("tzid");
    QTest::addColumn<QByteArray>("iana");
    QTest::newRow("iana") << QByteArray("Europe/Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("quoted") << QByteArray("\"America/Sao_Paulo\"") << QByteArray("America/Sao_Paulo");
    QTest::newRow("mozilla") << QByteArray("/mozilla.org/20050126_1/Europe/London") << QByteArray("Europe/London");
    QTest::newRow("libical") << QByteArray("/freeassociation.sourceforge.net/Tzfile/Australia/Sydney")
                             << QByteArray("Australia/Sydney");
    QTest::newRow("windows berlin") << QByteArray("W. Europe Standard Time") << QByteArray("Europe/Berlin");
    QTest::newRow("windows pacific") << QByteArray("Pacific Standard Time") << QByteArray("America/Los_Angeles");
    QTest::newRow("windows tokyo") << QByteArray("Tokyo Standard Time") << QByteArray("Asia/Tokyo");
    QTest::newRow("padded") << QByteArray(" Europe/Berlin ") << QByteArray("Europe/Berlin");
    // Legacy names (the tz "backward" links), which Qt does not list as available.
    QTest::newRow("legacy us") << QByteArray("US/Eastern") << QByteArray("America/New_York");
    QTest::newRow("legacy pacific") << QByteArray("US/Pacific") << QByteArray("America/Los_Angeles");
    QTest::newRow("legacy india") << QByteArray("Asia/Calcutta") << QByteArray("Asia/Kolkata");
    QTest::newRow("legacy kiev") << QByteArray("Europe/Kiev") << QByteArray("Europe/Kyiv");
    QTest::newRow("legacy utc") << QByteArray("Etc/UTC") << QByteArray("UTC");
    QTest::newRow("legacy prefixed") << QByteArray("/mozilla.org/20050126_1/US/Central")
                                     << QByteArray("America/Chicago");
    QTest::newRow("system v") << QByteArray("EST5EDT") << QByteArray("America/New_York");
    // Etc/GMT signs are inverted: Etc/GMT-2 is two hours east of UTC.
    QTest::newRow("etc gmt-2") << QByteArray("Etc/GMT-2") << QByteArray("UTC+02:00");
    QTest::newRow("etc gmt+5") << QByteArray("Etc/GMT+5") << QByteArray("UTC-05:00");
    QTest::newRow("etc gmt-14") << QByteArray("Etc/GMT-14") << QByteArray("UTC+14:00");
    QTest::newRow("etc gmt-15") << QByteArray("Etc/GMT-15") << QByteArray();
    QTest::newRow("etc gmt+13") << QByteArray("Etc/GMT+13") << QByteArray();
    QTest::newRow("etc gmt+x") << QByteArray("Etc/GMT+x") << QByteArray();
    QTest::newRow("unknown") << QByteArray("Mars/Olympus_Mons") << QByteArray();
    QTest::newRow("outlook custom") << QByteArray("Customized Time Zone") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestIcalZones::tzidResolution()
{
    QFETCH(QByteArray, tzid);
    QFETCH(QByteArray, iana);
    QCOMPARE(zoneForTzid(tzid).id(), iana);
}

// The built-in table: each alias is found (the table is sorted) and names a zone Qt has.
void TestIcalZones::aliasesNameAvailableZones()
{
    QVERIFY(std::size(ical::zoneAliases) > 100);
    for (const ical::ZoneAlias &alias : ical::zoneAliases) {
        const QByteArray current(alias.current);
        QVERIFY2(QTimeZone::isTimeZoneIdAvailable(current), alias.name);
        QCOMPARE(ical::currentZoneName(alias.name), current);
        QVERIFY2(zoneForTzid(alias.name).isValid(), alias.name);
    }
    QCOMPARE(ical::currentZoneName("Europe/Berlin"), QByteArray());
    QCOMPARE(ical::currentZoneName("US/Eastern "), QByteArray());
}

void TestIcalZones::offsetsMatchResolveWallClock_data()
{
    QTest::addColumn<QByteArray>("zone");
    for (const char *zone : {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                             "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham"})
        QTest::newRow(zone) << QByteArray(zone);
}

void TestIcalZones::offsetsMatchResolveWallClock()
{
    QFETCH(QByteArray, zone);
    const QDateTime from(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
    ical::ZoneTable table(QTimeZone("UTC"), from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
    bool known = false;
    const ical::Zone &z = table.lookup(zone, &known);
    QVERIFY(known);
    QCOMPARE(z.kind, ical::Zone::Kind::System);
    const QTimeZone qzone(zone);
    // Every quarter hour of the year, and the minutes around each transition.
    for (QDate day = from.date(); day < to.date(); day = day.addDays(1)) {
        for (int minute = 0; minute < 24 * 60; minute += 15) {
            const QTime time = QTime(0, 0).addSecs(minute * 60);
            QCOMPARE(table.toUtcMs(z, day, time), resolveWallClock(day, time, qzone).toMSecsSinceEpoch());
        }
    }
    for (const QTimeZone::OffsetData &t : qzone.transitions(from, to)) {
        const QDateTime local = t.atUtc.toTimeZone(qzone);
        for (int minute = -90; minute <= 90; ++minute) {
            const QDateTime wall = QDateTime(local.date(), local.time(), Qt::UTC).addSecs(minute * 60);
            QCOMPARE(table.toUtcMs(z, wall.date(), wall.time()),
                     resolveWallClock(wall.date(), wall.time(), qzone).toMSecsSinceEpoch());
        }
    }
}

QTEST_GUILESS_MAIN(TestIcalZones)
#include "tst_icalzones.moc"
