#pragma once

#include "messaging/teamsync.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fermata {

// The Outbox composer: recipient, subject, body, and — before sending — when the recipient
// will get it ("Delivered Tue 14:00 (their 09:00)"). "Send now (urgent)" asks once.
class MessageComposer final : public QWidget
{
    Q_OBJECT
public:
    // Asked before an urgent send with the recipient's name; true sends.
    using UrgentConfirmation = std::function<bool(const QString &recipientName)>;

    explicit MessageComposer(TeamSync *team, QWidget *parent = nullptr);

    void setUrgentConfirmation(UrgentConfirmation confirm) { m_confirmUrgent = std::move(confirm); }
    QString previewText() const;
    QString selectedRecipient() const; // the role, empty when none

    void send();
    void sendUrgent();

private:
    void reloadRecipients();
    void requestPreview();
    void showPreview(const QString &recipient, const OutboxService::ReleasePreview &preview);
    void showPreviewError(const QString &recipient, const QString &message);
    void handleFinished(TeamSync::Operation operation, bool ok);
    void updateButtons();
    void updateUrgentCount();
    bool confirmUrgent(const QString &name);

    TeamSync *m_team = nullptr;
    QComboBox *m_recipient = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_urgentCount = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_sendUrgent = nullptr;
    UrgentConfirmation m_confirmUrgent;
    bool m_sending = false;
};

} // namespace fermata
