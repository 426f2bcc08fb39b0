#pragma once

#include "model/commitment.h"

#include <QDateTime>
#include <QTimeZone>
#include <QString>

namespace fermata::CommitmentText {

// Where a teammate's shared work stands, seen from `now` in my `zone`: "planned to finish Wed",
// "planned to finish today", "not planned yet, due Thu 10 Dec", "done", "dropped".
QString progress(const Commitment &commitment, const QDateTime &now, const QTimeZone &zone);
// One choice in a picker: "Ada: API spec — planned to finish Wed".
QString choice(const TeammateCommitment &commitment, const QDateTime &now, const QTimeZone &zone);
// What a task waits for, in a sentence: "after Ada's ‘API spec’ (planned to finish Wed)".
QString after(const TeammateCommitment &commitment, const QDateTime &now, const QTimeZone &zone);

} // namespace fermata::CommitmentText
