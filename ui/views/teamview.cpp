#include "views/teamview.h"

#include "widgets/emptystate.h"
#include "widgets/themedicon.h"

#include <QVBoxLayout>

namespace fermata {

TeamView::TeamView(QWidget *parent)
    : QWidget(parent)
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("team")),
                             tr("No teammates yet"),
                             tr("When you join a team, each teammate's check-in windows appear here in your time zone. Fermata never shows who is online."),
                             this))
{
    setObjectName(QStringLiteral("teamView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
}

} // namespace fermata
