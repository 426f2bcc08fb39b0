#pragma once

#include "undo/undohistory.h"

#include <QPointer>

namespace fermata {

class MessageBar;

// Closing an offer ("Your plan no longer fits … Re-plan") is a decision too: undo brings
// the offer back, redo closes it again. Nothing is stored; only the bar changes.
class DeclineOfferCommand final : public ShowsItsOwnOutcome
{
public:
    DeclineOfferCommand(MessageBar &bar, const QString &text, const QString &actionText);
    void undo() override;
    void redo() override;

private:
    QPointer<MessageBar> m_bar;
    QString m_text;
    QString m_actionText;
};

} // namespace fermata
