#include "importcontroller.h"

#include "calendar/calendarinteropservice.h"
#include "calendar/calendarsync.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QWidget>

namespace fermata {

namespace {

constexpr int s_progressSteps = 1000;

bool isCalendarFile(const QString &path)
{
    return path.endsWith(QLatin1String(".ics"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".ical"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".ifb"), Qt::CaseInsensitive);
}

} // namespace

ImportController::ImportController(CalendarSync *sync, QWidget *window)
    : QObject(window), m_sync(sync), m_window(window), m_action(new QAction(tr("&Import Calendar…"), this))
{
    m_action->setObjectName(QStringLiteral("importCalendarAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_action->setStatusTip(tr("Imports meetings from an iCalendar (.ics) file"));
    m_action->setEnabled(m_sync != nullptr);
    m_progressTick.setSingleShot(true);
    m_progressTick.setInterval(50);
    connect(&m_progressTick, &QTimer::timeout, this, [this] {
        if (m_progress && !m_current.isEmpty())
            m_progress->setValue(m_pendingStep);
    });
    connect(m_action, &QAction::triggered, this, &ImportController::chooseAndImport);
    if (m_sync) {
        connect(m_sync, &CalendarSync::importProgressed, this, &ImportController::onProgress);
        connect(m_sync, &CalendarSync::importFinished, this, &ImportController::onFinished);
    }
}

void ImportController::acceptDrops(QWidget *target)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

QStringList ImportController::calendarFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && isCalendarFile(url.toLocalFile()))
            files.append(url.toLocalFile());
    }
    return files;
}

bool ImportController::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (m_sync && (type == QEvent::DragEnter || type == QEvent::DragMove || type == QEvent::Drop)) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = calendarFiles(drop->mimeData());
        if (!files.isEmpty()) {
            drop->acceptProposedAction();
            if (type == QEvent::Drop)
                importFiles(files);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void ImportController::chooseAndImport()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (!QDir(folder).exists())
        folder = QDir::homePath();
    const QStringList files = QFileDialog::getOpenFileNames(
        m_window, tr("Import Calendar"), folder,
        tr("iCalendar files (*.ics *.ical *.ifb);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

bool ImportController::importFiles(const QStringList &paths)
{
    if (!m_sync || paths.isEmpty())
        return false;
    m_queue.append(paths);
    if (m_current.isEmpty())
        startNext();
    return true;
}

bool ImportController::isImporting() const
{
    return !m_current.isEmpty();
}

void ImportController::startNext()
{
    while (!m_queue.isEmpty()) {
        const QString path = m_queue.takeFirst();
        if (!m_sync->importFile(path, CalendarInteropService::defaultSourceName(path))) {
            m_queue.prepend(path); // the worker is still busy: onFinished() starts it
            return;
        }
        m_current = path;
        showProgress(QFileInfo(path).fileName());
        return;
    }
    m_current.clear();
    if (m_progress)
        m_progress->deleteLater();
}

void ImportController::showProgress(const QString &fileName)
{
    // A fresh dialog per file: QProgressDialog shows itself only once.
    if (m_progress)
        m_progress->deleteLater();
    m_progress = new QProgressDialog(m_window);
    m_progress->setObjectName(QStringLiteral("importProgressDialog"));
    m_progress->setWindowTitle(tr("Import Calendar"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumWidth(420);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_queue.clear();
        m_sync->cancelImport();
    });
    m_progress->setMinimumDuration(m_progressDelayMs);
    m_progress->setRange(0, s_progressSteps);
    m_progress->setLabelText(tr("Importing %1…").arg(fileName));
    m_progress->setValue(0);
}

void ImportController::onProgress(qint64 done, qint64 total)
{
    if (!m_progress || m_current.isEmpty())
        return;
    const int step = total > 0 ? int(qBound(qint64(0), done * s_progressSteps / total, qint64(s_progressSteps)))
                               : s_progressSteps;
    // Not the last step: setValue(maximum) would close the dialog before the commit ends.
    m_pendingStep = qMin(step, s_progressSteps - 1);
    // A modal QProgressDialog processes events in setValue(): apply the latest value from a
    // timer, not once per queued signal, so those calls never nest.
    if (!m_progressTick.isActive())
        m_progressTick.start();
}

void ImportController::onFinished(const CalendarImportOutcome &outcome)
{
    const QString text = describe(outcome);
    if (!text.isEmpty()) {
        if (outcome.ok)
            Q_EMIT infoMessage(text);
        else
            Q_EMIT errorOccurred(text);
    }
    Q_EMIT importFinished(outcome);
    if (outcome.background)
        return;
    m_progressTick.stop();
    if (m_progress)
        m_progress->hide();
    m_current.clear();
    startNext();
}

QString ImportController::describe(const CalendarImportOutcome &outcome)
{
    const QString fileName = QFileInfo(outcome.path).fileName();
    if (outcome.background) {
        // A kept copy expanded again as time moved on: only a failure is worth a word.
        return outcome.ok ? QString()
                          : tr("Calendar \"%1\" could not be brought up to date: %2 Import the file "
                               "again with File > Import Calendar…")
                                .arg(outcome.source, outcome.error);
    }
    if (!outcome.ok)
        return tr("Could not import %1: %2 Nothing was changed.").arg(fileName, outcome.error);
    const IcalReadReport &report = outcome.report;
    if (report.cancelled)
        return tr("Import of %1 cancelled. Nothing was changed.").arg(fileName);
    const QLocale locale;
    QString text = report.eventsImported == 1
        ? tr("Imported 1 event from %1").arg(fileName)
        : tr("Imported %1 events from %2").arg(locale.toString(report.eventsImported), fileName);
    if (report.eventsSkipped > 0)
        text += tr(", skipped %1").arg(locale.toString(report.eventsSkipped));
    if (!report.issues.isEmpty()) {
        // The reader's own words, with the line to look at.
        QStringList shown;
        for (qsizetype i = 0; i < qMin<qsizetype>(2, report.issues.size()); ++i)
            shown.append(tr("line %1: %2").arg(report.issues[i].line).arg(report.issues[i].message));
        text += QStringLiteral(" — ") + shown.join(QStringLiteral("; "));
        if (report.issueCount > shown.size())
            text += tr(" (and %1 more)").arg(report.issueCount - int(shown.size()));
    }
    if (report.eventsImported == 0 && report.eventsSkipped == 0)
        text = tr("%1 holds no events: nothing was imported.").arg(fileName);
    return text;
}

} // namespace fermata
