#include "settings/preferences.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace fermata;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

Interval span(const QDateTime &from, const QDateTime &to)
{
    return Interval::fromDateTimes(from, to);
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(QByteArrayLiteral("Europe/Berlin")); }

    void defaults()
    {
        test::TempDataDir dir;
        Preferences prefs(QSettings::IniFormat, dir.filePath(QStringLiteral("fermata.ini")));
        QCOMPARE(prefs.timeZoneId(), QTimeZone::systemTimeZoneId());
        const WorkingHours hours = prefs.workingHours();
        QCOMPARE(hours, WorkingHours::defaults(QTimeZone::systemTimeZoneId()));
        for (int d = Qt::Monday; d <= Qt::Friday; ++d) {
            const DayHours &day = hours.day(Qt::DayOfWeek(d));
            QVERIFY(day.working);
            QCOMPARE(day.start, QTime(9, 0));
            QCOMPARE(day.end, QTime(17, 0));
        }
        QVERIFY(!hours.day(Qt::Saturday).working);
        QVERIFY(!hours.day(Qt::Sunday).working);
    }

    void unknownZoneFallsBackToSystem()
    {
        test::TempDataDir dir;
        const QString file = dir.filePath(QStringLiteral("fermata.ini"));
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("time/zone"), QStringLiteral("Mars/Olympus_Mons"));
        }
        Preferences prefs(QSettings::IniFormat, file);
        QCOMPARE(prefs.timeZoneId(), QTimeZone::systemTimeZoneId());
    }

    void roundTripThroughFile()
    {
        test::TempDataDir dir;
        const QString file = dir.filePath(QStringLiteral("fermata.ini"));
        WorkingHours hours = WorkingHours::defaults(QByteArrayLiteral("Asia/Tokyo"));
        hours.day(Qt::Monday) = DayHours{};
        hours.day(Qt::Wednesday).end = QTime(12, 30);
        hours.day(Qt::Saturday) = DayHours{true, QTime(10, 0), QTime(14, 0)};
        {
            Preferences prefs(QSettings::IniFormat, file);
            QSignalSpy changed(&prefs, &Preferences::workingHoursChanged);
            prefs.setWorkingHours(hours);
            QCOMPARE(changed.count(), 1);
            // Written to disk at once (sync), not at destruction.
            QVERIFY(test::fileBytes(file).contains("Asia/Tokyo"));
        }
        Preferences reopened(QSettings::IniFormat, file);
        QCOMPARE(reopened.timeZoneId(), QByteArrayLiteral("Asia/Tokyo"));
        QCOMPARE(reopened.timeZone(), QTimeZone("Asia/Tokyo"));
        QCOMPARE(reopened.workingHours(), hours);
    }

    void rulesOnePerWorkingDay()
    {
        WorkingHours hours = WorkingHours::defaults(QByteArrayLiteral("Europe/Berlin"));
        hours.day(Qt::Friday) = DayHours{true, QTime(8, 0), QTime(13, 0)};
        hours.day(Qt::Sunday) = DayHours{false, QTime(9, 0), QTime(10, 0)}; // off: no rule
        const QList<WeeklyRule> rules = hours.rules();
        QCOMPARE(rules.size(), 5);
        for (int d = Qt::Monday; d <= Qt::Friday; ++d) {
            const WeeklyRule &rule = rules.at(d - 1);
            QCOMPARE(rule.dayMask(), WeeklyRule::dayBit(Qt::DayOfWeek(d)));
            QCOMPARE(rule.zoneId(), QByteArrayLiteral("Europe/Berlin"));
        }
        QCOMPARE(rules.at(4).start(), QTime(8, 0));
        QCOMPARE(rules.at(4).end(), QTime(13, 0));
        QCOMPARE(rules.at(0).start(), QTime(9, 0));
        QCOMPARE(rules.at(0).end(), QTime(17, 0));
    }

    void expandAcrossDstInBerlin()
    {
        // Mon 25 March 2024 to Tue 2 April: Berlin moves from CET (+1) to CEST (+2) on Sun 31.
        const WorkingHours hours = WorkingHours::defaults(QByteArrayLiteral("Europe/Berlin"));
        const Interval week = span(utc(2024, 3, 24, 23), utc(2024, 4, 1, 22));
        const IntervalSet expected{
            span(utc(2024, 3, 25, 8), utc(2024, 3, 25, 16)),
            span(utc(2024, 3, 26, 8), utc(2024, 3, 26, 16)),
            span(utc(2024, 3, 27, 8), utc(2024, 3, 27, 16)),
            span(utc(2024, 3, 28, 8), utc(2024, 3, 28, 16)),
            span(utc(2024, 3, 29, 8), utc(2024, 3, 29, 16)),
            span(utc(2024, 4, 1, 7), utc(2024, 4, 1, 15)),
        };
        QCOMPARE(hours.expand(week), expected);
        QCOMPARE(hours.expand(week).totalMinutes(), 6 * 8 * 60);

        // Clipped at the edges of the range.
        const Interval partial = span(utc(2024, 3, 25, 12), utc(2024, 3, 26, 9));
        QCOMPARE(hours.expand(partial),
                 (IntervalSet{span(utc(2024, 3, 25, 12), utc(2024, 3, 25, 16)),
                              span(utc(2024, 3, 26, 8), utc(2024, 3, 26, 9))}));
    }

    void expandUnitesCustomDays()
    {
        WorkingHours hours; // nothing working
        hours.zoneId = QByteArrayLiteral("Europe/Berlin");
        QVERIFY(hours.rules().isEmpty());
        QVERIFY(hours.expand(span(utc(2024, 3, 25, 0), utc(2024, 4, 1, 0))).isEmpty());
        hours.day(Qt::Saturday) = DayHours{true, QTime(10, 0), QTime(14, 0)};
        hours.day(Qt::Sunday) = DayHours{true, QTime(10, 0), QTime(11, 0)};
        QCOMPARE(hours.expand(span(utc(2024, 3, 25, 0), utc(2024, 4, 1, 0))),
                 (IntervalSet{span(utc(2024, 3, 30, 9), utc(2024, 3, 30, 13)),
                              span(utc(2024, 3, 31, 8), utc(2024, 3, 31, 9))}));
    }
};

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
