#include "testsupport.h"
#include "time/clock.h"
#include "widgets/daytimeline.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;

namespace {

const QDate monday(2024, 5, 13);

Interval utcSpan(QTime start, QTime end, QDate date = monday)
{
    return Interval::fromDateTimes(QDateTime(date, start, Qt::UTC), QDateTime(date, end, Qt::UTC));
}

} // namespace

class TestDayTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup() { m_timeline.reset(); }
    void defaultHoursAndLinearMapping();
    void rangeWidensToFitEntries();
    void instantsMapInTheDaysZone();
    void overlappingEntriesShareTheWidth();
    void paintsFocusInAccentAndEventsNeutral();
    void paintsTheCurrentTime();
    void showsMomentsAndFreeEventsWithoutFill();
    void widensToIncludeNowInTheEvening();
    void focusClickSelectsTask();

private:
    std::unique_ptr<DayTimeline> m_timeline;
};

void TestDayTimeline::init()
{
    m_timeline = std::make_unique<DayTimeline>();
    m_timeline->setDay(monday, QTimeZone("UTC"));
    m_timeline->setWorkingHours(IntervalSet{utcSpan(QTime(9, 0), QTime(17, 0))});
    m_timeline->setEntries({
        {TimelineEntry::Kind::Event, utcSpan(QTime(10, 0), QTime(11, 0)), QStringLiteral("Standup"), 0, 0, false, QString()},
        {TimelineEntry::Kind::Focus, utcSpan(QTime(13, 0), QTime(15, 0)), QStringLiteral("Report"), 42, 0, false, QString()},
    });
    m_timeline->resize(400, 800);
}

void TestDayTimeline::defaultHoursAndLinearMapping()
{
    QCOMPARE(m_timeline->firstHour(), 7);
    QCOMPARE(m_timeline->lastHour(), 20);
    const qreal hour = m_timeline->yForTime(QTime(10, 0)) - m_timeline->yForTime(QTime(9, 0));
    QVERIFY(hour > 40);
    QCOMPARE(m_timeline->yForTime(QTime(14, 0)) - m_timeline->yForTime(QTime(13, 0)), hour);
    QCOMPARE(m_timeline->yForTime(QTime(9, 30)), m_timeline->yForTime(QTime(9, 0)) + hour / 2);
    // Outside the shown hours, times clamp to the edges.
    QCOMPARE(m_timeline->yForTime(QTime(3, 0)), m_timeline->yForTime(QTime(7, 0)));
    QVERIFY(m_timeline->yForTime(QTime(20, 0)) < m_timeline->height());
}

void TestDayTimeline::rangeWidensToFitEntries()
{
    m_timeline->setEntries({{TimelineEntry::Kind::Event, utcSpan(QTime(5, 30), QTime(6, 0)),
                             QStringLiteral("Early call"), 0, 0, false, QString()},
                            {TimelineEntry::Kind::Focus, utcSpan(QTime(20, 0), QTime(21, 15)),
                             QStringLiteral("Late"), 1, 0, false, QString()}});
    QCOMPARE(m_timeline->firstHour(), 5);
    QCOMPARE(m_timeline->lastHour(), 22);
    m_timeline->setEntries({});
    QCOMPARE(m_timeline->firstHour(), 7);
    QCOMPARE(m_timeline->lastHour(), 20);
}

void TestDayTimeline::instantsMapInTheDaysZone()
{
    m_timeline->setDay(monday, QTimeZone("Europe/Berlin")); // UTC+2 in May
    const QDateTime eightUtc(monday, QTime(8, 0), Qt::UTC);
    QCOMPARE(m_timeline->yFor(eightUtc), m_timeline->yForTime(QTime(10, 0)));
    // The previous evening (Berlin) clamps to the top.
    QCOMPARE(m_timeline->yFor(QDateTime(monday.addDays(-1), QTime(12, 0), Qt::UTC)),
             m_timeline->yForTime(QTime(7, 0)));
}

void TestDayTimeline::overlappingEntriesShareTheWidth()
{
    m_timeline->setEntries({
        {TimelineEntry::Kind::Event, utcSpan(QTime(10, 0), QTime(11, 0)), QStringLiteral("A"), 0, 0, false, QString()},
        {TimelineEntry::Kind::Event, utcSpan(QTime(10, 30), QTime(12, 0)), QStringLiteral("B"), 0, 0, false, QString()},
        {TimelineEntry::Kind::Event, utcSpan(QTime(14, 0), QTime(15, 0)), QStringLiteral("C"), 0, 0, false, QString()},
    });
    const QRectF a = m_timeline->entryRect(0);
    const QRectF b = m_timeline->entryRect(1);
    const QRectF c = m_timeline->entryRect(2);
    QVERIFY(!a.intersects(b));
    QVERIFY(a.width() < c.width() / 2 + 1);
    QVERIFY(b.left() > a.left());
}

void TestDayTimeline::paintsFocusInAccentAndEventsNeutral()
{
    QVERIFY(m_timeline->focusColor() != m_timeline->eventColor());
    const QImage image = m_timeline->grab().toImage();
    const QPoint event = m_timeline->entryRect(0).center().toPoint();
    const QPoint focus = m_timeline->entryRect(1).center().toPoint();
    QCOMPARE(image.pixelColor(focus).rgb(), m_timeline->focusColor().rgb());
    QCOMPARE(image.pixelColor(event).rgb(), m_timeline->eventColor().rgb());
}

