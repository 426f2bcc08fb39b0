#include "time/interval.h"

#include <QDebug>

namespace fermata {

Interval Interval::fromDateTimes(const QDateTime &start, const QDateTime &end)
{
    return Interval(start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch());
}

QDateTime Interval::start() const
{
    return QDateTime::fromMSecsSinceEpoch(m_startMs, Qt::UTC);
}

QDateTime Interval::end() const
{
    return QDateTime::fromMSecsSinceEpoch(m_endMs, Qt::UTC);
}

QDebug operator<<(QDebug debug, const Interval &interval)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Interval(" << interval.start().toString(Qt::ISODate) << " – "
                    << interval.end().toString(Qt::ISODate) << ')';
    return debug;
}

} // namespace fermata
