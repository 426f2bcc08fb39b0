#include "models/inboxmodel.h"

#include "attention/attentionservice.h"
#include "time/clock.h"

#include <QFont>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace fermata {

namespace {

// Group rows carry internalId 0; entry rows carry their group's row + 1.
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

} // namespace

InboxModel::InboxModel(AttentionService &attention, const Clock &clock, QObject *parent)
    : QAbstractItemModel(parent), m_attention(attention), m_clock(clock)
{
    connect(&attention, &AttentionService::itemsStored, this, &InboxModel::scheduleReload);
    connect(&attention, &AttentionService::digestReady, this, &InboxModel::scheduleReload);
    connect(&attention, &AttentionService::itemChanged, this, &InboxModel::scheduleReload);
    connect(&attention, &AttentionService::heldCountChanged, this, &InboxModel::scheduleReload);
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
    // Marking a collapsed row done changes many items at once: read the engine once after.
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
        m_groups.clear();
        m_itemCount = 0;
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
    m_itemCount = 0;
    QHash<QPair<QString, QString>, qsizetype> groupIndex;
    for (const InboxItem &item : items) {
        if (!shownInInbox(item.state))
            continue;
        const Notification &n = item.notification;
        const auto key = qMakePair(n.source, n.sender);
        qsizetype g = groupIndex.value(key, -1);
        if (g < 0) {
            g = m_groups.size();
            groupIndex.insert(key, g);
            m_groups.append(Group{n.source, n.sender, 0, {}, {}});
        }
        Group &group = m_groups[g];
        ++group.count;
        ++m_itemCount;
        if (!group.latest.isValid() || n.receivedAt > group.latest)
            group.latest = n.receivedAt;
        auto entry = std::find_if(group.entries.begin(), group.entries.end(),
                                  [&](const Entry &e) { return e.title == n.title; });
        if (entry == group.entries.end())
            group.entries.append(Entry{n.title, {item}});
        else
            entry->items.append(item);
    }
    for (Group &group : m_groups) {
        for (Entry &entry : group.entries) {
            std::stable_sort(entry.items.begin(), entry.items.end(), [](const InboxItem &a, const InboxItem &b) {
                return a.notification.receivedAt > b.notification.receivedAt;
            });
        }
        std::stable_sort(group.entries.begin(), group.entries.end(), [](const Entry &a, const Entry &b) {
            return a.items.constFirst().notification.receivedAt > b.items.constFirst().notification.receivedAt;
        });
    }
    // As in the digest: the busiest source and sender first, then by name.
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        if (a.count != b.count)
            return a.count > b.count;
        const int bySource = a.source.localeAwareCompare(b.source);
        return bySource != 0 ? bySource < 0 : a.sender.localeAwareCompare(b.sender) < 0;
    });
}

QList<qint64> InboxModel::idsAt(const QModelIndex &index) const
{
    return data(index, IdsRole).value<QList<qint64>>();
}

QModelIndex InboxModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, groupTag) : QModelIndex();
    if (parent.internalId() != groupTag || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups[parent.row()].entries.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex InboxModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupTag)
        return {};
    return createIndex(int(child.internalId() - 1), 0, groupTag);
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
    const Group &group = m_groups[qsizetype(index.internalId() - 1)];
    return entryData(group.entries[index.row()], index.column(), role);
}

QVariant InboxModel::groupData(const Group &group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Title:
            return group.sender.isEmpty() ? tr("%1 (%2)").arg(group.source).arg(group.count)
                                          : tr("%1 · %2 (%3)").arg(group.source, group.sender).arg(group.count);
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
    case Qt::ToolTipRole:
        if (group.sender.isEmpty())
            return group.count == 1 ? tr("1 item from %1").arg(group.source)
                                    : tr("%n items from %1", nullptr, group.count).arg(group.source);
        return group.count == 1 ? tr("1 item from %1 in %2").arg(group.sender, group.source)
                                : tr("%n items from %1 in %2", nullptr, group.count).arg(group.sender, group.source);
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
    default:
        return {};
    }
}

QVariant InboxModel::entryData(const Entry &entry, int column, int role) const
{
    const InboxItem &newest = entry.items.constFirst();
    const int count = int(entry.items.size());
    const ItemState state = entryState(entry.items);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Title:
            return count > 1 ? tr("%1 (×%2)").arg(entry.title).arg(count) : entry.title;
        case Sender:
            return newest.notification.sender;
        case Received:
            return timeText(newest.notification.receivedAt);
        case State:
            return stateText(state);
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QString tip = reasonText(newest.decision);
        if (!newest.notification.body.isEmpty())
            tip = newest.notification.body.left(400) + QStringLiteral("\n\n") + tip;
        return tip;
    }
    case IdsRole: {
        QList<qint64> ids;
        for (const InboxItem &item : entry.items)
            ids.append(item.notification.id);
        return QVariant::fromValue(ids);
    }
    case CountRole:
        return count;
    case IsGroupRole:
        return false;
    case StateRole:
        return int(state);
    case ReasonRole:
        return reasonText(newest.decision);
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
    const QString time = local.time().toString(QStringLiteral("HH:mm"));
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    return tr("%1 %2").arg(QLocale().toString(local.date(), QStringLiteral("ddd d MMM")), time);
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
        return tr("Broke through: critical, from a source you chose.");
    case DecisionReason::VipBreakThrough:
        return detail.isEmpty() ? tr("Broke through: from a VIP sender.")
                                : tr("Broke through: %1 is a VIP sender.").arg(detail);
    case DecisionReason::KeywordBreakThrough:
        return detail.isEmpty() ? tr("Broke through: it matched a keyword.")
                                : tr("Broke through: it matched the keyword “%1”.").arg(detail);
    case DecisionReason::BreakThroughCapReached:
        return tr("Held: it could have broken through, but this hour's limit was reached.");
    case DecisionReason::TeamMessage:
        return tr("From your team: released for your check-in window.");
    }
    return {};
}

} // namespace fermata
