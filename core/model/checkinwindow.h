#pragma once

#include "time/weeklyrule.h"

#include <QString>

class QDebug;

namespace fermata {

// A recurring slot in which a person reads what came in. Team windows arrive through the
// team hub and merge with personal ones in the schedule.
struct CheckInWindow
{
    enum class Scope { Personal, Team };

    qint64 id = 0;
    WeeklyRule rule;
    QString label;
    Scope scope = Scope::Personal;

    bool operator==(const CheckInWindow &) const = default;
};

QDebug operator<<(QDebug debug, const CheckInWindow &window);

} // namespace fermata
