// Preferences > Calendars > CalDAV accounts against a real Radicale: Add CalDAV Account… with a
// wrong password stays open and says why; with the right one the account and its calendars
// (colours, read, focus blocks) appear after the first sync on the worker thread; choosing the
// calendar for focus blocks writes them there; a calendar no longer read leaves the planner at
// once; a server that is down shows the error in full. Writes a screenshot of the page.
#include "caldav/caldavsync.h"
#include "calendar/caldavclient.h"
#include "calendartestfixture.h"
#include "dialogs/caldavaccountdialog.h"
#include "dialogs/caldavaccountsbox.h"
#include "dialogs/calendarspage.h"
#include "dialogs/preferencesdialog.h"
#include "radicaleserver.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace fermata;
using test::utc;

namespace {

const QString alice = QStringLiteral("alice");
const QString alicePassword = QStringLiteral("alice-app-password");
const QDateTime s_now = utc(2026, 3, 3, 9, 12); // Tuesday

// The item of `column` in the row of the calendar called `label`, null when it is not shown.
QStandardItem *calendarItem(QStandardItemModel *model, const QString &label, int column)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        QStandardItem *account = model->item(row, CalDavAccountsBox::NameColumn);
        for (int child = 0; account && child < account->rowCount(); ++child) {
            if (account->child(child, CalDavAccountsBox::NameColumn)->text() == label)
                return account->child(child, column);
        }
    }
    return nullptr;
}

QString accountStatus(QStandardItemModel *model)
{
    QStandardItem *status = model->item(0, CalDavAccountsBox::StatusColumn);
    return status ? status->text() : QString();
}

} // namespace

class TestCalDavAccountsBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        qputenv("FERMATA_SECRET_STORE", "file"); // no keychain on a test machine
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addUser(alice, alicePassword));
        m_work = m_server.createCalendar(alice, QStringLiteral("work"), QStringLiteral("Work"), QStringLiteral("#3366FF"));
        QVERIFY(!m_server.createCalendar(alice, QStringLiteral("personal"), QStringLiteral("Personal"), QStringLiteral("#33AA55")).isEmpty());
        QVERIFY(!m_server.createCalendar(alice, QStringLiteral("readonly-holidays"), QStringLiteral("Holidays")).isEmpty());
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("review.ics"),
            test::RadicaleServer::icsEvent(QStringLiteral("review"), utc(2026, 3, 3, 14), utc(2026, 3, 3, 15), QStringLiteral("Design review"))).isEmpty());
        m_services = std::make_unique<test::CalendarServices>(m_dir, s_now);
        m_caldav = std::make_unique<CalDavSync>(*m_services->ui.database, m_services->ui.clock,
            m_dir.filePath(QStringLiteral("caldav-secrets.json")));
        m_caldav->setTimeoutMs(3000);
        QObject::connect(m_caldav.get(), &CalDavSync::eventsImported, &m_services->ui.calendar, &CalendarService::eventsChanged);
        m_dialog = std::make_unique<PreferencesDialog>(m_services->ui.preferences);
        m_page = new CalendarsPage(m_services->sync, m_services->ui.clock, QTimeZone("UTC"), m_caldav.get());
        m_dialog->addPage(m_page);
        m_dialog->setMinimumWidth(760);
        m_dialog->tabs()->setCurrentWidget(m_page);
        m_box = m_page->calDavBox();
        QVERIFY(m_box);
    }

    void cleanupTestCase()
    {
        m_dialog.reset();
        m_caldav.reset();
        m_services.reset();
    }

    void startsEmpty()
    {
        QCOMPARE(m_box->model()->rowCount(), 1);
        QVERIFY(m_box->model()->item(0)->text().startsWith(QStringLiteral("No account yet")));
        QVERIFY(!m_box->syncButton()->isEnabled());
    }

    void wrongPasswordKeepsTheDialogOpen()
    {
        CalDavAccountDialog dialog(*m_caldav);
        QVERIFY(!dialog.submit()); // nothing filled in
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("user name and the app password")));
        dialog.urlEdit()->setText(m_server.url().toString());
        dialog.userEdit()->setText(alice);
        dialog.passwordEdit()->setText(QStringLiteral("not-it"));
        dialog.addButton()->click();
        QVERIFY(dialog.isConnecting());
        QVERIFY(!dialog.urlEdit()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isConnecting(), 15000);
        QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("check the user name and app password")),
            qPrintable(dialog.problemLabel()->text()));
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(dialog.urlEdit()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("caldav-add-account-refused.png"));
        QCOMPARE(m_caldav->accounts().value().size(), 0);
    }

    void addsAnAccountAndShowsItsCalendars()
    {
        QSignalSpy synced(m_caldav.get(), &CalDavSync::syncFinished);
        CalDavAccountDialog dialog(*m_caldav);
        dialog.urlEdit()->setText(m_server.url().toString());
        dialog.userEdit()->setText(alice);
        dialog.passwordEdit()->setText(alicePassword);
        QVERIFY(dialog.submit());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.result() == QDialog::Accepted, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 15000); // the first sync, right after adding
        QTRY_VERIFY(calendarItem(m_box->model(), QStringLiteral("Work"), CalDavAccountsBox::NameColumn));
        QStandardItemModel *model = m_box->model();
        QCOMPARE(model->item(0)->text(), QStringLiteral("alice@127.0.0.1:%1").arg(m_server.port()));
        QCOMPARE(model->item(0)->rowCount(), 3);
        QVERIFY2(accountStatus(model) == QStringLiteral("Synced today 09:12"), qPrintable(accountStatus(model)));
        QCOMPARE(calendarItem(model, QStringLiteral("Work"), CalDavAccountsBox::ReadColumn)->checkState(), Qt::Checked);
        QCOMPARE(calendarItem(model, QStringLiteral("Work"), CalDavAccountsBox::BlocksColumn)->checkState(), Qt::Unchecked);
        QCOMPARE(calendarItem(model, QStringLiteral("Work"), CalDavAccountsBox::StatusColumn)->text(), QStringLiteral("1 event"));
        QStandardItem *holidays = calendarItem(model, QStringLiteral("Holidays"), CalDavAccountsBox::BlocksColumn);
        QCOMPARE(holidays->text(), QStringLiteral("read-only"));
        QVERIFY(!holidays->isEnabled());
        const QImage swatch = calendarItem(model, QStringLiteral("Work"), CalDavAccountsBox::NameColumn)->icon().pixmap(12, 12).toImage();
        QCOMPARE(swatch.pixelColor(6, 6), QColor(QStringLiteral("#3366ff")));
        // The meeting reached the planner.
        const auto events = m_services->ui.eventRepository.overlapping(Interval::fromDateTimes(utc(2026, 3, 3, 0), utc(2026, 3, 4, 0)));
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [](const CalendarEvent &e) { return e.title == u"Design review"; }));
        QVERIFY(m_box->syncButton()->isEnabled());
    }

    void focusBlocksGoToTheChosenCalendar()
    {
        Task report;
        report.title = QStringLiteral("Write the report");
        const qint64 task = m_services->ui.taskRepository.add(report).value();
        QVERIFY(m_services->ui.blockRepository.add(FocusBlock { 0, task, utc(2026, 3, 3, 10), utc(2026, 3, 3, 12), false }));
        QSignalSpy synced(m_caldav.get(), &CalDavSync::syncFinished);
        calendarItem(m_box->model(), QStringLiteral("Work"), CalDavAccountsBox::BlocksColumn)->setCheckState(Qt::Checked);
        QTRY_COMPARE(calendarItem(m_box->model(), QStringLiteral("Work"), CalDavAccountsBox::BlocksColumn)->checkState(), Qt::Checked);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 15000); // the choice schedules a sync by itself
        CalDavClient client(alice, alicePassword);
        client.setCalendarHome(m_server.url(QStringLiteral("/alice/")));
        const auto onServer = client.queryEvents(m_work, Interval());
        QVERIFY(onServer.isOk());
        QCOMPARE(std::count_if(onServer->cbegin(), onServer->cend(), [](const CalDavResource &r) { return r.data.contains("X-FERMATA-BLOCK"); }), 1);
        // Only one calendar receives blocks: choosing Personal moves them there.
        calendarItem(m_box->model(), QStringLiteral("Personal"), CalDavAccountsBox::BlocksColumn)->setCheckState(Qt::Checked);
        QTRY_COMPARE(calendarItem(m_box->model(), QStringLiteral("Work"), CalDavAccountsBox::BlocksColumn)->checkState(), Qt::Unchecked);
        QCOMPARE(calendarItem(m_box->model(), QStringLiteral("Personal"), CalDavAccountsBox::BlocksColumn)->checkState(), Qt::Checked);
    }

    void titleColleaguesSeeIsChosenHere()
    {
        // The account the field edits is the only one; its default title shows.
        QCOMPARE(m_box->titleEdit()->text(), QStringLiteral("Focus"));
        QVERIFY(!m_box->taskTitlesBox()->isChecked());
        m_box->titleEdit()->setText(QStringLiteral("Deep work"));
        Q_EMIT m_box->titleEdit()->editingFinished();
        QCOMPARE(m_caldav->accounts().value().constFirst().blockTitle, QStringLiteral("Deep work"));
        m_box->taskTitlesBox()->setChecked(true);
        QVERIFY(m_caldav->accounts().value().constFirst().usesTaskTitles());
        QVERIFY(!m_box->titleEdit()->isEnabled());
        // Back to a fixed title; an emptied field means the default, not the task's title.
        m_box->taskTitlesBox()->setChecked(false);
        m_box->titleEdit()->clear();
        Q_EMIT m_box->titleEdit()->editingFinished();
        QCOMPARE(m_caldav->accounts().value().constFirst().blockTitle, QStringLiteral("Focus"));
        QTRY_COMPARE(m_box->titleEdit()->text(), QStringLiteral("Focus"));
    }

    void unreadCalendarLeavesThePlannerAtOnce()
    {
        calendarItem(m_box->model(), QStringLiteral("Work"), CalDavAccountsBox::ReadColumn)->setCheckState(Qt::Unchecked);
        QTRY_COMPARE(calendarItem(m_box->model(), QStringLiteral("Work"), CalDavAccountsBox::StatusColumn)->text(), QStringLiteral("Not read"));
        const auto events = m_services->ui.eventRepository.overlapping(Interval::fromDateTimes(utc(2026, 3, 3, 0), utc(2026, 3, 4, 0)));
        QVERIFY(std::none_of(events->cbegin(), events->cend(), [](const CalendarEvent &e) { return e.title == u"Design review"; }));
        calendarItem(m_box->model(), QStringLiteral("Work"), CalDavAccountsBox::ReadColumn)->setCheckState(Qt::Checked);
    }

    void serverDownShowsWhy()
    {
        QSignalSpy synced(m_caldav.get(), &CalDavSync::syncFinished);
        QVERIFY(m_server.stop());
        m_box->syncButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_box->problemLabel()->isVisible() || !synced.isEmpty(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_box->problemLabel()->text().contains(QStringLiteral("refused the connection")), 15000);
        QVERIFY2(accountStatus(m_box->model()).startsWith(QStringLiteral("Not synced — tried today")), qPrintable(accountStatus(m_box->model())));
        saveScreenshot(*m_dialog, QStringLiteral("caldav-calendars-page-error.png"));
        QVERIFY(m_server.restart());
        m_box->syncButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_box->problemLabel()->isVisible() && !m_caldav->isSyncing(), 15000);
        QTRY_VERIFY(accountStatus(m_box->model()).startsWith(QStringLiteral("Synced")));
        saveScreenshot(*m_dialog, QStringLiteral("caldav-calendars-page.png"));
    }

private:
    // A window as people see it (offscreen), to look at.
    void saveScreenshot(QWidget &window, const QString &name)
    {
        window.resize(window.sizeHint().expandedTo(QSize(window.minimumWidth(), 0)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString folder = qEnvironmentVariableIsSet("FERMATA_SCREENSHOT_DIR")
            ? qEnvironmentVariable("FERMATA_SCREENSHOT_DIR")
            : QDir::temp().filePath(QStringLiteral("fermata-screenshots"));
        QDir().mkpath(folder);
        QVERIFY(window.grab().save(QDir(folder).filePath(name)));
    }

    test::RadicaleServer m_server;
    test::TempDataDir m_dir;
    QString m_work;
    std::unique_ptr<test::CalendarServices> m_services;
    std::unique_ptr<CalDavSync> m_caldav;
    std::unique_ptr<PreferencesDialog> m_dialog;
    CalendarsPage *m_page = nullptr;
    CalDavAccountsBox *m_box = nullptr;
};

QTEST_MAIN(TestCalDavAccountsBox)
#include "tst_caldavaccountsbox.moc"
