#include "pgcluster.h"
#include "testsupport.h"
#include "uitestfixture.h"

#include "attention/attentionservice.h"
#include "mainwindow.h"
#include "messaging/teamattentionbridge.h"
#include "messaging/teaminbox.h"
#include "messaging/teamsync.h"
#include "models/inboxmodel.h"
#include "models/outboxmodel.h"
#include "storage/datachangewatcher.h"
#include "team/hubclient.h"
#include "views/inboxfoldedpanel.h"
#include "views/inboxview.h"
#include "views/messagecomposer.h"
#include "views/outboxview.h"
#include "views/teamview.h"
#include "widgets/messagebar.h"
#include "widgets/teamwindowschart.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace fermata;

namespace {

// One Fermata window's worth of parts on its own data folder, wired as guiapp wires them:
// the attention engine, the team worker on its thread, the bridge, and the watcher that
// tells this process what other connections (the worker, commands) wrote.
struct Profile
{
    explicit Profile(const QByteArray &zone)
        : services(dir, QDateTime::currentDateTimeUtc())
        , attention(*services.database, clock)
        , team({dir.databasePath(), dir.filePath(QStringLiteral("hub-secrets.json")), QTimeZone(zone), 0}, clock)
        , bridge(team, attention)
        , changes(*services.database)
    {
        if (const Status loaded = attention.load(zone); !loaded)
            qFatal("%s", qPrintable(loaded.error().message));
        services.context.team = &team;
        services.context.attention = &attention;
        QObject::connect(&changes, &DataChangeWatcher::inboxChanged, &attention, &AttentionService::takeInboxChanges);
        QObject::connect(&changes, &DataChangeWatcher::teamChanged, &team, &TeamSync::reloadFromStorage);
        changes.start();
    }
    // The views read the context's (fake) clock; the hub and the engine the real one.
    void catchUpClock(int aheadSecs = 0) { services.clock.setNow(QDateTime::currentDateTimeUtc().addSecs(aheadSecs)); }

    test::TempDataDir dir;
    test::UiServices services;
    SystemClock clock;
    AttentionService attention;
    TeamSync team;
    TeamAttentionBridge bridge;
    DataChangeWatcher changes;
};

std::pair<bool, QString> waitFor(TeamSync &team, TeamSync::Operation operation, int timeoutMs = 30000)
{
    std::optional<std::pair<bool, QString>> result;
    QObject context;
    QObject::connect(&team, &TeamSync::finished, &context,
                     [&](TeamSync::Operation op, bool ok, const QString &message) {
                         if (op == operation && !result)
                             result = std::pair(ok, message);
                     });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    return result.value_or(std::pair(false, QStringLiteral("timed out")));
}

QList<InboxItem> teamItems(Profile &profile)
{
    QList<InboxItem> found;
    if (const auto recent = profile.attention.recentItems(100)) {
        for (const InboxItem &item : *recent) {
            if (item.notification.source == QLatin1String(teaminbox::source))
                found.append(item);
        }
    }
    return found;
}

std::optional<InboxItem> teamItem(Profile &profile, const QString &title)
{
    for (const InboxItem &item : teamItems(profile)) {
        if (item.notification.title == title)
            return item;
    }
    return std::nullopt;
}

void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FERMATA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget.grab().save(QDir(dir).filePath(name));
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run fermataCommand(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(FERMATA_EXECUTABLE), arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        run.err = QStringLiteral("did not finish");
        return run;
    }
    run.code = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// The row of `model` whose subject is `subject`, or -1.
int rowOf(const OutboxModel &model, const QString &subject)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, OutboxModel::SubjectColumn).data().toString() == subject)
            return row;
    }
    return -1;
}

QString hhmm(const QDateTime &instant)
{
    return instant.toUTC().toString(QStringLiteral("HH:mm"));
}

} // namespace

