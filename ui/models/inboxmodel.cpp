#include "models/inboxmodel.h"
#include "models/whentext.h"

#include "attention/attentionservice.h"
#include "messaging/teaminbox.h"
#include "time/clock.h"

#include <QFont>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace fermata {

namespace {

// Group rows carry internalId 0; entry rows carry their group's tag (from 1), which stays the
// same while groups move, so a selected row keeps its parent.
constexpr quintptr groupTag = 0;

bool shownInInbox(ItemState state)
{
    return state == ItemState::Held || state == ItemState::Released || state == ItemState::Done;
}

// A collapsed row reads as its most pressing item: anything still held, else anything new.
ItemState entryState(const QList<InboxItem> &items)
{
    ItemState state = ItemState::Done;
    for (const InboxItem &item : items) {
        if (item.state == ItemState::Held)
            return ItemState::Held;
        if (item.state == ItemState::Released)
            state = ItemState::Released;
    }
    return state;
}

const QDateTime &receivedAt(const InboxItem &item)
{
    return item.notification.receivedAt;
}

// Where the element at `from` belongs in `list`, which is in order but for that element.
template <typename T, typename Before>
int placeOf(const QList<T> &list, int from, Before before)
{
    const T &moving = list[from];
    const auto staysAhead = [&](const T &other) { return !before(moving, other); };
    const auto first = list.cbegin();
    const auto up = std::partition_point(first, first + from, staysAhead);
    if (up != first + from)
        return int(up - first);
    return int(std::partition_point(first + from + 1, list.cend(), staysAhead) - first) - 1;
}

} // namespace

InboxModel::InboxModel(AttentionService &attention, const Clock &clock, QObject *parent)
    : QAbstractItemModel(parent), m_attention(attention), m_clock(clock)
{
    // What this process does arrives itemised; what another did is read again.
    connect(&attention, &AttentionService::itemsStored, this, &InboxModel::insertItems);
    connect(&attention, &AttentionService::digestReady, this,
            [this](const Digest &, const QList<qint64> &ids) { setStates(ids, ItemState::Released); });
    connect(&attention, &AttentionService::itemsChanged, this, &InboxModel::setStates);
    connect(&attention, &AttentionService::inboxChanged, this, &InboxModel::scheduleReload);
    reload();
}

InboxModel::~InboxModel() = default;

void InboxModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Received), index(rowCount() - 1, Received));
}

void InboxModel::scheduleReload()
{
    // Another process may write many items in a row: read the engine once after.
    if (m_reloadPending)
        return;
    m_reloadPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_reloadPending)
            reload();
    });
}

Result<QList<InboxItem>> InboxModel::load() const
{
    auto recent = m_attention.recentItems(RecentLimit);
    if (!recent)
        return recent.error();
    QList<InboxItem> items = *recent;
    // Held items older than the newest RecentLimit still belong in the Inbox.
    if (auto held = m_attention.heldItems(); held && held->size() > 0) {
        QSet<qint64> seen;
        for (const InboxItem &item : std::as_const(items))
            seen.insert(item.notification.id);
        for (const InboxItem &item : std::as_const(*held)) {
            if (!seen.contains(item.notification.id))
                items.append(item);
        }
    }
    return items;
}

void InboxModel::reload()
{
    m_reloadPending = false;
    const auto loaded = load();
    beginResetModel();
    if (!loaded) {
        rebuild({});
        endResetModel();
        Q_EMIT errorOccurred(tr("The Inbox could not be read: %1").arg(loaded.error().message));
        return;
    }
    rebuild(*loaded);
    endResetModel();
}

