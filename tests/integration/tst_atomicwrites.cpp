// Files Fermata writes are replaced whole: `plan --out` and `export --ics` write a temporary file
// next to the target and rename it over (QSaveFile), so a run killed mid-write leaves the old
// file, never a truncated one. A hard link to the old file tells the two apart without racing a
// kill: written in place, the link would show the new bytes too; replaced, it keeps the old ones.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runFermata(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(FERMATA_EXECUTABLE), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError()) };
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool hardLink(const QString &from, const QString &to)
{
    return ::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

QString planRequestPath()
{
    return qEnvironmentVariable("FERMATA_TEST_DATA") + QStringLiteral("/planning/week-basic.request.json");
}

} // namespace

class TestAtomicWrites : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fermata::test::pinEnvironment();
        QVERIFY2(QFile::exists(planRequestPath()), qPrintable(planRequestPath()));
    }

    void planOutReplacesTheFileWhole()
    {
        fermata::test::TempDataDir dir;
        const QString out = dir.filePath(QStringLiteral("plan.json"));
        const QString link = dir.filePath(QStringLiteral("plan-before.json"));
        QVERIFY(writeFile(out, "the previous plan\n"));
        QVERIFY(hardLink(out, link));

        const Run run = runFermata({ QStringLiteral("plan"), QStringLiteral("--in"), planRequestPath(),
            QStringLiteral("--out"), out });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(fermata::test::fileBytes(out).startsWith('{'));
        QCOMPARE(fermata::test::fileBytes(link), QByteArray("the previous plan\n"));
        // Nothing left beside it: the temporary file became plan.json.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
            (QStringList { QStringLiteral("plan-before.json"), QStringLiteral("plan.json") }));
    }

    void planOutStillWritesToAPipe()
    {
        // /dev/stdout is not a file a temporary could be renamed over: it is written straight.
        const Run run = runFermata({ QStringLiteral("plan"), QStringLiteral("--in"), planRequestPath(),
            QStringLiteral("--out"), QStringLiteral("/dev/stdout") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith('{'));
        const Run dash = runFermata({ QStringLiteral("plan"), QStringLiteral("--in"), planRequestPath() });
        QVERIFY2(dash.exitCode == 0, qPrintable(dash.err));
        QCOMPARE(dash.out, run.out);
    }

    void exportIcsReplacesTheFileWhole()
    {
        fermata::test::TempDataDir dir;
        const QString out = dir.filePath(QStringLiteral("fermata.ics"));
        const QString link = dir.filePath(QStringLiteral("before.ics"));
        QVERIFY(writeFile(out, "the previous export\n"));
        QVERIFY(hardLink(out, link));

        const Run run = runFermata({ QStringLiteral("--data-dir"), dir.path(), QStringLiteral("export"),
            QStringLiteral("--ics"), out });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(fermata::test::fileBytes(out).startsWith("BEGIN:VCALENDAR"));
        QCOMPARE(fermata::test::fileBytes(link), QByteArray("the previous export\n"));
    }
};

QTEST_GUILESS_MAIN(TestAtomicWrites)
#include "tst_atomicwrites.moc"
