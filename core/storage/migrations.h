#pragma once

// The schema as ordered steps. Step N takes a database at user_version N-1 to N; each step
// runs in one transaction that also sets user_version, so a failed step leaves no trace.

#include "result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace fermata::migrations {

struct Step
{
    int version;
    QStringList statements;
};

const QList<Step> &steps();
int latestVersion();

// Runs the steps above `currentVersion`, one transaction each.
Status migrate(const QSqlDatabase &db, const QString &path, int currentVersion);

} // namespace fermata::migrations
