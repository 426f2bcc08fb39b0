#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace fermata::hubschema {

// The hub's schema as ordered steps (SQL compiled in as resources). Step N takes the hub
// from version N-1 to N in one transaction that also records the version.
int latestVersion();
QString stepSql(int version);

// The version recorded in the hub; 0 when the schema does not exist yet.
Result<int> currentVersion(const QSqlDatabase &db);

// Creates or upgrades the schema. A hub written by a newer Fermata is refused (NewerSchema)
// and left untouched. Concurrent callers are serialised by an advisory lock.
Status migrate(const QSqlDatabase &db);

// Hides the server's sessions, locks and activity counters from the hub's members
// (sql/hub_privacy.sql). Only a superuser may: returns false without changing anything for
// anyone else. Idempotent.
Result<bool> hideServerActivity(const QSqlDatabase &db);
// Whether the hub's members can list the server's sessions (pg_stat_activity) here.
Result<bool> membersSeeSessions(const QSqlDatabase &db);

} // namespace fermata::hubschema
