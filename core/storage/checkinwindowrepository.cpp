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

QVariantList fields(const CheckInWindow &window)
{
    return {int(window.rule.dayMask()), minuteOfDay(window.rule.start()), minuteOfDay(window.rule.end()),
            sql::text(QString::fromUtf8(window.rule.zoneId())), sql::text(window.label),
            scopeKey(window.scope)};
}

CheckInWindow readWindow(const QSqlQuery &query)
{
    CheckInWindow window;
    window.id = query.value(0).toLongLong();
    window.rule = WeeklyRule(quint8(query.value(1).toUInt()), timeFromMinute(query.value(2)),
                             timeFromMinute(query.value(3)), query.value(4).toString().toUtf8());
    window.label = query.value(5).toString();
    window.scope = query.value(6).toString() == u"team" ? CheckInWindow::Scope::Team
                                                        : CheckInWindow::Scope::Personal;
    return window;
}

QString saveWhat(const CheckInWindow &window)
{
    return Text::tr("save the check-in window \"%1\"").arg(window.label);
}

} // namespace

Result<qint64> CheckInWindowRepository::add(const CheckInWindow &window)
{
    return sql::insert(sql::on(m_db),
                       QStringLiteral("INSERT INTO checkin_windows (day_mask, start_minute, end_minute, "
                                      "zone_id, label, scope) VALUES (?, ?, ?, ?, ?, ?)"),
                       fields(window), saveWhat(window));
}

Status CheckInWindowRepository::update(const CheckInWindow &window)
{
    return sql::changeRow(sql::on(m_db),
                          QStringLiteral("UPDATE checkin_windows SET day_mask = ?, start_minute = ?, "
                                         "end_minute = ?, zone_id = ?, label = ?, scope = ? WHERE id = ?"),
                          fields(window) << window.id, saveWhat(window),
                          Text::tr("The check-in window \"%1\" no longer exists.").arg(window.label));
}

Status CheckInWindowRepository::remove(qint64 id)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("DELETE FROM checkin_windows WHERE id = ?"),
                          {id}, Text::tr("delete a check-in window"),
                          Text::tr("The check-in window no longer exists."));
}

Result<QList<CheckInWindow>> CheckInWindowRepository::all() const
{
    return sql::readAll(sql::on(m_db),
                        QStringLiteral("SELECT id, day_mask, start_minute, end_minute, zone_id, label, "
                                       "scope FROM checkin_windows ORDER BY id"),
                        {}, Text::tr("read check-in windows"), readWindow);
}

} // namespace fermata
