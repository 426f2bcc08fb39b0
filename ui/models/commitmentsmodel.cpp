#include "models/commitmentsmodel.h"
#include "models/whentext.h"

#include "widgets/palettecolors.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace fermata {

CommitmentsModel::CommitmentsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CommitmentsModel::setCommitments(const QList<TeammateCommitment> &commitments,
    const QHash<QUuid, QStringList> &waiters, const QDateTime &now, const QTimeZone &zone)
{
    QList<TeammateCommitment> rows = commitments;
    std::stable_sort(rows.begin(), rows.end(), &CommitmentsModel::isListedBefore);
    const auto uuidOf = [](const TeammateCommitment &c) { return c.commitment.uuid; };
    const bool sameRows = std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), m_rows.cend(),
        [&](const auto &a, const auto &b) { return uuidOf(a) == uuidOf(b); });
    // The same commitments in the same order (a status, a title, the clock moved): the view
    // keeps its selection and scroll position.
    if (sameRows) {
        m_rows = rows;
        m_waiters = waiters;
        m_now = now;
        m_zone = zone;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    m_waiters = waiters;
    m_now = now;
    m_zone = zone;
    endResetModel();
}

bool CommitmentsModel::isClosed(const Commitment &commitment)
{
    return commitment.status == Commitment::Status::Done || commitment.status == Commitment::Status::Dropped;
}

bool CommitmentsModel::isListedBefore(const TeammateCommitment &a, const TeammateCommitment &b)
{
    const Commitment &x = a.commitment;
    const Commitment &y = b.commitment;
    if (isClosed(x) != isClosed(y))
        return !isClosed(x);
    if (x.due.isValid() != y.due.isValid())
        return x.due.isValid();
    if (x.due != y.due)
        return x.due < y.due;
    const int byOwner = a.displayName().localeAwareCompare(b.displayName());
    if (byOwner != 0)
        return byOwner < 0;
    return x.title.localeAwareCompare(y.title) < 0;
}

int CommitmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommitmentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CommitmentsModel::dueText(const QDateTime &due) const
{
    if (!due.isValid())
        return tr("—");
    const QDateTime local = due.toTimeZone(m_zone);
    const qint64 ahead = m_now.toTimeZone(m_zone).date().daysTo(local.date());
    const QLocale locale;
    // A weekday alone is only clear within the coming week.
    if (ahead >= 0 && ahead < 7)
        return tr("%1 %2", "a weekday, then a time")
            .arg(locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat), WhenText::time(local.time(), locale));
    return WhenText::dayAndTime(local, WhenText::DayStyle::WeekdayDayMonth, locale);
}

QString CommitmentsModel::finishText(const TeammateCommitment &commitment) const
{
    const QDate day = commitment.commitment.finishDay;
    if (!day.isValid())
        return tr("not planned");
    return WhenText::day(day, WhenText::DayStyle::WeekdayDayMonth);
}

QString CommitmentsModel::text(int row, Column column) const
{
    const TeammateCommitment &c = m_rows.at(row);
    switch (column) {
    case WhoColumn:
        return c.displayName();
    case WhatColumn:
        return c.commitment.title;
    case DueColumn:
        return dueText(c.commitment.due);
    case FinishColumn:
        return finishText(c);
    case StatusColumn:
        return commitmentStatusText(c.commitment.status);
    case WaitingColumn:
        return m_waiters.value(c.commitment.uuid).join(QStringLiteral(", "));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CommitmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TeammateCommitment &c = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return text(index.row(), column);
    case Qt::ToolTipRole:
        if (column == FinishColumn && c.commitment.finishDay.isValid() && !c.ownerZoneId.isEmpty())
            return tr("The day their planned work ends, in their zone (%1)")
                .arg(QString::fromUtf8(c.ownerZoneId));
        if (!c.commitment.publicNote.isEmpty())
            return tr("%1: %2").arg(c.displayName(), c.commitment.publicNote);
        return {};
    case Qt::ForegroundRole:
        if (isClosed(c.commitment))
            return PaletteColors::mutedText(QApplication::palette());
        return {};
    case UuidRole:
        return c.commitment.uuid;
    case ClosedRole:
        return isClosed(c.commitment);
    default:
        return {};
    }
}

QVariant CommitmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case DueColumn:
            return tr("When it is due, in your time");
        case FinishColumn:
            return tr("The day its planned work ends, in its owner's zone");
        case WaitingColumn:
            return tr("Tasks that wait for it");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case WhoColumn:
        return tr("Who");
    case WhatColumn:
        return tr("What");
    case DueColumn:
        return tr("By");
    case FinishColumn:
        return tr("Finishes");
    case StatusColumn:
        return tr("Status");
    case WaitingColumn:
        return tr("Waiting");
    case ColumnCount:
        break;
    }
    return {};
}

namespace CommitmentDays {

namespace {

QString dayName(const QDate &day, const QDate &today)
{
    if (day == today)
        return CommitmentsModel::tr("today");
    if (day == today.addDays(1))
        return CommitmentsModel::tr("tomorrow");
    return QLocale().dayName(day.dayOfWeek(), QLocale::ShortFormat);
}

} // namespace

QString finishingLine(const QList<TeammateCommitment> &theirs, const QDate &day, const QDate &today)
{
    QList<TeammateCommitment> open;
    const QDate sunday = day.addDays(7 - day.dayOfWeek());
    for (const TeammateCommitment &c : theirs) {
        const QDate finish = c.commitment.finishDay;
        if (!CommitmentsModel::isClosed(c.commitment) && finish.isValid() && finish >= day
            && finish <= sunday)
            open.append(c);
    }
    std::stable_sort(open.begin(), open.end(), [](const TeammateCommitment &a, const TeammateCommitment &b) {
        if (a.commitment.finishDay != b.commitment.finishDay)
            return a.commitment.finishDay < b.commitment.finishDay;
        return CommitmentsModel::isListedBefore(a, b);
    });
    QStringList parts;
    for (qsizetype i = 0; i < open.size();) {
        const QDate finish = open.at(i).commitment.finishDay;
        QStringList titles;
        for (; i < open.size() && open.at(i).commitment.finishDay == finish; ++i)
            titles.append(open.at(i).commitment.title);
        const QString titleText = titles.join(QStringLiteral(", "));
        parts.append(parts.isEmpty()
                ? CommitmentsModel::tr("Finishing %1: %2").arg(dayName(finish, today), titleText)
                : CommitmentsModel::tr("%1: %2").arg(dayName(finish, today), titleText));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace CommitmentDays

} // namespace fermata
