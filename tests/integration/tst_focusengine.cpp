// Focus outside the window, against a real notification daemon: dunst on a private D-Bus
// session bus (its own dbus-daemon, so no other test's notification server is in the way) and
// a virtual X display (Xvfb; dunst cannot start without a display). Fermata finds dunst the
// way it does on a desktop (GetServerInformation) and pauses it through dunstctl.
//
// 1. The window is killed (SIGKILL) during a planned block and started again: the restored
//    session is stopped from Focus › Stop Focus and dunst is un-paused.
// 2. `fermata serve` alone runs two planned blocks in a row, pausing and restoring dunst for
//    each. The blocks last seconds: they are written straight into the profile's database
//    (another process on the same file, as the design allows), because nothing in the product
//    makes blocks that short and none should. The sequencing over hours is covered with a fake
//    clock in tst_focussession.
#include "appcore.h"
#include "attentionhost.h"
#include "mainwindow.h"
#include "testsupport.h"
#include "uicontext.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace fermata;

namespace {

const QString s_fermata = QStringLiteral(FERMATA_EXECUTABLE);
constexpr int s_waitMs = 30000;

// Starts `program` and reads its first line of output (Xvfb's display, dbus-daemon's address).
QString startAndReadLine(QProcess &process, const QString &program, const QStringList &arguments)
{
    process.start(program, arguments);
    if (!process.waitForStarted(s_waitMs))
        return {};
    QByteArray out;
    while (!out.contains('\n') && process.waitForReadyRead(s_waitMs))
        out += process.readAllStandardOutput();
    return QString::fromUtf8(out).section(u'\n', 0, 0).trimmed();
}

// "true" or "false" from the real dunstctl, or what went wrong.
QString dunstPaused()
{
    QProcess p;
    p.start(QStringLiteral("dunstctl"), { QStringLiteral("is-paused") });
    if (!p.waitForFinished(s_waitMs))
        return QStringLiteral("dunstctl did not answer");
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
    }
}

QAction *menuAction(MainWindow &window, const QString &menuText, const QString &objectName)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() != menuText || !menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->objectName() == objectName)
                return action;
        }
    }
    return nullptr;
}

} // namespace

class TestFocusEngine : public QObject
{
    Q_OBJECT
    QProcess m_xvfb;
    QProcess m_bus;
    QProcess m_dunst;
    QTemporaryDir m_home;

