#pragma once

#include "model/inboxitem.h"

#include <QHash>
#include <QList>
#include <QUndoCommand>

namespace fermata {

class UndoHistory;

// Marking Inbox items done or archiving them, from the window: undo puts each item back in
// the state it had (held, released…). A teammate's message already acknowledged to its
// sender stays acknowledged on the hub.
class InboxStateCommand final : public QUndoCommand
{
public:
    InboxStateCommand(UndoHistory &history, const QList<qint64> &ids, ItemState state);

    void undo() override;
    void redo() override;

private:
    UndoHistory &m_history;
    QList<qint64> m_ids;
    ItemState m_state;
    QHash<qint64, ItemState> m_before;
    bool m_firstRun = true;
};

} // namespace fermata
