#pragma once

#include "calendar/icalreader.h"
#include "calendar/icalwriter.h"
#include "result.h"
#include "time/interval.h"

#include <QObject>
#include <QStringList>
#include <QTimeZone>

class QIODevice;

namespace fermata {

class Clock;
class Database;

// iCalendar in and out. Import stores each source — single events and overrides as
// calendar_events rows (uid = UID or UID/RECURRENCE-ID, source = the calendar's name),
// recurring events as rules (calendar_series) — replacing what the source held in one
// transaction; CalendarEventRepository::overlapping() expands the rules on demand, so the
// planner, the views and `fermata events` see occurrences in any month. An unchanged calendar
// (same content, same reading options) is not read again: its last report is returned.
// Export writes focus blocks and check-in windows (see IcalWriter).
// Everything runs on the calling thread (the database connection belongs to it); long imports
// report progress through the callback and importProgressed(), and stop when it returns false.
class CalendarInteropService final : public QObject
{
    Q_OBJECT
public:
    CalendarInteropService(Database &db, const Clock &clock, QObject *parent = nullptr);

    // Floating times and all-day dates are read in this zone (the person's).
    void setFloatingZone(const QTimeZone &zone) { m_floatingZone = zone; }
    // The person's addresses; invitations they declined do not block time.
    void setUserAddresses(const QStringList &addresses) { m_addresses = addresses; }

    static constexpr int horizonDaysBack = 30;
    static constexpr int horizonDaysAhead = 400;
    // [now - 30 days, now + 400 days): the occurrences an import report counts (all are stored,
    // as rules, whatever their dates).
    Interval importHorizon() const;
    IcalReadOptions readOptions(const QString &source) const;

    // The calendar name `fermata import FILE` uses: the file's base name ("work.ics" -> "work").
    static QString defaultSourceName(const QString &path);
    // Replaces the events of `source` with those of the file. On a read error or a cancel
    // nothing changes (report.cancelled tells a cancel apart). "local" is refused: it holds
    // events made in Fermata.
    Result<IcalReadReport> importFile(const QString &path, const QString &source,
                                      const IcalProgress &progress = {});
    Result<IcalReadReport> importDevice(QIODevice &device, const QString &source,
                                        const IcalProgress &progress = {});

    // Focus blocks overlapping `range` and every check-in window (rules from range start;
    // with boundWindows they also end with the range).
    Result<QByteArray> exportCalendar(const Interval &range, bool boundWindows) const;
    // Writes exportCalendar() atomically (a reader never sees half a file).
    Status exportTo(const QString &path, const Interval &range, bool boundWindows = false) const;
    // The range a kept-up-to-date export covers: [now - 7 days, now + 60 days).
    Interval autoExportRange() const;

    // A file kept up to date: when set, exportIfConfigured() rewrites it. The app calls that
    // after focus blocks or windows change (e.g. from CalendarService::focusBlocksChanged).
    void setAutoExportPath(const QString &path) { m_autoExportPath = path; }
    QString autoExportPath() const { return m_autoExportPath; }
    Status exportIfConfigured() const;

Q_SIGNALS:
    void importProgressed(qint64 done, qint64 total);
    void eventsImported(const QString &source);

private:
    // What decides what an import stores: the device's bytes (from its position on) and the
    // reading options; empty when the device cannot be read twice.
    QByteArray contentHash(QIODevice &device, const QString &source) const;

    Database &m_db;
    const Clock &m_clock;
    QTimeZone m_floatingZone = QTimeZone("UTC");
    QStringList m_addresses;
    QString m_autoExportPath;
};

} // namespace fermata