void InboxModel::rebuild(const QList<InboxItem> &items)
{
    m_groups.clear();
    m_rowOfTag.clear();
    m_tagOfKey.clear();
    m_itemCount = 0;
    QHash<InboxGroupKey, qsizetype> groupIndex;
    QHash<std::pair<qsizetype, QString>, qsizetype> entryIndex;
    for (const InboxItem &item : items) {
        if (!shownInInbox(item.state))
            continue;
        const Notification &n = item.notification;
        const InboxGroupKey key = InboxGroupKey::of(n);
        qsizetype g = groupIndex.value(key, -1);
        if (g < 0) {
            g = m_groups.size();
            groupIndex.insert(key, g);
            m_groups.append(Group{m_nextTag++, key, 0, {}, {}});
        }
        Group &group = m_groups[g];
        ++group.count;
        ++m_itemCount;
        if (!group.latest.isValid() || n.receivedAt > group.latest)
            group.latest = n.receivedAt;
        const std::pair<qsizetype, QString> entryKey(g, inboxgrouping::rowKey(n));
        if (const qsizetype e = entryIndex.value(entryKey, -1); e >= 0) {
            group.entries[e].items.append(item);
        } else {
            entryIndex.insert(entryKey, group.entries.size());
            group.entries.append(Entry{entryKey.second, {item}});
        }
    }
    for (Group &group : m_groups) {
        for (Entry &entry : group.entries) {
            std::stable_sort(entry.items.begin(), entry.items.end(),
                             [](const InboxItem &a, const InboxItem &b) { return receivedAt(a) > receivedAt(b); });
        }
        std::stable_sort(group.entries.begin(), group.entries.end(), [](const Entry &a, const Entry &b) {
            return receivedAt(a.items.constFirst()) > receivedAt(b.items.constFirst());
        });
    }
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        return inboxgrouping::listedBefore(a.key, a.count, b.key, b.count);
    });
    for (const Group &group : std::as_const(m_groups))
        m_tagOfKey.insert(group.key, group.tag);
    renumber(0, int(m_groups.size()) - 1);
}

void InboxModel::insertItems(const QList<InboxItem> &items)
{
    for (const InboxItem &item : items)
        insertItem(item);
}

void InboxModel::insertItem(const InboxItem &item)
{
    if (!shownInInbox(item.state))
        return;
    const Notification &n = item.notification;
    const InboxGroupKey key = InboxGroupKey::of(n);
    const auto tag = m_tagOfKey.constFind(key);
    if (tag == m_tagOfKey.constEnd()) {
        Group group{m_nextTag++, key, 1, {Entry{inboxgrouping::rowKey(n), {item}}}, n.receivedAt};
        const auto at = std::partition_point(m_groups.cbegin(), m_groups.cend(), [&](const Group &other) {
            return !inboxgrouping::listedBefore(group.key, group.count, other.key, other.count);
        });
        const int row = int(at - m_groups.cbegin());
        beginInsertRows({}, row, row);
        m_tagOfKey.insert(key, group.tag);
        m_groups.insert(row, std::move(group));
        renumber(row, int(m_groups.size()) - 1);
        ++m_itemCount;
        endInsertRows();
        return;
    }
    const int row = groupRow(*tag);
    Group &group = m_groups[row];
    ++group.count;
    ++m_itemCount;
    if (!group.latest.isValid() || n.receivedAt > group.latest)
        group.latest = n.receivedAt;
    const QModelIndex parent = index(row, 0);
    const QString &title = inboxgrouping::rowKey(n);
    const auto entry = std::find_if(group.entries.begin(), group.entries.end(),
                                    [&](const Entry &e) { return e.title == title; });
    if (entry == group.entries.end()) {
        const auto at = std::partition_point(group.entries.cbegin(), group.entries.cend(), [&](const Entry &e) {
            return receivedAt(e.items.constFirst()) >= n.receivedAt;
        });
        const int entryRow = int(at - group.entries.cbegin());
        beginInsertRows(parent, entryRow, entryRow);
        group.entries.insert(entryRow, Entry{title, {item}});
        endInsertRows();
    } else {
        const auto at = std::partition_point(entry->items.cbegin(), entry->items.cend(),
                                             [&](const InboxItem &other) { return receivedAt(other) >= n.receivedAt; });
        entry->items.insert(at - entry->items.cbegin(), item);
        const int entryRow = int(entry - group.entries.begin());
        Q_EMIT dataChanged(index(entryRow, 0, parent), index(entryRow, ColumnCount - 1, parent));
        placeEntry(row, entryRow);
    }
    groupChanged(row);
    placeGroup(row);
}

