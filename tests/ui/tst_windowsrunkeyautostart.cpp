// Start at login on Windows (built and run there only): the command line stored under the Run
// key. The registry itself is not written here, so running the suite never changes whether the
// developer's own Fermata starts at login.
#include "windowsrunkeyautostart.h"

#include <QTest>

using namespace fermata;

class TestWindowsRunKeyAutostart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandLineQuotesEveryPath_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("dataDir");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default profile") << QStringLiteral("C:/Program Files/Fermata/bin/fermata.exe") << QString()
            << QStringLiteral(R"("C:\Program Files\Fermata\bin\fermata.exe" --tray)");
        QTest::newRow("own profile") << QStringLiteral("C:/Fermata/fermata.exe") << QStringLiteral("D:/Work Data")
            << QStringLiteral(R"("C:\Fermata\fermata.exe" --data-dir "D:\Work Data" --tray)");
        // A trailing backslash would escape the closing quote unless doubled.
        QTest::newRow("trailing backslash") << QStringLiteral("C:/Fermata/fermata.exe") << QStringLiteral("D:/")
            << QStringLiteral(R"("C:\Fermata\fermata.exe" --data-dir "D:\\" --tray)");
    }

    void commandLineQuotesEveryPath()
    {
        QFETCH(QString, program);
        QFETCH(QString, dataDir);
        QFETCH(QString, expected);
        QCOMPARE(WindowsRunKeyAutostart(program, dataDir).commandLine(), expected);
    }

    void locationNamesTheRunKeyValue()
    {
        QCOMPARE(WindowsRunKeyAutostart(QStringLiteral("C:/f.exe"), {}).location(),
                 QStringLiteral(R"(HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Fermata)"));
    }
};

QTEST_GUILESS_MAIN(TestWindowsRunKeyAutostart)
#include "tst_windowsrunkeyautostart.moc"
