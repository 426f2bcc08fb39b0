#pragma once

#include "result.h"
#include "calendar/calendarinteropservice.h"
#include "calendar/calendarworker.h"
#include "calendar/subscriptionservice.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace fermata {

class Clock;
class Database;
class Preferences;

// Calendar interop in the running app, on the GUI thread: starts file imports and
// subscription refreshes on a worker thread (CalendarWorker, its own database connection)
// and reports back here; keeps an exported file up to date; lists and edits subscriptions.
// File calendars are kept in the cache folder and re-imported when their expansion is more
// than a week old, so the import horizon moves with time as subscriptions' does.
class CalendarSync final : public QObject
{
    Q_OBJECT
public:
    // `cacheDirectory`: subscription copies and kept imported files (<dataDir>/calendars).
    CalendarSync(Database &db, const Clock &clock, Preferences &preferences, QString cacheDirectory,
                 QObject *parent = nullptr);
    ~CalendarSync() override;
    Q_DISABLE_COPY_MOVE(CalendarSync)

    static constexpr int defaultCheckMs = 5 * 60 * 1000;

    // Starts the worker: refreshes due subscriptions, re-expands drifted file calendars, and
    // then checks both every `checkMs`. Call after the window's first paint.
    void start(int checkMs = defaultCheckMs);
    void stop();

    // Imports on the worker; false when another import is still running.
    bool importFile(const QString &path, const QString &source);
    // Stops the running import; it then rolls back and changes nothing.
    void cancelImport();
    bool isImporting() const { return m_importing; }

    void refresh(qint64 subscriptionId);
    void refreshAll();
    // Due subscriptions and drifted file calendars (the periodic check).
    void refreshDue();

    // Subscriptions on the GUI thread's connection: list, add, remove (quick writes).
    SubscriptionService &subscriptions() { return *m_subscriptions; }
    CalendarInteropService &interop() { return m_interop; }
    // Removes a subscription with its events and cached copy (then eventsImported()).
    Status unsubscribe(const QString &name);

    // The file kept up to date ("calendar/exportPath" in the settings); empty turns it off.
    QString autoExportPath() const { return m_interop.autoExportPath(); }
    // Saves the path and writes the file at once.
    Status setAutoExportPath(const QString &path);
    // Rewrites the kept file soon (changes come in bursts: one write for a whole plan).
    void scheduleAutoExport();

Q_SIGNALS:
    void importProgressed(qint64 done, qint64 total);
    void importFinished(const fermata::CalendarImportOutcome &outcome);
    void refreshFinished(const fermata::RefreshOutcome &outcome);
    void allRefreshed();
    // Calendar events in the database changed (an import or refresh wrote them).
    void eventsImported();
    void autoExportFailed(const QString &message);

private:
    void startWorker();
    template <typename Work>
    void onWorker(Work work);
    void onImportFinished(const CalendarImportOutcome &outcome);
    void onRefreshFinished(const RefreshOutcome &outcome);
    void exportNow();

    Database &m_db;
    const Clock &m_clock;
    Preferences &m_preferences;
    QString m_cacheDirectory;
    CalendarInteropService m_interop;
    std::unique_ptr<SubscriptionService> m_subscriptions;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QThread m_thread;
    CalendarWorker *m_worker = nullptr; // lives on m_thread
    QTimer m_fileCheck;
    QTimer m_exportTimer;
    bool m_importing = false;
};

} // namespace fermata
