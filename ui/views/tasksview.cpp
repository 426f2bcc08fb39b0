#include "views/tasksview.h"

#include "messaging/teamsync.h"
#include "models/tasktablemodel.h"
#include "planning/quickadd.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "time/clock.h"
#include "views/quickaddpreview.h"
#include "undo/taskcommands.h"
#include "undo/undohistory.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fermata {

TasksView::TasksView(TaskService &service, TaskTableModel &model, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_quickAdd(new QLineEdit(this))
    , m_preview(new QuickAddPreview(service, this))
    , m_table(new QTableView(this))
    , m_delete(new QAction(tr("Delete Task"), this))
{
    setObjectName(QStringLiteral("tasksView"));
    m_quickAdd->setObjectName(QStringLiteral("quickAdd"));
    m_quickAdd->setPlaceholderText(tr("Add a task — e.g. Write report 3h by fri p1, or Review PR 45m after \"Write report\""));
    m_quickAdd->setAccessibleName(tr("New task title"));
    m_quickAdd->setClearButtonEnabled(true);
    connect(m_quickAdd, &QLineEdit::returnPressed, this, &TasksView::addFromQuickAdd);
    connect(m_quickAdd, &QLineEdit::textChanged, this, &TasksView::updatePreview);

    setUpTable();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(m_quickAdd);
    layout->addWidget(m_preview);
    layout->addWidget(m_table, 1);
}

void TasksView::setUpTable()
{
    m_proxy->setSourceModel(&m_model);
    m_proxy->setSortRole(TaskTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table->setObjectName(QStringLiteral("taskTable"));
    m_table->setAccessibleName(tr("Tasks"));
    m_table->setModel(m_proxy);
    // Creation order until a header is clicked. Clear the indicator first: enabling sorting
    // otherwise sorts every task by title once, only to undo it (slow with thousands of tasks).
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TaskTableModel::Title, QHeaderView::Stretch);
    // Columns fit the rows on screen and 20 around them: measuring the first thousand (Qt's default) cost a year
    // of tasks 15-25 ms of start-up, though Tasks is not the first view.
    header->setResizeContentsPrecision(20);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);

    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_delete->setEnabled(false);
    m_table->addAction(m_delete);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_delete, &QAction::triggered, this, &TasksView::removeCurrent);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_delete->setEnabled(current.isValid());
                Q_EMIT taskSelected(current.data(TaskTableModel::TaskIdRole).toLongLong());
            });
    // Clicking the current row again reopens details that were closed.
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT taskSelected(index.data(TaskTableModel::TaskIdRole).toLongLong());
    });
}

void TasksView::focusQuickAdd()
{
    m_quickAdd->setFocus(Qt::ShortcutFocusReason);
    m_quickAdd->selectAll();
}

qint64 TasksView::currentTaskId() const
{
    return m_table->currentIndex().data(TaskTableModel::TaskIdRole).toLongLong();
}

void TasksView::selectTask(qint64 taskId)
{
    const int row = m_model.rowOf(taskId);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model.index(row, TaskTableModel::Title)));
}

void TasksView::setTimeSource(const Clock *clock, const Preferences *preferences)
{
    m_clock = clock;
    m_preferences = preferences;
}

void TasksView::setTeam(TeamSync *team)
{
    if (m_team)
        disconnect(m_team, nullptr, this, nullptr);
    m_team = team;
    m_preview->setTeam(team);
    if (!m_team)
        return;
    // Joining, leaving or a teammate's new commitment change what the line means.
    connect(m_team, &TeamSync::statusChanged, this, &TasksView::updatePreview);
    connect(m_team, &TeamSync::commitmentsChanged, this, &TasksView::updatePreview);
    connect(m_team, &TeamSync::finished, this, [this](TeamSync::Operation operation, bool ok, const QString &message) {
        if (operation != TeamSync::Operation::Share || m_pendingShares == 0)
            return;
        --m_pendingShares;
        if (ok)
            Q_EMIT infoMessage(message);
        else
            Q_EMIT errorOccurred(message);
    });
    updatePreview();
}

void TasksView::addFromQuickAdd()
{
    if (addFromText(m_quickAdd->text()))
        m_quickAdd->clear();
}

