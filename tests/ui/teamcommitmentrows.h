#pragma once

#include "storage/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace fermata::test {

// The team's copy of commitments as a hub sync leaves it in the local file (team_commitments,
// owners in hub_members), for UI tests without a hub. Seen on Wednesday 2 Dec 2026:
// Ada's "API spec" is planned to finish Friday, her "API review" is done, and Grace's
// "Budget" is not planned yet, due Thursday 10 Dec.
struct TeamCommitmentRows
{
    static inline const QUuid apiSpec = QUuid::fromString(QStringLiteral("6f1c2a3b-0000-4000-8000-000000000001"));
    static inline const QUuid apiReview = QUuid::fromString(QStringLiteral("6f1c9999-0000-4000-8000-000000000002"));
    static inline const QUuid budget = QUuid::fromString(QStringLiteral("7a000000-0000-4000-8000-000000000003"));

    // False (with a warning naming the error) when a row could not be written.
    static bool insert(Database &db)
    {
        QSqlQuery query(db.connection());
        const qint64 budgetDue = QDateTime(QDate(2026, 12, 10), QTime(16, 0), Qt::UTC).toMSecsSinceEpoch();
        const QStringList statements{
            QStringLiteral("INSERT INTO hub_members (id, role, name, time_zone_id) VALUES "
                           "(7, 'ada.l', 'Ada', 'Europe/London'), (8, 'grace', 'Grace', 'America/New_York')"),
            QStringLiteral("INSERT INTO team_commitments (uuid, owner_id, owner_role, title, estimate_minutes, due_ms, "
                           "status, finish_day, public_note) VALUES "
                           "('%1', 7, 'ada.l', 'API spec', 240, NULL, 'planned', '2026-12-04', 'Draft first'), "
                           "('%2', 7, 'ada.l', 'API review', 60, NULL, 'done', NULL, ''), "
                           "('%3', 8, 'grace', 'Budget', 120, %4, 'planned', NULL, '')")
                .arg(apiSpec.toString(QUuid::WithoutBraces), apiReview.toString(QUuid::WithoutBraces),
                     budget.toString(QUuid::WithoutBraces))
                .arg(budgetDue),
        };
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                qWarning("%s", qPrintable(query.lastError().text()));
                return false;
            }
        }
        return true;
    }

    static bool remove(Database &db, const QUuid &uuid)
    {
        QSqlQuery query(db.connection());
        query.prepare(QStringLiteral("DELETE FROM team_commitments WHERE uuid = ?"));
        query.addBindValue(uuid.toString(QUuid::WithoutBraces));
        return query.exec() && query.numRowsAffected() == 1;
    }
};

} // namespace fermata::test
