// The DND adapters against real tools: GNOME through the real gsettings with the keyfile
// backend (the memory backend forgets between gsettings processes, so it cannot show a
// restore), and dunst, mako and swaync through stubs on PATH that record their exact
// arguments and keep a state file. Plus restore after a crash.
#include "attention/dndcontroller.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace fermata;

namespace {

// One stub for all three tools: logs "tool args..." and keeps state in files next to it.
const char *s_stub = R"(#!/bin/sh
dir=$(dirname "$0")
tool=$(basename "$0")
echo "$tool $*" >> "$dir/log"
case "$tool $1" in
  "dunstctl is-paused") cat "$dir/dunst" ;;
  "dunstctl set-paused") echo "$2" > "$dir/dunst" ;;
  "swaync-client --get-dnd") cat "$dir/swaync" ;;
  "swaync-client --dnd-on") echo true > "$dir/swaync" ;;
  "swaync-client --dnd-off") echo false > "$dir/swaync" ;;
  "makoctl mode")
    if [ $# -eq 1 ]; then cat "$dir/mako";
    elif [ "$2" = "-a" ]; then echo "$3" >> "$dir/mako";
    elif [ "$2" = "-s" ]; then shift 2; : > "$dir/mako"; for m in "$@"; do echo "$m" >> "$dir/mako"; done;
    else exit 1; fi ;;
  *) exit 1 ;;
esac
)";

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

QString readFile(const QString &path)
{
    return QString::fromUtf8(test::fileBytes(path)).trimmed();
}

