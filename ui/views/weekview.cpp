#include "views/weekview.h"

#include "attention/attentionservice.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "time/clock.h"
#include "time/weeklyrule.h"
#include "uicontext.h"
#include "views/timelinedata.h"
#include "widgets/daytimeline.h"

#include <QHBoxLayout>
#include <QScrollArea>

namespace fermata {

namespace {

// The seven columns, placed by hand so every day gets the same width for its blocks: Monday's
// column is wider by the hour labels it carries (a box layout would split the labels' width
// off Monday's share and leave its titles cut short).
class WeekColumns final : public QWidget
{
public:
    using QWidget::QWidget;
    static constexpr int spacing = 1;

    void addDay(DayTimeline *day) { m_days.append(day); }
    void relayout()
    {
        updateGeometry();
        placeDays();
    }
    QSize minimumSizeHint() const override
    {
        int width = 0;
        int height = 0;
        for (const DayTimeline *day : m_days) {
            width += day->minimumSizeHint().width() + spacing;
            height = qMax(height, day->minimumSizeHint().height());
        }
        return {width, height};
    }
    QSize sizeHint() const override { return minimumSizeHint(); }

protected:
    void resizeEvent(QResizeEvent *) override { placeDays(); }

private:
    // What Monday's hour labels add to its column (every day keeps a small gutter of its own).
    int gutter() const { return m_days.size() < 2 ? 0 : m_days[0]->gutterWidth() - m_days[1]->gutterWidth(); }
    void placeDays()
    {
        const int count = int(m_days.size());
        if (count == 0)
            return;
        const int area = qMax(0, width() - gutter() - spacing * (count - 1));
        for (int i = 0; i < count; ++i) {
            const int left = i == 0 ? 0 : gutter() + i * spacing + area * i / count;
            const int right = gutter() + i * spacing + area * (i + 1) / count;
            m_days[i]->setGeometry(left, 0, right - left, height());
        }
    }

    QList<DayTimeline *> m_days;
};

} // namespace

WeekView::WeekView(const UiContext &context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("weekView"));
    auto *week = new WeekColumns(this);
    m_columns = week;
    for (int day = 0; day < 7; ++day) {
        auto *timeline = new DayTimeline(week);
        timeline->setHeaderVisible(true);
        timeline->setHourLabelsVisible(day == 0);
        timeline->setClock(&context.clock);
        week->addDay(timeline);
        m_days.append(timeline);
        connect(timeline, &DayTimeline::taskActivated, this, &WeekView::taskSelected);
        // Today's column grew past the shared scale: re-align the week.
        connect(timeline, &DayTimeline::hourRangeChanged, this, &WeekView::reload);
    }

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(week);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(&context.calendar, &CalendarService::eventsChanged, this, &WeekView::reload);
    connect(&context.calendar, &CalendarService::focusBlocksChanged, this, &WeekView::reload);
    connect(&context.preferences, &Preferences::workingHoursChanged, this, &WeekView::reload);
    connect(&context.tasks, &TaskService::taskChanged, this, &WeekView::reload);
    connect(&context.planning, &PlanningService::blocksChanged, this, &WeekView::reload);
    if (context.attention)
        connect(context.attention, &AttentionService::windowsChanged, this, &WeekView::reload);
}

QDate WeekView::currentWeekDate() const
{
    const QTimeZone zone = m_context.preferences.timeZone();
    const QDateTime now = m_context.clock.now();
    const QDate today = now.toTimeZone(zone).date();
    const QDate nextMonday = today.addDays(8 - today.dayOfWeek());
    const Interval rest(now.toMSecsSinceEpoch(),
                        resolveWallClock(nextMonday, QTime(0, 0), zone).toMSecsSinceEpoch());
    if (!rest.isEmpty() && !m_context.preferences.workingHours().expand(rest).isEmpty())
        return today;
    return nextMonday;
}

void WeekView::setDate(QDate date)
{
    const QDate monday = date.addDays(1 - date.dayOfWeek());
    if (monday == m_monday)
        return;
    m_monday = monday;
    reload();
}

void WeekView::reload()
{
    if (!m_monday.isValid())
        return;
    int first = 24;
    int last = 0;
    for (int day = 0; day < m_days.size(); ++day) {
        DayTimeline *timeline = m_days[day];
        timeline->setVisibleHours(DayTimeline::defaultFirstHour, DayTimeline::defaultLastHour);
        const QDate date = m_monday.addDays(day);
        const QString error = TimelineData::load(*timeline, m_context, date);
        bool overloaded = false;
        for (const DayReport &report : m_context.planning.days())
            overloaded = overloaded || (report.date == date && report.overloaded);
        timeline->setOverloaded(overloaded);
        if (!error.isEmpty()) {
            Q_EMIT errorOccurred(error);
            return;
        }
        first = qMin(first, timeline->firstHour());
        last = qMax(last, timeline->lastHour());
    }
    // One hour scale and one all-day lane height for the whole week, so the columns line up.
    int allDayRows = 0;
    for (DayTimeline *timeline : std::as_const(m_days))
        allDayRows = qMax(allDayRows, int(qMin<qsizetype>(timeline->allDayEntries().size(), DayTimeline::maximumAllDayRows)));
    for (DayTimeline *timeline : std::as_const(m_days)) {
        timeline->setVisibleHours(first, last);
        timeline->setAllDayRows(allDayRows);
    }
    static_cast<WeekColumns *>(m_columns)->relayout();
}

} // namespace fermata
