#include "inboxcommands.h"

#include "attention/attentionservice.h"
#include "storage/attentionrepository.h"
#include "uicontext.h"
#include "undohistory.h"

#include <QCoreApplication>

namespace fermata {

namespace {
} // namespace

InboxStateCommand::InboxStateCommand(UndoHistory &history, const QList<qint64> &ids, ItemState state)
    : m_history(history), m_ids(ids), m_state(state)
{
    // Plural by hand: no translation is loaded for English, and "%n item(s)" would show as is.
    const bool one = ids.size() == 1;
    if (state == ItemState::Archived)
        setText(one ? UndoHistory::tr("Archive 1 item")
                    : UndoHistory::tr("Archive %1 items").arg(ids.size()));
    else
        setText(one ? UndoHistory::tr("Mark 1 item Done")
                    : UndoHistory::tr("Mark %1 items Done").arg(ids.size()));
}

void InboxStateCommand::redo()
{
    const bool first = std::exchange(m_firstRun, false);
    AttentionService *attention = m_history.context().attention;
    if (!attention) {
        m_history.fail(this, first, UndoHistory::tr("The Inbox is not available."));
        return;
    }
    if (first) {
        // What each item was before, to put back; one item is named by its title.
        for (qint64 id : m_ids) {
            const auto found = attention->repository().find(id);
            if (found && found->has_value()) {
                m_before.insert(id, (*found)->state);
                if (m_ids.size() == 1)
                    setText(m_state == ItemState::Archived
                                ? UndoHistory::tr("Archive “%1”").arg((*found)->notification.title)
                                : UndoHistory::tr("Mark “%1” Done").arg((*found)->notification.title));
            }
        }
    }
    const Status s = m_state == ItemState::Archived ? attention->archive(m_ids) : attention->markDone(m_ids);
    if (!s)
        m_history.fail(this, first,
                       first ? UndoHistory::tr("Could not update the Inbox: %1").arg(s.error().message)
                             : UndoHistory::tr("Could not redo “%1”: %2.").arg(text(), s.error().message));
}

void InboxStateCommand::undo()
{
    AttentionService *attention = m_history.context().attention;
    if (!attention)
        return;
    if (const Status s = attention->restoreStates(m_before); !s)
        m_history.fail(this, false, UndoHistory::tr("Could not undo “%1”: %2.").arg(text(), s.error().message));
}

} // namespace fermata