void InboxModel::setStates(const QList<qint64> &ids, ItemState state)
{
    if (!shownInInbox(state)) {
        removeItems(ids);
        return;
    }
    const QSet<qint64> changing(ids.cbegin(), ids.cend());
    for (int g = 0; g < m_groups.size(); ++g) {
        QList<Entry> &entries = m_groups[g].entries;
        for (int e = 0; e < entries.size(); ++e) {
            bool changed = false;
            for (InboxItem &item : entries[e].items) {
                if (changing.contains(item.notification.id) && item.state != state) {
                    item.state = state;
                    changed = true;
                }
            }
            if (changed) {
                const QModelIndex parent = index(g, 0);
                Q_EMIT dataChanged(index(e, 0, parent), index(e, ColumnCount - 1, parent));
            }
        }
    }
}

void InboxModel::removeItems(const QList<qint64> &ids)
{
    const QSet<qint64> gone(ids.cbegin(), ids.cend());
    const auto isGone = [&](const InboxItem &item) { return gone.contains(item.notification.id); };
    // Backwards: a group or row that shrinks only moves down, past what was already seen.
    for (int g = int(m_groups.size()) - 1; g >= 0; --g) {
        const QModelIndex parent = index(g, 0);
        int removed = 0;
        for (int e = int(m_groups[g].entries.size()) - 1; e >= 0; --e) {
            Entry &entry = m_groups[g].entries[e];
            const int leaving = int(std::count_if(entry.items.cbegin(), entry.items.cend(), isGone));
            if (leaving == 0)
                continue;
            removed += leaving;
            if (leaving == entry.items.size()) {
                beginRemoveRows(parent, e, e);
                m_groups[g].entries.removeAt(e);
                endRemoveRows();
                continue;
            }
            entry.items.removeIf(isGone);
            Q_EMIT dataChanged(index(e, 0, parent), index(e, ColumnCount - 1, parent));
            placeEntry(g, e);
        }
        if (removed == 0)
            continue;
        Group &group = m_groups[g];
        group.count -= removed;
        m_itemCount -= removed;
        if (group.entries.isEmpty()) {
            beginRemoveRows({}, g, g);
            m_tagOfKey.remove(group.key);
            m_rowOfTag.remove(group.tag);
            m_groups.removeAt(g);
            renumber(g, int(m_groups.size()) - 1);
            endRemoveRows();
            continue;
        }
        group.latest = QDateTime();
        for (const Entry &entry : std::as_const(group.entries))
            group.latest = qMax(group.latest, receivedAt(entry.items.constFirst()));
        groupChanged(g);
        placeGroup(g);
    }
}

void InboxModel::placeGroup(int row)
{
    moveGroup(row, placeOf(m_groups, row, [](const Group &a, const Group &b) {
                  return inboxgrouping::listedBefore(a.key, a.count, b.key, b.count);
              }));
}

void InboxModel::moveGroup(int from, int to)
{
    if (from == to)
        return;
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_groups.move(from, to);
    renumber(qMin(from, to), qMax(from, to));
    endMoveRows();
}

void InboxModel::placeEntry(int groupRow, int entryRow)
{
    QList<Entry> &entries = m_groups[groupRow].entries;
    const int to = placeOf(entries, entryRow, [](const Entry &a, const Entry &b) {
        return receivedAt(a.items.constFirst()) > receivedAt(b.items.constFirst());
    });
    if (to == entryRow)
        return;
    const QModelIndex parent = index(groupRow, 0);
    beginMoveRows(parent, entryRow, entryRow, parent, to > entryRow ? to + 1 : to);
    entries.move(entryRow, to);
    endMoveRows();
}

void InboxModel::renumber(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_rowOfTag.insert(m_groups[row].tag, row);
}

void InboxModel::groupChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QList<qint64> InboxModel::idsAt(const QModelIndex &index) const
{
    return data(index, IdsRole).value<QList<qint64>>();
}

std::optional<InboxItem> InboxModel::newestAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.internalId() == groupTag)
        return std::nullopt;
    const int row = groupRow(index.internalId());
    if (row < 0)
        return std::nullopt;
    return m_groups[row].entries[index.row()].items.constFirst();
}

QModelIndex InboxModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, groupTag) : QModelIndex();
    if (parent.internalId() != groupTag || parent.row() >= m_groups.size())
        return {};
    const Group &group = m_groups[parent.row()];
    if (row >= group.entries.size())
        return {};
    return createIndex(row, column, group.tag);
}

