// Ctrl+Z after marking done or archiving in the Inbox puts the items back — archived ones
// return to the list — and leaves the plan alone; redo does it again.
#include "attentiontestfixture.h"
#include "mainwindow.h"
#include "models/inboxmodel.h"
#include "undo/undohistory.h"
#include "views/inboxview.h"

#include <QAction>
#include <QTest>

using namespace fermata;

class TestInboxUndo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void archiveAndDoneAreUndoneOneByOne()
    {
        test::TempDataDir dir;
        // 10:00 on a Monday, between the default 09:00 and 13:00 windows: notifications are held.
        test::AttentionUiServices s(dir, test::utc(2026, 3, 2, 10, 0));
        const qint64 lunch = s.notify(QStringLiteral("Slack"), QStringLiteral("Lunch?"), QStringLiteral("Priya"));
        const qint64 deploy = s.notify(QStringLiteral("Slack"), QStringLiteral("Deploy finished"), QStringLiteral("Priya"));
        const qint64 invoice = s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice March"));
        MainWindow window(s.context);
        window.show();
        InboxView *inbox = window.inboxView();
        const auto stateOf = [&](qint64 id) { return s.attention.repository().find(id).value()->state; };
        QCOMPARE(stateOf(lunch), ItemState::Held);
        const int shown = inbox->model()->itemCount();
        QCOMPARE(shown, 3);

        inbox->archive({lunch, deploy});
        QCOMPARE(stateOf(lunch), ItemState::Archived);
        QTRY_COMPARE(inbox->model()->itemCount(), 1);
        inbox->setDone({invoice});
        QCOMPARE(stateOf(invoice), ItemState::Done);
        QAction *undo = window.undoHistory()->undoAction();
        QCOMPARE(undo->text(), QStringLiteral("&Undo Mark “Invoice March” Done"));

        undo->trigger(); // only the last change
        QCOMPARE(stateOf(invoice), ItemState::Held);
        QCOMPARE(stateOf(lunch), ItemState::Archived);
        QCOMPARE(undo->text(), QStringLiteral("&Undo Archive 2 items"));

        undo->trigger();
        QCOMPARE(stateOf(lunch), ItemState::Held);
        QCOMPARE(stateOf(deploy), ItemState::Held);
        QTRY_COMPARE(inbox->model()->itemCount(), 3); // archived items are back in the list

        window.undoHistory()->redoAction()->trigger();
        QCOMPARE(stateOf(lunch), ItemState::Archived);
        QTRY_COMPARE(inbox->model()->itemCount(), 1);
    }
};

QTEST_MAIN(TestInboxUndo)
#include "tst_inboxundo.moc"
