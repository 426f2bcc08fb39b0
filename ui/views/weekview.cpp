#include "views/weekview.h"

#include "attention/attentionservice.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "uicontext.h"
#include "views/timelinedata.h"
#include "widgets/daytimeline.h"

#include <QHBoxLayout>
#include <QScrollArea>

namespace fermata {

WeekView::WeekView(const UiContext &context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("weekView"));
    auto *week = new QWidget(this);
    auto *row = new QHBoxLayout(week);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(1);
    for (int day = 0; day < 7; ++day) {
        auto *timeline = new DayTimeline(week);
        timeline->setHeaderVisible(true);
        timeline->setHourLabelsVisible(day == 0);
        timeline->setClock(&context.clock);
        row->addWidget(timeline, 1);
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
}

} // namespace fermata
