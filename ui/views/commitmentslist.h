#pragma once

#include "model/commitment.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeView;

namespace fermata {

class CommitmentsModel;

// The Team view's list of what the team committed to (CommitmentsModel), under a heading,
// or — when nobody shares a task yet — a sentence saying how to share one.
class CommitmentsList final : public QWidget
{
    Q_OBJECT
public:
    explicit CommitmentsList(QWidget *parent = nullptr);

    void setCommitments(const QList<TeammateCommitment> &commitments,
        const QHash<QUuid, QStringList> &waiters, const QDateTime &now, const QTimeZone &zone);

    CommitmentsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    bool isShowingEmptyState() const;
    QString emptyText() const;

private:
    CommitmentsModel *m_model = nullptr;
    QLabel *m_heading = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_stack = nullptr;
};

} // namespace fermata
