// The core's own messages in German: translations/fermata_core_de.ts, compiled here by lrelease
// (so the test reads the file as it is in the tree), loaded into a QTranslator, and real core
// errors and texts asked for while it is installed. Completeness of the file is checked elsewhere
// (the translations test); this checks that the core's strings reach the translator whole.
#include "attention/digest.h"
#include "insights/insightstakeaways.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace fermata;

namespace {

Notification notification(const char *source, const char *title)
{
    Notification n;
    n.source = QString::fromLatin1(source);
    n.title = QString::fromLatin1(title);
    n.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    return n;
}

} // namespace

class TestCoreTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY(m_dir.isValid());
        const QString qm = m_dir.filePath(QStringLiteral("fermata_core_de.qm"));
        QProcess lrelease;
        lrelease.start(QStringLiteral(FERMATA_LRELEASE),
                       {QStringLiteral("-silent"), QStringLiteral(FERMATA_CORE_TS), QStringLiteral("-qm"), qm});
        QVERIFY(lrelease.waitForFinished(60000));
        QCOMPARE(lrelease.exitCode(), 0);
        QVERIFY2(m_german.load(qm), qPrintable(qm));
    }

    void cleanup() { QCoreApplication::removeTranslator(&m_german); }

    // The reason inside the sentence is a message of its own: both come out in German.
    void notADatabaseInGerman()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();

        QVERIFY(QCoreApplication::installTranslator(&m_german));
        const auto opened = Database::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Error::Code::NotADatabase);
        QCOMPARE(opened.error().message,
                 QStringLiteral("%1 ist keine Fermata-Datenbank (sie ist keine SQLite-Datenbank, oder ihr "
                                "Kopf ist beschädigt). Fermata hat sie nicht angetastet: Verschieben Sie sie "
                                "oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.")
                     .arg(path));
    }

    // The digest's line was English words glued together; now each count is worded as a whole.
    void digestSummaryInGerman()
    {
        const Digest digest = buildDigest({notification("mail", "a"), notification("mail", "b"),
                                           notification("chat", "c")},
                                          1);
        QCOMPARE(digest.summary(), QStringLiteral("3 notifications from 2 sources, 1 message"));
        QVERIFY(QCoreApplication::installTranslator(&m_german));
        QCOMPARE(digest.summary(), QStringLiteral("3 Benachrichtigungen aus 2 Quellen, 1 Nachricht"));
    }

    // Words are looked up when asked for, not kept from the first call: the language loaded
    // now is the one used.
    void followsTheTranslationLoadedNow()
    {
        QCOMPARE(Takeaways::ruleWords(QStringLiteral("vip")), QStringLiteral("from VIPs"));
        QVERIFY(QCoreApplication::installTranslator(&m_german));
        QCOMPARE(Takeaways::ruleWords(QStringLiteral("vip")), QStringLiteral("von VIPs"));
        QVERIFY(QCoreApplication::removeTranslator(&m_german));
        QCOMPARE(Takeaways::ruleWords(QStringLiteral("vip")), QStringLiteral("from VIPs"));
    }

private:
    QTemporaryDir m_dir;
    QTranslator m_german;
};

QTEST_GUILESS_MAIN(TestCoreTranslations)
#include "tst_coretranslations.moc"
