#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedLayout;
class QTreeView;

namespace fermata {

class EmptyState;
class MessageComposer;
class OutboxModel;
class TeamSync;
struct UiContext;

// Outbox: a composer that says when the recipient will read the message, and the queue of
// what I sent with each message's release time and state; held ones can be edited or
// withdrawn. Teaches how to join a team when there is none.
class OutboxView final : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxView(const UiContext &context, QWidget *parent = nullptr);
    EmptyState *emptyState() const { return m_empty; }
    MessageComposer *composer() const { return m_composer; }
    QTreeView *queue() const { return m_queue; }
    OutboxModel *model() const { return m_model; }

    void editSelected();
    void withdrawSelected();
    // Opens the composer to the teammate named `senderName` with "Re: <subject>".
    void replyTo(const QString &senderName, const QString &subject);

private:
    void refresh();
    void updateActions();
    QModelIndex selectedRow() const;

    TeamSync *m_team = nullptr;
    OutboxModel *m_model = nullptr;
    EmptyState *m_empty = nullptr;
    MessageComposer *m_composer = nullptr;
    QLabel *m_queueTitle = nullptr;
    QTreeView *m_queue = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_withdraw = nullptr;
    QStackedLayout *m_stack = nullptr;
};

} // namespace fermata
