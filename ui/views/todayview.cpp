#include "views/todayview.h"

#include "undo/blockcommands.h"
#include "undo/undohistory.h"

#include "attention/attentionservice.h"
#include "models/durationtext.h"
#include "models/tasktablemodel.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "uicontext.h"
#include "views/opentaskdelegate.h"
#include "views/timelinedata.h"
#include "views/unplacedtasks.h"
#include "widgets/daytimeline.h"
#include "widgets/emptystate.h"
#include "widgets/palettecolors.h"
#include "widgets/themedicon.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
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

// The open tasks, most important first, draggable onto the timeline as task ids. Filters and
// sorts on the tasks themselves: a year of them is thousands of rows at start-up.
class OpenTasksModel final : public QSortFilterProxyModel
{
public:
    explicit OpenTasksModel(TaskTableModel &tasks, QObject *parent)
        : QSortFilterProxyModel(parent), m_tasks(tasks)
    {
        setSourceModel(&tasks);
        sort(TaskTableModel::Priority);
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags f = QSortFilterProxyModel::flags(index);
        return index.isValid() ? f | Qt::ItemIsDragEnabled : f;
    }
    QStringList mimeTypes() const override { return {DayTimeline::taskMimeType()}; }
    QMimeData *mimeData(const QModelIndexList &indexes) const override
    {
        if (indexes.isEmpty())
            return nullptr;
        return DayTimeline::taskMimeData(indexes.first().data(TaskTableModel::TaskIdRole).toLongLong());
    }
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override { return !m_tasks.taskAt(row).done; }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return m_tasks.taskAt(left.row()).priority < m_tasks.taskAt(right.row()).priority;
    }

private:
    TaskTableModel &m_tasks;
};
constexpr int UnplacedTitleRole = Qt::UserRole + 1;
constexpr int UnplacedReasonRole = Qt::UserRole + 2;

// An unplaced task: its title in bold, the planner's reason below in muted, wrapped text.
class UnplacedDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        if (style)
            style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
        const QRect area = option.rect.adjusted(8, 4, -6, -4);
        QFont titleFont = option.font;
        titleFont.setWeight(QFont::DemiBold);
        const QFontMetrics titleMetrics(titleFont);
        painter->save();
        painter->setFont(titleFont);
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(area, Qt::AlignLeft | Qt::AlignTop,
                          titleMetrics.elidedText(index.data(UnplacedTitleRole).toString(), Qt::ElideRight, area.width()));
        painter->setFont(option.font);
        painter->setPen(PaletteColors::mutedText(option.palette));
        painter->drawText(area.adjusted(0, titleMetrics.height() + 1, 0, 0),
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          index.data(UnplacedReasonRole).toString());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QFont titleFont = option.font;
        titleFont.setWeight(QFont::DemiBold);
        const int width = qMax(120, (option.widget ? option.widget->width() : 260) - 14 - 16);
        const QRect reason = option.fontMetrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap,
                                                             index.data(UnplacedReasonRole).toString());
        return {width, QFontMetrics(titleFont).height() + 1 + reason.height() + 10};
    }
};
} // namespace

TodayView::TodayView(const UiContext &context, TaskTableModel &tasks, QWidget *parent)
    : QWidget(parent), m_context(context), m_timeline(new DayTimeline(this))
{
    setObjectName(QStringLiteral("todayView"));
    m_timeline->setClock(&context.clock);
    m_timeline->setEditable(true);

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
    connect(&context.planning, &PlanningService::blocksChanged, this, &TodayView::reload);
    if (context.attention)
        connect(context.attention, &AttentionService::windowsChanged, this, &TodayView::reload);
    // A pin, a resize or a task done since the plan changes what still lacks time.
    connect(&context.planning, &PlanningService::blocksChanged, this, &TodayView::updateUnplaced);
    connect(&context.calendar, &CalendarService::focusBlocksChanged, this, &TodayView::updateUnplaced);
    connect(&context.tasks, &TaskService::taskChanged, this, &TodayView::updateUnplaced);
    connect(m_timeline, &DayTimeline::taskDropped, this, &TodayView::pinTaskAt);
    connect(m_timeline, &DayTimeline::blockResized, this, &TodayView::resizeBlock);
    connect(m_timeline, &DayTimeline::unpinRequested, this, &TodayView::unpinBlock);
    connect(m_timeline, &DayTimeline::pinRequested, this, &TodayView::pinBlock);
}

void TodayView::pinTaskAt(qint64 taskId, const QDateTime &start)
{
    const auto task = m_context.tasks.task(taskId);
    if (!task)
        return;
    int minutes = task->remainingMinutes > 0 ? task->remainingMinutes : task->estimateMinutes;
    if (task->maxChunkMinutes > 0)
        minutes = qMin(minutes, task->maxChunkMinutes);
    minutes = qMax(minutes, 5);
    if (m_history) {
        m_history->push(new PinTaskCommand(*m_history, taskId, task->title, start, start.addSecs(qint64(minutes) * 60)));
        return;
    }
    const auto added = m_context.planning.addPinned(taskId, start, start.addSecs(qint64(minutes) * 60));
    if (!added)
        Q_EMIT errorOccurred(tr("Could not pin “%1”: %2").arg(task->title, added.error().message));
}

