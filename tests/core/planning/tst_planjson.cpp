#include "testsupport.h"

#include "commands/plancommand.h"
#include "planning/focusbench.h"
#include "planning/planjson.h"

#include <QFile>
#include <QTest>

using namespace fermata;

class TestPlanJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void requestErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("the request is not valid JSON");
        QTest::newRow("no horizon") << QByteArray(R"({"tasks": []})") << QStringLiteral("horizon: missing");
        QTest::newRow("bad instant")
            << QByteArray(R"({"horizon": {"start": "2024-03-04T00:00:00Z", "end": "tomorrow"}, "tasks": []})")
            << QStringLiteral("horizon.end: expected an ISO 8601 instant");
        QTest::newRow("bad priority")
            << QByteArray(R"({"horizon": {"start": "2024-03-04T00:00:00Z", "end": "2024-03-05T00:00:00Z"},
                              "tasks": [{"id": 1}, {"id": 2, "priority": "P9"}]})")
            << QStringLiteral("tasks[1].priority: expected \"P1\" to \"P4\"");
        QTest::newRow("estimate text")
            << QByteArray(R"({"horizon": {"start": "2024-03-04T00:00:00Z", "end": "2024-03-05T00:00:00Z"},
                              "tasks": [{"id": 1, "remainingMinutes": "lots"}]})")
            << QStringLiteral("tasks[0].remainingMinutes: expected a whole number");
    }

    void requestErrorsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<PlanRequest> r = interop::readPlanRequest(json);
        QVERIFY(!r.isOk());
        QVERIFY2(r.error().message.startsWith(message), qPrintable(r.error().message));
    }

    void focusbenchErrorsNameTheField()
    {
        const Result<interop::FocusbenchInstance> r = interop::readFocusbenchInstance(
            R"({"schema": "focusbench/1", "slot_minutes": 15, "horizon": {"start": 0, "end": 1440},
                "working_hours": [{"day": 0, "start": 540, "end": 1020}],
                "tasks": [{"id": "t0", "duration": "long"}]})");
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().message, QStringLiteral("tasks[0].duration: expected a whole number"));
    }

    void planCommand()
    {
        QCOMPARE(runPlanCommand({QStringLiteral("plan"), QStringLiteral("--help")}), 0);
        QCOMPARE(runPlanCommand({QStringLiteral("plan")}), 2);
        fermata::test::TempDataDir dir;
        const QString in = dir.filePath(QStringLiteral("i.json"));
        const QString out = dir.filePath(QStringLiteral("p.json"));
        QCOMPARE(runPlanCommand({QStringLiteral("plan"), QStringLiteral("--in"), in, QStringLiteral("--out"), out}), 1);
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"schema": "focusbench/1", "slot_minutes": 15, "horizon": {"start": 0, "end": 1440},
                   "working_hours": [{"day": 0, "start": 540, "end": 1020}], "checkins": [], "fixed_events": [],
                   "meetings": [], "tasks": [{"id": "t0", "duration": 120, "priority": 1, "weight": 8, "release": 0,
                   "deadline": 1020, "splittable": true, "min_chunk": 60, "max_chunk": 180, "energy": "any",
                   "depends_on": []}]})");
        f.close();
        QCOMPARE(runPlanCommand({QStringLiteral("plan"), QStringLiteral("--focusbench"), in, QStringLiteral("--out"), out}), 0);
        QCOMPARE(runPlanCommand({QStringLiteral("plan"), QStringLiteral("--focusbench"), in, QStringLiteral("--out"), out,
                                 QStringLiteral("--previous"), out}), 0);
        QVERIFY(fermata::test::fileBytes(out).contains("\"start\": 540"));
    }
};

QTEST_GUILESS_MAIN(TestPlanJson)
#include "tst_planjson.moc"
