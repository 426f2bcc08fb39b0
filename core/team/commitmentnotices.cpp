#include "team/commitmentnotices.h"

#include "planning/planner.h"
#include "model/inboxitem.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata::commitmentnotices {

namespace {

const QString s_prefix = QLatin1String(uuidPrefix);

QString dayText(const QDate &day)
{
    return QLocale().toString(day, QStringLiteral("ddd d MMM"));
}

// "'Integrate API'", "'Integrate API' and 'Deploy'", "'Integrate API' and 2 more tasks".
QString tasksText(const QStringList &titles)
{
    const auto quoted = [](const QString &title) { return QStringLiteral("'%1'").arg(title); };
    if (titles.size() == 1)
        return quoted(titles.first());
    if (titles.size() == 2)
        return Text::tr("%1 and %2").arg(quoted(titles.at(0)), quoted(titles.at(1)));
    return Text::tr("%1 and %2 more tasks").arg(quoted(titles.first())).arg(titles.size() - 1);
}

QString noLongerWait(const QStringList &titles)
{
    return titles.size() == 1 ? Text::tr("%1 no longer waits for it.").arg(tasksText(titles))
                              : Text::tr("%1 no longer wait for it.").arg(tasksText(titles));
}

bool isOpen(const std::optional<TeammateCommitment> &c)
{
    return c && c->commitment.status != Commitment::Status::Done && c->commitment.status != Commitment::Status::Dropped;
}

QString key(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace

std::optional<Notice> noticeFor(const std::optional<TeammateCommitment> &before,
                                const std::optional<TeammateCommitment> &after, const QStringList &waiting,
                                const QByteArray &zoneId)
{
    if (waiting.isEmpty() || (!before && !after))
        return std::nullopt;
    const QUuid uuid = after ? after->commitment.uuid : before->commitment.uuid;
    const auto listOf = [](const std::optional<TeammateCommitment> &c) {
        return c ? QList<TeammateCommitment>{*c} : QList<TeammateCommitment>{};
    };
    const QDateTime startBefore = commitmentWait(uuid, listOf(before), zoneId).earliestStart;
    const QDateTime startAfter = commitmentWait(uuid, listOf(after), zoneId).earliestStart;
    if (startBefore == startAfter && isOpen(before) == isOpen(after))
        return std::nullopt;

    const TeammateCommitment &known = after ? *after : *before;
    Notice notice;
    notice.sender = known.displayName();
    const QString &title = known.commitment.title;
    if (!after) {
        notice.title = Text::tr("%1 no longer shares '%2'").arg(notice.sender, title);
        notice.body = noLongerWait(waiting);
        return notice;
    }
    const Commitment &c = after->commitment;
    switch (c.status) {
    case Commitment::Status::Done:
        notice.title = Text::tr("%1 finished '%2'").arg(notice.sender, title);
        notice.body = Text::tr("%1 can start.").arg(tasksText(waiting));
        return notice;
    case Commitment::Status::Dropped:
        notice.title = Text::tr("%1 dropped '%2'").arg(notice.sender, title);
        notice.body = noLongerWait(waiting);
        return notice;
    case Commitment::Status::Planned:
    case Commitment::Status::InProgress:
        break;
    }
    if (!startAfter.isValid()) { // neither planned nor due: nothing to wait for
        notice.title = Text::tr("%1 has no date for '%2' any more").arg(notice.sender, title);
        notice.body = noLongerWait(waiting);
        return notice;
    }
    const QTimeZone person = QTimeZone(zoneId).isValid() ? QTimeZone(zoneId) : QTimeZone::utc();
    const QString when = c.finishDay.isValid()
        ? Text::tr("planned to finish %1").arg(dayText(c.finishDay))
        : Text::tr("not planned yet, due %1").arg(dayText(c.due.toTimeZone(person).date()));
    if (!isOpen(before) || !startBefore.isValid()) {
        // Done or dropped before, no longer shared, or without a date: it holds work back again.
        notice.title = before && !isOpen(before)
            ? Text::tr("%1 reopened '%2', %3").arg(notice.sender, title, when)
            : Text::tr("%1's '%2' is %3").arg(notice.sender, title, when);
        notice.body = waiting.size() == 1 ? Text::tr("%1 waits for it.").arg(tasksText(waiting))
                                          : Text::tr("%1 wait for it.").arg(tasksText(waiting));
        return notice;
    }
    notice.title = Text::tr("%1 moved '%2': %3").arg(notice.sender, title, when);
    notice.body = startAfter < startBefore ? Text::tr("%1 can start earlier.").arg(tasksText(waiting))
                                           : Text::tr("%1 will start later.").arg(tasksText(waiting));
    return notice;
}

QUuid commitmentOf(const QString &inboxUuid)
{
    if (!inboxUuid.startsWith(s_prefix))
        return {};
    const QStringView rest = QStringView(inboxUuid).mid(s_prefix.size());
    return QUuid::fromString(rest.left(rest.indexOf(u':')));
}

Recorder::Recorder(Database &db, QByteArray zoneId, QDateTime now)
    : m_db(db), m_zoneId(std::move(zoneId)), m_now(std::move(now))
{
}

Status Recorder::before()
{
    Result<QSqlQuery> query = sql::run(sql::on(m_db),
                                       QStringLiteral("SELECT after_commitment, title FROM tasks "
                                                      "WHERE after_commitment IS NOT NULL AND done = 0 ORDER BY id"),
                                       {}, Text::tr("read which tasks wait for a teammate"));
    if (!query)
        return query.error();
    while (query.value().next())
        m_waiting[QUuid::fromString(query.value().value(0).toString())].append(query.value().value(1).toString());
    if (m_waiting.isEmpty())
        return {};
    const Result<QList<TeammateCommitment>> copy = TeamCommitmentRepository(m_db).withUuids(m_waiting.keys());
    if (!copy)
        return copy.error();
    m_before = *copy;
    return {};
}

Status Recorder::after()
{
    if (m_waiting.isEmpty())
        return {};
    const Result<QList<TeammateCommitment>> copy = TeamCommitmentRepository(m_db).withUuids(m_waiting.keys());
    if (!copy)
        return copy.error();
    const auto find = [](const QList<TeammateCommitment> &list, const QUuid &uuid) -> std::optional<TeammateCommitment> {
        for (const TeammateCommitment &c : list) {
            if (c.commitment.uuid == uuid)
                return c;
        }
        return std::nullopt;
    };
    for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
        const std::optional<TeammateCommitment> was = find(m_before, it.key());
        const std::optional<TeammateCommitment> now = find(*copy, it.key());
        if (was == now)
            continue;
        if (const std::optional<Notice> notice = noticeFor(was, now, it.value(), m_zoneId)) {
            if (Status held = hold(it.key(), *notice); !held)
                return held;
        }
    }
    return {};
}

Status Recorder::hold(const QUuid &commitment, const Notice &notice)
{
    AttentionRepository inbox(m_db);
    const QString prefix = s_prefix + key(commitment) + QLatin1Char(':');
    const Result<std::optional<qint64>> waiting = inbox.heldWithUuidPrefix(prefix);
    if (!waiting)
        return waiting.error();
    if (waiting->has_value())
        return inbox.rewordHeld(**waiting, notice.sender, notice.title, notice.body);
    InboxItem item;
    item.uuid = prefix + QString::number(m_now.toMSecsSinceEpoch());
    Notification &n = item.notification;
    n.source = QLatin1String(teamInboxSource);
    n.sender = notice.sender;
    n.title = notice.title;
    n.body = notice.body;
    n.receivedAt = m_now;
    item.state = ItemState::Held;
    item.decision = Decision{Verdict::Hold, DecisionReason::TeamCommitment, {}};
    const Result<QList<AddedItem>> added = inbox.add({item});
    if (!added)
        return added.error();
    return {};
}

} // namespace fermata::commitmentnotices
