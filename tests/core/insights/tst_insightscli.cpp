#include "seed.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
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
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

// `fermata insights` as a person runs it, on the seeded month (Europe/Berlin, the system zone
// the profile falls back to).
class TestInsightsCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fermata::test::pinEnvironment("Europe/Berlin");
        QVERIFY(m_dir.isValid());
        auto db = fermata::Database::open(m_dir.databasePath());
        QVERIFY(db);
        QVERIFY(fermata::test::seedMonth(**db));
    }

    void json()
    {
        const Run run = runFermata({ QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("insights"),
            QStringLiteral("--from"), QStringLiteral("2026-03-02"), QStringLiteral("--to"),
            QStringLiteral("2026-03-29"), QStringLiteral("--json") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("from")).toString(), QStringLiteral("2026-03-02"));
        const QJsonArray days = root.value(QStringLiteral("days")).toArray();
        QCOMPARE(days.size(), 28);
        const QJsonObject monday = days.at(0).toObject();
        QCOMPARE(monday.value(QStringLiteral("deep_work_minutes")).toInt(), 180);
        QCOMPARE(monday.value(QStringLiteral("longest_unbroken_minutes")).toInt(), 120);
        QCOMPARE(monday.value(QStringLiteral("meeting_minutes")).toInt(), 90);
        QCOMPARE(monday.value(QStringLiteral("blocks_planned")).toInt(), 2);
        QCOMPARE(monday.value(QStringLiteral("blocks_dropped")).toInt(), 1);
        QCOMPARE(days.at(27).toObject().value(QStringLiteral("deep_work_minutes")).toInt(), 180); // DST night
        QCOMPARE(root.value(QStringLiteral("weeks"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("meeting_minutes"))
                     .toInt(),
            390);
        const QJsonObject chat = root.value(QStringLiteral("sources")).toArray().at(0).toObject();
        QCOMPARE(chat.value(QStringLiteral("source")).toString(), QStringLiteral("chat"));
        QCOMPARE(
            chat.value(QStringLiteral("let_through_by_rule")).toObject().value(QStringLiteral("vip")).toInt(),
            1);
        QCOMPARE(root.value(QStringLiteral("peeks_early")).toInt(), 2);
        QCOMPARE(root.value(QStringLiteral("urgent_sent")).toInt(), 1);
        QCOMPARE(
            root.value(QStringLiteral("sessions")).toObject().value(QStringLiteral("stopped_early")).toInt(),
            1);
        QCOMPARE(root.value(QStringLiteral("accuracy"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("actual_minutes"))
                     .toInt(),
            480);
        QCOMPARE(root.value(QStringLiteral("takeaways")).toArray().size(), 6);
    }

    void text()
    {
        const Run run = runFermata({ QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("insights"),
            QStringLiteral("--from"), QStringLiteral("2026-03-02"), QStringLiteral("--to"),
            QStringLiteral("2026-03-08") });
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'));
        const auto monday = std::find_if(lines.begin(), lines.end(),
            [](const QString &l) { return l.startsWith(QStringLiteral("Mon 2026-03-02")); });
        QVERIFY2(monday != lines.end(), qPrintable(run.out));
        QCOMPARE(monday->simplified(), QStringLiteral("Mon 2026-03-02 3:00 2:00 1:30 2 1 0 1"));
        QVERIFY2(run.out.contains(QStringLiteral("• Fermata held 3 notifications and let 5 through")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("• 'writing' tasks took")), qPrintable(run.out));
    }

    void defaultRangeIsThisWeek()
    {
        const Run run = runFermata({ QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("insights"),
            QStringLiteral("--json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QDate today = QDate::currentDate();
        QCOMPARE(root.value(QStringLiteral("from")).toString(),
            today.addDays(1 - today.dayOfWeek()).toString(Qt::ISODate));
        QCOMPARE(root.value(QStringLiteral("to")).toString(), today.toString(Qt::ISODate));
    }

    void badDates_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("unreadable from")
            << QStringList { QStringLiteral("--from"), QStringLiteral("March 2") }
            << QStringLiteral("fermata insights: Cannot read --from 'March 2'. Write a day like 2026-03-02.");
        QTest::newRow("no such day") << QStringList {
            QStringLiteral("--to"), QStringLiteral("2026-02-30")
        } << QStringLiteral("fermata insights: Cannot read --to '2026-02-30'. Write a day like 2026-03-02.");
        QTest::newRow("backwards") << QStringList {
            QStringLiteral("--from"), QStringLiteral("2026-03-09"), QStringLiteral("--to"),
            QStringLiteral("2026-03-02")
        } << QStringLiteral("fermata insights: --to (2026-03-02) is before --from (2026-03-09).");
    }

    void badDates()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const Run run = runFermata(
            QStringList { QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("insights") }
            + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.trimmed(), error);
    }

private:
    fermata::test::TempDataDir m_dir;
};

QTEST_GUILESS_MAIN(TestInsightsCli)
#include "tst_insightscli.moc"
