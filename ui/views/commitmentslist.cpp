#include "views/commitmentslist.h"

#include "models/commitmentsmodel.h"
#include "widgets/palettecolors.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace fermata {

CommitmentsList::CommitmentsList(QWidget *parent)
    : QWidget(parent)
    , m_model(new CommitmentsModel(this))
    , m_heading(new QLabel(tr("Commitments"), this))
    , m_view(new QTreeView(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("commitmentsList"));
    m_heading->setObjectName(QStringLiteral("commitmentsHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_view->setObjectName(QStringLiteral("commitmentsView"));
    m_view->setAccessibleName(tr("Team commitments"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(CommitmentsModel::WhatColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CommitmentsModel::WaitingColumn, QHeaderView::Stretch);
    for (const int column : { CommitmentsModel::WhoColumn, CommitmentsModel::DueColumn,
             CommitmentsModel::FinishColumn, CommitmentsModel::StatusColumn })
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_empty->setObjectName(QStringLiteral("commitmentsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_empty->setText(tr("Nobody on your team shares a task yet. Share one from its details (Shared "
                        "with my team) or with 'fermata tasks share ID'."));
    QPalette muted = m_empty->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(palette()));
    m_empty->setPalette(muted);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_stack, 1);
    m_stack->setCurrentWidget(m_empty);
}

void CommitmentsList::setCommitments(const QList<TeammateCommitment> &commitments,
    const QHash<QUuid, QStringList> &waiters, const QDateTime &now, const QTimeZone &zone)
{
    m_model->setCommitments(commitments, waiters, now, zone);
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

bool CommitmentsList::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString CommitmentsList::emptyText() const
{
    return m_empty->text();
}

} // namespace fermata
