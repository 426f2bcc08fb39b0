#pragma once

#include "messaging/teamsync.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace fermata {

class OutboxModel;

// The Outbox composer: recipient, subject, body, and — before sending — when the recipient
// will get it ("Delivered Tue 14:00 (their 09:00)"). "Send now (urgent)" asks once. A message
// can be about one of the team's commitments: its first line then says which.
class MessageComposer final : public QWidget
{
    Q_OBJECT
public:
    // Asked before an urgent send with the recipient's name; true sends.
    using UrgentConfirmation = std::function<bool(const QString &recipientName)>;

    explicit MessageComposer(TeamSync *team, QWidget *parent = nullptr);

    void setUrgentConfirmation(UrgentConfirmation confirm) { m_confirmUrgent = std::move(confirm); }
    // The sent message's row, so the confirmation says what the Outbox row says.
    void setOutbox(const OutboxModel *outbox) { m_outbox = outbox; }
    QString previewText() const;
    // What happened to the last send, under the buttons; its line is reserved, so nothing moves.
    QString outcomeText() const;
    QString selectedRecipient() const; // the role, empty when none
    QUuid selectedCommitment() const;  // what the message is about; null when nothing in particular
    void setAboutCommitment(const QUuid &uuid);
    // The commitments "About" offers (the open ones; the team's snapshot's, as it changes).
    void setCommitments(const QList<TeammateCommitment> &commitments);
    // The first line of a message about `commitment`, for the recipient: "About Ada's 'API spec'
    // (due Wed 9 Dec, planned to finish Tue 8 Dec)" — days in the owner's zone.
    static QString referenceLine(const TeammateCommitment &commitment);
    // The body as sent: the reference line first when the message is about a commitment.
    QString bodyToSend() const;

    // Addresses a reply to `role` about `subject` ("Re: <subject>") and puts the cursor in the body.
    void replyTo(const QString &role, const QString &subject);
    static QString replySubject(const QString &subject);

    void send();
    void sendUrgent();

private:
    void reloadRecipients();
    void reloadCommitments();
    void requestPreview();
    void showPreview(const QString &recipient, const OutboxService::ReleasePreview &preview);
    void showPreviewError(const QString &recipient, const QString &message);
    void handleFinished(TeamSync::Operation operation, bool ok, const QString &message);
    void showOutcome(const QString &text, bool error);
    void updateButtons();
    void updateUrgentCount();
    bool confirmUrgent(const QString &name);

    TeamSync *m_team = nullptr;
    QComboBox *m_recipient = nullptr;
    QLineEdit *m_subject = nullptr;
    QComboBox *m_about = nullptr;
    QList<TeammateCommitment> m_commitments;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_urgentCount = nullptr;
    QLabel *m_outcome = nullptr;
    QTimer *m_outcomeTimer = nullptr;
    const OutboxModel *m_outbox = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_sendUrgent = nullptr;
    UrgentConfirmation m_confirmUrgent;
    bool m_sending = false;
};

} // namespace fermata
