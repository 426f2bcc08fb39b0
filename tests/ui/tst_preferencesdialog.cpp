#include "xdgautostartentry.h"
#include "dialogs/preferencesdialog.h"
#include "dialogs/preferencespage.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTabWidget>
#include <QTimeEdit>

using namespace fermata;

namespace {

// A page whose validation and saving the test controls.
class ScriptedPage final : public PreferencesPage
{
public:
    QString title() const override { return QStringLiteral("Scripted"); }
    QString validationError() const override { return problem; }
    Status apply() override
    {
        ++applied;
        return failOnApply ? Status::failure(Error::Code::Io, QStringLiteral("The disk is full."))
                           : Status();
    }
    void edit(const QString &newProblem)
    {
        problem = newProblem;
        Q_EMIT edited();
    }

    QString problem;
    bool failOnApply = false;
    int applied = 0;
};

// FERMATA_SCREENSHOT_DIR=DIR keeps a picture of what a test shows, for a person to look at.
void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FERMATA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget.grab().save(QDir(dir).filePath(name));
}

} // namespace

class TestPreferencesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void showsTheStoredHours();
    void acceptingSavesAnEditedDay();
    void endBeforeStartBlocksOk();
    void unknownZoneBlocksOk();
    void zoneAliasesAreAccepted();
    void aPageProblemBlocksOk();
    void aFailedPageKeepsTheDialogOpenOnIt();
    void startAtLoginIsOfferedOnlyWithAnEntry();
    void startAtLoginWritesAndRemovesTheEntry();
    void startAtLoginFailureKeepsTheDialogOpen();

private:
    QPushButton *okButton() const { return m_dialog->buttons()->button(QDialogButtonBox::Ok); }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<PreferencesDialog> m_dialog;
};

void TestPreferencesDialog::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    m_preferences = std::make_unique<Preferences>(QSettings::IniFormat,
                                                  m_dir->filePath(QStringLiteral("prefs.ini")));
    m_preferences->setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("Europe/Berlin")));
    m_dialog = std::make_unique<PreferencesDialog>(*m_preferences);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestPreferencesDialog::cleanup()
{
    m_dialog.reset();
    m_preferences.reset();
    m_dir.reset();
}

void TestPreferencesDialog::showsTheStoredHours()
{
    QVERIFY(m_dialog->workingBox(Qt::Monday)->isChecked());
    QVERIFY(!m_dialog->workingBox(Qt::Saturday)->isChecked());
    QVERIFY(!m_dialog->startEdit(Qt::Saturday)->isEnabled());
    QCOMPARE(m_dialog->startEdit(Qt::Tuesday)->time(), QTime(9, 0));
    QCOMPARE(m_dialog->endEdit(Qt::Tuesday)->time(), QTime(17, 0));
    QCOMPARE(m_dialog->timeZoneBox()->currentText(), QStringLiteral("Europe/Berlin"));
    QVERIFY(m_dialog->errorLabel()->isHidden());
    QVERIFY(okButton()->isEnabled());
}

void TestPreferencesDialog::acceptingSavesAnEditedDay()
{
    QSignalSpy changed(m_preferences.get(), &Preferences::workingHoursChanged);
    QTest::mouseClick(m_dialog->workingBox(Qt::Saturday), Qt::LeftButton);
    QVERIFY(m_dialog->startEdit(Qt::Saturday)->isEnabled());
    m_dialog->startEdit(Qt::Saturday)->setTime(QTime(10, 0));
    m_dialog->endEdit(Qt::Saturday)->setTime(QTime(14, 30));
    m_dialog->timeZoneBox()->setCurrentText(QStringLiteral("America/New_York"));
    QTest::mouseClick(okButton(), Qt::LeftButton);

    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(changed.count() >= 1);
    // Read back through a fresh Preferences on the same file: it was stored.
    Preferences reread(QSettings::IniFormat, m_preferences->fileName());
    const WorkingHours hours = reread.workingHours();
    QCOMPARE(hours.day(Qt::Saturday), (DayHours{true, QTime(10, 0), QTime(14, 30)}));
    QCOMPARE(hours.day(Qt::Monday), (DayHours{true, QTime(9, 0), QTime(17, 0)}));
    QCOMPARE(reread.timeZoneId(), QByteArrayLiteral("America/New_York"));
}

void TestPreferencesDialog::endBeforeStartBlocksOk()
{
    m_dialog->endEdit(Qt::Wednesday)->setTime(QTime(8, 0));
    QVERIFY(!okButton()->isEnabled());
    QVERIFY(!m_dialog->errorLabel()->isHidden());
    QVERIFY(m_dialog->errorLabel()->text().contains(QStringLiteral("Wednesday")));

    m_dialog->accept(); // even when forced, nothing is saved
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_preferences->workingHours().day(Qt::Wednesday).end, QTime(17, 0));

    // Unticking the day removes the problem.
    m_dialog->workingBox(Qt::Wednesday)->setChecked(false);
    QVERIFY(okButton()->isEnabled());
    QVERIFY(m_dialog->errorLabel()->isHidden());
}

