#include "attentiontestfixture.h"
#include "dialogs/preferencesdialog.h"
#include "focuscontroller.h"
#include "mainwindow.h"
#include "views/inboxview.h"
#include "widgets/navigationlist.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

// The main window with the attention engine wired in: the Inbox's held count in the
// navigation, the Focus menu, and the Check-in tab in Preferences.
class TestAttentionWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void wiresInboxFocusAndPreferences()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"));
        s.notify(QStringLiteral("Chat"), QStringLiteral("Ping"));
        MainWindow window(s.context);
        auto *navigation = window.findChild<NavigationList *>();
        QCOMPARE(navigation->badge(int(MainWindow::View::Inbox)), 2);
        s.notify(QStringLiteral("Chat"), QStringLiteral("Ping again"));
        QTRY_COMPARE(navigation->badge(int(MainWindow::View::Inbox)), 3);

        QVERIFY(window.focusController());
        QStringList menus;
        for (QAction *menu : window.menuBar()->actions())
            menus.append(menu->text());
        QVERIFY(menus.contains(QStringLiteral("F&ocus")));

        QStringList tabs;
        QTimer::singleShot(0, qApp, [&tabs] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            for (int i = 0; i < dialog->tabs()->count(); ++i)
                tabs.append(dialog->tabs()->tabText(i));
            dialog->reject();
        });
        const QList<QAction *> fileActions = window.menuBar()->actions().constFirst()->menu()->actions();
        for (QAction *action : fileActions) {
            if (action->text() == u"&Preferences…")
                action->trigger();
        }
        QVERIFY(tabs.contains(QStringLiteral("&Check-in")));
    }
};

QTEST_MAIN(TestAttentionWindow)
#include "tst_attentionwindow.moc"
