// A build without D-Bus (-DFERMATA_WITH_DBUS=OFF, as on Windows and macOS): notification
// capture and the desktop's Do Not Disturb are adapters that say plainly what is not available,
// and focus still works, holding Fermata's own sources only.
#include "attention/desktopdnd.h"
#include "attention/desktopnotifier.h"
#include "attention/dndcontroller.h"
#include "attention/notificationcapture.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;

namespace {

const QString s_noCapture
    = QStringLiteral("Capturing other apps' notifications needs D-Bus, which this build does not have.");
const QString s_noDnd = QStringLiteral("Switching the desktop's Do Not Disturb needs D-Bus, which this build "
                                       "does not have; Fermata holds its own notifications only.");

} // namespace

class TestNoDBusAdapters : public QObject
{
    Q_OBJECT
    test::TempDataDir m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        m_db = std::move(Database::open(m_dir.databasePath())).value();
    }

    void captureCannotStartAndSaysWhy()
    {
        const auto capture = NotificationCapture::create();
        QVERIFY(!capture->isAvailable());
        QVERIFY(!capture->start());
        QVERIFY(!capture->isRunning());
        QCOMPARE(capture->errorString(), s_noCapture);
    }

    void desktopNotifierShowsNothing()
    {
        QCOMPARE(DesktopNotifier().show(QStringLiteral("Digest"), QStringLiteral("3 held")), 0u);
    }

    void dndIsUnavailableWhateverTheDesktop()
    {
        // A D-Bus build would pick these; this one has no adapter for them.
        qputenv("FERMATA_DND", "dunst");
        qputenv("XDG_CURRENT_DESKTOP", "GNOME");
        const auto dnd = DesktopDnd::detect();
        qunsetenv("FERMATA_DND");
        qunsetenv("XDG_CURRENT_DESKTOP");
        QCOMPARE(dnd->id(), QStringLiteral("none"));
        QCOMPARE(dnd->unavailableReason(), s_noDnd);
        QCOMPARE(dnd->displayName(), s_noDnd);
        QVERIFY(!DesktopDnd::create(QStringLiteral("gnome")));
        QVERIFY(!DesktopDnd::create(QStringLiteral("kde")));
    }

    void focusStillHoldsWithoutTheDesktop()
    {
        AttentionRepository repo(*m_db);
        DndController dnd(repo, DesktopDnd::detect());
        QVERIFY(!dnd.isActive());
        QCOMPARE(dnd.unavailableReason(), s_noDnd);
        QSignalSpy held(&dnd, &DndController::heldChanged);
        QVERIFY(dnd.setHeld(true));
        QVERIFY(dnd.isHeld());
        QVERIFY(dnd.setHeld(false));
        QVERIFY(!dnd.isHeld());
        QCOMPARE(held.count(), 2);
        QVERIFY(!repo.value(DndController::SavedStateKey).value().has_value());
    }

    void aStateSavedByADBusBuildIsDroppedNotFailed()
    {
        // The same profile last ran under a D-Bus build that died holding GNOME's DND.
        AttentionRepository repo(*m_db);
        const QJsonObject saved{{QStringLiteral("adapter"), QStringLiteral("gnome")},
                                {QStringLiteral("state"), QStringLiteral("true")}};
        QVERIFY(repo.setValue(DndController::SavedStateKey,
                              QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact))));
        DndController dnd(repo, DesktopDnd::detect());
        QVERIFY(dnd.recoverAfterCrash());
        QVERIFY(!repo.value(DndController::SavedStateKey).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestNoDBusAdapters)
#include "tst_nodbusadapters.moc"
