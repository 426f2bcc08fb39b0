#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

Result<QList<TeammateCommitment>> readCommitments(Database &db, const QString &where, const QVariantList &values)
{
    return sql::readAll(sql::on(db),
                        QStringLiteral("SELECT c.uuid, c.owner_id, c.owner_role, c.title, c.estimate_minutes, c.due_ms, "
                                       "c.status, c.finish_day, c.public_note, m.name, m.time_zone_id "
                                       "FROM team_commitments c LEFT JOIN hub_members m ON m.id = c.owner_id ")
                            + where
                            + QStringLiteral(" ORDER BY c.owner_id, c.due_ms IS NULL, c.due_ms, c.title, c.uuid"),
                        values, Text::tr("read your team's commitments"), [](const QSqlQuery &q) {
                            TeammateCommitment t;
                            Commitment &c = t.commitment;
                            c.uuid = QUuid::fromString(q.value(0).toString());
                            c.ownerId = q.value(1).toLongLong();
                            c.ownerRole = q.value(2).toString();
                            c.title = q.value(3).toString();
                            c.estimateMinutes = q.value(4).toInt();
                            c.due = sql::toDateTime(q.value(5));
                            c.status = commitmentStatusFromKey(q.value(6).toString()).value_or(Commitment::Status::Planned);
                            c.finishDay = q.value(7).isNull() ? QDate()
                                                              : QDate::fromString(q.value(7).toString(), Qt::ISODate);
                            c.publicNote = q.value(8).toString();
                            t.ownerName = q.value(9).toString();
                            t.ownerZoneId = q.value(10).toString().toUtf8();
                            return t;
                        });
}

} // namespace

Result<QList<TeammateCommitment>> TeamCommitmentRepository::all() const
{
    return readCommitments(m_db, {}, {});
}

Result<QList<TeammateCommitment>> TeamCommitmentRepository::withUuids(const QList<QUuid> &uuids) const
{
    QList<TeammateCommitment> found;
    constexpr qsizetype chunk = 500; // well under SQLite's limit on bound values
    for (qsizetype start = 0; start < uuids.size(); start += chunk) {
        const QList<QUuid> part = uuids.mid(start, chunk);
        QVariantList values;
        for (const QUuid &uuid : part)
            values.append(uuid.toString(QUuid::WithoutBraces));
        const Result<QList<TeammateCommitment>> some = readCommitments(
            m_db, QStringLiteral("WHERE c.uuid IN (%1)").arg(QStringList(part.size(), QStringLiteral("?")).join(u',')),
            values);
        if (!some)
            return some.error();
        found.append(*some);
    }
    return found;
}

Result<TeammateCommitment> TeamCommitmentRepository::find(const QString &id) const
{
    QString prefix = id.trimmed().toLower();
    if (prefix.startsWith(QLatin1Char('{')))
        prefix.remove(0, 1);
    if (prefix.endsWith(QLatin1Char('}')))
        prefix.chop(1);
    const Result<QList<TeammateCommitment>> list = all();
    if (!list)
        return list.error();
    QList<TeammateCommitment> matches;
    for (const TeammateCommitment &c : *list) {
        if (!prefix.isEmpty() && c.commitment.uuid.toString(QUuid::WithoutBraces).startsWith(prefix))
            matches.append(c);
    }
    if (matches.size() == 1)
        return matches.constFirst();
    if (matches.isEmpty())
        return Error{Error::Code::NotFound,
                     Text::tr("No shared commitment '%1' — 'fermata hub commitments' lists them.").arg(id)};
    return Error{Error::Code::NotFound,
                 Text::tr("'%1' matches %2 shared commitments — give more of the id "
                          "('fermata hub commitments --json' shows them).")
                     .arg(id)
                     .arg(matches.size())};
}

Result<QHash<QUuid, QList<qint64>>> TeamCommitmentRepository::waiters() const
{
    Result<QSqlQuery> query = sql::run(sql::on(m_db),
                                       QStringLiteral("SELECT uuid, member_id FROM commitment_waiters ORDER BY uuid, member_id"),
                                       {}, Text::tr("read who waits for your team's commitments"));
    if (!query)
        return query.error();
    QHash<QUuid, QList<qint64>> found;
    while (query.value().next())
        found[QUuid::fromString(query.value().value(0).toString())].append(query.value().value(1).toLongLong());
    return found;
}

} // namespace fermata
