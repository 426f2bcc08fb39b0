#pragma once

#include "time/interval.h"

#include <QDateTime>

class QDebug;

namespace fermata {

// Time reserved for one task. Pinned blocks were placed by the person and never move.
struct FocusBlock
{
    qint64 id = 0;
    qint64 taskId = 0;
    QDateTime start;
    QDateTime end;
    bool pinned = false;

    Interval interval() const { return Interval::fromDateTimes(start, end); }
    bool operator==(const FocusBlock &) const = default;
};

QDebug operator<<(QDebug debug, const FocusBlock &block);

} // namespace fermata
