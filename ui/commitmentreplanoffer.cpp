#include "commitmentreplanoffer.h"

#include "attention/attentionservice.h"
#include "team/commitmentnotices.h"

namespace fermata {

namespace {
// Released items among the newest this many: a window releases a handful at a time.
constexpr int s_lookBack = 100;
} // namespace

CommitmentReplanOffer::CommitmentReplanOffer(AttentionService &attention, const QDateTime &since, QObject *parent)
    : QObject(parent), m_attention(attention), m_since(since)
{
    connect(&m_attention, &AttentionService::inboxChanged, this, &CommitmentReplanOffer::check);
    connect(&m_attention, &AttentionService::digestReady, this, &CommitmentReplanOffer::check);
}

void CommitmentReplanOffer::check()
{
    const Result<QList<InboxItem>> recent = m_attention.recentItems(s_lookBack);
    if (!recent) {
        Q_EMIT failed(recent.error().message);
        return;
    }
    QList<Notification> arrived;
    for (const InboxItem &item : *recent) {
        const Notification &n = item.notification;
        if (item.state != ItemState::Released || commitmentnotices::commitmentOf(item.uuid).isNull()
            || n.releasedAt < m_since || m_offered.contains(n.id))
            continue;
        m_offered.insert(n.id);
        arrived.append(n);
    }
    if (!arrived.isEmpty())
        Q_EMIT offered(offerText(arrived.first().title, arrived.first().body, int(arrived.size())));
}

QString CommitmentReplanOffer::offerText(const QString &title, const QString &body, int count)
{
    if (count == 1)
        return tr("%1 — %2 Re-plan to follow the change.").arg(title, body);
    return tr("%n changes to work you wait for arrived. Re-plan to follow them.", nullptr, count);
}

} // namespace fermata
