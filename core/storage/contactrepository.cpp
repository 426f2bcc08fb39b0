#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata {

namespace {

void bindFields(QSqlQuery &query, const Contact &contact)
{
    query.bindValue(0, sql::text(contact.name));
    query.bindValue(1, sql::text(contact.email));
    query.bindValue(2, sql::text(QString::fromUtf8(contact.timeZoneId)));
}

} // namespace

Result<qint64> ContactRepository::add(const Contact &contact)
{
    const QString what = QStringLiteral("save the contact \"%1\"").arg(contact.name);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO contacts (name, email, time_zone_id) "
                                                 "VALUES (?, ?, ?)"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, contact);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    return query.lastInsertId().toLongLong();
}

Status ContactRepository::update(const Contact &contact)
{
    const QString what = QStringLiteral("save the contact \"%1\"").arg(contact.name);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE contacts SET name = ?, email = ?, "
                                                 "time_zone_id = ? WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, contact);
    query.bindValue(3, contact.id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound,
                               QStringLiteral("The contact \"%1\" no longer exists.").arg(contact.name));
    return {};
}

Status ContactRepository::remove(qint64 id)
{
    return sql::deleteById(m_db.connection(), m_db.path(), QLatin1String("contacts"), id,
                           QStringLiteral("delete a contact"), QStringLiteral("The contact no longer exists."));
}

Result<QList<Contact>> ContactRepository::all() const
{
    const QString what = QStringLiteral("read contacts");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name, email, time_zone_id FROM contacts ORDER BY id")))
        return sql::databaseError(m_db.path(), what, query.lastError());
    QList<Contact> contacts;
    while (query.next()) {
        Contact contact;
        contact.id = query.value(0).toLongLong();
        contact.name = query.value(1).toString();
        contact.email = query.value(2).toString();
        contact.timeZoneId = query.value(3).toString().toUtf8();
        contacts.append(contact);
    }
    return contacts;
}

} // namespace fermata
