#include "insightscsv.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;

// File → Export Insights…: the figures as one CSV table, exactly.
class TestInsightsCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void smallReport()
    {
        InsightsReport r;
        r.first = QDate(2026, 11, 2);
        r.last = QDate(2026, 11, 2);
        r.days = {DayInsight{QDate(2026, 11, 2), 95, 60, 30, 2, 1, 1, 0}};
        r.weeks = {WeekInsight{QDate(2026, 11, 2), 95, 30}};
        r.sources = {SourceInterruptions{QStringLiteral("Mail, work"), 5, 4, 3, 1, {{QStringLiteral("vip"), 1}}}};
        r.peeksEarly = 2;
        r.urgentSent = 1;
        r.sessions = SessionCounts{3, 2, 1, 0, 1};
        r.accuracy = {TagAccuracy{QStringLiteral("docs"), 1, 60, 95}};
        const QString expected = QStringLiteral(
            "section,date,name,measure,value\r\n"
            "day,2026-11-02,,deep_work_minutes,95\r\n"
            "day,2026-11-02,,longest_unbroken_minutes,60\r\n"
            "day,2026-11-02,,meeting_minutes,30\r\n"
            "day,2026-11-02,,blocks_planned,2\r\n"
            "day,2026-11-02,,blocks_worked,1\r\n"
            "day,2026-11-02,,blocks_moved,1\r\n"
            "day,2026-11-02,,blocks_dropped,0\r\n"
            "week,2026-11-02,,focus_minutes,95\r\n"
            "week,2026-11-02,,meeting_minutes,30\r\n"
            "source,,\"Mail, work\",received,5\r\n"
            "source,,\"Mail, work\",held,4\r\n"
            "source,,\"Mail, work\",released_in_digest,3\r\n"
            "source,,\"Mail, work\",let_through,1\r\n"
            "let_through_rule,,\"Mail, work\",vip,1\r\n"
            "range,,,peeks_early,2\r\n"
            "range,,,urgent_sent,1\r\n"
            "range,,,sessions_started,3\r\n"
            "range,,,sessions_finished,2\r\n"
            "range,,,sessions_extended,1\r\n"
            "range,,,sessions_stopped_early,0\r\n"
            "range,,,sessions_running,1\r\n"
            "tag,,docs,tasks,1\r\n"
            "tag,,docs,estimated_minutes,60\r\n"
            "tag,,docs,actual_minutes,95\r\n");
        QCOMPARE(insightsCsv(r), expected);
    }

    void emptyReportHasTheHeaderAndRangeRows()
    {
        const QStringList lines = insightsCsv(InsightsReport{}).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.constFirst(), QStringLiteral("section,date,name,measure,value"));
        QCOMPARE(lines.size(), 8);
    }

    // A source name from another app must not run as a spreadsheet formula; quotes double.
    void namesAreQuotedAndDefused()
    {
        InsightsReport r;
        r.accuracy = {TagAccuracy{QStringLiteral("=HYPERLINK(\"x\")"), 1, 1, 1},
                      TagAccuracy{QStringLiteral("say \"hi\""), 1, 1, 1}};
        const QString csv = insightsCsv(r);
        QVERIFY2(csv.contains(QStringLiteral("tag,,\"'=HYPERLINK(\"\"x\"\")\",tasks,1\r\n")), qPrintable(csv));
        QVERIFY(csv.contains(QStringLiteral("tag,,\"say \"\"hi\"\"\",tasks,1\r\n")));
    }
};

QTEST_MAIN(TestInsightsCsv)
#include "tst_insightscsv.moc"
