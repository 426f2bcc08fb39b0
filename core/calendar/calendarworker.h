#pragma once

#include "calendar/icalreader.h"
#include "calendar/subscriptionservice.h"

#include <QObject>
#include <QStringList>
#include <QTimeZone>

#include <atomic>
#include <memory>

namespace fermata {

class CalendarInteropService;
class Clock;
class Database;
class ImportedFileCache;

// How one file import ended, for the message bar.
struct CalendarImportOutcome
{
    QString path;            // the file the person chose
    QString source;          // the calendar name its events carry
    bool ok = false;         // false: error says why; nothing was changed
    bool background = false; // a re-import of a kept copy, not asked for
    IcalReadReport report;   // ok: what was read; report.cancelled for a cancel
    QString error;
};

// The calendar work that must not run on the GUI thread: file imports and subscription
// refreshes, each a long write transaction. Lives on its own QThread with its own database
// connection (a connection belongs to the thread that opened it), so every member function
// runs on that thread: call them through QMetaObject::invokeMethod.
class CalendarWorker final : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        QString databasePath;
        QString cacheDirectory;  // subscription copies and kept copies of imported files
        QTimeZone floatingZone = QTimeZone("UTC");
        QStringList userAddresses;
    };

    // `cancel` is shared with the GUI thread: set it to stop the running import.
    CalendarWorker(Setup setup, const Clock &clock, std::shared_ptr<std::atomic_bool> cancel);
    ~CalendarWorker() override;
    Q_DISABLE_COPY_MOVE(CalendarWorker)

    // Opens the database on this thread; false (and openFailed) when it cannot.
    bool open();
    void importFile(const QString &path, const QString &source);
    // Imports again the kept copies of file calendars imported more than a week ago. Series
    // are rules and need no new expansion; an unchanged copy is not even read (its report
    // comes back), so this only refreshes the counts of what is in the horizon.
    void reimportStaleFiles();
    void refresh(qint64 subscriptionId);
    void refreshAll();
    void refreshDue();
    void startAutoRefresh(int checkMs);

Q_SIGNALS:
    void openFailed(const QString &message);
    void importProgressed(qint64 done, qint64 total);
    void importFinished(const fermata::CalendarImportOutcome &outcome);
    void refreshFinished(const fermata::RefreshOutcome &outcome);
    void allRefreshed();

private:
    CalendarImportOutcome runImport(const QString &path, const QString &source, bool background);

    Setup m_setup;
    const Clock &m_clock;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarInteropService> m_interop;
    std::unique_ptr<SubscriptionService> m_subscriptions;
    std::unique_ptr<ImportedFileCache> m_files;
};

} // namespace fermata

Q_DECLARE_METATYPE(fermata::CalendarImportOutcome)
