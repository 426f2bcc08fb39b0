#include "attentionstatus.h"

#include "attention/attentionservice.h"
#include "attention/focussession.h"
#include "models/whentext.h"
#include "settings/preferences.h"
#include "time/clock.h"
#include "uicontext.h"

namespace fermata {

AttentionStatus::AttentionStatus(const UiContext &context, QObject *parent)
    : QObject(parent), m_context(context)
{
    if (AttentionService *attention = context.attention) {
        connect(attention, &AttentionService::heldCountChanged, this, &AttentionStatus::changed);
        connect(attention, &AttentionService::windowOpened, this, &AttentionStatus::changed);
        connect(attention, &AttentionService::windowClosed, this, &AttentionStatus::changed);
        connect(attention, &AttentionService::windowsChanged, this, &AttentionStatus::changed);
        connect(attention, &AttentionService::digestReady, this, &AttentionStatus::changed);
    }
    if (context.focus)
        connect(context.focus, &FocusSession::changed, this, &AttentionStatus::changed);
}

QString AttentionStatus::when(const QDateTime &instant) const
{
    return WhenText::format(instant, m_context.preferences.timeZone(), m_context.clock.now());
}

QString AttentionStatus::heldSuffix() const
{
    const auto held = m_context.attention->heldCount();
    return held && *held > 0 ? tr(" · %n held", nullptr, *held) : QString();
}

QString AttentionStatus::text(const QString &dayStatus) const
{
    if (!m_context.attention)
        return dayStatus;
    if (m_context.focus && m_context.focus->isOverdue())
        return tr("Focus time is up") + heldSuffix(); // the end prompt is waiting for an answer
    if (m_context.focus && m_context.focus->isActive())
        return tr("Focus until %1").arg(when(m_context.focus->endsAt())) + heldSuffix();
    if (const auto window = m_context.attention->currentWindow())
        return tr("Check-in until %1").arg(when(window->end()));
    const QDateTime next = m_context.attention->nextWindowStart();
    if (!next.isValid())
        return dayStatus;
    return tr("Next check-in %1").arg(when(next)) + heldSuffix();
}

} // namespace fermata
