#include "views/teamview.h"
#include "models/whentext.h"

#include "settings/preferences.h"
#include "messaging/deliverypolicy.h"
#include "messaging/teamsync.h"
#include "models/commitmentsmodel.h"
#include "time/clock.h"
#include "time/intervalset.h"
#include "time/weeklyrule.h"
#include "uicontext.h"
#include "views/commitmentslist.h"
#include "widgets/emptystate.h"
#include "widgets/teamwindowschart.h"
#include "widgets/themedicon.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>

namespace fermata {

namespace {

// The full hours of a day in `zone`, as (instant, wall-clock hour) pairs.
QList<QPair<qint64, int>> hourMarks(const Interval &day, const QTimeZone &zone)
{
    QList<QPair<qint64, int>> marks;
    for (qint64 ms = day.startMs(); ms <= day.endMs(); ms += 3600 * 1000) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toTimeZone(zone);
        marks.append({ms, ms == day.endMs() ? 24 : local.time().hour()});
    }
    return marks;
}

QString windowsText(const QList<Interval> &windows, const QTimeZone &mine)
{
    if (windows.isEmpty())
        return TeamView::tr("no check-in windows this day: messages reach them at once");
    QStringList parts;
    for (const Interval &w : windows)
        parts.append(TeamView::tr("%1–%2").arg(WhenText::time(w.start().toTimeZone(mine).time()),
                                               WhenText::time(w.end().toTimeZone(mine).time())));
    return TeamView::tr("reads %1 your time").arg(parts.join(QStringLiteral(", ")));
}

QList<TeammateCommitment> commitmentsOf(qint64 memberId, const QList<TeammateCommitment> &all)
{
    QList<TeammateCommitment> theirs;
    for (const TeammateCommitment &c : all) {
        if (c.commitment.ownerId == memberId)
            theirs.append(c);
    }
    return theirs;
}

} // namespace

TeamView::TeamView(const UiContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_team(context.team)
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("team")),
                             tr("No teammates yet"),
                             tr("Join a team in Preferences → Team (or with fermata hub join) to see when "
                                "each teammate reads, in your time. Never who is online."),
                             this))
    , m_heading(new QLabel(this))
    , m_chart(new TeamWindowsChart(this))
    , m_commitments(new CommitmentsList(this))
    , m_clockTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("teamView"));
    m_heading->setObjectName(QStringLiteral("teamHeading"));
    m_heading->setWordWrap(true);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(16, 12, 16, 12);
    contentLayout->addWidget(m_heading);
    m_chartScroll = new QScrollArea(content);
    m_chartScroll->setWidget(m_chart);
    m_chartScroll->setWidgetResizable(true);
    m_chartScroll->setFrameShape(QFrame::NoFrame);
    // Windows above, commitments below; the person can give either more room.
    m_splitter = new QSplitter(Qt::Vertical, content);
    m_splitter->setObjectName(QStringLiteral("teamSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_chartScroll);
    m_splitter->addWidget(m_commitments);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_dividerMoved = true; });
    contentLayout->addWidget(m_splitter, 1);

    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);

    // Their local time moves on; once a minute is enough.
    m_clockTimer->setInterval(30 * 1000);
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_clockTimer->start();
    if (m_team) {
        connect(m_team, &TeamSync::directoryChanged, this, &TeamView::refresh);
        connect(m_team, &TeamSync::commitmentsChanged, this, &TeamView::refresh);
    }
    refresh();
}

void TeamView::setDate(const QDate &date)
{
    m_date = date;
    refresh();
}

void TeamView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void TeamView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitChartHeight();
}

void TeamView::refresh()
{
    showTeam(m_team ? m_team->snapshot() : TeamSnapshot());
}

void TeamView::showTeam(const TeamSnapshot &team)
{
    const QList<HubMember> teammates = team.teammates();
    if (teammates.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const QTimeZone mine = m_context.preferences.timeZone();
    const QDateTime now = m_context.clock.now();
    const QDate date = m_date.isValid() ? m_date : now.toTimeZone(mine).date();
    const Interval day = Interval::fromDateTimes(resolveWallClock(date, QTime(0, 0), mine),
                                                 resolveWallClock(date.addDays(1), QTime(0, 0), mine));
    const QDate today = now.toTimeZone(mine).date();
    QList<TeamChartRow> rows;
    for (const HubMember &member : teammates) {
        const QTimeZone theirs(member.timeZoneId);
        TeamChartRow row;
        row.name = member.name;
        row.detail = tr("%1 · %2 there")
                         .arg(QString::fromUtf8(member.timeZoneId),
                              WhenText::time(now.toTimeZone(theirs).time()));
        IntervalSet open;
        for (const WeeklyRule &rule : TeamDirectory::rulesFor(member.id, team.windows))
            open = open.united(rule.expand(day));
        row.windows = open.intervals();
        row.windowsText = windowsText(row.windows, mine);
        row.commitmentsText = CommitmentDays::finishingLine(commitmentsOf(member.id, team.commitments), date, today);
        rows.append(row);
    }
    m_heading->setText(tr("%1 — check-in windows in your time (%2). Messages you send wait for the "
                          "recipient's next window.")
                           .arg(WhenText::day(date, WhenText::DayStyle::LongWeekdayDayMonth),
                                QString::fromUtf8(mine.id())));
    m_chart->setDay(day, hourMarks(day, mine));
    m_chart->setRows(rows);
    m_chart->setNow(now.toMSecsSinceEpoch());
    m_commitments->setCommitments(team.commitments, team.waiters, now, mine);
    m_stack->setCurrentIndex(1);
    fitChartHeight();
}

void TeamView::fitChartHeight()
{
    if (m_dividerMoved)
        return;
    const int total = m_splitter->height();
    const int wanted = m_chart->sizeHint().height() + m_chartScroll->horizontalScrollBar()->sizeHint().height();
    // The list keeps at least a few rows' room.
    const int chart = qMax(80, qMin(wanted, total - 160));
    m_splitter->setSizes({chart, qMax(0, total - chart)});
}

} // namespace fermata