// A moment (an event with a start and no end, RFC 5545 §3.6.1) shows as one line at its
// time; it and other free events get no meeting fill, since they block nothing.
void TestDayTimeline::showsMomentsAndFreeEventsWithoutFill()
{
    const QDateTime tenUtc(monday, QTime(10, 0), Qt::UTC);
    TimelineEntry moment{TimelineEntry::Kind::Event, Interval::fromDateTimes(tenUtc, tenUtc),
                         QStringLiteral("Call the bank"), 0, 0, false, QString()};
    moment.busy = false;
    TimelineEntry freeEvent{TimelineEntry::Kind::Event, utcSpan(QTime(14, 0), QTime(15, 0)),
                            QStringLiteral("Office hours"), 0, 0, false, QString()};
    freeEvent.busy = false;
    const TimelineEntry meeting{TimelineEntry::Kind::Event, utcSpan(QTime(16, 0), QTime(17, 0)),
                                QStringLiteral("Review"), 0, 0, false, QString()};
    m_timeline->setEntries({moment, freeEvent, meeting});
    QVERIFY(moment.isOn(m_timeline->dayRange()));
    QVERIFY(!moment.isOn(Interval::fromDateTimes(tenUtc.addSecs(1), tenUtc.addDays(1))));
    const QRectF momentBox = m_timeline->entryRect(0);
    QVERIFY(momentBox.height() >= QFontMetrics(m_timeline->font()).height() / 2);
    QCOMPARE(momentBox.top(), m_timeline->yForTime(QTime(10, 0)) + 1);

    const QImage image = m_timeline->grab().toImage();
    const QImage empty = [this] {
        m_timeline->setEntries({});
        return m_timeline->grab().toImage();
    }();
    // The moment's title is drawn: the row differs from the empty day somewhere.
    bool drawn = false;
    const int y = qRound(momentBox.center().y());
    for (int x = int(momentBox.left()); x < int(momentBox.right()) && !drawn; ++x)
        drawn = image.pixelColor(x, y) != empty.pixelColor(x, y);
    QVERIFY2(drawn, "the moment is not drawn");
    // Free events keep the background; a busy one is filled.
    m_timeline->setEntries({moment, freeEvent, meeting});
    const QPoint freeCenter = m_timeline->entryRect(1).center().toPoint() + QPoint(0, 12);
    QCOMPARE(image.pixelColor(freeCenter).rgb(), empty.pixelColor(freeCenter).rgb());
    QCOMPARE(image.pixelColor(m_timeline->entryRect(2).center().toPoint()).rgb(), m_timeline->eventColor().rgb());
}

void TestDayTimeline::paintsTheCurrentTime()
{
    FakeClock clock(QDateTime(monday, QTime(12, 0), Qt::UTC));
    const QPoint probe(m_timeline->width() / 2, qRound(m_timeline->yForTime(QTime(12, 0))));
    const QColor before = m_timeline->grab().toImage().pixelColor(probe);
    m_timeline->setClock(&clock);
    const QColor after = m_timeline->grab().toImage().pixelColor(probe);
    QVERIFY2(after != before, "no current-time line");
    QVERIFY(after.red() > after.green() + 60);
    // Another day: no line.
    clock.setNow(QDateTime(monday.addDays(1), QTime(12, 0), Qt::UTC));
    QCOMPARE(m_timeline->grab().toImage().pixelColor(probe), before);
}

void TestDayTimeline::widensToIncludeNowInTheEvening()
{
    QCOMPARE(m_timeline->lastHour(), 20);
    FakeClock clock(QDateTime(monday, QTime(21, 30), Qt::UTC));
    m_timeline->setClock(&clock);
    QCOMPARE(m_timeline->firstHour(), 7);
    QCOMPARE(m_timeline->lastHour(), 22);
    // The line is drawn where 21:30 is, not clamped to the bottom edge.
    QVERIFY(m_timeline->yForTime(QTime(21, 30)) < m_timeline->yForTime(QTime(22, 0)) - 5);
    const QPoint probe(m_timeline->width() / 2, qRound(m_timeline->yForTime(QTime(21, 30))));
    const QColor line = m_timeline->grab().toImage().pixelColor(probe);
    QVERIFY(line.red() > line.green() + 60);
    // Hours stay readable: at the minimum size an hour is at least the minimum hour height.
    m_timeline->resize(m_timeline->minimumSizeHint());
    QVERIFY(m_timeline->hourHeight() >= DayTimeline::minimumHourHeight);
    // Early morning widens the top; another day does not widen at all.
    clock.setNow(QDateTime(monday, QTime(5, 10), Qt::UTC));
    m_timeline->setClock(&clock);
    QCOMPARE(m_timeline->firstHour(), 5);
    QCOMPARE(m_timeline->lastHour(), 20);
    clock.setNow(QDateTime(monday.addDays(1), QTime(22, 0), Qt::UTC));
    m_timeline->setClock(&clock);
    QCOMPARE(m_timeline->firstHour(), 7);
    QCOMPARE(m_timeline->lastHour(), 20);
}

void TestDayTimeline::focusClickSelectsTask()
{
    m_timeline->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_timeline.get()));
    QSignalSpy spy(m_timeline.get(), &DayTimeline::taskActivated);
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {},
                      m_timeline->entryRect(0).center().toPoint());
    QCOMPARE(spy.count(), 0); // meetings are not tasks
    QTest::mouseClick(m_timeline.get(), Qt::LeftButton, {},
                      m_timeline->entryRect(1).center().toPoint());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), 42);
}

QTEST_MAIN(TestDayTimeline)
#include "tst_daytimeline.moc"
