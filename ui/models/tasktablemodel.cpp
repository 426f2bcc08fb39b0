#include "models/tasktablemodel.h"
#include "models/whentext.h"

#include "models/durationtext.h"
#include "planning/planningservice.h"
#include "tasks/taskservice.h"
#include "undo/taskcommands.h"
#include "undo/undohistory.h"

#include <QLocale>

#include <limits>

namespace fermata {

TaskTableModel::TaskTableModel(TaskService &service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service), m_rows(service.tasks())
{
    connect(&m_service, &TaskService::taskAdded, this, &TaskTableModel::onTaskAdded);
    connect(&m_service, &TaskService::taskChanged, this, &TaskTableModel::onTaskChanged);
    connect(&m_service, &TaskService::taskRemoved, this, &TaskTableModel::onTaskRemoved);
    connect(&m_service, &TaskService::tasksReset, this, &TaskTableModel::onTasksReset);
}

void TaskTableModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Deadline), index(rowCount() - 1, EarliestStart));
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &task = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(task, index.column());
    case Qt::EditRole:
        return editData(task, index.column());
    case Qt::CheckStateRole:
        if (index.column() == Done)
            return task.done ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Title && !task.notes.isEmpty())
            return task.notes;
        if (index.column() == Estimate && m_planning && !task.done) {
            if (const std::optional<LearnedEstimate> learned = m_planning->learnedEstimate(task))
                return plannedText(*learned);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Estimate || index.column() == MinChunk)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TaskIdRole:
        return task.id;
    case SortRole:
        return sortData(task, index.column());
    case DoneRole:
        return task.done;
    default:
        return {};
    }
}

QString TaskTableModel::plannedText(const LearnedEstimate &learned)
{
    const QString planned = DurationText::format(learned.plannedMinutes);
    const int n = learned.ratio.samples;
    const QString &tag = learned.ratio.tag;
    if (tag.isEmpty())
        return n == 1 ? tr("Planned as %1 from your last task").arg(planned)
                      : tr("Planned as %1 from your last %2 tasks").arg(planned).arg(n);
    return n == 1 ? tr("Planned as %1 from your last '%2' task").arg(planned, tag)
                  : tr("Planned as %1 from your last %2 '%3' tasks").arg(planned).arg(n).arg(tag);
}

QVariant TaskTableModel::displayData(const Task &task, int column) const
{
    switch (column) {
    case Title:
        return task.title;
    case Estimate:
        return DurationText::format(task.estimateMinutes);
    case Deadline:
        return dateText(task.deadline);
    case Priority:
        return priorityName(task.priority);
    case EarliestStart:
        return dateText(task.earliestStart);
    case MinChunk:
        return DurationText::format(task.minChunkMinutes);
    default:
        return {};
    }
}

QVariant TaskTableModel::editData(const Task &task, int column) const
{
    switch (column) {
    case Title:
        return task.title;
    case Estimate:
        return DurationText::format(task.estimateMinutes);
    case Priority:
        return priorityName(task.priority);
    default:
        return displayData(task, column);
    }
}

QVariant TaskTableModel::sortData(const Task &task, int column) const
{
    // Missing dates sort last: "no deadline" is the least urgent.
    constexpr qint64 never = std::numeric_limits<qint64>::max();
    switch (column) {
    case Title:
        return task.title; // the proxy compares case-insensitively, without a copy per comparison
    case Estimate:
        return task.estimateMinutes;
    case Deadline:
        return task.hasDeadline() ? task.deadline.toMSecsSinceEpoch() : never;
    case Priority:
        return int(task.priority);
    case EarliestStart:
        return task.earliestStart.isValid() ? task.earliestStart.toMSecsSinceEpoch() : never;
    case MinChunk:
        return task.minChunkMinutes;
    case Done:
        return task.done;
    default:
        return {};
    }
}

QString TaskTableModel::dateText(const QDateTime &instant) const
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toTimeZone(m_zone);
    return WhenText::dayAndTime(local, WhenText::DayStyle::WeekdayDayMonth);
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Estimate:
        return tr("Estimate");
    case Deadline:
        return tr("Deadline");
    case Priority:
        return tr("Priority");
    case EarliestStart:
        return tr("Earliest start");
    case MinChunk:
        return tr("Min chunk");
    case Done:
        return tr("Done");
    default:
        return {};
    }
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    switch (index.column()) {
    case Title:
    case Estimate:
    case Priority:
        return flags | Qt::ItemIsEditable;
    case Done:
        return flags | Qt::ItemIsUserCheckable;
    default:
        return flags;
    }
}

bool TaskTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        return false;
    Task task = m_rows.at(index.row());
    if (const QString problem = applyEdit(task, index.column(), value, role); !problem.isEmpty()) {
        Q_EMIT errorOccurred(problem);
        return false;
    }
    if (task == m_rows.at(index.row()))
        return true;
    // The service announces the change (taskChanged), which updates this row.
    if (m_history) {
        m_history->push(new EditTaskCommand(*m_history, m_rows.at(index.row()), task));
        return m_service.task(task.id) == task;
    }
    const Status status = index.column() == Done ? m_service.setDone(task.id, task.done)
                                                 : m_service.update(task);
    if (!status) {
        Q_EMIT errorOccurred(status.error().message);
        return false;
    }
    return true;
}

QString TaskTableModel::applyEdit(Task &task, int column, const QVariant &value, int role) const
{
    if (column == Done) {
        if (role != Qt::CheckStateRole)
            return tr("Tick the box to mark a task done.");
        task.done = value.toInt() == Qt::Checked;
        return {};
    }
    if (role != Qt::EditRole)
        return tr("This cell cannot be changed that way.");
    const QString text = value.toString().trimmed();
    switch (column) {
    case Title:
        task.title = text;
        return {};
    case Estimate: {
        const auto minutes = value.typeId() == QMetaType::Int ? std::optional<int>(value.toInt())
                                                               : DurationText::parse(text);
        if (!minutes)
            return tr("“%1” is not a duration. Try “90”, “45m” or “1h 30m”.").arg(text);
        // Keep the remaining work in step when nothing has been done yet.
        if (task.remainingMinutes == task.estimateMinutes)
            task.remainingMinutes = *minutes;
        task.estimateMinutes = *minutes;
        return {};
    }
    case Priority: {
        bool isNumber = value.typeId() == QMetaType::Int;
        const int level = isNumber
            ? value.toInt()
            : QString(text).remove(QLatin1Char('p'), Qt::CaseInsensitive).toInt(&isNumber);
        if (!isNumber || level < 1 || level > 4)
            return tr("Priority is P1 (most important) to P4.");
        task.priority = fermata::Priority(level);
        return {};
    }
    default:
        return tr("This column is edited in the details panel.");
    }
}

qint64 TaskTableModel::taskId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int TaskTableModel::rowOf(qint64 taskId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == taskId)
            return int(row);
    }
    return -1;
}

void TaskTableModel::onTaskAdded(const Task &task)
{
    // Rows follow the service's id order; a new task normally lands at the end.
    qsizetype row = m_rows.size();
    while (row > 0 && m_rows.at(row - 1).id > task.id)
        --row;
    beginInsertRows({}, int(row), int(row));
    m_rows.insert(row, task);
    endInsertRows();
}

void TaskTableModel::onTaskChanged(const Task &task)
{
    const int row = rowOf(task.id);
    if (row < 0)
        return;
    m_rows[row] = task;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TaskTableModel::onTaskRemoved(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void TaskTableModel::onTasksReset()
{
    beginResetModel();
    m_rows = m_service.tasks();
    endResetModel();
}

} // namespace fermata
