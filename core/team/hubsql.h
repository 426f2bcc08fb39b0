#pragma once

// Helpers for talking to the hub over QPSQL: errors in words, and the row readers shared by
// the hub client and the local copy of the directory (HubStore). Statements run through
// storage/sqlhelpers.h; instants travel as ms since the epoch (sql::toDateTime).

#include "result.h"
#include "storage/sqlhelpers.h"
#include "team/teamtypes.h"

#include <QSqlError>
#include <QSqlQuery>

namespace fermata::hubsql {

// "The team hub could not <what>: <server message>". A lost or refused connection is
// Error::Code::Io (try again later); anything the server refused is Error::Code::Database.
Error error(const QString &what, const QSqlError &error);
bool isConnectionError(const QSqlError &error);

// Statements on the hub connection `db`, failures described by error() above.
sql::Target target(const QSqlDatabase &db);

// A member from the columns id, role, name, email, time zone, is admin, active.
HubMember memberFromRow(const QSqlQuery &query);
// A window from the columns id, member id (0: the team's), day mask, start minute, end
// minute, time zone, label.
HubWindow windowFromRow(const QSqlQuery &query);
// The columns day mask, start minute, end minute, time zone, label of `window`.
QVariantList windowValues(const HubWindow &window);

// The hub's length limits, in characters (code points, as PostgreSQL's length() counts).
// They are the CHECK constraints of hub_v1.sql and hub_v6.sql; tst_hubsql compares the two.
constexpr int maxSubjectCharacters = 1000;
constexpr int maxBodyCharacters = 100000;
constexpr int maxLabelCharacters = 200;
constexpr int maxNameCharacters = 200;
constexpr int maxEmailCharacters = 320;
constexpr int maxCommitmentCharacters = 1000; // a commitment's title and public note (hub_v6.sql)

// Text that PostgreSQL can store exactly: no NUL characters, no unpaired surrogates (which
// have no UTF-8 form), and at most `maxCharacters` characters (0: no limit). Invalid: a
// message naming the field and what to do, checked before anything is stored or sent.
Status checkText(const QString &field, const QString &value, int maxCharacters = 0);

} // namespace fermata::hubsql
