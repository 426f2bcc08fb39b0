#include "time/clock.h"

namespace fermata {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace fermata