QModelIndex InboxModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupTag)
        return {};
    const int row = groupRow(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, groupTag);
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != groupTag)
        return 0;
    return int(m_groups.value(parent.row()).entries.size());
}

int InboxModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == groupTag)
        return groupData(m_groups[index.row()], index.column(), role);
    const Group &group = m_groups[groupRow(index.internalId())];
    return entryData(group.entries[index.row()], index.column(), role);
}

QVariant InboxModel::groupData(const Group &group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Title:
            return group.key.sender.isEmpty()
                ? tr("%1 (%2)").arg(group.key.source).arg(group.count)
                : tr("%1 · %2 (%3)").arg(group.key.source, group.key.sender).arg(group.count);
        case Received:
            return timeText(group.latest);
        default:
            return {};
        }
    case Qt::FontRole:
        if (column == Title) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return {};
    case Qt::ToolTipRole: {
        const InboxGroupKey &key = group.key;
        if (key.sender.isEmpty())
            return group.count == 1 ? tr("1 item from %1").arg(key.source)
                                    : tr("%n items from %1", nullptr, group.count).arg(key.source);
        return group.count == 1 ? tr("1 item from %1 in %2").arg(key.sender, key.source)
                                : tr("%n items from %1 in %2", nullptr, group.count).arg(key.sender, key.source);
    }
    case IdsRole: {
        QList<qint64> ids;
        for (const Entry &entry : group.entries) {
            for (const InboxItem &item : entry.items)
                ids.append(item.notification.id);
        }
        return QVariant::fromValue(ids);
    }
    case CountRole:
        return group.count;
    case IsGroupRole:
        return true;
    case SourceRole:
        return group.key.source;
    case SenderRole:
        return group.key.sender;
    case SubjectRole: // the newest message's: a reply from the group answers that one
        return group.entries.isEmpty() ? QString() : group.entries.constFirst().title;
    default:
        return {};
    }
}

bool InboxModel::isUrgentTeamMessage(const InboxItem &item)
{
    return item.notification.urgency == Urgency::Critical
        && item.notification.source == QLatin1String(teaminbox::source);
}

bool InboxModel::isCritical(const InboxItem &item)
{
    return item.notification.urgency == Urgency::Critical && !isUrgentTeamMessage(item);
}

QString InboxModel::heldCriticalReason(const InboxItem &item)
{
    if (item.state != ItemState::Held || !isCritical(item))
        return {};
    switch (item.decision.reason) {
    case DecisionReason::OutsideWindow:
    case DecisionReason::FocusBlock:
        // Nothing broke through: the source was not among those whose critical items may.
        return tr("Sent as critical, but held: “%1” is not in your critical sources "
                  "(Preferences → Check-in → What may break through).")
            .arg(item.notification.source);
    case DecisionReason::BreakThroughCapReached:
        return tr("Sent as critical, but held: this hour's limit of interruptions was reached.");
    case DecisionReason::SourceAlwaysHold:
        return tr("Sent as critical, but held: “%1” is set to always wait for a check-in.")
            .arg(item.notification.source);
    default:
        return {};
    }
}

QString InboxModel::heldCriticalShort(const InboxItem &item)
{
    if (item.state != ItemState::Held || !isCritical(item))
        return {};
    switch (item.decision.reason) {
    case DecisionReason::OutsideWindow:
    case DecisionReason::FocusBlock:
        return tr("Held · not a critical source");
    case DecisionReason::BreakThroughCapReached:
        return tr("Held · hourly limit reached");
    case DecisionReason::SourceAlwaysHold:
        return tr("Held · source always waits");
    default:
        return {};
    }
}

