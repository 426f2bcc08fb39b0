// Preferences > Calendars against a small HTTP server run by the test on 127.0.0.1: adding a
// subscription fetches it on the worker thread, a server that stops answering keeps the copy
// and the page says so, Remove takes the events away, and the exported-file option writes
// the file and refuses a folder that does not exist.
#include "calendartestfixture.h"
#include "dialogs/calendarspage.h"
#include "dialogs/exportcalendardialog.h"
#include "calendar/subscriptionservice.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeView>
#include <QStandardItemModel>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace fermata;
using test::utc;

namespace {

const QDateTime s_now = utc(2026, 3, 3, 9, 12); // Tuesday

// Serves /team.ics and /ops.ics while their flags say so, 404 otherwise.
class TinyCalendarServer : public QObject
{
public:
    TinyCalendarServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    QHash<QByteArray, QByteArray> calendars; // path -> body; missing paths answer 404

private:
    void onData(QTcpSocket *socket)
    {
        m_buffer[socket] += socket->readAll();
        const QByteArray request = m_buffer[socket];
        if (!request.contains("\r\n\r\n"))
            return;
        const QByteArray path = request.split(' ').value(1).split('?').value(0);
        const bool found = calendars.contains(path);
        const QByteArray body = found ? calendars.value(path) : QByteArray("not here");
        socket->write("HTTP/1.1 " + QByteArray(found ? "200 OK" : "404 Not Found")
                      + "\r\nContent-Type: text/calendar\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

} // namespace

class TestCalendarsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void addFetchesAndShowsStatusPerSubscription();
    void refusesABadAddressAndATakenName();
    void removeTakesTheEventsAway();
    void keepsAnExportedFileUpToDate();
    void exportDialogWritesTheChosenRange();

private:
    bool addThroughForm(const QString &url, const QString &name);
    QString statusOf(const QString &name) const;

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<test::CalendarServices> m_services;
    std::unique_ptr<TinyCalendarServer> m_server;
    std::unique_ptr<CalendarsPage> m_page;
};

void TestCalendarsPage::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    m_services = std::make_unique<test::CalendarServices>(*m_dir, s_now);
    m_server = std::make_unique<TinyCalendarServer>();
    QVERIFY(m_server->listen());
    m_server->calendars.insert("/team.ics", test::icsCalendar({
        test::icsEvent("t1", "20260303T100000Z", "Team sync"),
        test::icsEvent("t2", "20260304T100000Z", "Planning")}));
    m_server->calendars.insert("/ops.ics", test::icsCalendar({test::icsEvent("o1", "20260303T150000Z", "On-call handover")}));
    m_page = std::make_unique<CalendarsPage>(m_services->sync, m_services->ui.clock, QTimeZone("UTC"));
}

void TestCalendarsPage::cleanup()
{
    m_page.reset();
    m_services.reset();
    m_server.reset();
    m_dir.reset();
}

bool TestCalendarsPage::addThroughForm(const QString &url, const QString &name)
{
    QSignalSpy finished(&m_services->sync, &CalendarSync::refreshFinished);
    m_page->urlEdit()->setText(url);
    m_page->nameEdit()->setText(name);
    m_page->intervalBox()->setValue(30);
    QPushButton *add = m_page->findChild<QPushButton *>(QStringLiteral("addSubscriptionButton"));
    if (!add || !add->isEnabled())
        return false;
    add->click();
    return finished.wait(20000);
}

QString TestCalendarsPage::statusOf(const QString &name) const
{
    QStandardItemModel *model = m_page->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row, CalendarsPage::NameColumn)->text() == name)
            return model->item(row, CalendarsPage::StatusColumn)->text();
    }
    return QStringLiteral("<missing>");
}

void TestCalendarsPage::addFetchesAndShowsStatusPerSubscription()
{
    QCOMPARE(m_page->title(), QStringLiteral("C&alendars"));
    QVERIFY(addThroughForm(m_server->url(QStringLiteral("/team.ics")), QStringLiteral("Team")));
    QVERIFY(addThroughForm(m_server->url(QStringLiteral("/ops.ics?token=s3cret")), QStringLiteral("Ops")));
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(statusOf(QStringLiteral("Team")), QStringLiteral("Refreshed today 09:12 · 2 events"));
    QCOMPARE(statusOf(QStringLiteral("Ops")), QStringLiteral("Refreshed today 09:12 · 1 event"));
    // The address is shown without its secret.
    const QString address = m_page->model()->item(0, CalendarsPage::AddressColumn)->text();
    QVERIFY2(!address.contains(QStringLiteral("s3cret")), qPrintable(address));
    QVERIFY(m_page->urlEdit()->text().isEmpty());

    // Events reached the calendar, through the worker's own connection.
    const auto events = m_services->ui.calendar.events(Interval::fromDateTimes(utc(2026, 3, 1, 0), utc(2026, 3, 8, 0)));
    QVERIFY(events);
    QCOMPARE(events->size(), 3);

    // The ops server goes away; a day later Refresh All keeps its copy and says so.
    m_server->calendars.remove("/ops.ics");
    m_services->ui.clock.advanceSecs(24 * 3600);
    m_page->list()->clearSelection();
    m_page->refreshSelected();
    QCOMPARE(statusOf(QStringLiteral("Ops")), QStringLiteral("Refreshing…"));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(QStringLiteral("Ops")),
                              QStringLiteral("Not refreshed — showing the copy from Tue 09:12"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(QStringLiteral("Team")), QStringLiteral("Refreshed today 09:12 · 2 events"), 20000);
    QCOMPARE(m_page->errorsLabel()->text(),
             QStringLiteral("Ops: the server answered 404 Not Found (tried today 09:12)."));
    const auto still = m_services->ui.calendar.events(Interval::fromDateTimes(utc(2026, 3, 1, 0), utc(2026, 3, 8, 0)));
    QCOMPARE(still->size(), 3);
}

