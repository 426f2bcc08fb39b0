#include "views/inboxfolding.h"

#include "attention/attentionservice.h"

namespace fermata {

InboxFolding::InboxFolding(AttentionService &attention, QObject *parent)
    : QObject(parent), m_attention(attention), m_folded(attention.isInboxFolded())
{
    // The window the peek was waiting for has come: from now on the windows decide again.
    connect(&attention, &AttentionService::windowOpened, this, [this] {
        m_peeking = false;
        update();
    });
    connect(&attention, &AttentionService::windowClosed, this, &InboxFolding::update);
    connect(&attention, &AttentionService::digestReady, this, &InboxFolding::update);
    connect(&attention, &AttentionService::windowsChanged, this, &InboxFolding::update);
}

bool InboxFolding::isFolded() const
{
    return m_folded;
}

Status InboxFolding::peek()
{
    if (Status s = m_attention.peekEarly(); !s)
        return s;
    m_peeking = true;
    update();
    return {};
}

void InboxFolding::update()
{
    const bool folded = !m_peeking && m_attention.isInboxFolded();
    if (folded == m_folded)
        return;
    m_folded = folded;
    Q_EMIT foldedChanged(folded);
}

} // namespace fermata
