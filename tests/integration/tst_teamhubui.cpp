#include "pgcluster.h"
#include "testsupport.h"
#include "uitestfixture.h"

#include "attention/attentionservice.h"
#include "dialogs/teampage.h"
#include "models/outboxmodel.h"
#include "team/hubclient.h"
#include "messaging/teamattentionbridge.h"
#include "messaging/teaminbox.h"
#include "messaging/teamsync.h"
#include "mainwindow.h"
#include "views/messagecomposer.h"
#include "views/outboxview.h"
#include "views/teamview.h"
#include "widgets/emptystate.h"
#include "widgets/messagebar.h"
#include "widgets/navigationlist.h"
#include "widgets/teamwindowschart.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace fermata;

namespace {

// One Fermata profile as the window builds it: real services on its own SQLite file, the team
// worker on its own thread and connection, the attention engine and the bridge between them.
// The worker and the attention engine use the system clock: the hub releases by its clock.
struct Profile
{
    explicit Profile(const QByteArray &zone)
        : services(dir, QDateTime::currentDateTimeUtc())
        , attention(*services.database, clock)
        , team({dir.databasePath(), dir.filePath(QStringLiteral("hub-secrets.json")), QTimeZone(zone), 0}, clock)
        , bridge(team, attention)
    {
        if (const Status loaded = attention.load(zone); !loaded)
            qFatal("%s", qPrintable(loaded.error().message));
        services.context.team = &team;
        services.context.attention = &attention;
    }

    test::TempDataDir dir;
    test::UiServices services;
    SystemClock clock;
    AttentionService attention;
    TeamSync team;
    TeamAttentionBridge bridge;
};

// Waits for the next finished() of `operation` on `team`; returns its (ok, message).
// finished() is queued to this thread, so connecting right after the request catches it.
std::pair<bool, QString> waitFor(TeamSync &team, TeamSync::Operation operation, int timeoutMs = 30000)
{
    std::optional<std::pair<bool, QString>> result;
    QObject context;
    QObject::connect(&team, &TeamSync::finished, &context,
                     [&](TeamSync::Operation op, bool ok, const QString &message) {
                         if (op == operation && !result)
                             result = std::pair(ok, message);
                     });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs); // a timeout is the result below
    return result.value_or(std::pair(false, QStringLiteral("timed out")));
}

// The worker runs requests one after another, and a connection test always answers: once one
// asked for now has answered, every request before it has run and its results (snapshot,
// Inbox rows written on the worker's connection) are here. For "nothing more happened" checks.
bool drainWorker(TeamSync &team)
{
    bool answered = false;
    QObject context;
    QObject::connect(&team, &TeamSync::finished, &context, [&](TeamSync::Operation op, bool, const QString &) {
        answered = answered || op == TeamSync::Operation::TestConnection;
    });
    team.testConnection(team.snapshot().account, QString());
    return QTest::qWaitFor([&] { return answered; }, 30000);
}

// The next whole minute at least `marginSecs` away: windows have minute resolution, and the
// margin leaves time to set one up and send before it opens.
QDateTime nextMinuteAfter(int marginSecs)
{
    QDateTime t = QDateTime::currentDateTimeUtc().addSecs(marginSecs);
    return t.addSecs(60 - t.time().second()).addMSecs(-t.time().msec());
}

// A whole minute about `hours` from now on the wall clock of `zone`. Daily windows placed
// there are closed now at any hour of any day (QTime wraps past midnight).
QTime hoursFromNowIn(int hours, const QByteArray &zone)
{
    const QTime t = QDateTime::currentDateTimeUtc().addSecs(qint64(hours) * 3600).toTimeZone(QTimeZone(zone)).time();
    return QTime(t.hour(), t.minute());
}

WeeklyRule dailyRule(QTime start, int minutes, const QByteArray &zone)
{
    return WeeklyRule(WeeklyRule::EveryDay, start, start.addSecs(minutes * 60), zone);
}

