#include "views/outboxview.h"

#include "widgets/emptystate.h"
#include "widgets/themedicon.h"

#include <QVBoxLayout>

namespace fermata {

OutboxView::OutboxView(QWidget *parent)
    : QWidget(parent)
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("outbox")),
                             tr("No messages waiting to go out"),
                             tr("Messages you write to teammates wait here until their next check-in window, with the time they will read them."),
                             this))
{
    setObjectName(QStringLiteral("outboxView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
}

} // namespace fermata