void TestCalendarsPage::refusesABadAddressAndATakenName()
{
    m_page->urlEdit()->setText(QStringLiteral("ftp://example.com/cal.ics"));
    QVERIFY(!m_page->addFromForm());
    QVERIFY(m_page->problemLabel()->text().contains(QStringLiteral("not a calendar address")));
    QVERIFY(addThroughForm(m_server->url(QStringLiteral("/team.ics")), QStringLiteral("Team")));
    m_page->urlEdit()->setText(m_server->url(QStringLiteral("/ops.ics")));
    m_page->nameEdit()->setText(QStringLiteral("Team"));
    QVERIFY(!m_page->addFromForm());
    QVERIFY2(m_page->problemLabel()->text().contains(QStringLiteral("Team")),
             qPrintable(m_page->problemLabel()->text()));
    QCOMPARE(m_page->model()->rowCount(), 1);
}

void TestCalendarsPage::removeTakesTheEventsAway()
{
    QVERIFY(addThroughForm(m_server->url(QStringLiteral("/team.ics")), QStringLiteral("Team")));
    QSignalSpy changed(&m_services->ui.calendar, &CalendarService::eventsChanged);
    QVERIFY(m_page->removeSubscription(QStringLiteral("Team")));
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(changed.count(), 1);
    const auto events = m_services->ui.calendar.events(Interval::fromDateTimes(utc(2026, 3, 1, 0), utc(2026, 3, 8, 0)));
    QVERIFY(events->isEmpty());
}

void TestCalendarsPage::keepsAnExportedFileUpToDate()
{
    QCOMPARE(m_page->validationError(), QString());
    m_page->exportBox()->setChecked(true);
    QVERIFY(!m_page->validationError().isEmpty()); // no file chosen yet
    m_page->exportPathEdit()->setText(m_dir->filePath(QStringLiteral("missing/focus.ics")));
    QVERIFY(m_page->validationError().contains(QStringLiteral("does not exist")));
    const QString path = m_dir->filePath(QStringLiteral("focus.ics"));
    m_page->exportPathEdit()->setText(path);
    QCOMPARE(m_page->validationError(), QString());
    QVERIFY(m_page->apply().isOk());
    QVERIFY(test::fileBytes(path).startsWith("BEGIN:VCALENDAR"));
    QCOMPARE(m_services->sync.autoExportPath(), path);

    // Remembered for the next start, and rewritten when focus blocks change.
    CalendarSync later(*m_services->ui.database, m_services->ui.clock, m_services->ui.preferences,
                       m_dir->filePath(QStringLiteral("calendars")));
    QCOMPARE(later.autoExportPath(), path);
    QVERIFY(QFile::remove(path));
    m_services->sync.scheduleAutoExport();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 5000);

    // Unticked: the option is off and stays off.
    m_page->exportBox()->setChecked(false);
    QVERIFY(m_page->apply().isOk());
    QCOMPARE(m_services->sync.autoExportPath(), QString());
}

void TestCalendarsPage::exportDialogWritesTheChosenRange()
{
    ExportCalendarDialog dialog(m_services->sync.interop(), QDate(2026, 3, 3), QTimeZone("UTC"));
    QCOMPARE(dialog.toEdit()->date(), QDate(2026, 3, 3).addDays(59));
    dialog.toEdit()->setDate(QDate(2026, 3, 1));
    dialog.accept();
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("ends before it starts")));

    dialog.toEdit()->setDate(QDate(2026, 4, 30));
    const QString path = m_dir->filePath(QStringLiteral("export.ics"));
    dialog.pathEdit()->setText(path);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(test::fileBytes(path).startsWith("BEGIN:VCALENDAR"));
    QVERIFY(dialog.resultMessage().contains(QStringLiteral("export.ics")));
    QCOMPARE(dialog.range().start(), utc(2026, 3, 3, 0));
    QCOMPARE(dialog.range().end(), utc(2026, 5, 1, 0));
}

QTEST_MAIN(TestCalendarsPage)
#include "tst_calendarspage.moc"
