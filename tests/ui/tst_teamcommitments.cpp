#include "messaging/teamsync.h"
#include "models/commitmentsmodel.h"
#include "uitestfixture.h"
#include "views/commitmentslist.h"
#include "views/messagecomposer.h"
#include "views/teamview.h"
#include "widgets/teamwindowschart.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace fermata;
using test::utc;

// Issue 16 in the Team view: the Commitments list (who, what, by when, status, who waits), each
// teammate's committed work by day under their check-in windows, and the composer's "About".
class TestTeamCommitments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // My zone is Berlin; "now" is Monday 7 December 2026, 10:00 UTC (11:00 here).
    void initTestCase() { test::pinEnvironment(QByteArrayLiteral("Europe/Berlin")); }

    void rowsAreOpenFirstByDueThenOwner()
    {
        CommitmentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCommitments(fixedList(), {}, now(), berlin());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(column(model, CommitmentsModel::WhatColumn),
            QStringList(
                { QStringLiteral("Hotfix"), QStringLiteral("API spec"), QStringLiteral("Release notes"),
                    QStringLiteral("Budget"), QStringLiteral("Old thing"), QStringLiteral("Migration") }));
        // Same due: by owner (Ada before Kenji).
        QCOMPARE(model.text(1, CommitmentsModel::WhoColumn), QStringLiteral("Ada"));
        QCOMPARE(model.text(2, CommitmentsModel::WhoColumn), QStringLiteral("Kenji"));
        // No name in the directory: the login.
        QCOMPARE(model.text(0, CommitmentsModel::WhoColumn), QStringLiteral("bo"));
    }

    void textsSayDueInMyZoneAndFinishDayInTheirs()
    {
        CommitmentsModel model;
        model.setCommitments(fixedList(), {}, now(), berlin());
        QCOMPARE(model.text(0, CommitmentsModel::DueColumn), QStringLiteral("Tue 10:00")); // 09:00 UTC
        QCOMPARE(model.text(1, CommitmentsModel::DueColumn), QStringLiteral("Wed 17:00")); // 16:00 UTC
        QCOMPARE(model.text(3, CommitmentsModel::DueColumn), QStringLiteral("—"));
        // Beyond the coming week a weekday alone would mislead.
        QCOMPARE(model.text(5, CommitmentsModel::DueColumn), QStringLiteral("Sun 20 Dec 11:00"));
        QCOMPARE(model.text(1, CommitmentsModel::FinishColumn), QStringLiteral("Tue 8 Dec"));
        QCOMPARE(model.text(3, CommitmentsModel::FinishColumn), QStringLiteral("not planned"));
        QCOMPARE(model.text(1, CommitmentsModel::StatusColumn), QStringLiteral("planned"));
        QCOMPARE(model.text(2, CommitmentsModel::StatusColumn), QStringLiteral("in progress"));
        QCOMPARE(model.text(4, CommitmentsModel::StatusColumn), QStringLiteral("done"));
        QCOMPARE(model.text(5, CommitmentsModel::StatusColumn), QStringLiteral("dropped"));
        QCOMPARE(
            model.headerData(CommitmentsModel::DueColumn, Qt::Horizontal).toString(), QStringLiteral("By"));
    }

    void noteIsTheTooltipAndClosedOnesAreDimmed()
    {
        CommitmentsModel model;
        model.setCommitments(fixedList(), {}, now(), berlin());
        QCOMPARE(model.index(1, CommitmentsModel::WhatColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Ada: Draft goes out Tuesday"));
        QVERIFY(!model.index(0, CommitmentsModel::WhatColumn).data(Qt::ToolTipRole).isValid());
        QVERIFY(!model.index(1, CommitmentsModel::WhatColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(4, CommitmentsModel::WhatColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(5, CommitmentsModel::WhoColumn).data(CommitmentsModel::ClosedRole).toBool());
        QVERIFY(!model.index(2, CommitmentsModel::WhoColumn).data(CommitmentsModel::ClosedRole).toBool());
    }

    void waitersAreListedPerCommitment()
    {
        CommitmentsModel model;
        QHash<QUuid, QStringList> waiters;
        waiters[uuid(2)] = { QStringLiteral("You ('Write report')"), QStringLiteral("Lena ('Launch')") };
        model.setCommitments(fixedList(), waiters, now(), berlin());
        QCOMPARE(model.text(1, CommitmentsModel::WaitingColumn),
            QStringLiteral("You ('Write report'), Lena ('Launch')"));
        QCOMPARE(model.text(0, CommitmentsModel::WaitingColumn), QString());
        QCOMPARE(model.index(1, 0).data(CommitmentsModel::UuidRole).toUuid(), uuid(2));
    }

    void anUnchangedListKeepsTheRowsAndAnotherResetsThem()
    {
        CommitmentsModel model;
        model.setCommitments(fixedList(), {}, now(), berlin());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QList<TeammateCommitment> changed = fixedList();
        changed[0].commitment.status = Commitment::Status::InProgress; // Release notes: same order
        model.setCommitments(changed, {}, now(), berlin());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        changed.removeFirst();
        model.setCommitments(changed, {}, now(), berlin());
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 5);
    }

    void emptyTeamSaysHowToShare()
    {
        CommitmentsList list;
        list.setCommitments({}, {}, now(), berlin());
        QVERIFY(list.isShowingEmptyState());
        QVERIFY(list.emptyText().startsWith(QStringLiteral("Nobody on your team shares a task yet.")));
        QVERIFY(list.emptyText().contains(QStringLiteral("fermata tasks share ID")));
        list.setCommitments(fixedList(), {}, now(), berlin());
        QVERIFY(!list.isShowingEmptyState());
        QCOMPARE(list.view()->model()->rowCount(), 6);
    }

    void dayLineSaysTodayThenTheRestOfTheWeek()
    {
        const QDate monday(2026, 12, 7);
        QList<TeammateCommitment> ada = {
            finishing(QStringLiteral("Review"), QDate(2026, 12, 11)),
            finishing(QStringLiteral("API spec"), monday),
            finishing(QStringLiteral("Slides"), monday),
            finishing(QStringLiteral("Next week"), QDate(2026, 12, 14)), // after Sunday
            finishing(QStringLiteral("Last week"), QDate(2026, 12, 4)), // before the day
            finishing(QStringLiteral("Finished"), monday, Commitment::Status::Done),
            finishing(QStringLiteral("Unplanned"), QDate()),
        };
        QCOMPARE(CommitmentDays::finishingLine(ada, monday, monday),
            QStringLiteral("Finishing today: API spec, Slides · Fri: Review"));
        // Another day shown: its name; nothing that day, the first later day leads.
        QCOMPARE(CommitmentDays::finishingLine(ada, QDate(2026, 12, 9), monday),
            QStringLiteral("Finishing Fri: Review"));
        QCOMPARE(CommitmentDays::finishingLine(
                     { finishing(QStringLiteral("Docs"), QDate(2026, 12, 8)) }, monday, monday),
            QStringLiteral("Finishing tomorrow: Docs"));
        QCOMPARE(CommitmentDays::finishingLine(ada, QDate(2026, 12, 12), monday), QString());
    }

    void chartRowsGrowALineForCommittedWork()
    {
        TeamWindowsChart chart;
        TeamChartRow row;
        row.name = QStringLiteral("Ada");
        row.detail = QStringLiteral("Europe/Lisbon · 10:00 there");
        row.windowsText = QStringLiteral("reads 10:00–10:30 your time");
        chart.setRows({ row });
        const int plain = chart.sizeHint().height();
        row.commitmentsText = QStringLiteral("Finishing today: API spec");
        chart.setRows({ row });
        QVERIFY(chart.sizeHint().height() > plain);
        QVERIFY(chart.accessibleDescription().contains(QStringLiteral("Finishing today: API spec")));
    }

    void teamViewShowsCommitmentsUnderEachTeammate()
    {
        test::TempDataDir dir;
        test::UiServices s(dir, now());
        TeamView view(s.context);
        view.resize(1024 - 180, 640); // the centre of a 1024 px window
        view.show(); // showing refreshes from the (here absent) TeamSync: the snapshot comes after
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showTeam(snapshot());
        const QList<TeamChartRow> rows = view.chart()->rows();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).name, QStringLiteral("Ada"));
        QCOMPARE(rows.at(0).commitmentsText, QStringLiteral("Finishing tomorrow: API spec"));
        QCOMPARE(rows.at(1).name, QStringLiteral("Kenji"));
        QCOMPARE(rows.at(1).commitmentsText, QStringLiteral("Finishing Fri: Release notes"));
        QCOMPARE(rows.at(2).commitmentsText, QString());
        QVERIFY(!view.commitments()->isShowingEmptyState());
        QCOMPARE(view.commitments()->model()->rowCount(), 7); // the six and my own
        QCOMPARE(view.commitments()->model()->text(4, CommitmentsModel::WhoColumn), QStringLiteral("Sam"));
        QCOMPARE(view.commitments()->model()->text(3, CommitmentsModel::WaitingColumn),
            QStringLiteral("You ('Write report')"));
        QCoreApplication::sendPostedEvents(); // the layout requests, as the event loop would
        if (const QByteArray shot = qgetenv("FERMATA_TEAM_SHOT"); !shot.isEmpty())
            QVERIFY(view.grab().save(QString::fromLocal8Bit(shot)));
    }

    void composerRefersToACommitmentInItsFirstLine()
    {
        const QList<TeammateCommitment> list = fixedList();
        QCOMPARE(MessageComposer::referenceLine(list.at(2)),
            QStringLiteral("About Ada's 'API spec' (due Wed 9 Dec, planned to finish Tue 8 Dec)"));
        QCOMPARE(MessageComposer::referenceLine(list.at(3)),
            QStringLiteral("About Lena's 'Budget' (not planned yet)"));
        QCOMPARE(MessageComposer::referenceLine(list.at(1)),
            QStringLiteral("About Ada's 'Old thing' (due Tue 1 Dec, done)"));

        MessageComposer composer(nullptr);
        composer.setCommitments(list);
        auto *about = composer.findChild<QComboBox *>(QStringLiteral("composerAbout"));
        QVERIFY(about);
        // Nothing in particular by default, then the open ones only.
        QCOMPARE(about->count(), 5);
        QVERIFY(composer.selectedCommitment().isNull());
        composer.findChild<QPlainTextEdit *>(QStringLiteral("composerBody"))
            ->setPlainText(QStringLiteral("Can I help?"));
        QCOMPARE(composer.bodyToSend(), QStringLiteral("Can I help?"));
        composer.setAboutCommitment(uuid(2));
        QCOMPARE(about->currentText(), QStringLiteral("Ada: API spec"));
        QCOMPARE(composer.bodyToSend(),
            QStringLiteral(
                "About Ada's 'API spec' (due Wed 9 Dec, planned to finish Tue 8 Dec)\n\nCan I help?"));
        // A new snapshot keeps the choice.
        composer.setCommitments(list);
        QCOMPARE(composer.selectedCommitment(), uuid(2));
        if (const QByteArray shot = qgetenv("FERMATA_COMPOSER_SHOT"); !shot.isEmpty()) {
            composer.resize(640, composer.sizeHint().height());
            composer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&composer));
            QVERIFY(composer.grab().save(QString::fromLocal8Bit(shot)));
        }
    }

