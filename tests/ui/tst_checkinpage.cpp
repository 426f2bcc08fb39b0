#include "attentiontestfixture.h"
#include "dialogs/breakthroughbox.h"
#include "dialogs/checkinpage.h"
#include "dialogs/checkinwindowrow.h"
#include "dialogs/httpintakebox.h"
#include "dialogs/preferencesdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

// Preferences → Check-in against the real engine: windows, history, break-through rules and
// the HTTP endpoint are read from AttentionService and written back only by apply().
class TestCheckInPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void showsTheDefaultWindows()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        CheckInPage page(s.attention, s.preferences, nullptr);
        QCOMPARE(page.title(), QStringLiteral("&Check-in"));
        QCOMPARE(page.windowCount(), 3);
        CheckInWindowRow *first = page.windowRow(0);
        QCOMPARE(first->startEdit()->time(), QTime(9, 0));
        QCOMPARE(first->lengthBox()->value(), 20);
        for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
            QVERIFY(first->dayButton(Qt::DayOfWeek(day))->isChecked());
        QCOMPARE(page.historyBox()->value(), 30);
        QVERIFY(page.validationError().isEmpty());
        QCOMPARE(page.http()->dndLabel()->text(), QStringLiteral("None found — Fermata holds its own sources only"));
    }

    void editsWindowsAndWritesThemOnApply()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        CheckInPage page(s.attention, s.preferences, nullptr);
        QSignalSpy changed(&s.attention, &AttentionService::windowsChanged);
        page.windowRow(2)->removeButton()->click();
        QCoreApplication::processEvents();
        QCOMPARE(page.windowCount(), 2);
        page.windowRow(1)->startEdit()->setTime(QTime(14, 0));
        page.windowRow(1)->lengthBox()->setValue(30);
        page.windowRow(1)->dayButton(Qt::Saturday)->setChecked(false);
        page.windowRow(1)->dayButton(Qt::Sunday)->setChecked(false);
        QCOMPARE(changed.size(), 0); // nothing written before apply
        QVERIFY(page.apply());
        QCOMPARE(changed.size(), 1);
        const QList<CheckInWindow> windows = s.attention.personalWindows();
        QCOMPARE(windows.size(), 2);
        QCOMPARE(windows[1].rule.start(), QTime(14, 0));
        QCOMPARE(windows[1].rule.end(), QTime(14, 30));
        QCOMPARE(windows[1].rule.dayMask(), WeeklyRule::Weekdays);
        QCOMPARE(windows[1].label, QStringLiteral("Midday check-in")); // kept
        QCOMPARE(s.attention.nextWindowStart(), utc(2026, 3, 2, 14, 0));

        QVERIFY(page.apply()); // unchanged: not written again
        QCOMPARE(changed.size(), 1);
    }

    void explainsWhatToFix_data()
    {
        QTest::addColumn<bool>("noDays");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no days") << true << 20
                                 << QStringLiteral("Check-in window 1 has no days: pick at least one day, or remove it.");
        QTest::newRow("zero length") << false << 0
                                     << QStringLiteral("Check-in window 1 is 0 minutes long: give it at least 1 minute.");
    }
    void explainsWhatToFix()
    {
        QFETCH(bool, noDays);
        QFETCH(int, length);
        QFETCH(QString, problem);
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        const QList<CheckInWindow> before = s.attention.personalWindows();
        PreferencesDialog dialog(s.preferences);
        auto *page = new CheckInPage(s.attention, s.preferences, nullptr);
        dialog.addPage(page);
        if (noDays) {
            for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
                page->windowRow(0)->dayButton(Qt::DayOfWeek(day))->setChecked(false);
        }
        page->windowRow(0)->lengthBox()->setValue(length);
        QCOMPARE(page->validationError(), problem);
        QCOMPARE(dialog.errorLabel()->text(), problem);
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!page->apply()); // bad input never half-writes
        QCOMPARE(s.attention.personalWindows(), before);
    }

    void addsAWindowThatIsValidAtOnce()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        CheckInPage page(s.attention, s.preferences, nullptr);
        page.addWindowButton()->click();
        QCOMPARE(page.windowCount(), 4);
        QVERIFY(page.validationError().isEmpty());
        QCOMPARE(page.windowRow(3)->startEdit()->time(), QTime(17, 50)); // an hour after the last
        QVERIFY(page.apply());
        QCOMPARE(s.attention.personalWindows().size(), 4);
    }

    void writesHistoryAndBreakThroughRules()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        CheckInPage page(s.attention, s.preferences, nullptr);
        BreakThroughBox *rules = page.breakThrough();
        page.historyBox()->setValue(14);
        rules->vipEdit()->setText(QStringLiteral("boss@example.com,  Alice ,"));
        rules->keywordEdit()->setText(QStringLiteral("outage, urgent"));
        rules->criticalEdit()->setText(QStringLiteral("pagerduty"));
        rules->capBox()->setValue(2);
        rules->strictBox()->setChecked(true);
        rules->addSourceButton()->click();
        QVERIFY(page.validationError().startsWith(QStringLiteral("A source rule has no source name")));
        rules->sourceNameEdit(0)->setText(QStringLiteral("Chat"));
        rules->sourcePolicyBox(0)->setCurrentIndex(2); // mute
        QVERIFY(page.validationError().isEmpty());
        QVERIFY(page.apply());

        QCOMPARE(s.attention.historyDays(), 14);
        const BatchingConfig stored = s.attention.rules();
        QCOMPARE(stored.vipSenders, (QSet<QString>{QStringLiteral("boss@example.com"), QStringLiteral("Alice")}));
        QCOMPARE(stored.keywords, (QStringList{QStringLiteral("outage"), QStringLiteral("urgent")}));
        QCOMPARE(stored.criticalSources, QSet<QString>{QStringLiteral("pagerduty")});
        QCOMPARE(stored.breakThroughsPerHour, 2);
        QVERIFY(stored.strictMode);
        QCOMPARE(stored.sourcePolicies.value(QStringLiteral("Chat")), SourcePolicy::Mute);

        // Read back as stored.
        CheckInPage again(s.attention, s.preferences, nullptr);
        QCOMPARE(again.breakThrough()->sourceRuleCount(), 1);
        QCOMPARE(again.breakThrough()->vipEdit()->text(), QStringLiteral("Alice, boss@example.com"));
        QCOMPARE(again.historyBox()->value(), 14);
    }

    void httpTokenIsShownOnceEnabledAndTheEndpointIsTold()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        QSignalSpy told(&s.attention, &AttentionService::httpSettingsChanged);
        {
            CheckInPage page(s.attention, s.preferences, nullptr);
            HttpIntakeBox *http = page.http();
            QVERIFY(!http->enableBox()->isChecked());
            QVERIFY(!http->portBox()->isEnabled());
            http->enableBox()->setChecked(true);
            http->portBox()->setValue(48000);
            QVERIFY(http->tokenEdit()->text().isEmpty()); // made on apply, not before
            QVERIFY(page.apply());
        }
        QCOMPARE(told.size(), 1);
        QVERIFY(s.attention.isHttpEnabled());
        QCOMPARE(s.attention.httpPort(), quint16(48000));
        const QByteArray token = s.attention.httpToken();
        QVERIFY(token.size() >= 40);

        CheckInPage page(s.attention, s.preferences, nullptr);
        HttpIntakeBox *http = page.http();
        QCOMPARE(http->tokenEdit()->text(), QString::fromLatin1(token));
        QVERIFY(http->tokenEdit()->isReadOnly());
        http->copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(token));
        http->enableBox()->setChecked(false);
        QVERIFY(page.apply());
        QCOMPARE(told.size(), 2);
        QVERIFY(!s.attention.isHttpEnabled());
        QCOMPARE(s.attention.httpToken(), token); // kept for the next enable
    }
};

QTEST_MAIN(TestCheckInPage)
#include "tst_checkinpage.moc"
