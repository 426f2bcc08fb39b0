#include "attentiontestfixture.h"
#include "models/inboxmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

// The Inbox model over the real engine: grouping by source and sender, duplicates collapsed,
// states and decision reasons, and reloading when the engine stores, releases or changes items.
class TestInboxModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void groupsBySourceAndSenderAndCollapsesDuplicates()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0)); // Monday, outside the windows
        s.notify(QStringLiteral("Mail"), QStringLiteral("Build failed"), QStringLiteral("CI"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Build failed"), QStringLiteral("CI"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Lunch?"), QStringLiteral("Alice"));
        s.notify(QStringLiteral("Chat"), QStringLiteral("Standup notes"), QStringLiteral("Bob"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Build failed"), QStringLiteral("CI"));

        InboxModel model(s.attention, s.clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.itemCount(), 5);
        QCOMPARE(model.rowCount(), 3); // Mail·CI, Chat·Bob, Mail·Alice
        const QModelIndex first = model.index(0, InboxModel::Title);
        QCOMPARE(first.data().toString(), QStringLiteral("Mail · CI (3)"));
        QCOMPARE(model.index(0, InboxModel::Sender).data().toString(), QString()); // named in the title
        QCOMPARE(first.data(InboxModel::CountRole).toInt(), 3);
        QVERIFY(first.data(InboxModel::IsGroupRole).toBool());
        QCOMPARE(model.rowCount(first), 1); // three "Build failed" collapsed into one row
        const QModelIndex collapsed = model.index(0, InboxModel::Title, first);
        QCOMPARE(collapsed.data().toString(), QStringLiteral("Build failed (×3)"));
        QCOMPARE(collapsed.data(InboxModel::CountRole).toInt(), 3);
        QCOMPARE(model.idsAt(collapsed).size(), 3);
        QCOMPARE(model.index(0, InboxModel::State, first).data().toString(), QStringLiteral("Held"));
        QCOMPARE(model.index(0, InboxModel::Received, first).data().toString(), QStringLiteral("10:00"));
        // The recorded decision, in words, on hover.
        QCOMPARE(collapsed.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Held: it arrived outside your check-in windows."));
    }

    void followsReleaseDoneAndArchive()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        const qint64 a = s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"));
        const qint64 b = s.notify(QStringLiteral("Mail"), QStringLiteral("Report"), QStringLiteral("Ann"));
        InboxModel model(s.attention, s.clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        s.moveTo(utc(2026, 3, 2, 13, 0)); // the midday window opens: released as a digest
        QTRY_VERIFY(resets.size() >= 1);
        const QModelIndex group = model.index(0, 0);
        QCOMPARE(model.index(0, InboxModel::State, group).data().toString(), QStringLiteral("New"));

        QVERIFY(s.attention.markDone(a));
        QVERIFY(s.attention.archive(b));
        QTRY_COMPARE(model.itemCount(), 1); // archived items leave the Inbox
        QCOMPARE(model.index(0, InboxModel::Title, model.index(0, 0)).data().toString(), QStringLiteral("Invoice"));
        QCOMPARE(model.index(0, InboxModel::State, model.index(0, 0)).data().toString(), QStringLiteral("Done"));
    }

    void reloadsWhenItemsArrive()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        InboxModel model(s.attention, s.clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        s.notify(QStringLiteral("build"), QStringLiteral("Tests passed"));
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, InboxModel::Sender).data().toString(), QString());
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("1 item from build"));
    }

    void reasonsReadAsSentences_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("text");
        QTest::newRow("vip") << int(DecisionReason::VipBreakThrough) << QStringLiteral("ceo@example.com")
                             << QStringLiteral("Broke through: ceo@example.com is a VIP sender.");
        QTest::newRow("keyword") << int(DecisionReason::KeywordBreakThrough) << QStringLiteral("outage")
                                 << QStringLiteral("Broke through: it matched the keyword “outage”.");
        QTest::newRow("cap") << int(DecisionReason::BreakThroughCapReached) << QString()
                             << QStringLiteral("Held: it could have broken through, but this hour's limit was reached.");
        QTest::newRow("focus") << int(DecisionReason::FocusBlock) << QString()
                               << QStringLiteral("Held: it arrived during focus time.");
    }
    void reasonsReadAsSentences()
    {
        QFETCH(int, reason);
        QFETCH(QString, detail);
        QFETCH(QString, text);
        Decision decision;
        decision.reason = DecisionReason(reason);
        decision.detail = detail;
        QCOMPARE(InboxModel::reasonText(decision), text);
    }
};

QTEST_MAIN(TestInboxModel)
#include "tst_inboxmodel.moc"
