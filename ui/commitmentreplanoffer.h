#pragma once

#include <QDateTime>
#include <QObject>
#include <QSet>

namespace fermata {

class AttentionService;

// Offers Re-plan when a teammate's change to work I wait for reaches my Inbox at a check-in
// window (core/team/commitmentnotices.h): the offer comes with the item, never before it, and
// once per item, whichever process released it.
class CommitmentReplanOffer final : public QObject
{
    Q_OBJECT
public:
    // Items released before `since` (before this window was opened) are not offered again.
    CommitmentReplanOffer(AttentionService &attention, const QDateTime &since, QObject *parent = nullptr);

    // Looks for such items released since the last look.
    void check();

    // "Ada finished 'API spec' — 'Integrate API' can start. Re-plan to follow the change."
    static QString offerText(const QString &title, const QString &body, int count);

Q_SIGNALS:
    void offered(const QString &text);
    void failed(const QString &message);

private:
    AttentionService &m_attention;
    QDateTime m_since;
    QSet<qint64> m_offered;
};

} // namespace fermata
