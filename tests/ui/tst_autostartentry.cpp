// "Start Fermata when I log in": the XDG autostart entry under a temporary XDG_CONFIG_HOME.
#include "xdgautostartentry.h"
#include "testsupport.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fermata;

class TestAutostartEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void enablingWritesTheEntryAndDisablingRemovesIt();
    void execLineQuotesForADesktopEntry_data();
    void execLineQuotesForADesktopEntry();
    void aRewriteReplacesTheFileWhole();
    void aFolderThatCannotBeMadeIsReported();

private:
    QTemporaryDir m_config;
};

void TestAutostartEntry::initTestCase()
{
    test::pinEnvironment();
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
}

void TestAutostartEntry::enablingWritesTheEntryAndDisablingRemovesIt()
{
    QCOMPARE(XdgAutostartEntry::defaultDirectory(), m_config.path() + QStringLiteral("/autostart"));
    const XdgAutostartEntry entry(QStringLiteral("/opt/fermata/bin/fermata"));
    QCOMPARE(entry.filePath(), m_config.path() + QStringLiteral("/autostart/fermata.desktop"));
    QVERIFY(!entry.isEnabled());

    QVERIFY(entry.setEnabled(true)); // creates the autostart folder too
    QVERIFY(entry.isEnabled());
    const QByteArray text = test::fileBytes(entry.filePath());
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    for (const char *line :
        { "Type=Application\n", "Name=Fermata\n", "Exec=/opt/fermata/bin/fermata --tray\n",
            "TryExec=/opt/fermata/bin/fermata\n", "X-GNOME-Autostart-enabled=true\n" })
        QVERIFY2(text.contains(line), line);
    // The default profile needs no --data-dir.
    QVERIFY(!text.contains("--data-dir"));
    // Whatever reads desktop entries as key files sees the same Exec.
    QSettings read(entry.filePath(), QSettings::IniFormat);
    QCOMPARE(read.value(QStringLiteral("Desktop Entry/Exec")).toString(),
        QStringLiteral("/opt/fermata/bin/fermata --tray"));

    QVERIFY(entry.setEnabled(false));
    QVERIFY(!QFile::exists(entry.filePath()));
    QVERIFY(!entry.isEnabled());
    QVERIFY(entry.setEnabled(false)); // already gone is fine
}

void TestAutostartEntry::execLineQuotesForADesktopEntry_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("dataDir");
    QTest::addColumn<QString>("exec");
    QTest::newRow("plain profile") << QStringLiteral("/usr/bin/fermata") << QStringLiteral("/home/ada/work")
                                   << QStringLiteral("/usr/bin/fermata --data-dir /home/ada/work --tray");
    QTest::newRow("spaces") << QStringLiteral("/opt/Fermata Apps/fermata")
                            << QStringLiteral("/home/ada/My Work")
                            << QStringLiteral(
                                   "\"/opt/Fermata Apps/fermata\" --data-dir \"/home/ada/My Work\" --tray");
    // Inside quotes " ` $ \ take a backslash, % is doubled, and then every backslash of the value
    // is escaped once more: a literal backslash ends up as four (the specification's own example).
    QTest::newRow("reserved characters")
        << QStringLiteral("/usr/bin/fermata") << QStringLiteral("/tmp/a$b%c\"d\\e")
        << QStringLiteral("/usr/bin/fermata --data-dir \"/tmp/a\\\\$b%%c\\\\\"d\\\\\\\\e\" --tray");
    QTest::newRow("percent alone") << QStringLiteral("/usr/bin/fermata") << QStringLiteral("/srv/100%")
                                   << QStringLiteral("/usr/bin/fermata --data-dir /srv/100%% --tray");
}

void TestAutostartEntry::execLineQuotesForADesktopEntry()
{
    QFETCH(QString, program);
    QFETCH(QString, dataDir);
    QFETCH(QString, exec);
    const XdgAutostartEntry entry(program, dataDir);
    QCOMPARE(entry.execLine(), exec);
    const QByteArray line = "\nExec=" + exec.toUtf8() + '\n';
    QVERIFY(entry.contents().contains(line));
}

void TestAutostartEntry::aRewriteReplacesTheFileWhole()
{
    // A hard link keeps the old inode in view: written in place it would change too; QSaveFile
    // writes a new file and renames it over, so the link still holds the old text.
    const XdgAutostartEntry entry(QStringLiteral("/usr/bin/fermata"), QStringLiteral("/home/ada/work"));
    QVERIFY(XdgAutostartEntry(QStringLiteral("/usr/bin/fermata")).setEnabled(true));
    const QByteArray before = test::fileBytes(entry.filePath());
    const QString link = m_config.filePath(QStringLiteral("old-entry.desktop"));
    QCOMPARE(::link(QFile::encodeName(entry.filePath()).constData(), QFile::encodeName(link).constData()), 0);

    QVERIFY(entry.setEnabled(true));
    QVERIFY(test::fileBytes(entry.filePath()).contains("--data-dir /home/ada/work --tray"));
    QCOMPARE(test::fileBytes(link), before);
    QVERIFY(entry.setEnabled(false));
}

void TestAutostartEntry::aFolderThatCannotBeMadeIsReported()
{
    // A file where the folder should be (permissions do not stop root; this does).
    const QString blocker = m_config.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const XdgAutostartEntry entry(
        QStringLiteral("/usr/bin/fermata"), {}, blocker + QStringLiteral("/autostart"));
    const Status written = entry.setEnabled(true);
    QVERIFY(!written);
    QVERIFY(written.error().message.contains(QStringLiteral("fermata.desktop")));
    QVERIFY(!entry.isEnabled());
}

QTEST_GUILESS_MAIN(TestAutostartEntry)
#include "tst_autostartentry.moc"