QString gsettings(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("gsettings"), args);
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestDesktopDnd : public QObject
{
    Q_OBJECT
    test::TempDataDir m_dir;
    QByteArray m_originalPath = qgetenv("PATH");
    std::unique_ptr<Database> m_db;
    QString m_stubDir;

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        m_db = std::move(Database::open(m_dir.databasePath())).value();
        m_stubDir = m_dir.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(m_stubDir));
        for (const char *tool : {"dunstctl", "makoctl", "swaync-client"}) {
            const QString path = m_stubDir + u'/' + QLatin1String(tool);
            writeFile(path, s_stub);
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
        qputenv("PATH", m_stubDir.toLocal8Bit() + ':' + m_originalPath);
        // gsettings keeps its keyfile under XDG_CONFIG_HOME: a private one.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("GSETTINGS_BACKEND", "keyfile");
    }

    void init()
    {
        QFile::remove(m_stubDir + QStringLiteral("/log"));
        AttentionRepository repo(*m_db);
        QVERIFY(repo.removeValue(DndController::SavedStateKey));
    }

    void commandAdapters_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("stateFile");
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("during");
        QTest::addColumn<QStringList>("commands");
        QTest::newRow("dunst, not paused") << QStringLiteral("dunst") << QStringLiteral("dunst") << QByteArray("false\n") << QStringLiteral("true")
            << QStringList{QStringLiteral("dunstctl is-paused"), QStringLiteral("dunstctl set-paused true"), QStringLiteral("dunstctl set-paused false")};
        QTest::newRow("dunst, already paused") << QStringLiteral("dunst") << QStringLiteral("dunst") << QByteArray("true\n") << QStringLiteral("true")
            << QStringList{QStringLiteral("dunstctl is-paused"), QStringLiteral("dunstctl set-paused true"), QStringLiteral("dunstctl set-paused true")};
        QTest::newRow("swaync, off") << QStringLiteral("swaync") << QStringLiteral("swaync") << QByteArray("false\n") << QStringLiteral("true")
            << QStringList{QStringLiteral("swaync-client --get-dnd"), QStringLiteral("swaync-client --dnd-on"), QStringLiteral("swaync-client --dnd-off")};
        QTest::newRow("swaync, already on") << QStringLiteral("swaync") << QStringLiteral("swaync") << QByteArray("true\n") << QStringLiteral("true")
            << QStringList{QStringLiteral("swaync-client --get-dnd"), QStringLiteral("swaync-client --dnd-on"), QStringLiteral("swaync-client --dnd-on")};
        QTest::newRow("mako, two modes") << QStringLiteral("mako") << QStringLiteral("mako") << QByteArray("default\nwork\n") << QStringLiteral("default\nwork\ndo-not-disturb")
            << QStringList{QStringLiteral("makoctl mode"), QStringLiteral("makoctl mode -a do-not-disturb"), QStringLiteral("makoctl mode -s default work")};
    }

    void commandAdapters()
    {
        QFETCH(QString, id);
        QFETCH(QString, stateFile);
        QFETCH(QByteArray, before);
        QFETCH(QString, during);
        QFETCH(QStringList, commands);
        const QString state = m_stubDir + u'/' + stateFile;
        writeFile(state, before);
        AttentionRepository repo(*m_db);
        DndController dnd(repo, DesktopDnd::create(id));
        QCOMPARE(dnd.adapterId(), id);
        QVERIFY(dnd.isActive());
        QVERIFY(dnd.setHeld(true));
        QCOMPARE(readFile(state), during);
        QVERIFY(repo.value(DndController::SavedStateKey).value().has_value()); // saved before switching
        QVERIFY(dnd.setHeld(false));
        QCOMPARE(readFile(state), QString::fromUtf8(before).trimmed());
        QCOMPARE(readFile(m_stubDir + QStringLiteral("/log")).split(u'\n'), commands);
        QVERIFY(!repo.value(DndController::SavedStateKey).value().has_value());
    }

    void restoreAfterCrash()
    {
        writeFile(m_stubDir + QStringLiteral("/dunst"), "false\n");
        AttentionRepository repo(*m_db);
        {
            DndController dnd(repo, DesktopDnd::create(QStringLiteral("dunst")));
            QVERIFY(dnd.setHeld(true));
            // The process dies here: no setHeld(false).
        }
        QCOMPARE(readFile(m_stubDir + QStringLiteral("/dunst")), QStringLiteral("true"));
        // The next start detected another desktop; the saved adapter still restores.
        DndController next(repo, std::make_unique<NoDesktopDnd>());
        QVERIFY(next.recoverAfterCrash());
        QCOMPARE(readFile(m_stubDir + QStringLiteral("/dunst")), QStringLiteral("false"));
        QCOMPARE(readFile(m_stubDir + QStringLiteral("/log")).split(u'\n').constLast(),
                 QStringLiteral("dunstctl set-paused false"));
        QVERIFY(!repo.value(DndController::SavedStateKey).value().has_value());
        QVERIFY(next.recoverAfterCrash()); // nothing left: a no-op
    }

    void gnomeThroughRealGSettings_data()
    {
        QTest::addColumn<QString>("before");
        QTest::newRow("banners on") << "true";
        QTest::newRow("banners off") << "false";
    }

    void gnomeThroughRealGSettings()
    {
        QFETCH(QString, before);
        if (QStandardPaths::findExecutable(QStringLiteral("gsettings")).isEmpty())
            QFAIL("gsettings is missing: install libglib2.0-bin and gsettings-desktop-schemas");
        const QStringList key{QStringLiteral("org.gnome.desktop.notifications"), QStringLiteral("show-banners")};
        gsettings(QStringList{QStringLiteral("set")} + key + QStringList{before});
        QCOMPARE(gsettings(QStringList{QStringLiteral("get")} + key), before);
        AttentionRepository repo(*m_db);
        {
            DndController dnd(repo, DesktopDnd::create(QStringLiteral("gnome")));
            QVERIFY(DesktopDnd::create(QStringLiteral("gnome"))->isAvailable());
            QVERIFY(dnd.setHeld(true));
            QCOMPARE(gsettings(QStringList{QStringLiteral("get")} + key), QStringLiteral("false"));
            QVERIFY(dnd.setHeld(false));
            QCOMPARE(gsettings(QStringList{QStringLiteral("get")} + key), before);
            QVERIFY(dnd.setHeld(true)); // and crash
        }
        DndController next(repo, DesktopDnd::create(QStringLiteral("gnome")));
        QVERIFY(next.recoverAfterCrash());
        QCOMPARE(gsettings(QStringList{QStringLiteral("get")} + key), before);
    }

    void detection()
    {
        qputenv("FERMATA_DND", "dunst");
        QCOMPARE(DesktopDnd::detect()->id(), QStringLiteral("dunst"));
        qputenv("FERMATA_DND", "mako");
        QCOMPARE(DesktopDnd::detect()->id(), QStringLiteral("mako"));
        qputenv("FERMATA_DND", "dunst");
        const QString empty = m_dir.filePath(QStringLiteral("empty-bin"));
        QVERIFY(QDir().mkpath(empty));
        qputenv("PATH", empty.toLocal8Bit()); // no dunstctl (the real one may be installed): degrade, never an error
        QCOMPARE(DesktopDnd::detect()->id(), QStringLiteral("none"));
        qputenv("PATH", m_originalPath);
        qputenv("FERMATA_DND", "gnome");
        QCOMPARE(DesktopDnd::detect()->id(), QStringLiteral("gnome"));
        qunsetenv("FERMATA_DND");
        qputenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME");
        QCOMPARE(DesktopDnd::detect()->id(), QStringLiteral("gnome"));
        qputenv("XDG_CURRENT_DESKTOP", "sway");
        QCOMPARE(DesktopDnd::detect()->id(), QStringLiteral("none")); // no notification server on this bus
        qputenv("PATH", m_stubDir.toLocal8Bit() + ':' + m_originalPath);

        AttentionRepository repo(*m_db);
        DndController none(repo, DesktopDnd::detect());
        QVERIFY(!none.isActive());
        QVERIFY(none.adapterName().contains(QStringLiteral("holds its own sources only")));
        QVERIFY(none.setHeld(true));
        QVERIFY(none.setHeld(false));
        qunsetenv("XDG_CURRENT_DESKTOP");
    }
};

QTEST_GUILESS_MAIN(TestDesktopDnd)
#include "tst_desktopdnd.moc"
