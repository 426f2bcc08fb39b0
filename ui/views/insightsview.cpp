#include "views/insightsview.h"

#include "widgets/emptystate.h"
#include "widgets/themedicon.h"

#include <QVBoxLayout>

namespace fermata {

InsightsView::InsightsView(QWidget *parent)
    : QWidget(parent)
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("insights")),
                             tr("No focus time recorded yet"),
                             tr("Once you work through planned focus blocks, your deep-work hours, longest unbroken stretch and held notifications show up here."),
                             this))
{
    setObjectName(QStringLiteral("insightsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
}

} // namespace fermata