QVariant InboxModel::entryData(const Entry &entry, int column, int role) const
{
    const InboxItem &newest = entry.items.constFirst();
    const int count = int(entry.items.size());
    const ItemState state = entryState(entry.items);
    const bool urgent = isUrgentTeamMessage(newest);
    const bool critical = isCritical(newest);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Title: {
            QString title = entry.title;
            if (urgent)
                title = tr("Urgent: %1").arg(entry.title);
            else if (critical)
                title = tr("Critical: %1").arg(entry.title);
            return count > 1 ? tr("%1 (×%2)").arg(title).arg(count) : title;
        }
        case Sender:
            return newest.notification.sender;
        case Received:
            return timeText(newest.notification.receivedAt);
        case State:
            if (const QString held = heldCriticalShort(newest); !held.isEmpty())
                return held;
            return stateText(state);
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QString tip = reasonText(newest.decision);
        if (const QString held = heldCriticalReason(newest); !held.isEmpty())
            tip = held;
        if (column != State && !newest.notification.body.isEmpty())
            tip = newest.notification.body.left(400) + QStringLiteral("\n\n") + tip;
        return tip;
    }
    case IdsRole: {
        QList<qint64> ids;
        for (const InboxItem &item : entry.items)
            ids.append(item.notification.id);
        return QVariant::fromValue(ids);
    }
    case Qt::FontRole:
        if ((urgent || critical) && column == Title) {
            QFont font;
            font.setWeight(QFont::Bold);
            return font;
        }
        return {};
    case CountRole:
        return count;
    case IsGroupRole:
        return false;
    case StateRole:
        return int(state);
    case ReasonRole:
        return reasonText(newest.decision);
    case SourceRole:
        return newest.notification.source;
    case SenderRole:
        return newest.notification.sender;
    case SubjectRole:
        return entry.title;
    case UrgentRole:
        return urgent;
    case CriticalRole:
        return critical;
    case HeldCriticalRole:
        return heldCriticalReason(newest);
    default:
        return {};
    }
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Sender:
        return tr("Sender");
    case Received:
        return tr("Received");
    case State:
        return tr("State");
    default:
        return {};
    }
}

QString InboxModel::timeText(const QDateTime &instant) const
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toTimeZone(m_zone);
    const QDate today = m_clock.now().toTimeZone(m_zone).date();
    const QString time = WhenText::time(local.time());
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    return tr("%1 %2").arg(WhenText::day(local.date(), WhenText::DayStyle::WeekdayDayMonth), time);
}

QString InboxModel::stateText(ItemState state)
{
    switch (state) {
    case ItemState::Held:
        return tr("Held");
    case ItemState::Released:
        return tr("New");
    case ItemState::Done:
        return tr("Done");
    case ItemState::Archived:
        return tr("Archived");
    case ItemState::Muted:
        return tr("Muted");
    }
    return {};
}

QString InboxModel::reasonText(const Decision &decision)
{
    const QString detail = decision.detail;
    switch (decision.reason) {
    case DecisionReason::InsideWindow:
        return tr("Shown at once: it arrived during a check-in window.");
    case DecisionReason::OutsideWindow:
        return tr("Held: it arrived outside your check-in windows.");
    case DecisionReason::FocusBlock:
        return tr("Held: it arrived during focus time.");
    case DecisionReason::SourceAlwaysHold:
        return tr("Held: this source is set to always wait for a check-in.");
    case DecisionReason::SourceAlwaysAllow:
        return tr("Shown at once: this source is always allowed.");
    case DecisionReason::SourceMuted:
        return tr("Muted: this source is muted.");
    case DecisionReason::CriticalBreakThrough:
        if (detail == QLatin1String(teaminbox::source))
            return tr("Broke through: your teammate sent it as urgent.");
        return tr("Broke through: critical, from a source you chose.");
    case DecisionReason::VipBreakThrough:
        return detail.isEmpty() ? tr("Broke through: from a VIP sender.")
                                : tr("Broke through: %1 is a VIP sender.").arg(detail);
    case DecisionReason::KeywordBreakThrough:
        return detail.isEmpty() ? tr("Broke through: it matched a keyword.")
                                : tr("Broke through: it matched the keyword “%1”.").arg(detail);
    case DecisionReason::BreakThroughCapReached:
        if (detail == QLatin1String(teaminbox::source))
            return tr("Held: sent as urgent, but this hour's limit of interruptions was reached.");
        return tr("Held: it could have broken through, but this hour's limit was reached.");
    case DecisionReason::TeamMessage:
        return tr("From your team: released for your check-in window.");
    case DecisionReason::TeamCommitment:
        return tr("From your team: work you wait for changed; held for your check-in window.");
    }
    return {};
}

} // namespace fermata
