#pragma once

#include "model/focusblock.h"
#include "settings/preferences.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace fermata {

// The one-line status for the top bar chip and the tray tooltip ("Working until 17:00",
// "Focus until 11:30", "Starts 09:00 tomorrow", "Day off · starts Mon 09:00"). A pure function
// of the working hours, the instant `now` and the focus blocks around it; times are shown in
// the working hours' zone.
class DayStatus final
{
    Q_DECLARE_TR_FUNCTIONS(fermata::DayStatus)
public:
    static QString text(const WorkingHours &hours, const QDateTime &now,
                        const QList<FocusBlock> &blocks = {});
};

} // namespace fermata
