#pragma once

#include <QString>
#include <QStringList>

namespace fermata {

class AppCore;
class AppPaths;
class CalendarInteropService;

// Calendar settings kept in the preferences file (QSettings, INI), shared by the calendar
// commands and the app:
//   calendar/myAddresses  the person's e-mail addresses; invitations they declined are free
//   calendar/exportPath   a file kept up to date with focus blocks and check-in windows
struct CalendarSettings
{
    QStringList addresses;
    QString exportPath;
};
CalendarSettings readCalendarSettings(AppCore &core);
void writeCalendarSettings(AppCore &core, const CalendarSettings &settings);
// The person's zone, addresses and kept-up-to-date export path, applied to the service.
void configureInterop(CalendarInteropService &service, AppCore &core);

// `fermata import FILE.ics [--name NAME] [--me ADDRESS]`: replaces calendar NAME's events.
int runImportCommand(const QStringList &arguments, const AppPaths &paths);

} // namespace fermata
