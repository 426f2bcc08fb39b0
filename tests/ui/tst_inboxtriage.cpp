#include "attentiontestfixture.h"
#include "mainwindow.h"
#include "models/inboxmodel.h"
#include "views/inboxreadingpane.h"
#include "views/inboxview.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

namespace {

qint64 notify(AttentionUiServices &s, const QString &source, const QString &title, const QString &sender,
              const QString &body, Urgency urgency = Urgency::Normal)
{
    InboxItem item;
    item.notification.source = source;
    item.notification.title = title;
    item.notification.sender = sender;
    item.notification.body = body;
    item.notification.urgency = urgency;
    auto ids = s.attention.ingest({item});
    if (!ids)
        qFatal("ingest failed: %s", qPrintable(ids.error().message));
    return ids->constFirst();
}

// Does `act` with the next message box named `name` once it is shown, remembering its question.
// Gives up after about a second, so a missing question fails the test instead of hanging it.
void answerBox(const QString &name, std::function<void(QMessageBox *)> act, QString *question, int attempts = 100)
{
    QTimer::singleShot(10, qApp, [name, act, question, attempts] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != name) {
            if (attempts > 0)
                answerBox(name, act, question, attempts - 1);
            return;
        }
        if (question)
            *question = box->text();
        act(box);
    });
}

// Answers the next group confirmation with a key: Enter or Escape.
void answerGroupQuestion(Qt::Key key, QString *question)
{
    answerBox(QStringLiteral("inboxGroupConfirmation"), [key](QMessageBox *box) { QTest::keyClick(box, key); },
              question);
}

ItemState stateOf(AttentionUiServices &s, qint64 id)
{
    const auto items = s.attention.recentItems(100);
    for (const InboxItem &item : items.value()) {
        if (item.notification.id == id)
            return item.state;
    }
    return ItemState::Muted; // not found
}

QModelIndex selectedRow(const InboxView &view)
{
    const QModelIndexList rows = view.tree()->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first() : QModelIndex();
}

// The entry row with this title (subject), anywhere in the tree.
QModelIndex entryTitled(const InboxModel &model, const QString &title)
{
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        for (int e = 0; e < model.rowCount(group); ++e) {
            const QModelIndex entry = model.index(e, 0, group);
            if (entry.data(InboxModel::SubjectRole).toString() == title)
                return entry;
        }
    }
    return {};
}

QModelIndex groupFrom(const InboxModel &model, const QString &source)
{
    for (int g = 0; g < model.rowCount(); ++g) {
        if (model.index(g, 0).data(InboxModel::SourceRole).toString() == source)
            return model.index(g, 0);
    }
    return {};
}

} // namespace

