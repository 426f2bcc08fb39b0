#include "views/todayview.h"

#include "models/tasktablemodel.h"
#include "services/calendarservice.h"
#include "services/preferences.h"
#include "services/taskservice.h"
#include "uicontext.h"
#include "views/opentaskdelegate.h"
#include "views/timelinedata.h"
#include "widgets/daytimeline.h"
#include "widgets/emptystate.h"
#include "widgets/themedicon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>

namespace fermata {

namespace {
// The open-tasks column: wide enough for a title and its detail line, the rest goes to the day.
constexpr int sideColumnWidth = 290;
constexpr int sideColumnMinimumWidth = 220;
} // namespace

TodayView::TodayView(const UiContext &context, TaskTableModel &tasks, QWidget *parent)
    : QWidget(parent), m_context(context), m_timeline(new DayTimeline(this))
{
    setObjectName(QStringLiteral("todayView"));
    m_timeline->setClock(&context.clock);

    // The timeline scrolls vertically once the hours would get shorter than readable.
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("timelineScroll"));
    m_scroll->setWidget(m_timeline);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setBackgroundRole(QPalette::Base);

    QWidget *side = buildSideColumn(tasks);
    side->setMinimumWidth(sideColumnMinimumWidth);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("todaySplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_scroll);
    m_splitter->addWidget(side);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setSizes({4 * sideColumnWidth, sideColumnWidth});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_splitter);

    connect(m_timeline, &DayTimeline::taskActivated, this, &TodayView::taskSelected);
    connect(&context.calendar, &CalendarService::eventsChanged, this, &TodayView::reload);
    connect(&context.calendar, &CalendarService::focusBlocksChanged, this, &TodayView::reload);
    connect(&context.preferences, &Preferences::workingHoursChanged, this, &TodayView::reload);
    connect(&context.tasks, &TaskService::taskChanged, this, &TodayView::reload);
}

QWidget *TodayView::buildSideColumn(TaskTableModel &tasks)
{
    m_openModel = new QSortFilterProxyModel(this);
    m_openModel->setSourceModel(&tasks);
    m_openModel->setFilterRole(TaskTableModel::DoneRole);
    m_openModel->setFilterKeyColumn(TaskTableModel::Title);
    m_openModel->setFilterFixedString(QStringLiteral("false"));
    m_openModel->setSortRole(TaskTableModel::SortRole);
    m_openModel->sort(TaskTableModel::Priority);

    m_openTasks = new QListView(this);
    m_openTasks->setObjectName(QStringLiteral("openTasks"));
    m_openTasks->setAccessibleName(tr("Open tasks"));
    m_openTasks->setModel(m_openModel);
    m_openTasks->setModelColumn(TaskTableModel::Title);
    m_openTasks->setFrameShape(QFrame::NoFrame);
    m_openTasks->setItemDelegate(new OpenTaskDelegate(m_openTasks));
    m_openTasks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Titles elide to the column; the list never scrolls sideways.
    m_openTasks->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_openTasks->setTextElideMode(Qt::ElideRight);
    m_openTasks->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_openTasks->setUniformItemSizes(true);
    // Rows sit on the side column's background, like the navigation on the left.
    m_openTasks->viewport()->setAutoFillBackground(false);
    connect(m_openTasks->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT taskSelected(current.data(TaskTableModel::TaskIdRole).toLongLong());
            });
    // Clicking the current task again reopens details that were closed.
    connect(m_openTasks, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT taskSelected(index.data(TaskTableModel::TaskIdRole).toLongLong());
    });

    auto *heading = new QLabel(tr("Open tasks"), this);
    QFont headingFont = heading->font();
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);
    auto *hint = new QLabel(tr("Most important first. Select one to see its details."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(12, 12, 12, 0);
    listLayout->setSpacing(4);
    listLayout->addWidget(heading);
    listLayout->addWidget(hint);
    listLayout->addSpacing(6);
    listLayout->addWidget(m_openTasks, 1);

    m_empty = new EmptyState(ThemedIcon::fromResource(QStringLiteral("tasks")),
                             tr("Nothing planned yet"),
                             tr("Add a task in Tasks (Ctrl+3) or press Ctrl+N."), this);
    m_empty->setObjectName(QStringLiteral("todayEmptyState"));

    m_side = new QStackedWidget(this);
    m_side->addWidget(listPage);
    m_side->addWidget(m_empty);

    connect(m_openModel, &QAbstractItemModel::rowsInserted, this, &TodayView::updateSideColumn);
    connect(m_openModel, &QAbstractItemModel::rowsRemoved, this, &TodayView::updateSideColumn);
    connect(m_openModel, &QAbstractItemModel::modelReset, this, &TodayView::updateSideColumn);
    connect(m_openModel, &QAbstractItemModel::layoutChanged, this, &TodayView::updateSideColumn);
    updateSideColumn();
    return m_side;
}

void TodayView::updateSideColumn()
{
    const bool anyTasks = m_openModel->sourceModel()->rowCount() > 0;
    if (!anyTasks) {
        m_empty->setTitle(tr("Nothing planned yet"));
        m_empty->setText(tr("Add a task in Tasks (Ctrl+3) or press Ctrl+N."));
    } else if (m_openModel->rowCount() == 0) {
        m_empty->setTitle(tr("All done"));
        m_empty->setText(tr("Every task is done. Add the next one with Ctrl+N."));
    }
    m_side->setCurrentWidget(m_openModel->rowCount() > 0 ? m_side->widget(0) : m_empty);
}

void TodayView::setDate(QDate date)
{
    m_date = date;
    reload();
    m_scrollPending = true;
    if (isVisible())
        QTimer::singleShot(0, this, &TodayView::scrollToAnchor);
}

void TodayView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // After the first layout, so the timeline has its real height.
    if (m_scrollPending)
        QTimer::singleShot(0, this, &TodayView::scrollToAnchor);
}

void TodayView::scrollToAnchor()
{
    if (!m_scrollPending || !isVisible())
        return;
    m_scrollPending = false;
    // An hour of context above the anchor.
    const qreal top = m_timeline->anchorY() - m_timeline->hourHeight();
    m_scroll->verticalScrollBar()->setValue(qMax(0, qRound(top)));
}

QByteArray TodayView::splitterState() const
{
    return m_splitter->saveState();
}

void TodayView::restoreSplitterState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_splitter->restoreState(state);
}

void TodayView::reload()
{
    if (!m_date.isValid())
        return;
    if (const QString error = TimelineData::load(*m_timeline, m_context, m_date); !error.isEmpty())
        Q_EMIT errorOccurred(error);
}

} // namespace fermata
