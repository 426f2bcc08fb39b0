#include "models/durationtext.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;

class TestDurationText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void parse_data();
    void parse();
    void format();
};

void TestDurationText::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minutes"); // -1: not a duration
    QTest::newRow("bare number") << QStringLiteral("90") << 90;
    QTest::newRow("minutes") << QStringLiteral("45m") << 45;
    QTest::newRow("min") << QStringLiteral("45 min") << 45;
    QTest::newRow("hours") << QStringLiteral("2h") << 120;
    QTest::newRow("both") << QStringLiteral("1h 30m") << 90;
    QTest::newRow("compact") << QStringLiteral("1h30") << 90;
    QTest::newRow("formatted") << QStringLiteral("1 h 30 min") << 90;
    QTest::newRow("decimal") << QStringLiteral("1.5h") << 90;
    QTest::newRow("comma") << QStringLiteral("0,25 h") << 15;
    QTest::newRow("clock") << QStringLiteral("1:30") << 90;
    QTest::newRow("case") << QStringLiteral("2H") << 120;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("words") << QStringLiteral("soon") << -1;
    QTest::newRow("unit only") << QStringLiteral("h") << -1;
    QTest::newRow("bad clock") << QStringLiteral("1:75") << -1;
}

void TestDurationText::parse()
{
    QFETCH(QString, text);
    QFETCH(int, minutes);
    QCOMPARE(DurationText::parse(text).value_or(-1), minutes);
}

void TestDurationText::format()
{
    QCOMPARE(DurationText::format(45), QStringLiteral("45 min"));
    QCOMPARE(DurationText::format(120), QStringLiteral("2 h"));
    QCOMPARE(DurationText::format(90), QStringLiteral("1 h 30 min"));
    QCOMPARE(DurationText::parse(DurationText::format(135)).value_or(-1), 135);
}

QTEST_MAIN(TestDurationText)
#include "tst_durationtext.moc"
