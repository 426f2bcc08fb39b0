#include "undo/offercommands.h"

#include "widgets/messagebar.h"

#include <QCoreApplication>

namespace fermata {

DeclineOfferCommand::DeclineOfferCommand(MessageBar &bar, const QString &text, const QString &actionText)
    : ShowsItsOwnOutcome(QCoreApplication::translate("fermata::DeclineOfferCommand", "Decline %1").arg(actionText))
    , m_bar(&bar), m_text(text), m_actionText(actionText)
{
}

void DeclineOfferCommand::redo()
{
    // The first run follows the close button: the bar is already hidden.
    if (m_bar && m_bar->isVisibleTo(m_bar->parentWidget()) && m_bar->text() == m_text)
        m_bar->dismiss();
}

void DeclineOfferCommand::undo()
{
    if (m_bar)
        m_bar->showAction(m_text, m_actionText);
}

} // namespace fermata
