#include "dialogs/preferencesdialog.h"
#include "dialogs/preferencespage.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
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

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