void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FERMATA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    widget.grab().save(QDir(dir).filePath(name));
}

} // namespace

// The window's team hub parts against a real PostgreSQL hub started by the test: joining in
// Preferences → Team, the Outbox composer's preview and send, delivery to a second member
// at their window into their Inbox, the Team view, and sending while the hub is down.
class TestTeamHubUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        qputenv("FERMATA_SECRET_STORE", "file"); // no keychain on a test machine
        m_alice.team.start(); // after the line above: the worker makes its secret store
        m_bob.team.start();
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
        const QString adminUrl = m_cluster.createHubDatabase(QStringLiteral("team_hub"), QStringLiteral("hub_admin"));
        QVERIFY2(!adminUrl.isEmpty(), qPrintable(m_cluster.errorString()));
        m_hub = HubConfig::fromUrl(adminUrl).value();
        HubClient admin;
        QVERIFY(admin.open(m_hub, m_cluster.adminPassword()));
        QVERIFY(admin.initSchema());
        for (const auto &[name, zone] : {std::pair{"Alice", "UTC"}, std::pair{"Bob", "America/New_York"},
                                         std::pair{"Carol", "Europe/Lisbon"}, std::pair{"Dan", "Asia/Tokyo"}}) {
            const QString who = QLatin1String(name);
            const Result<NewMember> added = admin.addMember(QStringLiteral("Alpha"), who,
                                                            who.toLower() + QStringLiteral("@alpha.example"), zone);
            QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            m_members[who] = *added;
        }
        m_hub.passwordInUrl.clear();
        m_hub.user.clear();
    }

    void joinFromPreferences()
    {
        TeamPage page(&m_alice.team);
        QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("teamJoin"))->text(), QStringLiteral("&Join"));
        page.findChild<QLineEdit *>(QStringLiteral("teamHubUrl"))->setText(m_hub.toUrl());
        page.findChild<QLineEdit *>(QStringLiteral("teamHubUser"))->setText(m_members[QStringLiteral("Alice")].role);

        // A wrong password: the test says so and nothing is joined.
        page.findChild<QLineEdit *>(QStringLiteral("teamHubPassword"))->setText(QStringLiteral("wrong"));
        page.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(page.resultText().startsWith(QStringLiteral("✗")), 20000);
        QVERIFY2(page.resultText().contains(QStringLiteral("password")), qPrintable(page.resultText()));
        // The server's words, without the driver's raw tabs and line breaks.
        QVERIFY2(!page.resultText().contains(QLatin1Char('\t')) && !page.resultText().contains(QLatin1Char('\n')),
                 qPrintable(page.resultText()));

        page.findChild<QLineEdit *>(QStringLiteral("teamHubPassword"))->setText(m_members[QStringLiteral("Alice")].password);
        page.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(page.resultText().startsWith(QStringLiteral("✓")), 20000);
        QVERIFY2(page.resultText().contains(QStringLiteral("as Alice (UTC)")), qPrintable(page.resultText()));

        page.joinOrLeave();
        QTRY_VERIFY_WITH_TIMEOUT(m_alice.team.isJoined(), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(page.resultText().contains(QStringLiteral("Joined the team hub as Alice; 3 teammates.")),
                                  qPrintable(page.resultText()), 30000);
        QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("teamJoin"))->text(), QStringLiteral("&Leave Team"));
        QVERIFY(page.findChild<QLineEdit *>(QStringLiteral("teamHubPassword"))->text().isEmpty());
        // The file fallback is in use here, and the page says so.
        auto *warning = page.findChild<QLabel *>(QStringLiteral("teamSecretWarning"));
        QVERIFY(!warning->isHidden());
        QVERIFY2(warning->text().contains(QStringLiteral("keychain")), qPrintable(warning->text()));
        // The password never reaches the settings file.
        QFile ini(m_alice.services.preferences.fileName());
        if (ini.open(QIODevice::ReadOnly))
            QVERIFY(!ini.readAll().contains(m_members[QStringLiteral("Alice")].password.toUtf8()));
        page.resize(620, 460);
        saveShot(page, QStringLiteral("team-page.png"));

        // Alice's own check-in windows reach the hub through the bridge.
        QTRY_VERIFY_WITH_TIMEOUT(windowsOf(m_alice.team, m_alice.team.snapshot().myId).size()
                                     == m_alice.attention.personalWindows().size(), 30000);
    }

    void teammatesJoinAndShareWindows()
    {
        // Bob's window opens at the next whole minute at least 30 s away, in his zone (the hub
        // releases by its clock, the real one): time enough to preview and send before it
        // opens, at any hour. He sets it in his own check-in windows; the bridge publishes it.
        m_bobOpens = nextMinuteAfter(30);
        m_bobLocal = m_bobOpens.toTimeZone(QTimeZone("America/New_York")).time();
        const WeeklyRule bobWindow = dailyRule(m_bobLocal, 10, "America/New_York");
        QVERIFY(m_bob.attention.setPersonalWindows({CheckInWindow{0, bobWindow, {}, CheckInWindow::Scope::Personal}}));
        m_bob.team.join(memberConfig(QStringLiteral("Bob")), m_members[QStringLiteral("Bob")].password);
        const auto joined = waitFor(m_bob.team, TeamSync::Operation::Join);
        QVERIFY2(joined.first, qPrintable(joined.second));
        QTRY_VERIFY_WITH_TIMEOUT(windowsOf(m_bob.team, m_bob.team.snapshot().myId) == QList<WeeklyRule>{bobWindow}, 30000);

        // Carol and Dan publish theirs straight through the hub, hours away in their zones:
        // what is sent to Carol stays held (editable) at any time of day.
        for (const auto &[who, zone] : {std::pair{"Carol", "Europe/Lisbon"}, std::pair{"Dan", "Asia/Tokyo"}}) {
            HubClient client;
            QVERIFY(client.open(memberConfig(QLatin1String(who)), m_members[QLatin1String(who)].password));
            QVERIFY(client.setMyWindows({HubWindow{0, m_members[QLatin1String(who)].id, dailyRule(hoursFromNowIn(6, zone), 30, zone), {}},
                                         HubWindow{0, m_members[QLatin1String(who)].id, dailyRule(hoursFromNowIn(9, zone), 15, zone), {}}}));
        }
        m_alice.team.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(windowsOf(m_alice.team, m_members[QStringLiteral("Dan")].id).size() == 2
                                     && windowsOf(m_alice.team, m_members[QStringLiteral("Bob")].id).size() == 1, 30000);
    }

    void teamViewShowsEveryTeammateWithoutPresence()
    {
        TeamView view(m_alice.services.context);
        view.resize(1100, 360);
        view.refresh();
        const QList<TeamChartRow> rows = view.chart()->rows();
        QCOMPARE(rows.size(), 3);
        QStringList names;
        for (const TeamChartRow &row : rows)
            names.append(row.name);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Bob"), QStringLiteral("Carol"), QStringLiteral("Dan")}));
        for (const TeamChartRow &row : rows) {
            QVERIFY2(row.detail.contains(QStringLiteral(" there")), qPrintable(row.detail));
            QVERIFY(!row.windows.isEmpty());
            QVERIFY(!row.detail.contains(QStringLiteral("online"), Qt::CaseInsensitive));
        }
        QVERIFY(view.chart()->accessibleDescription().contains(QStringLiteral("Carol, Europe/Lisbon · ")));
        QVERIFY(!view.chart()->accessibleName().isEmpty());
        saveShot(view, QStringLiteral("team-view.png"));
    }

    void composerPreviewsThenSendsAndBobReceivesAtHisWindow()
    {
        OutboxView view(m_alice.services.context);
        view.resize(1000, 600);
        view.show();
        auto *recipient = view.findChild<QComboBox *>(QStringLiteral("composerRecipient"));
        QCOMPARE(recipient->count(), 3);
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Bob")].role));
        // "(their 09:00)", or "(their Wed 19:02)" when their date is not the sender's.
        const QRegularExpression their(QStringLiteral("\\(their (\\w+ )?%1\\)").arg(m_bobLocal.toString(u"HH:mm")));
        QTRY_VERIFY2_WITH_TIMEOUT(view.composer()->previewText().contains(their),
                                  qPrintable(view.composer()->previewText()), 20000);
        QVERIFY(view.composer()->previewText().startsWith(QStringLiteral("Delivered ")));
        const QString previewed = view.composer()->previewText();

        // The preview follows the recipient.
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Carol")].role));
        QTRY_VERIFY_WITH_TIMEOUT(!view.composer()->previewText().contains(their)
                                     && view.composer()->previewText().startsWith(QStringLiteral("Delivered ")), 20000);
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Bob")].role));
        QTRY_COMPARE_WITH_TIMEOUT(view.composer()->previewText(), previewed, 20000);

        // The sender moves (Preferences zone): "Delivered …" follows, their time stays.
        m_alice.team.setSenderZone(QTimeZone("Asia/Kolkata"));
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Carol")].role));
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Bob")].role));
        // Their side keeps its time (with a weekday when the two dates differ).
        const QString theirTime = m_bobLocal.toString(u"HH:mm") + QLatin1Char(')');
        QTRY_VERIFY2_WITH_TIMEOUT(view.composer()->previewText() != previewed
                                      && view.composer()->previewText().contains(theirTime),
                                  qPrintable(view.composer()->previewText()), 20000);
        m_alice.team.setSenderZone(QTimeZone("UTC"));
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Carol")].role));
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Bob")].role));
        QTRY_COMPARE_WITH_TIMEOUT(view.composer()->previewText(), previewed, 20000);

        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("composerSubject")), QStringLiteral("Draft \"v2\" ready"));
        QTest::keyClicks(view.findChild<QPlainTextEdit *>(QStringLiteral("composerBody")), QStringLiteral("See C:\\docs\\v2; DROP TABLE x; --"));
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("composerSend")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->index(0, OutboxModel::StateColumn).data().toString(), QStringLiteral("Held"), 20000);
        QCOMPARE(view.model()->index(0, OutboxModel::RecipientColumn).data().toString(), QStringLiteral("Bob"));
        QVERIFY2(view.model()->index(0, OutboxModel::ReleaseColumn).data().toString().contains(their),
                 qPrintable(view.model()->index(0, OutboxModel::ReleaseColumn).data().toString()));
        QVERIFY(view.findChild<QLineEdit *>(QStringLiteral("composerSubject"))->text().isEmpty()); // cleared once sent
        QVERIFY2(QDateTime::currentDateTimeUtc() < m_bobOpens,
                 "joining, previewing and sending took longer than the 30 s margin before Bob's window opens");

        // A second message to Carol, held for her window; and an urgent one to Dan, asked once.
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Carol")].role));
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("composerSubject")), QStringLiteral("Budget questions"));
        QTRY_VERIFY(view.findChild<QPushButton *>(QStringLiteral("composerSend"))->isEnabled());
        view.composer()->send();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 2, 20000);
        int asked = 0;
        view.composer()->setUrgentConfirmation([&](const QString &name) {
            ++asked;
            return name.startsWith(QStringLiteral("Dan"));
        });
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Dan")].role));
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("composerSubject")), QStringLiteral("Server down"));
        QTRY_VERIFY(view.findChild<QPushButton *>(QStringLiteral("composerSendUrgent"))->isEnabled());
        view.composer()->sendUrgent();
        QCOMPARE(asked, 1);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_alice.team.snapshot().urgentThisWeek, 1, 20000);
        QTRY_COMPARE(view.findChild<QLabel *>(QStringLiteral("composerUrgentCount"))->text(), QStringLiteral("1 urgent this week"));
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Carol")].role));
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("composerSubject")), QStringLiteral("Not urgent after all"));
        QTRY_VERIFY(view.findChild<QPushButton *>(QStringLiteral("composerSendUrgent"))->isEnabled());
        QSignalSpy requests(&m_alice.team, &TeamSync::finished);
        view.composer()->sendUrgent(); // refused at the question: nothing sent
        QCOMPARE(asked, 2);
        QVERIFY(drainWorker(m_alice.team));
        for (const QList<QVariant> &request : std::as_const(requests))
            QVERIFY(request.at(0).value<TeamSync::Operation>() != TeamSync::Operation::Send);
        QCOMPARE(view.model()->rowCount(), 3);

        // Edit, then withdraw the held message to Carol (row 1: newest first).
        const QModelIndex carol = view.model()->index(1, OutboxModel::SubjectColumn);
        QCOMPARE(carol.data().toString(), QStringLiteral("Budget questions"));
        m_alice.team.edit(carol.data(OutboxModel::UuidRole).toUuid(), QStringLiteral("Budget questions (2)"), QStringLiteral("three of them"));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->index(1, OutboxModel::SubjectColumn).data().toString(),
                                  QStringLiteral("Budget questions (2)"), 20000);
        saveShot(view, QStringLiteral("outbox-queued.png"));
        view.queue()->setCurrentIndex(view.model()->index(1, 0));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("outboxWithdraw"))->isEnabled());
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("outboxWithdraw")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->index(1, OutboxModel::StateColumn).data().toString(),
                                  QStringLiteral("Withdrawn"), 20000);

        // Bob's Fermata receives it once his window opens, into his Inbox through the batcher.
        QTRY_VERIFY_WITH_TIMEOUT(teamItems(m_bob).size() >= 1, 120000);
        const QDateTime arrived = QDateTime::currentDateTimeUtc();
        QVERIFY2(arrived >= m_bobOpens, qPrintable(arrived.toString(Qt::ISODateWithMs)));
        const QList<InboxItem> items = teamItems(m_bob);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().notification.sender, QStringLiteral("Alice"));
        QCOMPARE(items.first().notification.title, QStringLiteral("Draft \"v2\" ready"));
        QCOMPARE(items.first().notification.body, QStringLiteral("See C:\\docs\\v2; DROP TABLE x; --"));
        // Exactly once, however often it syncs; the sender sees it delivered.
        m_bob.team.syncNow();
        QVERIFY(drainWorker(m_bob.team)); // the sync has run and written what it fetched
        QCOMPARE(teamItems(m_bob).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->index(2, OutboxModel::StateColumn).data().toString(),
                                  QStringLiteral("Delivered"), 30000);
    }

    void offlineSendQueuesLocallyAndSaysSo()
    {
        // The whole window: its message bar and the Outbox's queued count come from the worker.
        MainWindow window(m_alice.services.context);
        window.resize(1200, 700);
        window.showView(MainWindow::View::Outbox);
        window.show();
        MessageBar &bar = *window.messageBar();
        OutboxView &view = *window.findChild<OutboxView *>(QStringLiteral("outboxView"));
        const int before = view.model()->rowCount();
        QVERIFY(m_cluster.stop());

        auto *recipient = view.findChild<QComboBox *>(QStringLiteral("composerRecipient"));
        recipient->setCurrentIndex(recipient->findData(m_members[QStringLiteral("Carol")].role));
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("composerSubject")), QStringLiteral("Written offline"));
        QTRY_VERIFY(view.findChild<QPushButton *>(QStringLiteral("composerSend"))->isEnabled());
        view.composer()->send();
        const auto sent = waitFor(m_alice.team, TeamSync::Operation::Send);
        QVERIFY2(sent.first, qPrintable(sent.second)); // stored locally: the send itself succeeded
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), before + 1, 20000);
        QCOMPARE(view.model()->index(0, OutboxModel::StateColumn).data().toString(), QStringLiteral("Waiting to sync"));
        QTRY_COMPARE_WITH_TIMEOUT(m_alice.team.snapshot().status.text,
                                  QStringLiteral("Team hub unreachable — 1 message waiting to sync"), 20000);
        QTRY_COMPARE(bar.text(), QStringLiteral("Team hub unreachable — 1 message waiting to sync"));
        QCOMPARE(bar.kind(), MessageBar::Kind::Error);
        auto *navigation = window.findChild<NavigationList *>(QStringLiteral("navigation"));
        QTRY_COMPARE(navigation->badge(int(MainWindow::View::Outbox)), 1); // the new one: Bob's was delivered, Carol's withdrawn, Dan's urgent
        saveShot(window, QStringLiteral("mainwindow-offline.png"));
        // The composer's preview still answers, from the last known windows.
        QTRY_VERIFY_WITH_TIMEOUT(view.composer()->previewText().contains(QStringLiteral("last known windows")), 20000);

        QVERIFY(m_cluster.restart());
        m_alice.team.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_alice.team.snapshot().status.waiting, 0, 30000);
        QTRY_COMPARE(view.model()->index(0, OutboxModel::StateColumn).data().toString(), QStringLiteral("Held"));
        QTRY_VERIFY(bar.text() != QStringLiteral("Team hub unreachable — 1 message waiting to sync") || bar.isHidden());
    }

    void notJoinedTeachesHowToJoin()
    {
        test::TempDataDir dir;
        test::UiServices services(dir, QDateTime::currentDateTimeUtc());
        TeamSync team({dir.databasePath(), dir.filePath(QStringLiteral("hub-secrets.json")), QTimeZone("UTC"), 0}, m_alice.clock);
        services.context.team = &team;
        team.start();
        QTRY_VERIFY(team.isReady());
        OutboxView outbox(services.context);
        TeamView teamView(services.context);
        QVERIFY(outbox.emptyState()->isVisibleTo(&outbox));
        QVERIFY(outbox.emptyState()->text().contains(QStringLiteral("Preferences → Team")));
        QVERIFY(outbox.emptyState()->text().contains(QStringLiteral("fermata hub join")));
        QVERIFY(teamView.emptyState()->isVisibleTo(&teamView));
        // And without a worker at all (tests, or a window built without the hub).
        OutboxView bare(m_nothing.context);
        QVERIFY(bare.emptyState()->isVisibleTo(&bare));
    }

