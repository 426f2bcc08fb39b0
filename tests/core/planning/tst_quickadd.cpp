#include "testsupport.h"

#include "planning/quickadd.h"

#include <QTest>

using namespace fermata;

// Quick-add lines with a pinned clock (Wednesday 2 Dec 2026, 10:00 in Berlin) and zone.
class TestQuickAdd final : public QObject
{
    Q_OBJECT

    static QTimeZone zone() { return QTimeZone(QByteArrayLiteral("Europe/Berlin")); }
    static QDateTime berlin(int y, int mo, int d, int h, int mi = 0)
    {
        return QDateTime(QDate(y, mo, d), QTime(h, mi), zone()).toUTC();
    }

private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("minutes");      // -1: none
        QTest::addColumn<QDateTime>("deadline");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<int>("priority");     // 0: none
        QTest::addColumn<int>("part");
        QTest::addColumn<QString>("after");

        const QDateTime wed10 = berlin(2026, 12, 2, 10);
        const QDateTime none;
        const int any = int(DayPart::Any);
        QTest::newRow("by weekday, priority") << QStringLiteral("Write report 3h by fri p1") << wed10
            << QStringLiteral("Write report") << 180 << berlin(2026, 12, 4, 17) << none << 1 << any << QString();
        QTest::newRow("after a quoted title") << QStringLiteral("Review PR 45m after \"Write report\"") << wed10
            << QStringLiteral("Review PR") << 45 << none << none << 0 << any << QStringLiteral("Write report");
        QTest::newRow("ISO date and time") << QStringLiteral("Call bank 30m by 2026-12-03 17:00") << wed10
            << QStringLiteral("Call bank") << 30 << berlin(2026, 12, 3, 17) << none << 0 << any << QString();
        QTest::newRow("hours and minutes, part of day") << QStringLiteral("Read paper 1h30m p2 morning") << wed10
            << QStringLiteral("Read paper") << 90 << none << none << 2 << int(DayPart::Morning) << QString();
        QTest::newRow("tomorrow means 17:00") << QStringLiteral("Plan Q1 2h by tomorrow") << wed10
            << QStringLiteral("Plan Q1") << 120 << berlin(2026, 12, 3, 17) << none << 0 << any << QString();
        QTest::newRow("from a weekday: earliest start") << QStringLiteral("Draft 2h from mon") << wed10
            << QStringLiteral("Draft") << 120 << none << berlin(2026, 12, 7, 0) << 0 << any << QString();
        QTest::newRow("today's weekday before 17:00 is today") << QStringLiteral("Pay rent by wed") << wed10
            << QStringLiteral("Pay rent") << -1 << berlin(2026, 12, 2, 17) << none << 0 << any << QString();
        QTest::newRow("today's weekday after 17:00 is next week") << QStringLiteral("Pay rent by wed") << berlin(2026, 12, 2, 18)
            << QStringLiteral("Pay rent") << -1 << berlin(2026, 12, 9, 17) << none << 0 << any << QString();
        QTest::newRow("12-hour time, full weekday") << QStringLiteral("Ship it by Friday 9am afternoon") << wed10
            << QStringLiteral("Ship it") << -1 << berlin(2026, 12, 4, 9) << none << 0 << int(DayPart::Afternoon) << QString();
        QTest::newRow("unknown words stay") << QStringLiteral("Buy milk by the store p5") << wed10
            << QStringLiteral("Buy milk by the store p5") << -1 << none << none << 0 << any << QString();
        QTest::newRow("after one word") << QStringLiteral("Deploy after Build 1.5h") << wed10
            << QStringLiteral("Deploy") << 90 << none << none << 0 << any << QStringLiteral("Build");
        QTest::newRow("second duration stays in title") << QStringLiteral("Run 5k 30m") << wed10
            << QStringLiteral("Run 5k") << 30 << none << none << 0 << any << QString();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, now);
        QFETCH(QString, title);
        QFETCH(int, minutes);
        QFETCH(QDateTime, deadline);
        QFETCH(QDateTime, start);
        QFETCH(int, priority);
        QFETCH(int, part);
        QFETCH(QString, after);
        const Result<ParsedTask> r = QuickAdd::parse(text, now, zone());
        QVERIFY2(r.isOk(), r.isOk() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->title, title);
        QCOMPARE(r->estimateMinutes.value_or(-1), minutes);
        QCOMPARE(r->deadline, deadline);
        QCOMPARE(r->earliestStart, start);
        QCOMPARE(r->priority ? int(*r->priority) : 0, priority);
        QCOMPARE(int(r->preferredDayPart), part);
        QCOMPARE(r->afterTitle, after);
    }

    // `after Ada's "API spec"`: a teammate's commitment (owner and title), in any of the quotes
    // people type; a local `after "Title"` keeps meaning a task.
    void afterCommitment_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("owner");      // empty: not a commitment
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("minutes");

        QTest::newRow("double quotes") << QStringLiteral("Build client 3h after Ada's \"API spec\"")
            << QStringLiteral("Build client") << QStringLiteral("Ada") << QStringLiteral("API spec") << 180;
        QTest::newRow("typographic apostrophe") << QStringLiteral("Build client after Ada\u2019s \"API spec\" 2h")
            << QStringLiteral("Build client") << QStringLiteral("Ada") << QStringLiteral("API spec") << 120;
        QTest::newRow("single quotes, words after") << QStringLiteral("Build client after ada's 'API spec v2' 45m")
            << QStringLiteral("Build client") << QStringLiteral("ada") << QStringLiteral("API spec v2") << 45;
        QTest::newRow("curly single quotes") << QStringLiteral("Build client after Ada\u2019s \u2018API\u2019")
            << QStringLiteral("Build client") << QStringLiteral("Ada") << QStringLiteral("API") << -1;
        QTest::newRow("local task stays a task") << QStringLiteral("Review 45m after \"Write report\"")
            << QStringLiteral("Review") << QString() << QStringLiteral("Write report") << 45;
        QTest::newRow("a possessive without a quoted title is a task name") << QStringLiteral("Deploy after Ada's 1h")
            << QStringLiteral("Deploy") << QString() << QStringLiteral("Ada's") << 60;
    }

    void afterCommitment()
    {
        QFETCH(QString, text);
        QFETCH(QString, title);
        QFETCH(QString, owner);
        QFETCH(QString, after);
        QFETCH(int, minutes);
        const Result<ParsedTask> r = QuickAdd::parse(text, berlin(2026, 12, 2, 10), zone());
        QVERIFY2(r.isOk(), r.isOk() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->title, title);
        QCOMPARE(r->afterOwner, owner);
        QCOMPARE(r->afterTitle, after);
        QCOMPARE(r->estimateMinutes.value_or(-1), minutes);
        QVERIFY2(r->notUnderstood.isEmpty(), qPrintable(r->notUnderstood.join(u'|')));
    }

    // `share`: a word of its own, in any case and anywhere but first; never part of another
    // word, a quoted title or a teammate's commitment title.
    void share_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("share");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("minutes");

        QTest::newRow("at the end") << QStringLiteral("Write report 2h share") << true
            << QStringLiteral("Write report") << QString() << QString() << 120;
        QTest::newRow("in the middle, upper case") << QStringLiteral("Write SHARE report 2h") << true
            << QStringLiteral("Write report") << QString() << QString() << 120;
        QTest::newRow("with a teammate's commitment") << QStringLiteral("Build client 3h share after Ada's \"API spec\"") << true
            << QStringLiteral("Build client") << QStringLiteral("Ada") << QStringLiteral("API spec") << 180;
        QTest::newRow("after a teammate's commitment") << QStringLiteral("Build client after Ada's \"API spec\" Share") << true
            << QStringLiteral("Build client") << QStringLiteral("Ada") << QStringLiteral("API spec") << -1;
        QTest::newRow("inside the commitment's title") << QStringLiteral("Build client after Ada's 'share plan'") << false
            << QStringLiteral("Build client") << QStringLiteral("Ada") << QStringLiteral("share plan") << -1;
        QTest::newRow("a quoted title") << QStringLiteral("Review after \"share\"") << false
            << QStringLiteral("Review") << QString() << QStringLiteral("share") << -1;
        QTest::newRow("quoted in the title") << QStringLiteral("Explain \"share\" button") << false
            << QStringLiteral("Explain \"share\" button") << QString() << QString() << -1;
        QTest::newRow("shared") << QStringLiteral("Update shared drive 1h") << false
            << QStringLiteral("Update shared drive") << QString() << QString() << 60;
        QTest::newRow("shareholders") << QStringLiteral("Letter to shareholders") << false
            << QStringLiteral("Letter to shareholders") << QString() << QString() << -1;
        QTest::newRow("first word is the title's") << QStringLiteral("Share slides with Bob 30m") << false
            << QStringLiteral("Share slides with Bob") << QString() << QString() << 30;
        QTest::newRow("first word and the keyword") << QStringLiteral("Share slides share") << true
            << QStringLiteral("Share slides") << QString() << QString() << -1;
    }

    void share()
    {
        QFETCH(QString, text);
        QFETCH(bool, share);
        QFETCH(QString, title);
        QFETCH(QString, owner);
        QFETCH(QString, after);
        QFETCH(int, minutes);
        const Result<ParsedTask> r = QuickAdd::parse(text, berlin(2026, 12, 2, 10), zone());
        QVERIFY2(r.isOk(), r.isOk() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->share, share);
        QCOMPARE(r->title, title);
        QCOMPARE(r->afterOwner, owner);
        QCOMPARE(r->afterTitle, after);
        QCOMPARE(r->estimateMinutes.value_or(-1), minutes);
        QVERIFY2(r->notUnderstood.isEmpty(), qPrintable(r->notUnderstood.join(u'|')));
    }

    // A keyword's phrase that was not understood ends at `share`, which is still read.
    void shareEndsAnUnreadPhrase()
    {
        const Result<ParsedTask> r = QuickAdd::parse(QStringLiteral("Buy milk by the store share"), berlin(2026, 12, 2, 10), zone());
        QVERIFY(r.isOk());
        QVERIFY(r->share);
        QCOMPARE(r->title, QStringLiteral("Buy milk by the store"));
        QCOMPARE(r->notUnderstood, QStringList{QStringLiteral("by the store")});
    }

    void shareOnlyIsNoTitle()
    {
        const Result<ParsedTask> alone = QuickAdd::parse(QStringLiteral("share"), berlin(2026, 12, 2, 10), zone());
        QVERIFY(alone.isOk()); // the first word is a title
        QCOMPARE(alone->title, QStringLiteral("share"));
        QVERIFY(!alone->share);
    }

    // Owner by name or login in any case; title exact, else a unique prefix.
    void findCommitment_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("index");         // -1: an error
        QTest::addColumn<QString>("error");     // part of the message

        QTest::newRow("name, exact title") << QStringLiteral("ada") << QStringLiteral("API spec") << 0 << QString();
        QTest::newRow("login, unique prefix") << QStringLiteral("ADA.L") << QStringLiteral("api spec v") << 1 << QString();
        QTest::newRow("exact wins over a longer title") << QStringLiteral("Ada") << QStringLiteral("API spec") << 0 << QString();
        QTest::newRow("ambiguous prefix") << QStringLiteral("Ada") << QStringLiteral("API") << -1
            << QStringLiteral("Ada shares 2 commitments starting 'API'");
        QTest::newRow("another owner's title") << QStringLiteral("Ada") << QStringLiteral("Budget") << -1
            << QStringLiteral("Ada shares no commitment called 'Budget'");
        QTest::newRow("unknown owner") << QStringLiteral("Bob") << QStringLiteral("API spec") << -1
            << QStringLiteral("Nobody called Bob shares a commitment");
    }

    void findCommitment()
    {
        QFETCH(QString, owner);
        QFETCH(QString, title);
        QFETCH(int, index);
        QFETCH(QString, error);
        auto commitment = [](qint64 ownerId, const QString &role, const QString &name, const QString &what) {
            TeammateCommitment c;
            c.commitment.uuid = QUuid::createUuid();
            c.commitment.ownerId = ownerId;
            c.commitment.ownerRole = role;
            c.commitment.title = what;
            c.ownerName = name;
            return c;
        };
        const QList<TeammateCommitment> list{
            commitment(1, QStringLiteral("ada.l"), QStringLiteral("Ada"), QStringLiteral("API spec")),
            commitment(1, QStringLiteral("ada.l"), QStringLiteral("Ada"), QStringLiteral("API spec v2")),
            commitment(2, QStringLiteral("grace"), QStringLiteral("Grace"), QStringLiteral("Budget")),
        };
        const Result<TeammateCommitment> found = QuickAdd::findCommitment(owner, title, list);
        if (index < 0) {
            QVERIFY(!found);
            QVERIFY2(found.error().message.contains(error), qPrintable(found.error().message));
        } else {
            QVERIFY2(found, found ? "" : qPrintable(found.error().message));
            QCOMPARE(found->commitment.uuid, list.at(index).commitment.uuid);
        }
    }

    // Dates the parser reads besides weekdays and ISO: `next wed`, numeric and month names.
    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QDateTime>("deadline");
        QTest::addColumn<QString>("title");

        const QDateTime wed10 = berlin(2026, 12, 2, 10); // Wednesday 2 Dec 2026
        const QDateTime mon10 = berlin(2026, 11, 30, 10);
        const QDateTime sun10 = berlin(2026, 12, 6, 10);
        const QString us = QStringLiteral("en_US");
        const QString de = QStringLiteral("de_DE");
        const QString gb = QStringLiteral("en_GB");
        QTest::newRow("next wed on a wednesday: next week's") << QStringLiteral("Pay rent by next wed") << wed10 << gb
            << berlin(2026, 12, 9, 17) << QStringLiteral("Pay rent");
        QTest::newRow("next wed on a monday: next week's, not this one") << QStringLiteral("Pay rent by next wed") << mon10 << gb
            << berlin(2026, 12, 9, 17) << QStringLiteral("Pay rent");
        QTest::newRow("next wed on a sunday (weeks from monday)") << QStringLiteral("Pay rent by next wed") << sun10 << gb
            << berlin(2026, 12, 9, 17) << QStringLiteral("Pay rent");
        QTest::newRow("next wed on a sunday (weeks from sunday)") << QStringLiteral("Pay rent by next wed") << sun10 << us
            << berlin(2026, 12, 16, 17) << QStringLiteral("Pay rent");
        QTest::newRow("next fri with a time") << QStringLiteral("Ship by next fri 9am") << wed10 << gb
            << berlin(2026, 12, 11, 9) << QStringLiteral("Ship");
        QTest::newRow("12/10, month first (en_US)") << QStringLiteral("Report by 12/10") << wed10 << us
            << berlin(2026, 12, 10, 17) << QStringLiteral("Report");
        QTest::newRow("12/10, day first (de_DE): October, passed: next year") << QStringLiteral("Report by 12/10") << wed10 << de
            << berlin(2027, 10, 12, 17) << QStringLiteral("Report");
        QTest::newRow("10.12. day first") << QStringLiteral("Report by 10.12.") << wed10 << de
            << berlin(2026, 12, 10, 17) << QStringLiteral("Report");
        QTest::newRow("25/12 has one reading") << QStringLiteral("Gifts by 25/12") << wed10 << us
            << berlin(2026, 12, 25, 17) << QStringLiteral("Gifts");
        QTest::newRow("numeric with a year stays in that year") << QStringLiteral("Report by 12/1/2026") << wed10 << us
            << berlin(2026, 12, 1, 17) << QStringLiteral("Report");
        QTest::newRow("dec 10") << QStringLiteral("Report 2h by dec 10") << wed10 << gb
            << berlin(2026, 12, 10, 17) << QStringLiteral("Report");
        QTest::newRow("10 december 14:00") << QStringLiteral("Report by 10 december 14:00") << wed10 << gb
            << berlin(2026, 12, 10, 14) << QStringLiteral("Report");
        QTest::newRow("past month-day: next year") << QStringLiteral("Report by dec 1") << wed10 << gb
            << berlin(2027, 12, 1, 17) << QStringLiteral("Report");
        QTest::newRow("today's month-day is today") << QStringLiteral("Report by dec 2nd") << wed10 << gb
            << berlin(2026, 12, 2, 17) << QStringLiteral("Report");
        QTest::newRow("month day year") << QStringLiteral("Report by jan 5 2027") << wed10 << gb
            << berlin(2027, 1, 5, 17) << QStringLiteral("Report");
    }

    void dates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, now);
        QFETCH(QString, locale);
        QFETCH(QDateTime, deadline);
        QFETCH(QString, title);
        const Result<ParsedTask> r = QuickAdd::parse(text, now, zone(), QLocale(locale));
        QVERIFY2(r.isOk(), r.isOk() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->deadline, deadline);
        QCOMPARE(r->title, title);
        QCOMPARE(r->notUnderstood, QStringList());
    }

    void localeDateOrder()
    {
        QVERIFY(QuickAdd::isMonthFirst(QLocale(QStringLiteral("en_US"))));
        QVERIFY(!QuickAdd::isMonthFirst(QLocale(QStringLiteral("de_DE"))));
        QVERIFY(!QuickAdd::isMonthFirst(QLocale(QStringLiteral("en_GB"))));
    }

    // What looks like an instruction but was not read is named, and stays in the title.
    void notUnderstood_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("phrases");
        QTest::newRow("by a place, p5") << QStringLiteral("Buy milk by the store p5")
            << QStringLiteral("Buy milk by the store p5") << QStringList{QStringLiteral("by the store"), QStringLiteral("p5")};
        QTest::newRow("next week") << QStringLiteral("Plan by next week")
            << QStringLiteral("Plan by next week") << QStringList{QStringLiteral("by next week")};
        QTest::newRow("a second deadline") << QStringLiteral("Plan by fri by mon")
            << QStringLiteral("Plan by mon") << QStringList{QStringLiteral("by mon")};
        QTest::newRow("a second estimate") << QStringLiteral("Plan 2h 3h")
            << QStringLiteral("Plan 3h") << QStringList{QStringLiteral("3h")};
        QTest::newRow("a second priority") << QStringLiteral("Plan p1 p2")
            << QStringLiteral("Plan p2") << QStringList{QStringLiteral("p2")};
        QTest::newRow("everything understood") << QStringLiteral("Plan 2h by fri p1")
            << QStringLiteral("Plan") << QStringList();
    }

    void notUnderstood()
    {
        QFETCH(QString, text);
        QFETCH(QString, title);
        QFETCH(QStringList, phrases);
        const Result<ParsedTask> r = QuickAdd::parse(text, berlin(2026, 12, 2, 10), zone(), QLocale(QStringLiteral("en_GB")));
        QVERIFY2(r.isOk(), r.isOk() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->title, title);
        QCOMPARE(r->notUnderstood, phrases);
    }

    void hoursThenMinutesAddUp()
    {
        const Result<ParsedTask> r = QuickAdd::parse(QStringLiteral("Write report 2h 30m"), berlin(2026, 12, 2, 10), zone());
        QVERIFY(r.isOk());
        QCOMPARE(r->estimateMinutes.value_or(-1), 150);
        QCOMPARE(r->title, QStringLiteral("Write report"));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("no title") << QStringLiteral("3h p1 by fri");
        QTest::newRow("impossible date") << QStringLiteral("Report by 2026-02-30");
        QTest::newRow("deadline before start") << QStringLiteral("Report by thu from fri");
        QTest::newRow("impossible numeric date") << QStringLiteral("Report by 31/13");
        QTest::newRow("impossible month day") << QStringLiteral("Report by feb 30");
    }

    void rejects()
    {
        QFETCH(QString, text);
        const Result<ParsedTask> r = QuickAdd::parse(text, berlin(2026, 12, 2, 10), zone());
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().code, Error::Code::Invalid);
        QVERIFY(!r.error().message.isEmpty());
    }

    void toTask()
    {
        const Result<ParsedTask> r = QuickAdd::parse(QStringLiteral("Write report 3h by fri p1"), berlin(2026, 12, 2, 10), zone());
        QVERIFY(r.isOk());
        const Task t = r->toTask();
        QCOMPARE(t.title, QStringLiteral("Write report"));
        QCOMPARE(t.estimateMinutes, 180);
        QCOMPARE(t.remainingMinutes, 180);
        QCOMPARE(t.priority, Priority::P1);
        QCOMPARE(t.deadline, berlin(2026, 12, 4, 17));
    }
};

QTEST_GUILESS_MAIN(TestQuickAdd)
#include "tst_quickadd.moc"
