#include "insights/insightstakeaways.h"
#include "mainwindow.h"
#include "uitestfixture.h"
#include "views/insights/insightscard.h"
#include "views/insights/insightsrangepicker.h"
#include "views/insights/insightssource.h"
#include "views/insightsview.h"
#include "widgets/emptystate.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QAbstractBarSeries>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;
using namespace fermata::test;

namespace {

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x35, 0x35, 0x35), QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::WindowText, Qt::white);
    palette.setColor(QPalette::Base, QColor(0x23, 0x23, 0x23));
    palette.setColor(QPalette::Text, Qt::white);
    palette.setColor(QPalette::ButtonText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

// A working week from Monday 2 Nov 2026, with a day off on Wednesday.
InsightsReport weekReport()
{
    InsightsReport r;
    r.first = QDate(2026, 11, 2);
    r.last = QDate(2026, 11, 8);
    const int deep[7] = {120, 90, 0, 210, 45, 0, 0};
    const int longest[7] = {95, 60, 0, 150, 45, 0, 0};
    for (int i = 0; i < 7; ++i) {
        DayInsight d;
        d.day = r.first.addDays(i);
        d.deepWorkMinutes = deep[i];
        d.longestUnbrokenMinutes = longest[i];
        d.meetingMinutes = i < 5 ? 60 : 0;
        d.blocksPlanned = i < 5 ? 2 : 0;
        d.blocksWorked = deep[i] > 0 ? 2 : 0;
        d.blocksMoved = i == 2 ? 1 : 0;
        d.blocksDropped = i == 2 ? 1 : 0;
        r.days.append(d);
    }
    r.weeks = {WeekInsight{r.first, 465, 300}};
    SourceInterruptions mail{QStringLiteral("Mail"), 14, 12, 9, 2, {{QStringLiteral("vip"), 2}}};
    SourceInterruptions chat{QStringLiteral("Chat"), 6, 5, 5, 1, {{QStringLiteral("keyword"), 1}}};
    r.sources = {chat, mail};
    r.peeksEarly = 3;
    r.urgentSent = 1;
    r.sessions = SessionCounts{6, 4, 1, 1, 0};
    r.accuracy = {TagAccuracy{QStringLiteral("docs"), 2, 180, 240}, TagAccuracy{QStringLiteral("review"), 3, 120, 90}};
    return r;
}

// Four weeks of varied, plausible days (for the screenshots and the month layout).
InsightsReport monthReport()
{
    InsightsReport r;
    r.first = QDate(2026, 11, 9);
    r.last = QDate(2026, 12, 6);
    for (int i = 0; i < 28; ++i) {
        DayInsight d;
        d.day = r.first.addDays(i);
        const bool weekday = d.day.dayOfWeek() <= 5;
        if (weekday) {
            d.deepWorkMinutes = 60 + (i * 37) % 180;
            d.longestUnbrokenMinutes = qMin(d.deepWorkMinutes, 30 + (i * 53) % 140);
            d.meetingMinutes = 30 + (i * 29) % 150;
            d.blocksPlanned = 2 + i % 2;
            d.blocksWorked = d.blocksPlanned - (i % 5 == 0 ? 1 : 0);
            d.blocksMoved = i % 7 == 1 ? 1 : 0;
            d.blocksDropped = i % 5 == 0 ? 1 : 0;
        }
        r.days.append(d);
    }
    for (int w = 0; w < 4; ++w) {
        WeekInsight week{r.first.addDays(7 * w), 0, 0};
        for (int i = 0; i < 7; ++i) {
            week.focusMinutes += r.days[7 * w + i].deepWorkMinutes;
            week.meetingMinutes += r.days[7 * w + i].meetingMinutes;
        }
        r.weeks.append(week);
    }
    r.sources = {SourceInterruptions{QStringLiteral("Calendar"), 9, 6, 6, 3, {{QStringLiteral("inside-window"), 3}}},
                 SourceInterruptions{QStringLiteral("Mail"), 58, 52, 47, 6,
                                     {{QStringLiteral("vip"), 4}, {QStringLiteral("critical"), 2}}},
                 SourceInterruptions{QStringLiteral("Slack"), 81, 77, 70, 4, {{QStringLiteral("keyword"), 4}}},
                 SourceInterruptions{QStringLiteral("Team"), 12, 10, 10, 2, {{QStringLiteral("team-message"), 2}}}};
    r.peeksEarly = 5;
    r.urgentSent = 2;
    r.sessions = SessionCounts{44, 38, 5, 4, 0};
    r.accuracy = {TagAccuracy{QStringLiteral("code"), 9, 1200, 1560}, TagAccuracy{QStringLiteral("docs"), 4, 480, 420},
                  TagAccuracy{QStringLiteral("research"), 3, 360, 610}, TagAccuracy{QStringLiteral("review"), 6, 300, 270}};
    return r;
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *text : texts)
        out.append(QString::fromUtf8(text));
    return out;
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out.append(set->at(i));
    return out;
}