void TodayView::resizeBlock(qint64 blockId, const QDateTime &start, const QDateTime &end)
{
    if (m_history) {
        if (const std::optional<FocusBlock> before = undoblocks::find(m_context.planning, blockId)) {
            m_history->push(new ResizeBlockCommand(*m_history, *before, undoblocks::title(m_context.tasks, *before),
                                                   start, end));
            reload();
            return;
        }
    }
    if (const Status resized = m_context.planning.resize(blockId, start, end); !resized) {
        Q_EMIT errorOccurred(tr("Could not resize the block: %1").arg(resized.error().message));
        reload();
    }
}

void TodayView::unpinBlock(qint64 blockId)
{
    if (m_history) {
        const std::optional<FocusBlock> block = undoblocks::find(m_context.planning, blockId);
        m_history->push(new PinBlockCommand(*m_history, blockId, false,
                                            block ? undoblocks::title(m_context.tasks, *block) : QString()));
        return;
    }
    if (const Status unpinned = m_context.planning.unpin(blockId); !unpinned)
        Q_EMIT errorOccurred(tr("Could not unpin the block: %1").arg(unpinned.error().message));
}

void TodayView::pinBlock(qint64 blockId)
{
    if (m_history) {
        const std::optional<FocusBlock> block = undoblocks::find(m_context.planning, blockId);
        m_history->push(new PinBlockCommand(*m_history, blockId, true,
                                            block ? undoblocks::title(m_context.tasks, *block) : QString()));
        return;
    }
    if (const Status pinned = m_context.planning.pin(blockId); !pinned)
        Q_EMIT errorOccurred(tr("Could not pin the block: %1").arg(pinned.error().message));
}

void TodayView::updateUnplaced()
{
    m_unplaced->clear();
    const QList<TaskReport> reports = UnplacedTasks::current(m_context);
    for (const TaskReport &report : reports) {
        const auto task = m_context.tasks.task(report.taskId);
        const QString title = task ? task->title : tr("A removed task");
        auto *item = new QListWidgetItem(title + QLatin1Char('\n') + report.reason, m_unplaced);
        item->setData(Qt::UserRole, report.taskId);
        item->setData(UnplacedTitleRole, title);
        item->setData(UnplacedReasonRole, report.reason);
        item->setToolTip(report.reason);
    }
    m_unplacedHeading->setText(tr("Could not be placed (%1)").arg(reports.size()));
    m_unplacedHeading->setVisible(!reports.isEmpty());
    m_unplaced->setVisible(!reports.isEmpty());
}

QWidget *TodayView::buildSideColumn(TaskTableModel &tasks)
{
    m_openModel = new OpenTasksModel(tasks, this);

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
    // Drag a task onto the day to pin a block for it.
    m_openTasks->setDragEnabled(true);
    m_openTasks->setDragDropMode(QAbstractItemView::DragOnly);
    m_openTasks->setDefaultDropAction(Qt::CopyAction);
    // Rows sit on the side column's background, like the navigation on the left.
    m_openTasks->viewport()->setAutoFillBackground(false);
    // The keyboard opens details as the current row moves; a mouse press waits for the
    // release: the panel squeezes the view, and the layout must not move under a press
    // that is starting a drag onto the day.
    connect(m_openTasks->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (QGuiApplication::mouseButtons() == Qt::NoButton)
                    Q_EMIT taskSelected(current.data(TaskTableModel::TaskIdRole).toLongLong());
            });
    // A click (released without dragging) opens details, also for the current task again.
    connect(m_openTasks, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT taskSelected(index.data(TaskTableModel::TaskIdRole).toLongLong());
    });

    auto *heading = new QLabel(tr("Open tasks"), this);
    QFont headingFont = heading->font();
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);
    auto *hint = new QLabel(tr("Most important first. Drag one onto the day to pin it."), this);
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

    m_unplacedHeading = new QLabel(this);
    m_unplacedHeading->setObjectName(QStringLiteral("unplacedHeading"));
    m_unplacedHeading->setFont(headingFont);
    m_unplaced = new QListWidget(this);
    m_unplaced->setObjectName(QStringLiteral("unplacedTasks"));
    m_unplaced->setAccessibleName(tr("Tasks that could not be placed"));
    m_unplaced->setFrameShape(QFrame::NoFrame);
    m_unplaced->setWordWrap(true);
    m_unplaced->setTextElideMode(Qt::ElideRight);
    m_unplaced->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_unplaced->viewport()->setAutoFillBackground(false);
    m_unplaced->setMaximumHeight(200);
    m_unplaced->setItemDelegate(new UnplacedDelegate(m_unplaced));
    m_unplaced->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_unplaced, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT taskSelected(item->data(Qt::UserRole).toLongLong());
    });
    listLayout->addSpacing(6);
    listLayout->addWidget(m_unplacedHeading);
    listLayout->addWidget(m_unplaced);
    m_unplacedHeading->hide();
    m_unplaced->hide();

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