void TestPreferencesDialog::unknownZoneBlocksOk()
{
    m_dialog->timeZoneBox()->setCurrentText(QStringLiteral("Mars/Olympus_Mons"));
    QVERIFY(!okButton()->isEnabled());
    QVERIFY(m_dialog->errorLabel()->text().contains(QStringLiteral("Mars/Olympus_Mons")));
}

void TestPreferencesDialog::zoneAliasesAreAccepted()
{
    // Etc/UTC is many servers' system zone; Qt does not list it as available, yet it is valid.
    m_dialog->timeZoneBox()->setCurrentText(QStringLiteral("Etc/UTC"));
    QVERIFY(okButton()->isEnabled());
    m_dialog->accept();
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_preferences->timeZoneId(), QByteArrayLiteral("Etc/UTC"));
}

void TestPreferencesDialog::aPageProblemBlocksOk()
{
    auto *page = new ScriptedPage;
    m_dialog->addPage(page);
    QCOMPARE(m_dialog->tabs()->count(), 2);
    QVERIFY(okButton()->isEnabled());
    page->edit(QStringLiteral("A check-in window needs at least one day."));
    QVERIFY(!okButton()->isEnabled());
    QCOMPARE(m_dialog->errorLabel()->text(), QStringLiteral("A check-in window needs at least one day."));
    m_dialog->accept();
    QCOMPARE(page->applied, 0);
    page->edit({});
    QVERIFY(okButton()->isEnabled());
}

void TestPreferencesDialog::aFailedPageKeepsTheDialogOpenOnIt()
{
    auto *page = new ScriptedPage;
    page->failOnApply = true;
    m_dialog->addPage(page);
    m_dialog->accept();
    QCOMPARE(page->applied, 1);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->tabs()->currentWidget(), page);
    QCOMPARE(m_dialog->errorLabel()->text(), QStringLiteral("The disk is full."));
}

void TestPreferencesDialog::startAtLoginIsOfferedOnlyWithAnEntry()
{
    QVERIFY(m_dialog->autostartBox()->isHidden()); // a window without an app behind it
    const XdgAutostartEntry entry(QStringLiteral("/usr/bin/fermata"), {}, m_dir->filePath(QStringLiteral("autostart")));
    m_dialog->setAutostart(&entry);
    QVERIFY(m_dialog->autostartBox()->isVisible());
    QCOMPARE(m_dialog->autostartBox()->text(), QStringLiteral("&Start Fermata when I log in"));
    QVERIFY(!m_dialog->autostartBox()->isChecked());
}

void TestPreferencesDialog::startAtLoginWritesAndRemovesTheEntry()
{
    const XdgAutostartEntry entry(QStringLiteral("/usr/bin/fermata"), m_dir->path(),
                                  m_dir->filePath(QStringLiteral("autostart")));
    m_dialog->setAutostart(&entry);
    QTest::mouseClick(m_dialog->autostartBox(), Qt::LeftButton);
    saveShot(*m_dialog, QStringLiteral("preferences-general-autostart.png"));
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(QFile::exists(entry.filePath()));
    const QByteArray exec = "Exec=/usr/bin/fermata --data-dir " + m_dir->path().toUtf8() + " --tray\n";
    QVERIFY(test::fileBytes(entry.filePath()).contains(exec));

    // Opened again, the box shows the entry is there; unticking it removes the file.
    m_dialog = std::make_unique<PreferencesDialog>(*m_preferences);
    m_dialog->setAutostart(&entry);
    m_dialog->show();
    QVERIFY(m_dialog->autostartBox()->isChecked());
    QTest::mouseClick(m_dialog->autostartBox(), Qt::LeftButton);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!QFile::exists(entry.filePath()));
}

void TestPreferencesDialog::startAtLoginFailureKeepsTheDialogOpen()
{
    // A file where the autostart folder should be: the entry cannot be written.
    const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const XdgAutostartEntry entry(QStringLiteral("/usr/bin/fermata"), {}, blocker + QStringLiteral("/autostart"));
    m_dialog->setAutostart(&entry);
    m_dialog->autostartBox()->setChecked(true);
    m_dialog->accept();
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->tabs()->currentIndex(), 0);
    QVERIFY(m_dialog->errorLabel()->isVisible());
    QVERIFY(m_dialog->errorLabel()->text().contains(QStringLiteral("could not write")));
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
