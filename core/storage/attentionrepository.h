#pragma once

#include "model/inboxitem.h"
#include "result.h"
#include "time/interval.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>

#include <optional>

namespace fermata {

class Database;

// What add() did with one item: its id, and whether this call stored it (false: its uuid was
// stored before, and that item's id is given).
struct AddedItem
{
    qint64 id = 0;
    bool isNew = true;
    bool operator==(const AddedItem &) const = default;
};

// The attention engine's tables: notifications with their decision and state, a small
// key-value store (rules, saved desktop DND state, tokens), counted events (early peeks) and
// focus sessions. Writes are committed before they return success, or join the caller's
// Database::inTransaction (group commit).
class AttentionRepository final
{
public:
    explicit AttentionRepository(Database &db) : m_db(db) {}

    // Inserts each item, in order. An item whose uuid is already stored is not inserted again:
    // its existing id is returned, marked as not new (retries are idempotent).
    Result<QList<AddedItem>> add(const QList<InboxItem> &items);
    // The ids of the stored items with these uuids (absent: not stored).
    Result<QHash<QString, qint64>> idsByUuid(const QStringList &uuids) const;
    // The newest held item whose uuid starts with `prefix`: a change still waiting for its window,
    // which a later change rewords instead of adding another item.
    Result<std::optional<qint64>> heldWithUuidPrefix(const QString &prefix) const;
    // Gives a held item new words; NotFound when it is no longer held.
    Status rewordHeld(qint64 id, const QString &sender, const QString &title, const QString &body);
    // Held -> Released at `at`; items no longer held are left alone.
    Status release(const QList<qint64> &ids, const QDateTime &at);
    Status setState(qint64 id, ItemState state); // NotFound when the id does not exist
    Status setState(const QList<qint64> &ids, ItemState state); // all or, on NotFound, none
    Result<std::optional<InboxItem>> find(qint64 id) const;
    Result<QList<InboxItem>> held() const;        // oldest first
    Result<QHash<QString, int>> heldCountBySource() const;
    // Newest first, every state but muted unless asked; for the Inbox and `fermata inbox`.
    Result<QList<InboxItem>> recent(int limit, int offset = 0, bool withMuted = false) const;
    Result<int> breakThroughsSince(const QDateTime &since) const;
    // Removes items received before `cutoff` that are no longer held; returns how many.
    Result<int> removeOlderThan(const QDateTime &cutoff);

    Result<std::optional<QString>> value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);
    Status removeValue(const QString &key);

    Status recordEvent(const QString &kind, const QDateTime &at);
    Result<int> countEvents(const QString &kind, const Interval &range) const;

    Result<qint64> startFocusSession(const FocusSessionRecord &session);
    Status updateFocusSession(const FocusSessionRecord &session);
    Result<QList<FocusSessionRecord>> focusSessions(const Interval &range) const;
    Result<std::optional<FocusSessionRecord>> runningFocusSession() const;
    // Minutes actually focused per task id (0 for sessions without a task).
    Result<QHash<qint64, qint64>> focusMinutesByTask() const;

private:
    Result<QList<InboxItem>> selectItems(const QString &tail, const QVariantList &values) const;

    Database &m_db;
};

} // namespace fermata