// Triage by keyboard in the Inbox: the next item after D and Delete, one question for a whole
// group, the reading pane, T for a task, and critical items marked in their rows.
class TestInboxTriage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void doneAndArchiveSelectTheNextItemNotAGroupHeader()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        const qint64 invoice = notify(s, QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"), {});
        s.clock.setNow(utc(2026, 3, 2, 10, 5));
        const qint64 report = notify(s, QStringLiteral("Mail"), QStringLiteral("Report"), QStringLiteral("Ann"), {});
        notify(s, QStringLiteral("Chat"), QStringLiteral("Ping"), QStringLiteral("Bob"), {});
        s.moveTo(utc(2026, 3, 2, 13, 1));
        InboxView view(s.context);
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTreeView *tree = view.tree();
        const InboxModel &model = *view.model();

        // Mail (2) comes first, newest first: Report, Invoice; then Chat: Ping.
        tree->setFocus();
        tree->setCurrentIndex(entryTitled(model, QStringLiteral("Report")));
        QTest::keyClick(tree, Qt::Key_D);
        QCOMPARE(stateOf(s, report), ItemState::Done);
        QCOMPARE(selectedRow(view).data(InboxModel::SubjectRole).toString(), QStringLiteral("Invoice"));

        // The last item of a group: Delete goes on to the next group's first item, past its header.
        QTest::keyClick(tree, Qt::Key_Delete);
        QCOMPARE(stateOf(s, invoice), ItemState::Archived);
        const QModelIndex next = selectedRow(view);
        QVERIFY(next.isValid());
        QVERIFY(!next.data(InboxModel::IsGroupRole).toBool());
        QCOMPARE(next.data(InboxModel::SubjectRole).toString(), QStringLiteral("Ping"));
        QVERIFY(view.doneAction()->isEnabled());
    }

    void actingOnAGroupAsksOnceEnterConfirmsEscapeKeeps()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        QList<qint64> slack;
        for (const char *title : {"Standup", "Deploy", "Lunch"})
            slack.append(notify(s, QStringLiteral("Slack"), QString::fromLatin1(title), {}, {}));
        const qint64 mail = notify(s, QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"), {});
        s.moveTo(utc(2026, 3, 2, 13, 1));
        InboxView view(s.context);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTreeView *tree = view.tree();
        tree->setFocus();
        tree->setCurrentIndex(groupFrom(*view.model(), QStringLiteral("Slack")));

        QString question;
        answerGroupQuestion(Qt::Key_Escape, &question);
        QTest::keyClick(tree, Qt::Key_Delete);
        QCOMPARE(question, QStringLiteral("Archive 3 messages from Slack?"));
        for (qint64 id : slack)
            QCOMPARE(stateOf(s, id), ItemState::Released); // Escape kept them

        QVERIFY(view.archiveAction()->isEnabled()); // still selected
        view.activateWindow(); // the closed question gives the window back
        QVERIFY(QTest::qWaitForWindowActive(&view));
        tree->setFocus();
        question.clear();
        answerGroupQuestion(Qt::Key_Return, &question);
        QTest::keyClick(tree, Qt::Key_Delete);
        QCOMPARE(question, QStringLiteral("Archive 3 messages from Slack?"));
        for (qint64 id : slack)
            QCOMPARE(stateOf(s, id), ItemState::Archived);
        QCOMPARE(stateOf(s, mail), ItemState::Released);
        QCOMPARE(selectedRow(view).data(InboxModel::SubjectRole).toString(), QStringLiteral("Invoice"));

        // One item in a group: acting on its header is acting on the item, nothing to ask.
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        tree->setFocus();
        tree->setCurrentIndex(groupFrom(*view.model(), QStringLiteral("Mail")));
        question.clear();
        QTest::keyClick(tree, Qt::Key_D);
        QCOMPARE(stateOf(s, mail), ItemState::Done);
        QVERIFY(question.isEmpty());
    }

    void readingPaneShowsTheSelectedItemAsPlainText()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        const QString body = QStringLiteral("<b>Build 412</b> failed <img src=\"http://x/y.png\">\nSee logs.");
        notify(s, QStringLiteral("CI"), QStringLiteral("<i>Build</i> failed"), QStringLiteral("runner"), body);
        s.moveTo(utc(2026, 3, 2, 13, 1));
        InboxView view(s.context);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        InboxReadingPane *pane = view.readingPane();
        QVERIFY(pane);
        QVERIFY(!pane->isShowingItem());

        view.tree()->setCurrentIndex(view.model()->index(0, 0));
        QVERIFY(!pane->isShowingItem()); // a group: what acting on it would touch
        QVERIFY2(pane->placeholderText().startsWith(QStringLiteral("1 item from runner in CI.")),
                 qPrintable(pane->placeholderText()));

        view.tree()->setCurrentIndex(entryTitled(*view.model(), QStringLiteral("<i>Build</i> failed")));
        QVERIFY(pane->isShowingItem());
        QCOMPARE(pane->titleText(), QStringLiteral("<i>Build</i> failed"));
        QCOMPARE(pane->bodyText(), body); // the markup is text, not rendered
        QCOMPARE(pane->fromText(), QStringLiteral("From runner via CI"));
        QCOMPARE(pane->timesText(), QStringLiteral("Received 10:00 · shown 13:01"));
        QCOMPARE(pane->reasonText(), QStringLiteral("Held: it arrived outside your check-in windows."));
        for (const QLabel *label : pane->findChildren<QLabel *>())
            QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(pane->findChild<QPlainTextEdit *>()->isReadOnly());
        QVERIFY(!pane->accessibleName().isEmpty());
    }

    void makeTaskKeepsTitleSourceAndLinkThenMarksDone()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        const qint64 review = notify(s, QStringLiteral("GitHub"), QStringLiteral("Review PR #12"), QStringLiteral("Ann"),
                                     QStringLiteral("Please look at https://github.com/acme/app/pull/12 today."));
        notify(s, QStringLiteral("GitHub"), QStringLiteral("CI green"), QStringLiteral("Ann"), {});
        s.moveTo(utc(2026, 3, 2, 13, 1));
        InboxView view(s.context);
        QSignalSpy info(&view, &InboxView::infoMessage);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.tree()->setFocus();
        view.tree()->setCurrentIndex(view.model()->index(0, 0)); // a group makes no task
        QVERIFY(!view.makeTaskAction()->isEnabled());
        view.tree()->setCurrentIndex(entryTitled(*view.model(), QStringLiteral("Review PR #12")));
        QVERIFY(view.makeTaskAction()->isEnabled());
        const int before = int(s.tasks.tasks().size());

        QTest::keyClick(view.tree(), Qt::Key_T);
        QCOMPARE(int(s.tasks.tasks().size()), before + 1);
        const Task task = s.tasks.tasks().constLast();
        QCOMPARE(task.title, QStringLiteral("Review PR #12"));
        QVERIFY2(task.notes.contains(QStringLiteral("From Ann via GitHub")), qPrintable(task.notes));
        QVERIFY2(task.notes.contains(QStringLiteral("Link: https://github.com/acme/app/pull/12")), qPrintable(task.notes));
        QCOMPARE(stateOf(s, review), ItemState::Done);
        QCOMPARE(selectedRow(view).data(InboxModel::SubjectRole).toString(), QStringLiteral("CI green"));
        QCOMPARE(info.size(), 1);
    }

    void criticalItemsAreMarkedAndHeldOnesSayWhy()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        BatchingConfig rules = s.attention.rules();
        rules.criticalSources = {QStringLiteral("pagerduty")};
        QVERIFY(s.attention.setRules(rules));
        notify(s, QStringLiteral("Slack"), QStringLiteral("Prod down"), QStringLiteral("Ann"), {}, Urgency::Critical);
        notify(s, QStringLiteral("pagerduty"), QStringLiteral("Disk full"), {}, {}, Urgency::Critical);
        notify(s, QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Bob"), {});
        InboxModel model(s.attention, s.clock);

        const QModelIndex held = entryTitled(model, QStringLiteral("Prod down"));
        QCOMPARE(held.data().toString(), QStringLiteral("Critical: Prod down"));
        QVERIFY(held.data(InboxModel::CriticalRole).toBool());
        QCOMPARE(held.siblingAtColumn(InboxModel::State).data().toString(), QStringLiteral("Held · not a critical source"));
        QVERIFY(held.siblingAtColumn(InboxModel::State).data(Qt::ToolTipRole).toString().contains(
            QStringLiteral("“Slack” is not in your critical sources")));

        const QModelIndex through = entryTitled(model, QStringLiteral("Disk full"));
        QCOMPARE(through.data().toString(), QStringLiteral("Critical: Disk full"));
        QCOMPARE(through.siblingAtColumn(InboxModel::State).data().toString(), QStringLiteral("New"));
        QVERIFY(through.data(InboxModel::HeldCriticalRole).toString().isEmpty());

        const QModelIndex normal = entryTitled(model, QStringLiteral("Invoice"));
        QCOMPARE(normal.data().toString(), QStringLiteral("Invoice"));
        QCOMPARE(normal.siblingAtColumn(InboxModel::State).data().toString(), QStringLiteral("Held"));
        QVERIFY(!normal.data(InboxModel::CriticalRole).toBool());
    }

    void screenshotsAtTheSmallestWindow()
    {
        const QByteArray out = qgetenv("FERMATA_INBOX_SHOTS");
        if (out.isEmpty())
            return; // only when asked: pictures to look at, not a check
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        BatchingConfig rules = s.attention.rules();
        rules.criticalSources = {QStringLiteral("pagerduty")};
        QVERIFY(s.attention.setRules(rules));
        for (const char *title : {"Standup moved to 10:30", "Deploy finished", "Lunch?"})
            notify(s, QStringLiteral("Slack"), QString::fromUtf8(title), QStringLiteral("Priya"),
                   QStringLiteral("Hey, quick note about %1 — see https://example.com/x").arg(QString::fromUtf8(title)));
        notify(s, QStringLiteral("Mail"), QStringLiteral("Invoice March"), QStringLiteral("accounts@acme.example"),
               QStringLiteral("Dear customer,\n\nyour invoice for March is attached.\n<b>Total:</b> 120 EUR\n\nRegards"));
        notify(s, QStringLiteral("Build"), QStringLiteral("Nightly failed"), QStringLiteral("ci"), {}, Urgency::Critical);
        notify(s, QStringLiteral("Alerts"), QStringLiteral("Database replica lagging behind by 40 s"), {},
               QStringLiteral("Replica db-2 is 40 s behind the primary."), Urgency::Critical);
        InboxView view(s.context);
        view.resize(840, 560); // the centre of a 1024×640 window
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        answerBox(QStringLiteral("peekConfirmation"),
                  [](QMessageBox *box) { box->findChild<QPushButton *>(QStringLiteral("peekConfirmButton"))->click(); },
                  nullptr);
        view.peekEarly();
        QVERIFY(!view.isFolded());
        view.tree()->setCurrentIndex(entryTitled(*view.model(), QStringLiteral("Invoice March")));
        QTest::qWait(50); // let the layouts settle, as they would on screen
        QVERIFY(view.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/inbox-reading.png")));
        view.tree()->setCurrentIndex(entryTitled(*view.model(), QStringLiteral("Database replica lagging behind by 40 s")));
        QTest::qWait(50);
        QVERIFY(view.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/inbox-critical.png")));
        view.tree()->setCurrentIndex(view.model()->index(0, 0));
        QTest::qWait(50);
        QVERIFY(view.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/inbox-group.png")));

        MainWindow window(s.context);
        window.resize(1024, 640);
        window.show();
        window.showView(MainWindow::View::Inbox);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *inbox = window.findChild<InboxView *>();
        answerBox(QStringLiteral("peekConfirmation"),
                  [](QMessageBox *box) { box->findChild<QPushButton *>(QStringLiteral("peekConfirmButton"))->click(); },
                  nullptr);
        inbox->peekEarly();
        inbox->tree()->setCurrentIndex(entryTitled(*inbox->model(), QStringLiteral("Standup moved to 10:30")));
        QTest::qWait(50);
        QVERIFY(window.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/mainwindow-inbox.png")));
    }
};

QTEST_MAIN(TestInboxTriage)
#include "tst_inboxtriage.moc"