private:
    HubConfig memberConfig(const QString &who) const
    {
        HubConfig config = m_hub;
        config.user = m_members.value(who).role;
        return config;
    }

    static QList<WeeklyRule> windowsOf(const TeamSync &team, qint64 memberId)
    {
        QList<WeeklyRule> rules;
        for (const HubWindow &w : team.snapshot().windows) {
            if (w.memberId == memberId && memberId != 0)
                rules.append(w.rule);
        }
        return rules;
    }

    static QList<InboxItem> teamItems(Profile &profile)
    {
        QList<InboxItem> found;
        const auto recent = profile.attention.recentItems(100);
        if (recent) {
            for (const InboxItem &item : *recent) {
                if (item.notification.source == QLatin1String(teaminbox::source))
                    found.append(item);
            }
        }
        return found;
    }

    test::PgCluster m_cluster;
    HubConfig m_hub;
    QMap<QString, NewMember> m_members;
    QDateTime m_bobOpens;
    QTime m_bobLocal; // m_bobOpens on his wall clock
    Profile m_alice{"UTC"};
    Profile m_bob{"America/New_York"};
    test::TempDataDir m_nothingDir;
    test::UiServices m_nothing{m_nothingDir, QDateTime::currentDateTimeUtc()};
};

QTEST_MAIN(TestTeamHubUi)
#include "tst_teamhubui.moc"
