#pragma once

#include "calendar/calendarworker.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QStringList>
#include <QTimer>

class QAction;
class QMimeData;
class QWidget;

namespace fermata {

class CalendarSync;

// File > Import Calendar… and .ics files dropped on the window: runs each import on the
// calendar worker (CalendarSync) behind a cancellable progress dialog and reports the
// outcome in the person's words. Several files import one after the other.
class ImportController final : public QObject
{
    Q_OBJECT
public:
    // `sync` may be null (tests without calendar interop): the action is then disabled.
    ImportController(CalendarSync *sync, QWidget *window);

    QAction *importAction() const { return m_action; }
    // Lets .ics files be dropped anywhere on `target` where no child takes the drop.
    void acceptDrops(QWidget *target);
    // The .ics files a drag carries (local files only).
    static QStringList calendarFiles(const QMimeData *mime);

    void chooseAndImport();
    // Imports the files in turn; false when none could be started.
    bool importFiles(const QStringList &paths);
    bool isImporting() const;
    QProgressDialog *progressDialog() const { return m_progress; }
    // Shows the progress dialog after this delay (quick imports need none; tests use 0).
    void setProgressDelayMs(int ms) { m_progressDelayMs = ms; }

    // The message-bar text for one outcome (empty for a quiet background success).
    static QString describe(const CalendarImportOutcome &outcome);

Q_SIGNALS:
    void infoMessage(const QString &text);
    void errorOccurred(const QString &text);
    // One file finished (imported, cancelled or failed).
    void importFinished(const fermata::CalendarImportOutcome &outcome);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startNext();
    void showProgress(const QString &fileName);
    void onProgress(qint64 done, qint64 total);
    void onFinished(const CalendarImportOutcome &outcome);

    CalendarSync *m_sync = nullptr;
    QWidget *m_window = nullptr;
    QAction *m_action = nullptr;
    QPointer<QProgressDialog> m_progress;
    QStringList m_queue;
    QString m_current;
    QTimer m_progressTick;
    int m_pendingStep = 0;
    int m_progressDelayMs = 300;
};

} // namespace fermata
