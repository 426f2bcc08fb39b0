#include "views/outboxview.h"

#include "dialogs/editmessagedialog.h"
#include "models/outboxmodel.h"
#include "settings/preferences.h"
#include "messaging/teamsync.h"
#include "uicontext.h"
#include "views/messagecomposer.h"
#include "widgets/emptystate.h"
#include "widgets/themedicon.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QTreeView>
#include <QVBoxLayout>

namespace fermata {

OutboxView::OutboxView(const UiContext &context, QWidget *parent)
    : QWidget(parent)
    , m_team(context.team)
    , m_model(new OutboxModel(context.team, context.clock, this))
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("outbox")),
                             tr("Message your team without interrupting them"),
                             tr("Messages wait here until each teammate's next check-in window. Join a "
                                "team in Preferences → Team, or with fermata hub join."),
                             this))
    , m_composer(new MessageComposer(context.team, this))
    , m_queueTitle(new QLabel(tr("Sent and held"), this))
    , m_queue(new QTreeView(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_withdraw(new QPushButton(tr("&Withdraw"), this))
{
    setObjectName(QStringLiteral("outboxView"));
    m_model->setTimeZone(context.preferences.timeZone());
    m_composer->setOutbox(m_model);
    m_queue->setObjectName(QStringLiteral("outboxQueue"));
    m_queue->setAccessibleName(tr("Sent messages"));
    m_queue->setModel(m_model);
    m_queue->setRootIsDecorated(false);
    m_queue->setUniformRowHeights(true);
    m_queue->setAlternatingRowColors(true);
    m_queue->header()->setStretchLastSection(false);
    m_queue->header()->setSectionResizeMode(OutboxModel::SubjectColumn, QHeaderView::Stretch);
    m_queue->header()->setSectionResizeMode(OutboxModel::ReleaseColumn, QHeaderView::ResizeToContents);
    m_queue->header()->setSectionResizeMode(OutboxModel::StateColumn, QHeaderView::ResizeToContents);
    m_edit->setObjectName(QStringLiteral("outboxEdit"));
    m_withdraw->setObjectName(QStringLiteral("outboxWithdraw"));
    m_withdraw->setToolTip(tr("Cancels a message still held for its recipient"));
    QFont heading = m_queueTitle->font();
    heading.setBold(true);
    m_queueTitle->setFont(heading);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_composer);
    layout->addSpacing(8);
    auto *queueBar = new QHBoxLayout;
    queueBar->addWidget(m_queueTitle, 1);
    queueBar->addWidget(m_edit);
    queueBar->addWidget(m_withdraw);
    layout->addLayout(queueBar);
    layout->addWidget(m_queue, 1);

    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);

    connect(m_edit, &QPushButton::clicked, this, &OutboxView::editSelected);
    connect(m_withdraw, &QPushButton::clicked, this, &OutboxView::withdrawSelected);
    connect(m_queue, &QTreeView::activated, this, &OutboxView::editSelected);
    connect(m_queue->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OutboxView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxView::updateActions);
    if (m_team)
        connect(m_team, &TeamSync::statusChanged, this, &OutboxView::refresh);
    refresh();
}

void OutboxView::refresh()
{
    const bool joined = m_team && (m_team->isJoined() || !m_team->snapshot().outbox.isEmpty());
    m_stack->setCurrentIndex(joined ? 1 : 0);
    updateActions();
}

QModelIndex OutboxView::selectedRow() const
{
    const QModelIndexList rows = m_queue->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : rows.first();
}

void OutboxView::updateActions()
{
    const QModelIndex row = selectedRow();
    const bool held = row.isValid() && row.data(OutboxModel::HeldRole).toBool();
    m_edit->setEnabled(held);
    m_withdraw->setEnabled(held);
    const int count = m_model->heldCount(); // the rows' own "Held", not released ones
    m_queueTitle->setText(count > 0 ? tr("Sent — %n held for their check-in", nullptr, count) : tr("Sent"));
}

void OutboxView::editSelected()
{
    const QModelIndex row = selectedRow();
    if (!m_team || !row.isValid() || !row.data(OutboxModel::HeldRole).toBool())
        return;
    EditMessageDialog dialog(row.data(OutboxModel::RecipientRole).toString(),
                             row.data(OutboxModel::SubjectRole).toString(),
                             row.data(OutboxModel::BodyRole).toString(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_team->edit(row.data(OutboxModel::UuidRole).toUuid(), dialog.subject(), dialog.body());
}

void OutboxView::withdrawSelected()
{
    const QModelIndex row = selectedRow();
    if (m_team && row.isValid() && row.data(OutboxModel::HeldRole).toBool())
        m_team->withdraw(row.data(OutboxModel::UuidRole).toUuid());
}

} // namespace fermata

namespace fermata {

void OutboxView::replyTo(const QString &senderName, const QString &subject)
{
    QString role;
    if (m_team) {
        // The Inbox knows teammates by name; the composer by login. Active ones first.
        for (const HubMember &member : m_team->snapshot().teammates()) {
            if (member.name == senderName && role.isEmpty())
                role = member.role;
        }
    }
    m_composer->replyTo(role, subject);
}

} // namespace fermata