// The team flow as two new users try it, each with their own data folder, on a throwaway hub:
// an urgent message interrupts (within the hourly cap) and says so; a message marked done,
// in the window or by a command, reads "Read <time>" in its sender's Outbox; the Outbox says
// when a message was really delivered, and the composer's confirmation says what its row says;
// nothing moves under the mouse; a received message can be answered; the folded Inbox names
// the teammate; `outbox --offline` does not speak of the hub's reachability.
class TestTeamFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        qputenv("FERMATA_SECRET_STORE", "file");
        m_alice.team.start();
        m_bob.team.start();
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
        const QString adminUrl = m_cluster.createHubDatabase(QStringLiteral("team_hub"), QStringLiteral("hub_admin"));
        QVERIFY2(!adminUrl.isEmpty(), qPrintable(m_cluster.errorString()));
        m_hub = HubConfig::fromUrl(adminUrl).value();
        HubClient admin;
        QVERIFY(admin.open(m_hub, m_cluster.adminPassword()));
        QVERIFY(admin.initSchema());
        for (const auto &[name, zone] : {std::pair{"Alice", "UTC"}, std::pair{"Bob", "America/New_York"},
                                         std::pair{"Carol", "Europe/Lisbon"}}) {
            const QString who = QLatin1String(name);
            const Result<NewMember> added = admin.addMember(QStringLiteral("Alpha"), who,
                                                            who.toLower() + QStringLiteral("@alpha.example"), zone);
            QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            m_members[who] = *added;
        }
        m_hub.passwordInUrl.clear();
        m_hub.user.clear();

        // Bob reads twice a day, hours from now: whatever reaches him now came through.
        const QTimeZone newYork("America/New_York");
        const QTime later = QDateTime::currentDateTimeUtc().addSecs(5 * 3600).toTimeZone(newYork).time();
        const WeeklyRule bobWindow(WeeklyRule::EveryDay, QTime(later.hour(), 0), QTime(later.hour(), 30), "America/New_York");
        QVERIFY(m_bob.attention.setPersonalWindows({CheckInWindow{0, bobWindow, {}, CheckInWindow::Scope::Personal}}));
        for (Profile *who : {&m_alice, &m_bob}) {
            const QString name = who == &m_alice ? QStringLiteral("Alice") : QStringLiteral("Bob");
            who->team.join(memberConfig(name), m_members[name].password);
            const auto joined = waitFor(who->team, TeamSync::Operation::Join);
            QVERIFY2(joined.first, qPrintable(joined.second));
        }
        m_alice.team.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(m_alice.team.snapshot().teammates().size() == 2, 30000);
        QVERIFY(!m_bob.attention.isWindowOpen());
    }

    // "Send now (urgent)" promises to interrupt: it breaks through on Bob's desktop as a
    // critical notification, marked urgent in his Inbox; past the hourly cap it is held.
    void urgentMessageBreaksThroughWithinTheCap()
    {
        BatchingConfig rules = m_bob.attention.rules();
        rules.breakThroughsPerHour = 1;
        QVERIFY(m_bob.attention.setRules(rules));
        QSignalSpy shown(&m_bob.attention, &AttentionService::notificationsDelivered);

        m_alice.team.send(role(u"Bob"), QStringLiteral("Server down"), QStringLiteral("db01 is gone"), true);
        QVERIFY(waitFor(m_alice.team, TeamSync::Operation::Send).first);
        QTRY_VERIFY_WITH_TIMEOUT(teamItem(m_bob, QStringLiteral("Server down")).has_value(), 30000);
        const InboxItem urgent = *teamItem(m_bob, QStringLiteral("Server down"));
        QCOMPARE(urgent.state, ItemState::Released);
        QCOMPARE(urgent.decision.verdict, Verdict::Deliver);
        QCOMPARE(urgent.decision.reason, DecisionReason::CriticalBreakThrough);
        QCOMPARE(urgent.notification.urgency, Urgency::Critical);
        QCOMPARE(urgent.notification.sender, QStringLiteral("Alice"));
        // Bob's engine shows it on the desktop, once, though the team worker stored it.
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
        const auto notifications = shown.first().first().value<QList<Notification>>();
        QCOMPARE(notifications.size(), 1);
        QCOMPARE(notifications.first().title, QStringLiteral("Server down"));
        QCOMPARE(notifications.first().urgency, Urgency::Critical);

        InboxModel inbox(m_bob.attention, m_bob.services.clock);
        const QModelIndex entry = inbox.index(0, InboxModel::Title, inbox.index(0, 0));
        QCOMPARE(entry.data().toString(), QStringLiteral("Urgent: Server down"));
        QVERIFY(entry.data(InboxModel::UrgentRole).toBool());
        QVERIFY2(entry.data(InboxModel::ReasonRole).toString().contains(QStringLiteral("urgent")),
                 qPrintable(entry.data(InboxModel::ReasonRole).toString()));

        // The second within the hour meets the cap Bob chose: held for his window, saying why.
        m_alice.team.send(role(u"Bob"), QStringLiteral("Server still down"), QString(), true);
        QVERIFY(waitFor(m_alice.team, TeamSync::Operation::Send).first);
        QTRY_VERIFY_WITH_TIMEOUT(teamItem(m_bob, QStringLiteral("Server still down")).has_value(), 30000);
        const InboxItem capped = *teamItem(m_bob, QStringLiteral("Server still down"));
        QCOMPARE(capped.state, ItemState::Held);
        QCOMPARE(capped.decision.reason, DecisionReason::BreakThroughCapReached);
        QTest::qWait(300); // the watcher settles within 50 ms: nothing more is shown
        QCOMPARE(shown.count(), 1);
    }

    // Folded (Bob is outside his window), the Inbox names who wrote, not "team".
    void foldedInboxNamesTheTeammate()
    {
        InboxView view(m_bob.services.context);
        view.resize(700, 500);
        QVERIFY(view.isFolded());
        const QString groups = view.foldedPanel()->groupsText();
        QVERIFY2(groups.contains(QStringLiteral("Alice 1")), qPrintable(groups));
        QVERIFY2(!groups.contains(QStringLiteral("team")), qPrintable(groups));
        saveShot(view, QStringLiteral("flow-inbox-folded.png"));
    }

    // Done in the window: the sender's Outbox says "Read <time>", and the hub knows it.
    void doneInTheWindowReadsReadForTheSender()
    {
        const InboxItem urgent = *teamItem(m_bob, QStringLiteral("Server down"));
        QVERIFY(m_bob.attention.markDone({urgent.notification.id}));
        const QUuid uuid = teaminbox::messageUuid(urgent.uuid);
        QTRY_VERIFY_WITH_TIMEOUT(acknowledgedOnHub(uuid).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(uuid) == Message::State::Acknowledged, 30000);

        OutboxView view(m_alice.services.context);
        m_alice.catchUpClock();
        const int row = rowOf(*view.model(), QStringLiteral("Server down"));
        QVERIFY(row >= 0);
        const QString state = view.model()->index(row, OutboxModel::StateColumn).data().toString();
        QCOMPARE(state, QStringLiteral("Read %1").arg(hhmm(acknowledgedOnHub(uuid))));
        const QString when = view.model()->index(row, OutboxModel::ReleaseColumn).data().toString();
        QVERIFY2(when.startsWith(QStringLiteral("Delivered ")) && !when.contains(QStringLiteral("now")), qPrintable(when));
    }

    // Done by a command while the window runs: committed with the acknowledgement, pushed by
    // the window that holds the hub connection.
    void doneByACommandReadsReadForTheSender()
    {
        const InboxItem capped = *teamItem(m_bob, QStringLiteral("Server still down"));
        const Run done = fermataCommand({QStringLiteral("--data-dir"), m_bob.dir.path(), QStringLiteral("inbox"),
                                         QStringLiteral("done"), QString::number(capped.notification.id)});
        QVERIFY2(done.code == 0, qPrintable(done.err));
        const QUuid uuid = teaminbox::messageUuid(capped.uuid);
        QTRY_VERIFY_WITH_TIMEOUT(acknowledgedOnHub(uuid).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(uuid) == Message::State::Acknowledged, 30000);
    }

    // To Carol, whose Fermata is closed and who has no windows: released at once, and the
    // composer's confirmation and the row say the same; once her Fermata fetches it, the row
    // says when, not "now".
    void outboxShowsOneStateAndTheRealDeliveryTime()
    {
        OutboxView view(m_alice.services.context);
        view.resize(1000, 600);
        view.show();
        m_alice.catchUpClock(5); // the hub's release instant, a moment after the send, has passed
        auto *recipient = view.findChild<QComboBox *>(QStringLiteral("composerRecipient"));
        recipient->setCurrentIndex(recipient->findData(role(u"Carol")));
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("composerSubject")), QStringLiteral("Lunch?"));
        QTRY_VERIFY(view.findChild<QPushButton *>(QStringLiteral("composerSend"))->isEnabled());
        view.composer()->send();
        QTRY_VERIFY_WITH_TIMEOUT(!view.composer()->outcomeText().isEmpty(), 20000);
        const int row = rowOf(*view.model(), QStringLiteral("Lunch?"));
        QVERIFY(row >= 0);
        const QString state = view.model()->index(row, OutboxModel::StateColumn).data().toString();
        const QString when = view.model()->index(row, OutboxModel::ReleaseColumn).data().toString();
        QCOMPARE(state, QStringLiteral("Released"));
        QVERIFY2(when.startsWith(QStringLiteral("Released ")), qPrintable(when));
        // The state once: "Released 00:03 — …" says it already.
        QCOMPARE(view.composer()->outcomeText(), QStringLiteral("Sent to Carol · %1").arg(when));
        saveShot(view, QStringLiteral("flow-outbox-released.png"));

        // Carol's Fermata fetches it a little later.
        HubClient carol;
        QVERIFY(carol.open(memberConfig(QStringLiteral("Carol")), m_members[QStringLiteral("Carol")].password));
        const Result<QList<Message>> fetched = carol.fetchReleased();
        QVERIFY(fetched && fetched->size() == 1);
        QVERIFY(carol.markDelivered({fetched->first().uuid}));
        m_alice.team.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->index(rowOf(*view.model(), QStringLiteral("Lunch?")), OutboxModel::StateColumn)
                                      .data().toString(), QStringLiteral("Delivered"), 30000);
        m_alice.catchUpClock();
        const QDateTime delivered = m_alice.team.snapshot().outbox.constLast().message.deliveredAt;
        QVERIFY(delivered.isValid());
        QCOMPARE(view.model()->index(rowOf(*view.model(), QStringLiteral("Lunch?")), OutboxModel::ReleaseColumn).data().toString(),
                 QStringLiteral("Delivered %1").arg(hhmm(delivered)));
        saveShot(view, QStringLiteral("flow-outbox-delivered.png"));
    }

    // Sending (and any message) must not move the form under the mouse.
    void confirmationMovesNothing()
    {
        MainWindow window(m_alice.services.context);
        window.resize(1200, 760);
        window.showView(MainWindow::View::Outbox);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *subject = window.findChild<QLineEdit *>(QStringLiteral("composerSubject"));
        auto *body = window.findChild<QPlainTextEdit *>(QStringLiteral("composerBody"));
        const QPoint subjectAt = subject->mapTo(&window, QPoint());
        const QPoint bodyAt = body->mapTo(&window, QPoint());
        auto *recipient = window.findChild<QComboBox *>(QStringLiteral("composerRecipient"));
        recipient->setCurrentIndex(recipient->findData(role(u"Carol")));
        QTest::keyClicks(subject, QStringLiteral("Slides"));
        OutboxView *view = window.findChild<OutboxView *>(QStringLiteral("outboxView"));
        view->composer()->send();
        QTRY_VERIFY_WITH_TIMEOUT(view->composer()->outcomeText().startsWith(QStringLiteral("Sent to Carol")), 20000);
        window.messageBar()->showError(QStringLiteral("Something else went wrong somewhere."));
        QTRY_VERIFY(window.messageBar()->isVisible());
        QCoreApplication::processEvents();
        QCOMPARE(subject->mapTo(&window, QPoint()), subjectAt);
        QCOMPARE(body->mapTo(&window, QPoint()), bodyAt);
        saveShot(window, QStringLiteral("flow-outbox-confirmation.png"));
    }

    // Clicking the empty area under the teammates (or arriving there by Ctrl+6) keeps the view
    // readable: no block of selection colour.
    void teamViewKeepsItsLookWhenFocused()
    {
        MainWindow window(m_alice.services.context);
        window.resize(1200, 760);
        window.showView(MainWindow::View::Outbox);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QLineEdit *>(QStringLiteral("composerSubject"))->setFocus();
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(window.currentView(), MainWindow::View::Team);
        TeamWindowsChart *chart = window.findChild<TeamWindowsChart *>(QStringLiteral("teamWindowsChart"));
        QVERIFY(chart);
        QTRY_VERIFY(chart->isVisible());
        TeamView *view = window.findChild<TeamView *>(QStringLiteral("teamView"));
        const QPoint below(chart->width() / 2, chart->height() - 20); // under the last row
        const QPoint probe = chart->mapTo(view, below);
        const auto pixelAt = [&] {
            const QImage shot = view->grab().toImage();
            return shot.pixelColor(probe * shot.devicePixelRatio());
        };
        chart->clearFocus();
        QCoreApplication::processEvents();
        const QColor unfocused = pixelAt();
        QTest::mouseClick(chart, Qt::LeftButton, {}, below);
        QVERIFY(chart->hasFocus()); // still reachable by keyboard and screen readers
        saveShot(*view, QStringLiteral("flow-team-focused.png"));
        QCOMPARE(pixelAt(), unfocused);
        QVERIFY(pixelAt() != view->palette().color(QPalette::Highlight));
    }

    // R on a teammate's message opens the composer to them, "Re: <subject>" (never "Re: Re:").
    void replyFromTheInbox()
    {
        QCOMPARE(MessageComposer::replySubject(QStringLiteral("Re: RE:  Lunch")), QStringLiteral("Re: Lunch"));
        QCOMPARE(MessageComposer::replySubject(QStringLiteral("Rent")), QStringLiteral("Re: Rent"));
        MainWindow window(m_bob.services.context);
        window.resize(1200, 760);
        window.showView(MainWindow::View::Inbox);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InboxView *inbox = window.inboxView();
        // Bob peeks early (it is not his window): confirm the question.
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->findChild<QPushButton *>(QStringLiteral("peekConfirmButton"))->click();
        });
        inbox->peekEarly();
        QTRY_VERIFY(!inbox->isFolded());
        QTreeView *tree = inbox->tree();
        QTRY_VERIFY(inbox->model()->rowCount() > 0);
        QModelIndex group;
        for (int row = 0; row < inbox->model()->rowCount(); ++row) {
            const QModelIndex at = inbox->model()->index(row, 0);
            if (at.data(InboxModel::SourceRole).toString() == QLatin1String(teaminbox::source))
                group = at;
        }
        QVERIFY(group.isValid());
        tree->setCurrentIndex(inbox->model()->index(0, 0, group));
        QVERIFY(inbox->replyAction()->isEnabled());
        saveShot(window, QStringLiteral("flow-inbox-urgent.png"));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        tree->setFocus();
        QTRY_VERIFY(tree->hasFocus());
        QTest::keyClick(tree, Qt::Key_R);
        QCOMPARE(window.currentView(), MainWindow::View::Outbox);
        OutboxView *outbox = window.findChild<OutboxView *>(QStringLiteral("outboxView"));
        QCOMPARE(outbox->composer()->selectedRecipient(), role(u"Alice"));
        const QString subject = window.findChild<QLineEdit *>(QStringLiteral("composerSubject"))->text();
        QVERIFY2(subject == QStringLiteral("Re: Server down") || subject == QStringLiteral("Re: Server still down"),
                 qPrintable(subject));
        saveShot(window, QStringLiteral("flow-reply.png"));
    }

    // --offline asks nothing of the hub, so it cannot say the hub is unreachable.
    void outboxOfflineSaysItDidNotAsk()
    {
        const Run run = fermataCommand({QStringLiteral("--data-dir"), m_alice.dir.path(), QStringLiteral("outbox"),
                                        QStringLiteral("--offline")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("unreachable"), Qt::CaseInsensitive), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Not contacting the team hub")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Lunch?")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("read ")), qPrintable(run.out));
    }