    // A profile with one task and pinned focus blocks (the planner never moves pinned ones).
    static std::unique_ptr<AppCore> profile(const QString &dir, const QList<Interval> &blocks)
    {
        auto core = AppCore::open(AppPaths::inDirectory(dir));
        if (!core)
            qFatal("Could not open the profile: %s", qPrintable(core.error().message));
        Task task;
        task.title = QStringLiteral("Write report");
        task.estimateMinutes = 120;
        task.remainingMinutes = 120;
        const qint64 taskId = core.value()->tasks().add(task).value().id;
        for (const Interval &i : blocks) {
            const FocusBlock block { 0, taskId, i.start(), i.end(), true };
            if (auto id = core.value()->focusBlockRepository().add(block); !id)
                qFatal("Could not add a focus block: %s", qPrintable(id.error().message));
        }
        return std::move(core).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        for (const char *tool : { "Xvfb", "dbus-daemon", "dunst", "dunstctl" })
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                qPrintable(QStringLiteral("%1 is not installed; install the packages in "
                                          "packaging/linux/debian-build-deps.txt (xvfb, dbus, dunst).")
                               .arg(QLatin1String(tool))));
        // -displayfd 1: Xvfb picks a free display and prints its number.
        const QString display = startAndReadLine(m_xvfb, QStringLiteral("Xvfb"),
            { QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-nolisten"),
                QStringLiteral("tcp") });
        QVERIFY2(!display.isEmpty(), "Xvfb did not start");
        const QString address = startAndReadLine(m_bus, QStringLiteral("dbus-daemon"),
            { QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1") });
        QVERIFY2(address.startsWith(u"unix:"), "dbus-daemon did not start");
        // Before this process's first D-Bus call: Fermata in here, dunstctl and every child use it.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address.toUtf8());
        qunsetenv("XDG_CURRENT_DESKTOP"); // found by the server's name, not the desktop's
        qunsetenv("FERMATA_DND");

        const QString config = m_home.filePath(QStringLiteral("dunstrc"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly)); // empty: dunst's defaults
        file.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), u':' + display);
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        m_dunst.setProcessEnvironment(env);
        m_dunst.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_dunst.start(QStringLiteral("dunst"), { QStringLiteral("-config"), config });
        QVERIFY2(m_dunst.waitForStarted(s_waitMs), "dunst did not start");
        QTRY_VERIFY_WITH_TIMEOUT(
            dunstPaused() == u"false" || m_dunst.state() == QProcess::NotRunning, s_waitMs);
        QVERIFY2(m_dunst.state() == QProcess::Running, "dunst exited; see its output above");
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "this test could not reach its private bus");
    }

    void cleanupTestCase()
    {
        stop(m_dunst);
        stop(m_bus);
        stop(m_xvfb);
    }

    void restoredSessionStopsFromTheMenuAfterSigkill()
    {
        test::TempDataDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const std::unique_ptr<AppCore> core
            = profile(dir.path(), { Interval::fromDateTimes(now.addSecs(-60), now.addSecs(3600)) });

        // The window starts the running block's session and pauses dunst; then it is killed.
        QProcess first;
        first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        first.start(s_fermata, { QStringLiteral("--data-dir"), dir.path() });
        QVERIFY(first.waitForStarted(s_waitMs));
        QTRY_VERIFY_WITH_TIMEOUT(dunstPaused() == u"true" || first.state() == QProcess::NotRunning, s_waitMs);
        QCOMPARE(first.state(), QProcess::Running);
        first.kill(); // SIGKILL: no shutdown, DND stays on, the session stays open
        QVERIFY(first.waitForFinished(s_waitMs));
        QCOMPARE(dunstPaused(), QStringLiteral("true"));
        QVERIFY(core->attention().repository().runningFocusSession().value().has_value());

        // Started again as the window starts: the window first, the engine after the first paint.
        AttentionHost host(*core);
        QCOMPARE(host.dnd().adapterId(), QStringLiteral("dunst"));
        UiContext context { core->tasks(), core->calendar(), core->preferences(), core->clock(),
            core->planning() };
        context.attention = &host.attention();
        context.focus = &host.focus();
        context.dnd = &host.dnd();
        MainWindow window(context);
        window.show();
        host.start();
        QVERIFY2(host.warnings().isEmpty(), qPrintable(host.warnings().join(u'\n')));
        QVERIFY(host.focus().isActive());
        QTRY_COMPARE(dunstPaused(), QStringLiteral("true")); // the restored session holds again

        QAction *stopFocus = menuAction(window, QStringLiteral("F&ocus"), QStringLiteral("focusStopAction"));
        QAction *startFocus
            = menuAction(window, QStringLiteral("F&ocus"), QStringLiteral("focusStartAction"));
        QVERIFY(stopFocus && startFocus);
        QVERIFY2(stopFocus->isEnabled(), "Focus › Stop Focus is greyed out for the restored session");
        QVERIFY(!startFocus->isEnabled()); // Ctrl+Shift+F: one session at a time
        stopFocus->trigger();

        QVERIFY(!host.focus().isActive());
        QTRY_COMPARE_WITH_TIMEOUT(dunstPaused(), QStringLiteral("false"), s_waitMs);
        QVERIFY(!host.dnd().isHeld());
        QVERIFY(!core->attention().repository().value(DndController::SavedStateKey).value().has_value());
        const auto sessions = core->attention().repository().focusSessions(
            Interval::fromDateTimes(now.addSecs(-3600), now.addSecs(7200)));
        QCOMPARE(sessions->size(), 1);
        QCOMPARE(sessions->constFirst().outcome, QStringLiteral("stopped"));
        QVERIFY(stopFocus->isEnabled() == false && startFocus->isEnabled());
        host.shutdown();
    }

    void serveAloneRunsTwoPlannedBlocksInARow()
    {
        test::TempDataDir dir;
        // Time for `serve` to start (on a loaded machine that took more than 8 s), then two
        // blocks with a gap so each pause shows on its own.
        const QDateTime t = QDateTime::currentDateTimeUtc();
        const Interval first = Interval::fromDateTimes(t.addSecs(20), t.addSecs(25));
        const Interval second = Interval::fromDateTimes(t.addSecs(28), t.addSecs(33));
        const std::unique_ptr<AppCore> core = profile(dir.path(), { first, second });

        QProcess serve;
        serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        serve.start(s_fermata, { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("serve") });
        QVERIFY(serve.waitForStarted(s_waitMs));
        QByteArray output; // QTRY evaluates its expression again at the end: keep what was read
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += serve.readAllStandardOutput()).contains("ready") || serve.state() != QProcess::Running,
            s_waitMs);
        QCOMPARE(serve.state(), QProcess::Running);

        const char *steps[] = { "true", "false", "true", "false" };
        for (const char *paused : steps) {
            QTRY_COMPARE_WITH_TIMEOUT(dunstPaused(), QLatin1String(paused), s_waitMs);
            QCOMPARE(serve.state(), QProcess::Running);
            // Between blocks the first session is already over in the database, not left open.
            if (qstrcmp(paused, "false") == 0)
                QTRY_VERIFY(!core->attention().repository().runningFocusSession().value().has_value());
        }
        // Each session ended by itself at its block's end; none is left open.
        const auto sessions
            = core->attention().repository().focusSessions(Interval::fromDateTimes(t, t.addSecs(60)));
        QCOMPARE(sessions->size(), 2);
        const Interval blocks[] = { first, second };
        for (int i = 0; i < 2; ++i) {
            const FocusSessionRecord &s = sessions->at(i);
            QCOMPARE(s.outcome, QStringLiteral("ended"));
            QCOMPARE(s.end, blocks[i].end());
            QVERIFY(s.start >= blocks[i].start() && s.start < blocks[i].end());
        }
        QVERIFY(!core->attention().repository().runningFocusSession().value().has_value());

        serve.terminate();
        QVERIFY(serve.waitForFinished(s_waitMs));
        QCOMPARE(serve.exitCode(), 0);
        QCOMPARE(dunstPaused(), QStringLiteral("false"));
    }
};

QTEST_MAIN(TestFocusEngine)
#include "tst_focusengine.moc"
