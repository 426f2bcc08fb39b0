// Inside the private session bus that `make test` starts (dbus-run-session), this test plays
// the desktop shell: a stand-in notification server owns org.freedesktop.Notifications. The
// real `notify-send` sends; Fermata's monitor observes the call and the AttentionService
// records it as held. The stand-in still gets the notification: Fermata only watches.
#include "attention/attentionservice.h"
#include "attention/dbusnotificationmonitor.h"
#include "attention/desktopnotifier.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace fermata;

// Stands in for the desktop shell's notification server.
class StandInNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &,
                const QStringList &, const QVariantMap &, int)
    {
        summaries.append(summary);
        return uint(summaries.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("body")}; }
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion)
    {
        vendor = QStringLiteral("Fermata tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("stand-in");
    }
    void CloseNotification(uint) {}
};

class TestDBusNotificationMonitor : public QObject
{
    Q_OBJECT
    std::unique_ptr<StandInNotificationServer> m_server;
    QString m_serverConnection = QStringLiteral("stand-in-shell");

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("No session bus (DBUS_SESSION_BUS_ADDRESS is empty): run the suite through "
                  "tests/run-tests.sh (make test), which starts one with dbus-run-session.");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("notify-send")).isEmpty(),
                 "notify-send is missing: install libnotify-bin (packaging/linux/debian-build-deps.txt)");
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_serverConnection);
        QVERIFY(bus.isConnected());
        m_server = std::make_unique<StandInNotificationServer>();
        QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), m_server.get(),
                                   QDBusConnection::ExportAllSlots));
        QVERIFY2(bus.registerService(QStringLiteral("org.freedesktop.Notifications")),
                 qPrintable(bus.lastError().message()));
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(m_serverConnection);
    }

    void notifySendIsRecordedAsHeld()
    {
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY(db);
        FakeClock clock(QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC)); // outside any window
        AttentionService service(*db.value(), clock);
        QVERIFY(service.load(QByteArrayLiteral("UTC")));

        DBusNotificationMonitor monitor;
        QVERIFY2(monitor.start(), qPrintable(monitor.errorString()));
        QVERIFY(monitor.isRunning());
        // Other tests share this bus: only count what this test sent.
        const QString tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QList<InboxItem> mine;
        connect(&monitor, &DBusNotificationMonitor::notificationObserved, this, [&](const InboxItem &item) {
            if (item.notification.title.endsWith(tag)) {
                mine.append(item);
                QVERIFY(service.ingest({item}));
            }
        });

        QProcess send;
        send.start(QStringLiteral("notify-send"),
                   {QStringLiteral("--app-name=Mailer"), QStringLiteral("--urgency=critical"),
                    QStringLiteral("Build broke ") + tag, QStringLiteral("main is red")});
        // The stand-in answers on this thread's event loop, so wait by spinning it.
        QTRY_VERIFY(send.state() == QProcess::NotRunning);
        QCOMPARE(send.exitCode(), 0);
        QTRY_COMPARE(mine.size(), 1);
        QVERIFY(m_server->summaries.contains(QStringLiteral("Build broke ") + tag)); // still shown

        const InboxItem &seen = mine.constFirst();
        QCOMPARE(seen.notification.source, QStringLiteral("desktop"));
        QCOMPARE(seen.notification.sender, QStringLiteral("Mailer"));
        QCOMPARE(seen.notification.body, QStringLiteral("main is red"));
        QCOMPARE(seen.notification.urgency, Urgency::Critical);

        const auto held = service.heldItems().value();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.constFirst().notification.title, QStringLiteral("Build broke ") + tag);
        QCOMPARE(held.constFirst().state, ItemState::Held);
        QCOMPARE(held.constFirst().decision.reason, DecisionReason::OutsideWindow);
    }

    void fermatasOwnNotificationsAreIgnored()
    {
        DBusNotificationMonitor monitor;
        QVERIFY(monitor.start());
        const QString tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
        int observed = 0;
        connect(&monitor, &DBusNotificationMonitor::notificationObserved, this, [&](const InboxItem &item) {
            if (item.notification.title.endsWith(tag))
                ++observed;
        });
        // Fermata's digest goes out through this connection while the stand-in answers on
        // another: call asynchronously so the stand-in's event loop (ours) can reply.
        QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
        call << QStringLiteral("Fermata") << uint(0) << QString() << QString(QStringLiteral("digest ") + tag)
             << QString() << QStringList() << QVariantMap() << int(-1);
        QDBusConnection::sessionBus().asyncCall(call);
        QProcess send;
        send.start(QStringLiteral("notify-send"), {QStringLiteral("other ") + tag});
        QTRY_VERIFY(send.state() == QProcess::NotRunning);
        QTRY_COMPARE(observed, 1); // only notify-send's
        QTRY_VERIFY(m_server->summaries.contains(QStringLiteral("digest ") + tag));
        QCOMPARE(observed, 1);
    }
};

QTEST_GUILESS_MAIN(TestDBusNotificationMonitor)
#include "tst_dbusnotificationmonitor.moc"
