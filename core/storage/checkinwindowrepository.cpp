#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata {

namespace {

// Rules are wall-clock minutes of the day; an invalid QTime is stored as NULL.
QVariant minuteOfDay(QTime time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<int>());
    return time.msecsSinceStartOfDay() / 60000;
}

QTime timeFromMinute(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QTime::fromMSecsSinceStartOfDay(value.toInt() * 60000);
}

QString scopeKey(CheckInWindow::Scope scope)
{
    return scope == CheckInWindow::Scope::Team ? QStringLiteral("team")
                                               : QStringLiteral("personal");
}

void bindFields(QSqlQuery &query, const CheckInWindow &window)
{
    query.bindValue(0, int(window.rule.dayMask()));
    query.bindValue(1, minuteOfDay(window.rule.start()));
    query.bindValue(2, minuteOfDay(window.rule.end()));
    query.bindValue(3, sql::text(QString::fromUtf8(window.rule.zoneId())));
    query.bindValue(4, sql::text(window.label));
    query.bindValue(5, scopeKey(window.scope));
}

} // namespace

Result<qint64> CheckInWindowRepository::add(const CheckInWindow &window)
{
    const QString what = QStringLiteral("save the check-in window \"%1\"").arg(window.label);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO checkin_windows (day_mask, "
                                                 "start_minute, end_minute, zone_id, label, scope) "
                                                 "VALUES (?, ?, ?, ?, ?, ?)"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, window);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.lastInsertId().toLongLong();
}

Status CheckInWindowRepository::update(const CheckInWindow &window)
{
    const QString what = QStringLiteral("save the check-in window \"%1\"").arg(window.label);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE checkin_windows SET day_mask = ?, "
                                                 "start_minute = ?, end_minute = ?, zone_id = ?, "
                                                 "label = ?, scope = ? WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, window);
    query.bindValue(6, window.id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(
            Error::Code::NotFound,
            QStringLiteral("The check-in window \"%1\" no longer exists.").arg(window.label));
    return {};
}

Status CheckInWindowRepository::remove(qint64 id)
{
    return sql::deleteById(m_db.connection(), m_db.path(), QLatin1String("checkin_windows"), id,
                           QStringLiteral("delete a check-in window"), QStringLiteral("The check-in window no longer exists."));
}

Result<QList<CheckInWindow>> CheckInWindowRepository::all() const
{
    const QString what = QStringLiteral("read check-in windows");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, day_mask, start_minute, end_minute, zone_id, label, "
                                   "scope FROM checkin_windows ORDER BY id")))
        return sql::databaseError(m_db.path(), what, query.lastError());
    QList<CheckInWindow> windows;
    while (query.next()) {
        CheckInWindow window;
        window.id = query.value(0).toLongLong();
        window.rule = WeeklyRule(quint8(query.value(1).toUInt()), timeFromMinute(query.value(2)),
                                 timeFromMinute(query.value(3)),
                                 query.value(4).toString().toUtf8());
        window.label = query.value(5).toString();
        window.scope = query.value(6).toString() == u"team" ? CheckInWindow::Scope::Team
                                                            : CheckInWindow::Scope::Personal;
        windows.append(window);
    }
    return windows;
}

} // namespace fermata
