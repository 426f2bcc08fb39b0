#include "views/inboxview.h"

#include "widgets/emptystate.h"
#include "widgets/themedicon.h"

#include <QVBoxLayout>

namespace fermata {

InboxView::InboxView(QWidget *parent)
    : QWidget(parent)
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("inbox")),
                             tr("Nothing held for you"),
                             tr("Notifications that arrive outside your check-in windows will wait here, grouped by sender, until your next check-in."),
                             this))
{
    setObjectName(QStringLiteral("inboxView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
}

} // namespace fermata