private:
    HubConfig memberConfig(const QString &who) const
    {
        HubConfig config = m_hub;
        config.user = m_members.value(who).role;
        return config;
    }
    QString role(QStringView who) const { return m_members.value(who.toString()).role; }

    // What the hub says of Alice's message `uuid`: when it was acknowledged (invalid: not yet).
    QDateTime acknowledgedOnHub(const QUuid &uuid) const
    {
        HubClient alice;
        if (!alice.open(memberConfig(QStringLiteral("Alice")), alicePassword()))
            return {};
        const Result<QList<SentStatus>> status = alice.sentStatus({uuid});
        return status && status->size() == 1 ? status->first().acknowledgedAt : QDateTime();
    }
    QString alicePassword() const
    {
        QFile secrets(m_alice.dir.filePath(QStringLiteral("hub-secrets.json")));
        if (!secrets.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject all = QJsonDocument::fromJson(secrets.readAll()).object();
        return all.isEmpty() ? QString() : all.begin()->toString();
    }
    // The state of Alice's sent message `uuid` in her window's snapshot.
    Message::State stateOf(const QUuid &uuid)
    {
        for (const OutboxService::OutgoingMessage &out : m_alice.team.snapshot().outbox) {
            if (out.message.uuid == uuid)
                return out.message.state;
        }
        return Message::State::Draft;
    }

    test::PgCluster m_cluster;
    HubConfig m_hub;
    QMap<QString, NewMember> m_members;
    Profile m_alice{"UTC"};
    Profile m_bob{"America/New_York"};
};

QTEST_MAIN(TestTeamFlow)
#include "tst_teamflow.moc"
