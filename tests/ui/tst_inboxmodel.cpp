#include "attentiontestfixture.h"
#include "attention/digest.h"
#include "models/inboxmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

// The Inbox model over the real engine: grouping by source and sender, duplicates collapsed,
// states and decision reasons, and following what the engine stores, releases or changes row
// by row, without a reset.
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
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        s.moveTo(utc(2026, 3, 2, 13, 0)); // the midday window opens: released as a digest
        QVERIFY(!changed.isEmpty());
        const QModelIndex group = model.index(0, 0);
        QCOMPARE(model.index(0, InboxModel::State, group).data().toString(), QStringLiteral("New"));
        QCOMPARE(model.index(1, InboxModel::State, group).data().toString(), QStringLiteral("New"));

        QVERIFY(s.attention.markDone({a}));
        QVERIFY(s.attention.archive({b}));
        QCOMPARE(model.itemCount(), 1); // archived items leave the Inbox
        QCOMPARE(model.index(0, InboxModel::Title, model.index(0, 0)).data().toString(), QStringLiteral("Invoice"));
        QCOMPARE(model.index(0, InboxModel::State, model.index(0, 0)).data().toString(), QStringLiteral("Done"));
        QCOMPARE(model.index(0, 0).data(InboxModel::CountRole).toInt(), 1);
        QTest::qWait(0); // nothing queued behind the signals either
        QCOMPARE(resets.size(), 0);
    }

    void keepsTheSelectionWhenNotificationsArrive()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"), QStringLiteral("Ann"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Report"), QStringLiteral("Ann"));
        s.notify(QStringLiteral("Chat"), QStringLiteral("Ping"), QStringLiteral("Bob"));
        InboxModel model(s.attention, s.clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QItemSelectionModel selection(&model);
        const QModelIndex mail = model.index(0, 0);
        QCOMPARE(mail.data().toString(), QStringLiteral("Mail · Ann (2)"));
        const int reportRow = model.index(0, 0, mail).data().toString() == u"Report" ? 0 : 1;
        const QModelIndex report = model.index(reportRow, 0, mail);
        const QList<qint64> selectedIds = model.idsAt(report);
        selection.select(report, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // A group that sorts first (three items), a new row in the selected group, and a
        // duplicate of the selected row: the rows move around the selection, which stays.
        s.notify(QStringLiteral("Chat"), QStringLiteral("Ping"), QStringLiteral("Bob"));
        s.notify(QStringLiteral("Chat"), QStringLiteral("Lunch"), QStringLiteral("Bob"));
        s.notify(QStringLiteral("Mail"), QStringLiteral("Contract"), QStringLiteral("Ann"));
        s.notify(QStringLiteral("Alerts"), QStringLiteral("Disk full"));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 3); // Lunch, Contract, the Alerts group
        QCOMPARE(model.itemCount(), 7);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Chat · Bob (3)"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Mail · Ann (3)"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Alerts (1)"));
        const QModelIndexList rows = selection.selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(model.idsAt(rows.at(0)), selectedIds);
        QCOMPARE(rows.at(0).parent(), model.index(1, 0));
        QCOMPARE(rows.at(0).data().toString(), QStringLiteral("Report"));

        // A duplicate of the selected row joins it; the selection still names the row.
        const qint64 again = s.notify(QStringLiteral("Mail"), QStringLiteral("Report"), QStringLiteral("Ann"));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().at(0).data().toString(), QStringLiteral("Report (×2)"));
        QVERIFY(model.idsAt(selection.selectedRows().at(0)).contains(again));
        QCOMPARE(resets.size(), 0);
    }

    void aRepeatedUuidAddsNoRow()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        InboxModel model(s.attention, s.clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        InboxItem item;
        item.notification.source = QStringLiteral("cli");
        item.notification.title = QStringLiteral("Deployed");
        item.uuid = QStringLiteral("retry-1");
        QVERIFY(s.attention.ingest({item}));
        QCOMPARE(model.itemCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(s.attention.ingest({item}));
        QTest::qWait(0);
        QCOMPARE(model.itemCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("cli (1)"));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 0);
    }

    void groupsAsTheDigestDoes()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        const char *arrivals[][3] = {
            {"Mail", "Ann", "Lunch?"}, {"Mail", "Bob", "Lunch?"}, {"Mail", "Ann", "Lunch?"},
            {"Mail", "Ann", "Report"}, {"CI", "", "Build failed"}, {"CI", "", "Build failed"},
            {"Chat", "Bob", "Ping"},   {"Mail", "Bob", "Invoice"}, {"CI", "", "Deployed"},
        };
        InboxModel model(s.attention, s.clock); // follows the arrivals row by row
        for (const auto &a : arrivals)
            s.notify(QString::fromLatin1(a[0]), QString::fromLatin1(a[2]), QString::fromLatin1(a[1]));

        const Digest digest = s.attention.heldSummary().value();
        InboxModel reloaded(s.attention, s.clock);
        for (const InboxModel *m : {&model, &reloaded}) {
            QStringList fromModel;
            for (int g = 0; g < m->rowCount(); ++g) {
                const QModelIndex group = m->index(g, 0);
                QStringList rows;
                for (int r = 0; r < m->rowCount(group); ++r)
                    rows.append(QStringLiteral("%1×%2").arg(m->index(r, 0, group).data(InboxModel::CountRole).toInt())
                                    .arg(m->idsAt(m->index(r, 0, group)).size()));
                rows.sort();
                fromModel.append(QStringLiteral("%1/%2").arg(group.data().toString(), rows.join(u',')));
            }
            QStringList fromDigest;
            for (const DigestSource &source : digest.sources) {
                for (const DigestSender &sender : source.senders) {
                    QStringList rows;
                    for (const DigestEntry &entry : sender.entries)
                        rows.append(QStringLiteral("%1×%1").arg(entry.count));
                    rows.sort();
                    const QString name = sender.sender.isEmpty()
                        ? QStringLiteral("%1 (%2)").arg(source.source).arg(sender.count)
                        : QStringLiteral("%1 · %2 (%3)").arg(source.source, sender.sender).arg(sender.count);
                    fromDigest.append(QStringLiteral("%1/%2").arg(name, rows.join(u',')));
                }
            }
            // Same groups, same rows, same counts; the busiest group first, ties by name.
            QStringList sortedModel = fromModel, sortedDigest = fromDigest;
            sortedModel.sort();
            sortedDigest.sort();
            QCOMPARE(sortedModel, sortedDigest);
            QCOMPARE(fromModel.first(), QStringLiteral("CI (3)/1×1,2×2"));
            QCOMPARE(fromModel.at(1), QStringLiteral("Mail · Ann (3)/1×1,2×2"));
        }
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
