// Issue 18, translations: every string lupdate finds in core/, ui/ and app/ has a German
// translation, and with the German translators installed the real window speaks German and
// writes dates the German way.
#include "mainwindow.h"
#include "models/whentext.h"
#include "translations.h"
#include "uitestfixture.h"
#include "widgets/navigationlist.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace fermata;
using test::UiServices;

namespace {

// The source texts in a .ts file whose translation is unfinished or empty.
QStringList untranslated(const QString &tsPath, QString *error)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(tsPath);
        return {};
    }
    QStringList out;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool inTranslation = false;
    bool unfinished = false;
    bool hasText = false;
    bool emptyForm = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                inTranslation = true;
                unfinished = xml.attributes().value(QStringLiteral("type")) == u"unfinished";
                hasText = false;
                emptyForm = false;
            } else if (inTranslation && xml.name() == u"numerusform") {
                // Plural messages hold one form per German plural form; each must be filled.
                const bool formEmpty = xml.readElementText().isEmpty();
                emptyForm = emptyForm || formEmpty;
                hasText = hasText || !formEmpty;
            }
        } else if (inTranslation && xml.isCharacters() && !xml.isWhitespace()) {
            hasText = true;
        } else if (xml.isEndElement() && xml.name() == u"translation") {
            inTranslation = false;
            if (unfinished || !hasText || emptyForm)
                out.append(context + QStringLiteral(": ") + source);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2").arg(tsPath, xml.errorString());
    return out;
}

void removeInstalledTranslators()
{
    const auto translators = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void cleanup();
    void everyStringHasAGermanTranslation_data();
    void everyStringHasAGermanTranslation();
    void otherLanguagesKeepEnglish();
    void germanLocaleTranslatesTheWindow();
    void germanLocaleFormatsDatesAndTimes();
};

void TestTranslations::cleanup()
{
    removeInstalledTranslators();
    QLocale::setDefault(QLocale::c());
}

void TestTranslations::everyStringHasAGermanTranslation_data()
{
    QTest::addColumn<QString>("layer");
    QTest::newRow("core") << QStringLiteral("core");
    QTest::newRow("ui") << QStringLiteral("ui");
    QTest::newRow("app") << QStringLiteral("app");
}

// Runs the README's lupdate command against a copy of the layer's .ts file: a tr() added
// without a German translation shows up as unfinished in the copy.
void TestTranslations::everyStringHasAGermanTranslation()
{
    QFETCH(QString, layer);
    const QString source = QStringLiteral(FERMATA_SOURCE_DIR);
    const QString name = QStringLiteral("fermata_%1_de.ts").arg(layer);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(name);
    QVERIFY2(QFile::copy(source + QStringLiteral("/translations/") + name, copy),
             qPrintable(QStringLiteral("translations/%1 is missing").arg(name)));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setWorkingDirectory(source);
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(FERMATA_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                   QStringLiteral("-extensions"), QStringLiteral("cpp,h"), layer, QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAll().constData());

    QString error;
    const QStringList missing = untranslated(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (!missing.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 string(s) in %2/ have no German translation in translations/%3 "
                                        "(run the lupdate command from the README, then translate them):\n  %4")
                             .arg(missing.size())
                             .arg(layer, name, missing.join(QStringLiteral("\n  ")))));
}

void TestTranslations::otherLanguagesKeepEnglish()
{
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::French, QLocale::France)), 0);
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)), 0);
    QCOMPARE(installTranslations(*qApp, QLocale::c()), 0);
    QCOMPARE(QCoreApplication::translate("fermata::MainWindow", "Inbox"), QStringLiteral("Inbox"));
}

void TestTranslations::germanLocaleTranslatesTheWindow()
{
    // As `LANG=de_DE.UTF-8 fermata` starts: the system locale is German, the loader follows it.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    // core, ui and app are embedded; Qt's qtbase_de.qm counts when the system has it.
    QVERIFY(installTranslations(*qApp) >= 3);

    test::TempDataDir dataDir;
    QVERIFY(dataDir.isValid());
    UiServices services(dataDir, test::utc(2024, 5, 13, 10)); // a Monday
    services.preferences.setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
    MainWindow window(services.context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *navigation = window.findChild<NavigationList *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QStringList entries;
    for (int i = 0; i < navigation->count(); ++i)
        entries.append(navigation->item(i)->text());
    QCOMPARE(entries.mid(0, 4), (QStringList{QStringLiteral("Heute"), QStringLiteral("Woche"),
                                             QStringLiteral("Aufgaben"), QStringLiteral("Posteingang")}));
    auto *date = window.findChild<QLabel *>(QStringLiteral("shownDate"));
    QVERIFY(date);
    QCOMPARE(date->text(), QStringLiteral("Montag, 13. Mai 2024"));
}

void TestTranslations::germanLocaleFormatsDatesAndTimes()
{
    const QLocale german(QLocale::German, QLocale::Germany);
    QLocale::setDefault(german);
    QVERIFY(installTranslations(*qApp) >= 3);
    const QDate monday(2024, 5, 13);
    QCOMPARE(WhenText::day(monday, WhenText::DayStyle::WeekdayDayMonth), QStringLiteral("Mo., 13. Mai"));
    QCOMPARE(WhenText::day(monday, WhenText::DayStyle::DayMonth), QStringLiteral("13. Mai"));
    QCOMPARE(WhenText::time(QTime(14, 5)), QStringLiteral("14:05"));
    const QDateTime now(monday, QTime(10, 0), Qt::UTC);
    QCOMPARE(WhenText::format(now.addDays(1), QTimeZone::utc(), now), QStringLiteral("morgen 10:00"));
    // An English locale gets its own order from the same code, with the English words.
    const QLocale american(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(WhenText::day(monday, WhenText::DayStyle::WeekdayDayMonth, american), QStringLiteral("Mon, May 13"));
    QCOMPARE(WhenText::time(QTime(14, 5), american), QStringLiteral("2:05 PM"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