private:
    static QTimeZone berlin() { return QTimeZone(QByteArrayLiteral("Europe/Berlin")); }
    static QDateTime now() { return utc(2026, 12, 7, 10, 0); }
    static QUuid uuid(int n)
    {
        return QUuid(QStringLiteral("{00000000-0000-0000-0000-%1}").arg(n, 12, 10, QLatin1Char('0')));
    }

    static TeammateCommitment make(int n, qint64 owner, const QString &name, const QString &role,
        const QString &title, const QDateTime &due, Commitment::Status status, const QDate &finish)
    {
        TeammateCommitment c;
        c.commitment.uuid = uuid(n);
        c.commitment.ownerId = owner;
        c.commitment.ownerRole = role;
        c.commitment.title = title;
        c.commitment.due = due;
        c.commitment.status = status;
        c.commitment.finishDay = finish;
        c.ownerName = name;
        c.ownerZoneId = QByteArrayLiteral("Europe/Lisbon");
        return c;
    }

    // In no particular order, as the snapshot may have them.
    static QList<TeammateCommitment> fixedList()
    {
        using S = Commitment::Status;
        TeammateCommitment api = make(2, 2, QStringLiteral("Ada"), QStringLiteral("ada"),
            QStringLiteral("API spec"), utc(2026, 12, 9, 16, 0), S::Planned, QDate(2026, 12, 8));
        api.commitment.publicNote = QStringLiteral("Draft goes out Tuesday");
        return {
            make(3, 3, QStringLiteral("Kenji"), QStringLiteral("kenji"), QStringLiteral("Release notes"),
                utc(2026, 12, 9, 16, 0), S::InProgress, QDate(2026, 12, 11)),
            make(4, 2, QStringLiteral("Ada"), QStringLiteral("ada"), QStringLiteral("Old thing"),
                utc(2026, 12, 1, 9, 0), S::Done, QDate(2026, 11, 30)),
            api,
            make(5, 4, QStringLiteral("Lena"), QStringLiteral("lena"), QStringLiteral("Budget"), {},
                S::Planned, {}),
            make(6, 3, QStringLiteral("Kenji"), QStringLiteral("kenji"), QStringLiteral("Migration"),
                utc(2026, 12, 20, 10, 0), S::Dropped, {}),
            make(1, 5, QString(), QStringLiteral("bo"), QStringLiteral("Hotfix"), utc(2026, 12, 8, 9, 0),
                S::Planned, QDate(2026, 12, 7)),
        };
    }

    static TeammateCommitment finishing(
        const QString &title, const QDate &day, Commitment::Status status = Commitment::Status::Planned)
    {
        static int n = 100;
        return make(++n, 2, QStringLiteral("Ada"), QStringLiteral("ada"), title, {}, status, day);
    }

    static QStringList column(const CommitmentsModel &model, CommitmentsModel::Column column)
    {
        QStringList texts;
        for (int row = 0; row < model.rowCount(); ++row)
            texts.append(model.text(row, column));
        return texts;
    }

    static HubMember member(qint64 id, const QString &name, const QByteArray &zone)
    {
        HubMember m;
        m.id = id;
        m.role = name.toLower();
        m.name = name;
        m.timeZoneId = zone;
        return m;
    }

    // Me (Sam, id 1) and three teammates; Ada reads 10:00–10:30 Lisbon time.
    static TeamSnapshot snapshot()
    {
        TeamSnapshot team;
        team.myId = 1;
        team.members = { member(1, QStringLiteral("Sam"), "Europe/Berlin"),
            member(2, QStringLiteral("Ada"), "Europe/Lisbon"),
            member(3, QStringLiteral("Kenji"), "Asia/Tokyo"),
            member(4, QStringLiteral("Lena"), "America/New_York") };
        const auto window = [](qint64 member, QTime from, QTime to, const QByteArray &zone) {
            HubWindow w;
            w.memberId = member;
            w.rule = WeeklyRule(WeeklyRule::EveryDay, from, to, zone);
            return w;
        };
        team.windows = { window(2, QTime(10, 0), QTime(10, 30), "Europe/Lisbon"),
            window(2, QTime(15, 0), QTime(15, 20), "Europe/Lisbon"),
            window(3, QTime(9, 0), QTime(9, 30), "Asia/Tokyo"),
            window(3, QTime(16, 0), QTime(16, 30), "Asia/Tokyo"),
            window(4, QTime(13, 0), QTime(13, 45), "America/New_York") };
        team.commitments = fixedList();
        TeammateCommitment mine = make(7, 1, QStringLiteral("Sam"), QStringLiteral("sam"),
            QStringLiteral("Onboarding guide"), {}, Commitment::Status::Planned, QDate(2026, 12, 10));
        team.commitments.append(mine);
        team.waiters[uuid(5)] = { QStringLiteral("You ('Write report')") };
        return team;
    }
};

QTEST_MAIN(TestTeamCommitments)
#include "tst_teamcommitments.moc"
