#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata {

namespace {

void bindFields(QSqlQuery &query, const FocusBlock &block)
{
    query.bindValue(0, block.taskId);
    query.bindValue(1, sql::fromDateTime(block.start));
    query.bindValue(2, sql::fromDateTime(block.end));
    query.bindValue(3, block.pinned);
}

Result<QList<FocusBlock>> select(const Database &db, const QString &tail,
                                 const QVariantList &values)
{
    const QString what = QStringLiteral("read focus blocks");
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (auto error = sql::prepare(
            query, QStringLiteral("SELECT id, task_id, start_ms, end_ms, pinned FROM focus_blocks ")
                       + tail,
            db.path(), what))
        return *error;
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (auto error = sql::exec(query, db.path(), what))
        return *error;
    QList<FocusBlock> blocks;
    while (query.next()) {
        FocusBlock block;
        block.id = query.value(0).toLongLong();
        block.taskId = query.value(1).toLongLong();
        block.start = sql::toDateTime(query.value(2));
        block.end = sql::toDateTime(query.value(3));
        block.pinned = query.value(4).toBool();
        blocks.append(block);
    }
    return blocks;
}

} // namespace

Result<qint64> FocusBlockRepository::add(const FocusBlock &block)
{
    const QString what = QStringLiteral("save a focus block");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO focus_blocks (task_id, start_ms, "
                                                 "end_ms, pinned) VALUES (?, ?, ?, ?)"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, block);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.lastInsertId().toLongLong();
}

Status FocusBlockRepository::update(const FocusBlock &block)
{
    const QString what = QStringLiteral("save a focus block");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE focus_blocks SET task_id = ?, start_ms = ?, "
                                                 "end_ms = ?, pinned = ? WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, block);
    query.bindValue(4, block.id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound,
                               QStringLiteral("The focus block no longer exists."));
    return {};
}

Status FocusBlockRepository::remove(qint64 id)
{
    return sql::deleteById(m_db.connection(), m_db.path(), QLatin1String("focus_blocks"), id,
                           QStringLiteral("delete a focus block"), QStringLiteral("The focus block no longer exists."));
}

Result<QList<FocusBlock>> FocusBlockRepository::overlapping(const Interval &range) const
{
    if (range.isEmpty())
        return QList<FocusBlock>();
    return select(m_db,
                  QStringLiteral("WHERE start_ms < ? AND end_ms > ? AND end_ms > start_ms "
                                 "ORDER BY start_ms, id"),
                  {qlonglong(range.endMs()), qlonglong(range.startMs())});
}

Result<QList<FocusBlock>> FocusBlockRepository::all() const
{
    return select(m_db, QStringLiteral("ORDER BY start_ms, id"), {});
}

} // namespace fermata
