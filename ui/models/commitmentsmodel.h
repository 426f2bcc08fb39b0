#pragma once

#include "model/commitment.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QTimeZone>

namespace fermata {

// What my team committed to, for the Team view: who, what, by when (in my zone), the day the
// planned work ends (in the owner's zone), status, and who waits for it. Open commitments
// first, by due then owner; done and dropped ones last, dimmed. A thin adapter over the team
// worker's snapshot (TeamSnapshot::commitments and ::waiters).
class CommitmentsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhoColumn, WhatColumn, DueColumn, FinishColumn, StatusColumn, WaitingColumn, ColumnCount };
    enum Role { UuidRole = Qt::UserRole + 1, ClosedRole };

    explicit CommitmentsModel(QObject *parent = nullptr);

    // `now` and `zone` (mine) say how the due instants read: "Wed 17:00" within the coming week.
    void setCommitments(const QList<TeammateCommitment> &commitments,
        const QHash<QUuid, QStringList> &waiters, const QDateTime &now, const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const TeammateCommitment &commitment(int row) const { return m_rows.at(row); }
    QString text(int row, Column column) const;

    // Done and dropped: nobody plans on them any more.
    static bool isClosed(const Commitment &commitment);
    // The order of the list: open before closed, then by due (none last), owner and title.
    static bool isListedBefore(const TeammateCommitment &a, const TeammateCommitment &b);

private:
    QString dueText(const QDateTime &due) const;
    QString finishText(const TeammateCommitment &commitment) const;

    QList<TeammateCommitment> m_rows;
    QHash<QUuid, QStringList> m_waiters;
    QDateTime m_now;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

namespace CommitmentDays {

// One teammate's open commitments by finish day, for their row in the Team view: what they plan
// to finish on `day` and, compactly, on the rest of that week (to Sunday): "Finishing today:
// API spec · Fri: Release notes". Empty when nothing of theirs finishes that week.
QString finishingLine(const QList<TeammateCommitment> &theirs, const QDate &day, const QDate &today);

} // namespace CommitmentDays

} // namespace fermata