QAbstractBarSeries *barSeries(const InsightsCard *card)
{
    return qobject_cast<QAbstractBarSeries *>(card->chart()->series().value(0));
}

QBarSet *setNamed(const InsightsCard *card, const QString &label)
{
    for (QBarSet *set : barSeries(card)->barSets()) {
        if (set->label() == label)
            return set;
    }
    return nullptr;
}

QStringList categories(const InsightsCard *card, Qt::Orientation orientation)
{
    auto *axis = qobject_cast<QBarCategoryAxis *>(card->chart()->axes(orientation).value(0));
    return axis ? axis->categories() : QStringList();
}

} // namespace

class TestInsightsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { pinEnvironment(); }
    void init()
    {
        m_dir = std::make_unique<TempDataDir>();
        m_services = std::make_unique<UiServices>(*m_dir, utc(2026, 11, 8, 18));
    }
    void cleanup()
    {
        m_services.reset();
        m_dir.reset();
    }

    void deepWorkHoursPerDay()
    {
        InsightsView view(m_services->context);
        const InsightsReport report = weekReport();
        view.setReport(report);
        QVERIFY(view.isShowingCharts());
        const InsightsCard *card = view.card(InsightsView::Chart::DeepWork);
        QCOMPARE(categories(card, Qt::Horizontal),
                 strings({"Mon 2", "Tue 3", "Wed 4", "Thu 5", "Fri 6", "Sat 7", "Sun 8"}));
        QCOMPARE(values(barSeries(card)->barSets().constFirst()), QList<qreal>({2.0, 1.5, 0, 3.5, 0.8, 0, 0}));
        QCOMPARE(card->takeaway(), Takeaways::deepWork(report));
        QVERIFY(card->takeaway().startsWith(QStringLiteral("You focused 7 h 45 min over 7 days")));
    }

    void longRangesShowWeeks()
    {
        InsightsView view(m_services->context);
        InsightsReport report;
        report.first = QDate(2026, 10, 1); // a Thursday
        report.last = QDate(2026, 11, 30);
        for (QDate d = report.first; d <= report.last; d = d.addDays(1))
            report.days.append(DayInsight{d, 60, d.day() == 10 ? 90 : 30, 0, 0, 0, 0, 0});
        view.setReport(report);
        const InsightsCard *card = view.card(InsightsView::Chart::DeepWork);
        const QStringList weeks = categories(card, Qt::Horizontal);
        QCOMPARE(weeks.size(), 10); // 28 Sep .. 30 Nov
        QCOMPARE(weeks.constFirst(), QStringLiteral("28 Sep"));
        QCOMPARE(weeks.constLast(), QStringLiteral("30 Nov"));
        const QList<qreal> hours = values(barSeries(card)->barSets().constFirst());
        QCOMPARE(hours.constFirst(), 4.0); // Thu..Sun of the first week
        QCOMPARE(hours.at(1), 7.0);
        QCOMPARE(hours.constLast(), 1.0);
        // Longest stretch: the best day of each week.
        const QList<qreal> longest = values(barSeries(view.card(InsightsView::Chart::LongestStretch))->barSets().constFirst());
        QCOMPARE(longest.at(1), 1.5); // 10 Oct is in the week of 5 Oct
        QCOMPARE(longest.at(2), 0.5);
    }

    // Four weeks of days: a bar per day, named on Mondays only (28 names would be elided).
    void monthNamesMondays()
    {
        InsightsView view(m_services->context);
        view.setReport(monthReport());
        const InsightsCard *card = view.card(InsightsView::Chart::DeepWork);
        QCOMPARE(barSeries(card)->barSets().constFirst()->count(), 28);
        auto *axis = qobject_cast<QCategoryAxis *>(card->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->categoriesLabels(), strings({"9 Nov", "16 Nov", "23 Nov", "30 Nov"}));
        QCOMPARE(axis->endValue(QStringLiteral("16 Nov")), 6.5);
        QCOMPARE(axis->titleText(), QStringLiteral("9 Nov – 6 Dec"));
    }

    // A year draws weekly bars, and drawing it stays well inside the 100 ms a year may take to
    // open (the query runs on the source's thread; this is the window's share).
    // A year is drawn by week (53 bars, not 365). How long it takes is bench_insights' figure,
    // not a limit here: a timed test fails on a busy machine, not on slow code.
    void aYearIsDrawnByWeek()
    {
        InsightsReport report;
        report.first = QDate(2025, 12, 8);
        report.last = QDate(2026, 12, 7);
        for (QDate d = report.first; d <= report.last; d = d.addDays(1))
            report.days.append(DayInsight{d, 100, 50, 30, 2, 1, 0, 1});
        for (QDate m = report.first; m <= report.last; m = m.addDays(7))
            report.weeks.append(WeekInsight{m, 500, 150});
        InsightsView view(m_services->context);
        view.resize(840, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setReport(report);
        QVERIFY(!view.grab().isNull());
        QCOMPARE(categories(view.card(InsightsView::Chart::DeepWork), Qt::Horizontal).size(), 53);
        QCOMPARE(categories(view.card(InsightsView::Chart::MeetingsVersusFocus), Qt::Horizontal).size(), 53);
    }

    void plannedVersusDone()
    {
        InsightsView view(m_services->context);
        const InsightsReport report = weekReport();
        view.setReport(report);
        const InsightsCard *card = view.card(InsightsView::Chart::PlannedVersusDone);
        QCOMPARE(values(setNamed(card, QStringLiteral("Planned"))), QList<qreal>({10}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Worked"))), QList<qreal>({8}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Moved"))), QList<qreal>({1}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Dropped"))), QList<qreal>({1}));
        QCOMPARE(card->takeaway(), Takeaways::plannedVersusDone(report));
    }

    void longestStretchPerDay()
    {
        InsightsView view(m_services->context);
        const InsightsReport report = weekReport();
        view.setReport(report);
        const InsightsCard *card = view.card(InsightsView::Chart::LongestStretch);
        QCOMPARE(categories(card, Qt::Horizontal).size(), 7);
        QCOMPARE(values(barSeries(card)->barSets().constFirst()), QList<qreal>({1.6, 1.0, 0, 2.5, 0.8, 0, 0}));
        QCOMPARE(card->takeaway(), Takeaways::unbrokenStretches(report));
    }

    void interruptionsPerSource()
    {
        InsightsView view(m_services->context);
        const InsightsReport report = weekReport();
        view.setReport(report);
        const InsightsCard *card = view.card(InsightsView::Chart::Interruptions);
        // The first source on top: horizontal bars list categories bottom-up.
        QCOMPARE(categories(card, Qt::Vertical), strings({"Mail", "Chat"}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Still held"))), QList<qreal>({3, 0}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Released in a digest"))), QList<qreal>({9, 5}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Let through"))), QList<qreal>({2, 1}));
        QCOMPARE(card->takeaway(), Takeaways::interruptions(report));
        QVERIFY(card->takeaway().contains(QStringLiteral("peeked early 3 times")));
        QVERIFY(card->takeaway().contains(QStringLiteral("1 urgent message")));
        QCOMPARE(card->note(), QStringLiteral("Chat let through: 1 matching a keyword\nMail let through: 2 from VIPs"));
    }

    void meetingsVersusFocusPerWeek()
    {
        InsightsView view(m_services->context);
        const InsightsReport report = weekReport();
        view.setReport(report);
        const InsightsCard *card = view.card(InsightsView::Chart::MeetingsVersusFocus);
        QCOMPARE(categories(card, Qt::Horizontal), strings({"2 Nov"}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Focus"))), QList<qreal>({7.8}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Meetings"))), QList<qreal>({5.0}));
        QCOMPARE(card->takeaway(), Takeaways::meetingsVersusFocus(report));
    }

    void estimateAccuracyPerTag()
    {
        InsightsView view(m_services->context);
        const InsightsReport report = weekReport();
        view.setReport(report);
        const InsightsCard *card = view.card(InsightsView::Chart::EstimateAccuracy);
        QCOMPARE(categories(card, Qt::Vertical), strings({"review", "docs"}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Estimated"))), QList<qreal>({2.0, 3.0}));
        QCOMPARE(values(setNamed(card, QStringLiteral("Actual"))), QList<qreal>({1.5, 4.0}));
        QCOMPARE(card->takeaway(), Takeaways::estimateAccuracy(report));
    }

    void emptyStateWithoutFocusTime()
    {
        InsightsView view(m_services->context);
        QVERIFY(!view.isShowingCharts()); // before any report
        InsightsReport report = weekReport();
        for (DayInsight &day : report.days)
            day.deepWorkMinutes = 0;
        view.setReport(report);
        QVERIFY(!view.isShowingCharts());
        QCOMPARE(view.emptyState()->title(), QStringLiteral("No focus time recorded yet"));
        view.setReport(weekReport());
        QVERIFY(view.isShowingCharts());
    }

    void rangePickerSetsTheDates()
    {
        InsightsRangePicker picker;
        picker.setToday(QDate(2026, 12, 9)); // a Wednesday
        QSignalSpy changed(&picker, &InsightsRangePicker::rangeChanged);
        QCOMPARE(picker.range(), InsightsRangePicker::Range::LastFourWeeks);
        QCOMPARE(picker.first(), QDate(2026, 11, 12));
        QCOMPARE(picker.last(), QDate(2026, 12, 9));
        QVERIFY(picker.firstEdit()->isHidden());

        picker.rangeBox()->setCurrentIndex(0);
        QCOMPARE(picker.first(), QDate(2026, 12, 7));
        QCOMPARE(picker.last(), QDate(2026, 12, 9));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constLast().at(0).toDate(), QDate(2026, 12, 7));

        picker.setRange(InsightsRangePicker::Range::Quarter);
        QCOMPARE(picker.first(), QDate(2026, 10, 1));
        QCOMPARE(picker.last(), QDate(2026, 12, 9));

        // Custom starts from the range shown, then follows the date edits.
        picker.setRange(InsightsRangePicker::Range::Custom);
        QVERIFY(!picker.firstEdit()->isHidden());
        QCOMPARE(picker.first(), QDate(2026, 10, 1));
        picker.firstEdit()->setDate(QDate(2026, 11, 16));
        QCOMPARE(picker.first(), QDate(2026, 11, 16));
        picker.lastEdit()->setDate(QDate(2026, 11, 20));
        QCOMPARE(picker.last(), QDate(2026, 11, 20));
        QCOMPARE(changed.constLast().at(1).toDate(), QDate(2026, 11, 20));
        picker.setCustomRange(QDate(2026, 5, 31), QDate(2026, 5, 1)); // swapped
        QCOMPARE(picker.first(), QDate(2026, 5, 1));
        QCOMPARE(picker.last(), QDate(2026, 5, 31));
    }

    // The real source: its own thread and connection, answering for the picker's range.
    void readsTheDatabaseOffTheWindowThread()
    {
        InsightsSource source(m_dir->databasePath(), m_services->clock);
        m_services->context.insights = &source;
        InsightsView view(m_services->context);
        QSignalSpy shown(&view, &InsightsView::reportShown);
        view.resize(900, 700);
        view.show();
        QVERIFY(shown.wait(5000));
        QCOMPARE(view.report().first, QDate(2026, 10, 12)); // last 4 weeks to 8 Nov
        QCOMPARE(view.report().last, QDate(2026, 11, 8));
        QCOMPARE(view.report().days.size(), 28);
        QVERIFY(!view.isShowingCharts()); // a fresh database has no focus time
        view.rangePicker()->setRange(InsightsRangePicker::Range::ThisWeek);
        QVERIFY(shown.wait(5000));
        QCOMPARE(view.report().first, QDate(2026, 11, 2));
        // A plan changed while the view is open: the figures are read again.
        Q_EMIT m_services->planning.blocksChanged();
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.size(), 3);
        m_services->context.insights = nullptr;
    }

    void csvExportWritesTheShownFigures()
    {
        InsightsView view(m_services->context);
        view.setReport(weekReport());
        const QString path = m_dir->filePath(QStringLiteral("insights.csv"));
        QCOMPARE(view.writeCsv(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("section,date,name,measure,value\r\nday,2026-11-02,,deep_work_minutes,120\r\n"));
        QVERIFY(!view.writeCsv(m_dir->filePath(QStringLiteral("missing/insights.csv"))).isEmpty());
    }

    // In a 1024 px window the centre is about 840 px: one column, nothing scrolls sideways.
    void readableAt1024()
    {
        InsightsView view(m_services->context);
        view.setReport(monthReport());
        QVERIFY(view.minimumSizeHint().width() <= 760);
        view.resize(840, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.columnCount(), 1);
        QVERIFY(!view.chartsArea()->horizontalScrollBar()->isVisible());
        const InsightsCard *card = view.card(InsightsView::Chart::DeepWork);
        QVERIFY(card->chartView()->width() >= 700);
        QVERIFY(card->chartView()->height() >= 220);
        view.resize(1400, 900);
        QTRY_COMPARE(view.columnCount(), 2);
    }

    // The real window at 1024 × 768: File → Export Insights… is there, the charts take one
    // column and nothing scrolls sideways.
    void inTheWindowAt1024()
    {
        MainWindow window(m_services->context);
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("exportInsightsAction")));
        window.showView(MainWindow::View::Insights);
        auto *view = window.findChild<InsightsView *>();
        QVERIFY(view);
        QVERIFY(!view->isShowingCharts()); // no source in this window: the empty state
        view->setReport(monthReport());
        QTRY_COMPARE(view->columnCount(), 1);
        QApplication::processEvents();
        QVERIFY(!view->chartsArea()->horizontalScrollBar()->isVisible());
        QVERIFY(view->card(InsightsView::Chart::DeepWork)->chartView()->width() >= 600);
        const QString folder = qEnvironmentVariable("FERMATA_INSIGHTS_SHOTS");
        if (!folder.isEmpty())
            QVERIFY(window.grab().save(QDir(folder).filePath(QStringLiteral("insights-window-1024.png"))));
    }

    // Screenshots for people: FERMATA_INSIGHTS_SHOTS=<folder> writes a month, light and dark.
    void screenshots_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSize>("size");
        QTest::addRow("light") << lightPalette() << QStringLiteral("insights-month") << QSize(1200, 1120);
        QTest::addRow("dark") << darkPalette() << QStringLiteral("insights-month-dark") << QSize(1200, 1120);
        // The centre of a 1024 px window: one column.
        QTest::addRow("1024") << lightPalette() << QStringLiteral("insights-month-1024") << QSize(840, 2000);
    }
    void screenshots()
    {
        QFETCH(QPalette, palette);
        QFETCH(QString, name);
        QFETCH(QSize, size);
        const QString folder = qEnvironmentVariable("FERMATA_INSIGHTS_SHOTS");
        InsightsView view(m_services->context);
        view.setPalette(palette);
        view.setAutoFillBackground(true);
        view.setReport(monthReport());
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.columnCount(), size.width() > 1000 ? 2 : 1);
        QApplication::processEvents();
        // The bars take the palette's accent in light and dark.
        auto *set = barSeries(view.card(InsightsView::Chart::DeepWork))->barSets().constFirst();
        QCOMPARE(set->color(), palette.color(QPalette::Highlight));
        if (!folder.isEmpty())
            QVERIFY(view.grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))));
    }

private:
    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
};

QTEST_MAIN(TestInsightsView)
#include "tst_insightsview.moc"
