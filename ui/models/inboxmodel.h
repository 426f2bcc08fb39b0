#pragma once

#include "attention/inboxgrouping.h"
#include "model/inboxitem.h"
#include "result.h"

#include <QHash>

#include <QAbstractItemModel>
#include <QTimeZone>

#include <optional>

namespace fermata {

class AttentionService;
class Clock;

// The Inbox as a two-level tree over AttentionService: groups by source and sender (with a
// count), and under each group one row per title, duplicates collapsed with a count (the rule
// the digest uses too, attention/inboxgrouping.h). Shows held and released items and those
// marked done; archived and muted ones are left out. Follows the engine's signals row by row
// (inserted, changed, moved, removed), so a selection survives; reads everything again only
// when another process changed the Inbox.
class InboxModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Title, Sender, Received, State, ColumnCount };
    enum Role {
        IdsRole = Qt::UserRole + 1, // QList<qint64>: every stored item behind the row
        CountRole,                  // int: items in the group or collapsed row
        IsGroupRole,                // bool
        StateRole,                  // int (ItemState) of the newest item; groups: none
        ReasonRole,                 // QString: the recorded decision, in words
        SourceRole,                 // QString: the source of the row
        SenderRole,                 // QString: who sent the newest item
        SubjectRole,                // QString: the title, without counts or marks (groups: newest)
        UrgentRole,                 // bool: a teammate sent it as urgent (entries only)
        CriticalRole,               // bool: sent with critical urgency (entries: the newest item)
        HeldCriticalRole,           // QString: why a critical item was held anyway; else empty
    };
    // A teammate's message sent with "Send now (urgent)".
    static bool isUrgentTeamMessage(const InboxItem &item);
    // Sent as critical by an app (a teammate's urgent message is marked as urgent instead).
    static bool isCritical(const InboxItem &item);
    // Why a critical item was held instead of breaking through, in one sentence (empty when it
    // was not held, or not critical). `heldCriticalShort` is the same in a few words, for a row.
    static QString heldCriticalReason(const InboxItem &item);
    static QString heldCriticalShort(const InboxItem &item);

    InboxModel(AttentionService &attention, const Clock &clock, QObject *parent = nullptr);
    ~InboxModel() override;

    void setTimeZone(const QTimeZone &zone);
    // Reads the engine again; errors go to errorOccurred and leave the model empty.
    void reload();
    int itemCount() const { return m_itemCount; }
    QList<qint64> idsAt(const QModelIndex &index) const;
    // The newest stored item behind an entry row; nothing for a group row.
    std::optional<InboxItem> newestAt(const QModelIndex &index) const;

    static QString reasonText(const Decision &decision);
    static QString stateText(ItemState state);
    // How many items the Inbox keeps in view (newest first); held ones are always included.
    static constexpr int RecentLimit = 2000;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    struct Entry
    {
        QString title;
        QList<InboxItem> items; // newest first
    };
    struct Group
    {
        quintptr tag = 0; // stable while the group lives: the internalId of its entry rows
        InboxGroupKey key;
        int count = 0;
        QList<Entry> entries; // newest first
        QDateTime latest;
    };

    void scheduleReload();
    Result<QList<InboxItem>> load() const;
    void rebuild(const QList<InboxItem> &items);
    void insertItems(const QList<InboxItem> &items);
    void insertItem(const InboxItem &item);
    void setStates(const QList<qint64> &ids, ItemState state);
    void removeItems(const QList<qint64> &ids);
    void placeGroup(int row);
    void placeEntry(int groupRow, int entryRow);
    void moveGroup(int from, int to);
    void renumber(int first, int last);
    int groupRow(quintptr tag) const { return m_rowOfTag.value(tag, -1); }
    void groupChanged(int row);
    QVariant groupData(const Group &group, int column, int role) const;
    QVariant entryData(const Entry &entry, int column, int role) const;
    QString timeText(const QDateTime &instant) const;

    AttentionService &m_attention;
    const Clock &m_clock;
    QTimeZone m_zone = QTimeZone(QByteArrayLiteral("UTC"));
    QList<Group> m_groups;              // in display order (inboxgrouping::listedBefore)
    QHash<quintptr, int> m_rowOfTag;    // a group's tag -> its row now
    QHash<InboxGroupKey, quintptr> m_tagOfKey;
    quintptr m_nextTag = 1;
    int m_itemCount = 0;
    bool m_reloadPending = false;
};

} // namespace fermata
