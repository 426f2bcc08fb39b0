#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

namespace fermata {

namespace {

QVariantList fields(const FocusBlock &block)
{
    return {block.taskId, sql::fromDateTime(block.start), sql::fromDateTime(block.end), block.pinned};
}

FocusBlock readBlock(const QSqlQuery &query)
{
    FocusBlock block;
    block.id = query.value(0).toLongLong();
    block.taskId = query.value(1).toLongLong();
    block.start = sql::toDateTime(query.value(2));
    block.end = sql::toDateTime(query.value(3));
    block.pinned = query.value(4).toBool();
    return block;
}

Result<QList<FocusBlock>> select(const Database &db, const QString &tail,
                                 const QVariantList &values)
{
    return sql::readAll(sql::on(db),
                        QStringLiteral("SELECT id, task_id, start_ms, end_ms, pinned FROM focus_blocks ")
                            + tail,
                        values, Text::tr("read focus blocks"), readBlock);
}

} // namespace

Result<qint64> FocusBlockRepository::add(const FocusBlock &block)
{
    return sql::insert(sql::on(m_db),
                       QStringLiteral("INSERT INTO focus_blocks (task_id, start_ms, end_ms, pinned) "
                                      "VALUES (?, ?, ?, ?)"),
                       fields(block), Text::tr("save a focus block"));
}

Status FocusBlockRepository::update(const FocusBlock &block)
{
    return sql::changeRow(sql::on(m_db),
                          QStringLiteral("UPDATE focus_blocks SET task_id = ?, start_ms = ?, "
                                         "end_ms = ?, pinned = ? WHERE id = ?"),
                          fields(block) << block.id, Text::tr("save a focus block"),
                          Text::tr("The focus block no longer exists."));
}

Status FocusBlockRepository::remove(qint64 id)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("DELETE FROM focus_blocks WHERE id = ?"),
                          {id}, Text::tr("delete a focus block"),
                          Text::tr("The focus block no longer exists."));
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
