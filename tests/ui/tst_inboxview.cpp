#include "attentiontestfixture.h"
#include "models/inboxmodel.h"
#include "views/inboxfoldedpanel.h"
#include "views/inboxview.h"
#include "widgets/emptystate.h"
#include "widgets/navigationlist.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

namespace {

// Answers the next "Peek early?" question by clicking the named button, and remembers what
// the question said.
void answerPeekQuestion(const QString &buttonName, QString *informative)
{
    QTimer::singleShot(0, qApp, [buttonName, informative] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != u"peekConfirmation") {
            answerPeekQuestion(buttonName, informative); // not shown yet: try again
            return;
        }
        if (informative)
            *informative = box->informativeText();
        box->findChild<QPushButton *>(buttonName)->click();
    });
}

QWidget *currentPage(const InboxView &view)
{
    return view.findChild<QStackedWidget *>()->currentWidget();
}

} // namespace

// The Inbox view over the real engine and a fake clock: folded outside windows, unfolding by
// itself when a window opens, a deliberate and counted "Peek early", done and archive.
class TestInboxView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void emptyStateTeachesWhereNotificationsComeFrom()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        InboxView view(s.context);
        QCOMPARE(currentPage(view), view.emptyState());
        QVERIFY(view.emptyState()->text().contains(QStringLiteral("fermata notify")));
        QVERIFY(view.emptyState()->text().contains(QStringLiteral("HTTP")));
        QCOMPARE(view.emptyState()->title(), QStringLiteral("Nothing held for you · next check-in 13:00"));
    }

    void withoutTheEngineShowsOnlyTheEmptyState()
    {
        test::TempDataDir dir;
        test::UiServices s(dir, utc(2026, 3, 2, 10, 0));
        InboxView view(s.context);
        QCOMPARE(currentPage(view), view.emptyState());
        QVERIFY(!view.model());
    }

    void foldedOutsideWindowsUnfoldsWhenOneOpens()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"));
        s.notify(QStringLiteral("Chat"), QStringLiteral("Ping"), QStringLiteral("Bob"));
        InboxView view(s.context);
        QSignalSpy held(&view, &InboxView::heldCountChanged);
        QVERIFY(view.isFolded());
        QCOMPARE(currentPage(view), view.foldedPanel());
        QCOMPARE(view.foldedPanel()->summaryText(), QStringLiteral("3 held from 2 sources · next check-in 13:00"));
        QCOMPARE(view.heldCount(), 3);
        // Folded means counts only: no titles anywhere in the panel.
        for (const QLabel *label : view.foldedPanel()->findChildren<QLabel *>())
            QVERIFY(!label->text().contains(QStringLiteral("Invoice")));

        s.moveTo(utc(2026, 3, 2, 13, 0)); // the FakeClock reaches the midday window
        QTRY_COMPARE(currentPage(view)->objectName(), QStringLiteral("inboxList"));
        QVERIFY(!view.isFolded());
        QCOMPARE(view.model()->rowCount(), 2);
        QTRY_COMPARE(view.heldCount(), 0); // released with the digest
        QVERIFY(!held.isEmpty());

        s.moveTo(utc(2026, 3, 2, 13, 25)); // the window closed: folded again
        QTRY_VERIFY(view.isFolded());
        QCOMPARE(currentPage(view), view.emptyState()); // nothing held now
    }

    void peekEarlyAsksFirstAndIsCounted()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"));
        InboxView view(s.context);
        view.show();
        const Interval week(utc(2026, 3, 2, 0).toMSecsSinceEpoch(), utc(2026, 3, 9, 0).toMSecsSinceEpoch());

        QString said;
        answerPeekQuestion(QStringLiteral("peekCancelButton"), &said);
        view.foldedPanel()->peekButton()->click();
        QVERIFY(said.contains(QStringLiteral("not peeked early this week")));
        QVERIFY(view.isFolded()); // declined: still folded, nothing counted
        QCOMPARE(s.attention.peekCount(week).value(), 0);

        answerPeekQuestion(QStringLiteral("peekConfirmButton"), &said);
        view.foldedPanel()->peekButton()->click();
        QCOMPARE(s.attention.peekCount(week).value(), 1);
        QVERIFY(!view.isFolded());
        QTRY_COMPARE(currentPage(view)->objectName(), QStringLiteral("inboxList"));
        QCOMPARE(view.model()->itemCount(), 1);
        // Still held: peeking shows, it does not release.
        QCOMPARE(view.heldCount(), 1);

        // Unfolded until the window: it opens and closes, and then the Inbox folds again.
        s.moveTo(utc(2026, 3, 2, 13, 5));
        QVERIFY(!view.isFolded());
        s.notify(QStringLiteral("Mail"), QStringLiteral("Later"), QStringLiteral("Ann"));
        s.moveTo(utc(2026, 3, 2, 13, 30));
        s.notify(QStringLiteral("Mail"), QStringLiteral("After"), QStringLiteral("Ann"));
        QTRY_VERIFY(view.isFolded());
        QTRY_COMPARE(currentPage(view), view.foldedPanel());

        answerPeekQuestion(QStringLiteral("peekCancelButton"), &said);
        view.foldedPanel()->peekButton()->click();
        QVERIFY(said.contains(QStringLiteral("peeked early once this week")));
    }

    void markDoneAndArchiveFromTheKeyboard()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Report"), QStringLiteral("Ann"));
        s.moveTo(utc(2026, 3, 2, 13, 1));
        InboxView view(s.context);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(currentPage(view)->objectName(), QStringLiteral("inboxList"));
        QVERIFY(view.doneAction()->toolTip().endsWith(QStringLiteral("(D)")));
        QVERIFY(view.archiveAction()->toolTip().endsWith(QStringLiteral("(Del)")));
        QVERIFY(!view.doneAction()->isEnabled()); // nothing selected yet

        QTreeView *tree = view.tree();
        const QModelIndex group = view.model()->index(0, 0);
        const int invoiceRow = view.model()->index(0, 0, group).data().toString().startsWith(u"Invoice") ? 0 : 1;
        tree->setFocus();
        tree->setCurrentIndex(view.model()->index(invoiceRow, 0, group));
        QVERIFY(view.doneAction()->isEnabled());
        QSignalSpy resets(view.model(), &QAbstractItemModel::modelReset);
        QTest::keyClick(tree, Qt::Key_D);
        QCOMPARE(s.attention.recentItems(10)->at(1).state, ItemState::Done);
        QCOMPARE(s.attention.recentItems(10)->at(2).state, ItemState::Done); // both duplicates
        // The row changed in place to Done, and the next item is selected for triage.
        QCOMPARE(view.model()->index(invoiceRow, InboxModel::State, group).data().toString(), QStringLiteral("Done"));
        QVERIFY(view.doneAction()->isEnabled());
        QCOMPARE(tree->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(tree->selectionModel()->selectedRows().at(0).data(InboxModel::SubjectRole).toString(),
                 QStringLiteral("Report"));
        QCOMPARE(resets.size(), 0);

        const QModelIndex regrouped = view.model()->index(0, 0);
        const int reportRow = view.model()->index(0, 0, regrouped).data().toString() == u"Report" ? 0 : 1;
        tree->setCurrentIndex(view.model()->index(reportRow, 0, regrouped));
        QTest::keyClick(tree, Qt::Key_Delete);
        QTRY_COMPARE(view.model()->itemCount(), 2); // the archived one left the Inbox
    }

    void navigationShowsTheHeldCount()
    {
        NavigationList list;
        list.addEntry(QIcon(), QStringLiteral("Today"), QKeySequence(Qt::CTRL | Qt::Key_1));
        list.addEntry(QIcon(), QStringLiteral("Inbox"), QKeySequence(Qt::CTRL | Qt::Key_4));
        const int plainWidth = list.sizeHint().width();
        list.setBadge(1, 12, QStringLiteral("12 held"));
        QCOMPARE(list.badge(1), 12);
        QCOMPARE(list.item(1)->toolTip(), QStringLiteral("Inbox (Ctrl+4) · 12 held"));
        list.setBadge(1, 0);
        QCOMPARE(list.item(1)->toolTip(), QStringLiteral("Inbox (Ctrl+4)"));
        QCOMPARE(list.sizeHint().width(), plainWidth); // room for a badge is always kept
    }
};

QTEST_MAIN(TestInboxView)
#include "tst_inboxview.moc"
