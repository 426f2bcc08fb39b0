// `fermata check` says what this build can do with the desktop around it (issue 18): with D-Bus
// it captures other apps' notifications; without (Windows, macOS, -DFERMATA_WITH_DBUS=OFF) it
// says plainly that it cannot, and that it cannot switch the desktop's Do Not Disturb; start at
// login names where the entry lives, or that this build has none. A D-Bus build says whether
// this session has a bus to capture from.
#include "attention/desktopdnd.h"
#include "attention/dndcontroller.h"
#include "dialogs/httpintakebox.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace {

constexpr bool s_withDBus = FERMATA_BUILT_WITH_DBUS;
constexpr bool s_withLinuxDesktopFiles = FERMATA_BUILT_WITH_LINUX_DESKTOP_FILES;

} // namespace

class TestCheckCapabilities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fermata::test::pinEnvironment();
        QVERIFY(m_config.isValid());
    }

    void notificationCaptureAndDndSayWhatThisBuildCan()
    {
        const QString out = check();
        if (s_withDBus) {
            QVERIFY2(out.contains(QStringLiteral("Other apps' notifications: captured from the desktop (D-Bus)\n")),
                     qPrintable(out));
            // FERMATA_DND=none: no desktop adapter, which is not the build's fault.
            QVERIFY2(out.contains(QStringLiteral(
                         "Desktop Do Not Disturb: None found (Fermata holds its own sources only)\n")),
                     qPrintable(out));
        } else {
            QVERIFY2(out.contains(QStringLiteral("Other apps' notifications: Capturing other apps' notifications "
                                                 "needs D-Bus, which this build does not have.\n")),
                     qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("Desktop Do Not Disturb: Switching the desktop's Do Not Disturb "
                                                 "needs D-Bus, which this build does not have; Fermata holds its "
                                                 "own notifications only.\n")),
                     qPrintable(out));
        }
    }

    // No session bus here (none named, none at the runtime folder's standard place, no display
    // to autolaunch one): a D-Bus build says it could capture, but not in this session.
    void withoutASessionBusSaysCaptureIsNotPossibleHere()
    {
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        const QString out = check([&](QProcessEnvironment &env) {
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            env.remove(QStringLiteral("DISPLAY"));
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        });
        if (s_withDBus) {
            QVERIFY2(out.contains(QStringLiteral("Other apps' notifications: this build can capture them from "
                                                 "D-Bus, but not in this session: no session bus")),
                     qPrintable(out));
            QVERIFY2(!out.contains(QStringLiteral("captured from the desktop")), qPrintable(out));
        } else {
            QVERIFY2(out.contains(QStringLiteral("Other apps' notifications: Capturing other apps' notifications "
                                                 "needs D-Bus, which this build does not have.\n")),
                     qPrintable(out));
        }
    }

    // Preferences › Check-in › Other apps shows the same sentence on its "Do Not Disturb:" row.
    void preferencesSaysTheSameAboutDnd()
    {
        fermata::test::TempDataDir dir;
        auto db = std::move(fermata::Database::open(dir.databasePath())).value();
        fermata::AttentionRepository repo(*db);
        qputenv("FERMATA_DND", "none");
        fermata::DndController dnd(repo, fermata::DesktopDnd::detect());
        qunsetenv("FERMATA_DND");
        const QString text = fermata::HttpIntakeBox::dndText(&dnd);
        if (s_withDBus)
            QCOMPARE(text, QStringLiteral("None found — Fermata holds its own sources only"));
        else
            QCOMPARE(text, QStringLiteral("Switching the desktop's Do Not Disturb needs D-Bus, which this build "
                                          "does not have; Fermata holds its own notifications only."));
    }

    void startAtLoginNamesTheEntryOrSaysThereIsNone()
    {
        const QString entry = m_config.filePath(QStringLiteral("autostart/fermata.desktop"));
        if (!s_withLinuxDesktopFiles) {
            const QString out = check();
            QVERIFY2(out.contains(QStringLiteral("Start at login: not available in this build\n")), qPrintable(out));
            return;
        }
        QString out = check();
        QVERIFY2(out.contains(QStringLiteral("Start at login: off (") + entry + QStringLiteral(")\n")), qPrintable(out));
        QVERIFY(QDir().mkpath(m_config.filePath(QStringLiteral("autostart"))));
        QFile file(entry);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        out = check();
        QVERIFY2(out.contains(QStringLiteral("Start at login: on (") + entry + QStringLiteral(")\n")), qPrintable(out));
        QVERIFY(QFile::remove(entry));
    }

private:
    // Runs `fermata check` on a fresh profile (its environment changed by `adjust`); returns its
    // standard output.
    QString check(const std::function<void(QProcessEnvironment &)> &adjust = {})
    {
        fermata::test::TempDataDir dir;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        env.insert(QStringLiteral("FERMATA_DND"), QStringLiteral("none"));
        if (adjust)
            adjust(env);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FERMATA_EXECUTABLE), {QStringLiteral("check"), QStringLiteral("--data-dir"), dir.path()});
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
        }
        const QString err = QString::fromUtf8(process.readAllStandardError());
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            qWarning("fermata check failed: %s", qPrintable(err));
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    QTemporaryDir m_config;
};

QTEST_GUILESS_MAIN(TestCheckCapabilities)
#include "tst_checkcapabilities.moc"