QDateTime TasksView::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

QTimeZone TasksView::zone() const
{
    return m_preferences ? m_preferences->timeZone() : QTimeZone::systemTimeZone();
}

void TasksView::updatePreview()
{
    m_preview->preview(m_quickAdd->text(), now(), zone());
}

bool TasksView::addFromText(const QString &text)
{
    const Result<ParsedTask> parsed = QuickAdd::parse(text.trimmed(), now(), zone());
    if (!parsed) {
        Q_EMIT errorOccurred(parsed.error().message);
        return false;
    }
    Task task = parsed->toTask();
    if (!parsed->afterOwner.isEmpty()) {
        const Result<TeammateCommitment> found =
            QuickAddPreview::resolveCommitment(*parsed, m_service, m_preview->isTeamJoined());
        if (!found) {
            Q_EMIT errorOccurred(found.error().message);
            return false;
        }
        task.afterCommitment = found->commitment.uuid;
    } else if (!parsed->afterTitle.isEmpty()) {
        const qint64 after = m_service.idByTitle(parsed->afterTitle);
        if (after == 0) {
            Q_EMIT errorOccurred(tr("No task called “%1” — check the title").arg(parsed->afterTitle));
            return false;
        }
        task.dependsOn.append(after);
    }
    if (m_history) {
        // Undoable like every change made here; the command reports a refusal itself.
        qint64 id = 0;
        auto *command = new AddTaskCommand(*m_history, task);
        command->reportIdTo(&id);
        m_history->push(command); // deletes it when the service refused the task
        if (id == 0)
            return false;
        selectTask(id);
        if (parsed->share)
            shareAdded(id, task.title);
        return true;
    }
    const auto added = m_service.add(task);
    if (!added) {
        Q_EMIT errorOccurred(added.error().message);
        return false;
    }
    selectTask(added->id);
    if (parsed->share)
        shareAdded(added->id, added->title);
    return true;
}

// After the task is stored (it stays whatever happens to sharing; Ctrl+Z takes back only the
// add). The hub's answer arrives through TeamSync::finished.
void TasksView::shareAdded(qint64 taskId, const QString &title)
{
    if (!m_preview->isTeamJoined()) {
        Q_EMIT errorOccurred(tr("Added “%1” but did not share it: sharing needs a team hub (Preferences → Team).")
                                 .arg(title));
        return;
    }
    ++m_pendingShares;
    m_team->share(taskId);
}

void TasksView::removeCurrent()
{
    const qint64 id = currentTaskId();
    const auto task = m_service.task(id);
    if (!task)
        return;
    if (m_history) {
        m_history->push(new DeleteTaskCommand(*m_history, *task));
        if (!m_service.task(id))
            Q_EMIT infoMessage(tr("Deleted “%1” — Ctrl+Z brings it back").arg(task->title));
        return;
    }
    if (const Status removed = m_service.remove(id); !removed) {
        Q_EMIT errorOccurred(removed.error().message);
        return;
    }
    Q_EMIT infoMessage(tr("Deleted “%1”").arg(task->title));
}

void TasksView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

void TasksView::fitColumns()
{
    constexpr int titleMinimum = 160;
    static constexpr TaskTableModel::Column dropOrder[] = {
        TaskTableModel::EarliestStart, TaskTableModel::MinChunk, TaskTableModel::Priority, TaskTableModel::Done};
    QHeaderView *header = m_table->horizontalHeader();
    const auto needed = [this, header](int column) {
        // Through the base class: QTableView makes it protected, QAbstractItemView public.
        return qMax(header->sectionSizeHint(column), static_cast<const QAbstractItemView *>(m_table)->sizeHintForColumn(column));
    };
    int width = titleMinimum;
    for (int column = 0; column < TaskTableModel::ColumnCount; ++column) {
        if (column != TaskTableModel::Title)
            width += needed(column);
    }
    const int available = m_table->viewport()->width();
    for (TaskTableModel::Column column : dropOrder) {
        const bool hide = width > available;
        m_table->setColumnHidden(column, hide);
        if (hide)
            width -= needed(column);
    }
}

} // namespace fermata
