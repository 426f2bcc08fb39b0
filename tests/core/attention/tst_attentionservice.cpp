#include "attention/attentionservice.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace fermata;

namespace {

const QByteArray berlin = QByteArrayLiteral("Europe/Berlin");

QDateTime at(int d, int h, int m)
{
    return QDateTime(QDate(2026, 3, d), QTime(h, m), QTimeZone(berlin)); // 2 March 2026 is a Monday
}

InboxItem item(const QString &source, const QString &title, const QString &sender = {},
               Urgency urgency = Urgency::Normal, const QString &uuid = {})
{
    InboxItem i;
    i.notification.source = source;
    i.notification.title = title;
    i.notification.sender = sender;
    i.notification.urgency = urgency;
    i.uuid = uuid;
    return i;
}

struct Fixture
{
    test::TempDataDir dir;
    std::unique_ptr<Database> db;
    FakeClock clock{at(2, 7, 0)};
    std::unique_ptr<AttentionService> service;

    Fixture()
    {
        auto opened = Database::open(dir.databasePath());
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        db = std::move(opened).value();
        reopen();
    }
    void reopen()
    {
        service.reset();
        service = std::make_unique<AttentionService>(*db, clock);
        if (!service->load(berlin))
            qFatal("load failed");
    }
};

} // namespace

class TestAttentionService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void firstRunSeedsDefaultWindowsOnce()
    {
        Fixture f;
        QCOMPARE(f.service->personalWindows().size(), 3);
        QCOMPARE(f.service->nextWindowStart(), at(2, 9, 0));
        QVERIFY(f.service->setPersonalWindows({}));
        f.reopen();
        QVERIFY(f.service->personalWindows().isEmpty()); // a deliberate "no windows" stays
        QVERIFY(!f.service->nextWindowStart().isValid());
    }

    void windowsFollowTheZoneTheyMoveTo()
    {
        Fixture f;
        f.service->start();
        QCOMPARE(f.service->nextWindowStart(), at(2, 9, 0));
        QVERIFY(f.service->movePersonalWindowsToZone(QByteArrayLiteral("America/New_York")));
        const QDateTime nine = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone("America/New_York"));
        QCOMPARE(f.service->nextWindowStart(), nine);
        QCOMPARE(f.service->timer().deadline(), at(2, 8, 0)); // re-armed (hourly housekeeping first)
        f.reopen();
        QCOMPARE(f.service->personalWindows().constFirst().rule.zoneId(), QByteArray("America/New_York"));
    }

    void teamWindowsMergeIntoTheSchedule()
    {
        Fixture f;
        CheckInWindow team{0, WeeklyRule(WeeklyRule::EveryDay, QTime(7, 30), QTime(7, 45), berlin), QStringLiteral("Team"), {}};
        f.service->setTeamWindows({team});
        QCOMPARE(f.service->nextWindowStart(), at(2, 7, 30));
        QCOMPARE(f.service->teamWindows().constFirst().scope, CheckInWindow::Scope::Team);
        QCOMPARE(f.service->personalWindows().size(), 3);
    }

    void decisionsAreRecordedWithTheirReason()
    {
        Fixture f;
        BatchingConfig rules;
        rules.sourcePolicies.insert(QStringLiteral("ads"), SourcePolicy::Mute);
        rules.vipSenders.insert(QStringLiteral("boss"));
        rules.breakThroughsPerHour = 1;
        QVERIFY(f.service->setRules(rules));
        QSignalSpy delivered(f.service.get(), &AttentionService::notificationsDelivered);
        auto ids = f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("a")),
                                      item(QStringLiteral("ads"), QStringLiteral("b")),
                                      item(QStringLiteral("mail"), QStringLiteral("c"), QStringLiteral("boss")),
                                      item(QStringLiteral("mail"), QStringLiteral("d"), QStringLiteral("boss"))});
        QVERIFY(ids);
        QCOMPARE(ids->size(), 4);
        auto stored = [&](int i) { return f.service->repository().find(ids->at(i)).value().value(); };
        QCOMPARE(stored(0).state, ItemState::Held);
        QCOMPARE(stored(0).decision.reason, DecisionReason::OutsideWindow);
        QCOMPARE(stored(1).state, ItemState::Muted);
        QCOMPARE(stored(2).state, ItemState::Released);
        QCOMPARE(stored(2).decision.reason, DecisionReason::VipBreakThrough);
        QCOMPARE(stored(2).notification.releasedAt, f.clock.now());
        // The cap counts within the same batch.
        QCOMPARE(stored(3).decision.reason, DecisionReason::BreakThroughCapReached);
        QCOMPARE(delivered.size(), 1);
        QCOMPARE(f.service->heldCount().value(), 2);
        // The cap also counts what was stored earlier in the hour.
        f.clock.advanceSecs(30 * 60);
        auto later = f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("e"), QStringLiteral("boss"))});
        QCOMPARE(f.service->repository().find(later->at(0)).value()->decision.reason, DecisionReason::BreakThroughCapReached);
        f.clock.advanceSecs(31 * 60);
        later = f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("f"), QStringLiteral("boss"))});
        QCOMPARE(f.service->repository().find(later->at(0)).value()->decision.reason, DecisionReason::VipBreakThrough);
    }

    void repeatedUuidIsStoredOnce()
    {
        Fixture f;
        auto first = f.service->ingest({item(QStringLiteral("cli"), QStringLiteral("x"), {}, Urgency::Normal, QStringLiteral("u-1"))});
        auto again = f.service->ingest({item(QStringLiteral("cli"), QStringLiteral("x"), {}, Urgency::Normal, QStringLiteral("u-1")),
                                        item(QStringLiteral("cli"), QStringLiteral("y"), {}, Urgency::Normal, QStringLiteral("u-2"))});
        QVERIFY(first && again);
        QCOMPARE(again->at(0), first->at(0));
        QVERIFY(again->at(1) != first->at(0));
        QCOMPARE(f.service->recentItems(10)->size(), 2);
    }

    void repeatedUuidIsNeitherCountedNorAnnounced()
    {
        Fixture f;
        const InboxItem retried = item(QStringLiteral("cli"), QStringLiteral("x"), {}, Urgency::Normal, QStringLiteral("u-1"));
        const qint64 id = f.service->ingest({retried})->at(0);
        QCOMPARE(f.service->heldCount().value(), 1);
        QSignalSpy stored(f.service.get(), &AttentionService::itemsStored);
        QSignalSpy held(f.service.get(), &AttentionService::heldCountChanged);
        QSignalSpy delivered(f.service.get(), &AttentionService::notificationsDelivered);

        QCOMPARE(f.service->ingest({retried})->at(0), id);
        QCOMPARE(stored.size(), 0);
        QCOMPARE(held.size(), 0);
        QCOMPARE(f.service->heldCount().value(), 1);

        // In a batch with a new item (and the new one twice): only the new one, once.
        const InboxItem fresh = item(QStringLiteral("cli"), QStringLiteral("y"), {}, Urgency::Normal, QStringLiteral("u-2"));
        const auto ids = f.service->ingest({retried, fresh, fresh}).value();
        QCOMPARE(ids.at(0), id);
        QCOMPARE(ids.at(2), ids.at(1));
        QCOMPARE(stored.size(), 1);
        const auto items = stored.at(0).at(0).value<QList<InboxItem>>();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).notification.id, ids.at(1));
        QCOMPARE(items.at(0).state, ItemState::Held);
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.at(0).at(0).toInt(), 2);
        QCOMPARE(f.service->heldCount().value(), 2);
        QCOMPARE(delivered.size(), 0);

        // A retry keeps its first decision, even when it would be decided otherwise now.
        f.clock.setNow(at(2, 9, 5)); // inside the morning window
        QCOMPARE(f.service->ingest({fresh})->at(0), ids.at(1));
        QCOMPARE(delivered.size(), 0);
        QCOMPARE(f.service->repository().find(ids.at(1)).value()->state, ItemState::Held);
    }

    void heldCountIsKeptInOnePlace()
    {
        Fixture f;
        QSignalSpy held(f.service.get(), &AttentionService::heldCountChanged);
        const auto ids = f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("a")),
                                            item(QStringLiteral("mail"), QStringLiteral("b")),
                                            item(QStringLiteral("chat"), QStringLiteral("c"))})
                             .value();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.last().at(0).toInt(), 3);
        const HeldTally tally = f.service->heldTally().value();
        QCOMPARE(tally.total(), 3);
        const QList<std::pair<QString, int>> sources = {{QStringLiteral("mail"), 2}, {QStringLiteral("chat"), 1}};
        QCOMPARE(tally.sources(), sources);

        QVERIFY(f.service->markDone({ids.at(0)}));
        QCOMPARE(held.last().at(0).toInt(), 2);
        QCOMPARE(f.service->heldTally()->count(QStringLiteral("mail")), 1);

        // Written by another process: counted again when the service is told.
        AttentionRepository elsewhere(*f.db);
        InboxItem written = item(QStringLiteral("cli"), QStringLiteral("d"));
        written.notification.receivedAt = f.clock.now();
        QVERIFY(elsewhere.add({written}));
        QCOMPARE(f.service->heldCount().value(), 2); // not told yet: the kept count
        f.service->takeInboxChanges();
        QCOMPARE(held.last().at(0).toInt(), 3);
        QCOMPARE(f.service->heldCount().value(), 3);

        f.clock.setNow(at(2, 9, 1)); // the morning window releases everything held
        f.service->tick();
        QCOMPARE(held.last().at(0).toInt(), 0);
        QCOMPARE(f.service->heldTally()->sources().size(), 0);
    }

    void windowOpeningReleasesOneDigest()
    {
        Fixture f;
        f.service->start();
        QCOMPARE(f.service->timer().deadline(), at(2, 8, 0)); // hourly housekeeping comes first
        QVERIFY(f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("Lunch?"), QStringLiteral("ann")),
                                   item(QStringLiteral("mail"), QStringLiteral("Lunch?"), QStringLiteral("ann")),
                                   item(QStringLiteral("chat"), QStringLiteral("hey"), QStringLiteral("bob"))}));
        QSignalSpy digests(f.service.get(), &AttentionService::digestReady);
        QSignalSpy opened(f.service.get(), &AttentionService::windowOpened);
        QVERIFY(f.service->isInboxFolded());
        QCOMPARE(f.service->heldSummary()->notificationCount, 3);
        f.clock.setNow(at(2, 8, 59));
        f.service->tick();
        QCOMPARE(digests.size(), 0);
        f.clock.setNow(at(2, 9, 0));
        f.service->tick();
        QCOMPARE(digests.size(), 1);
        QCOMPARE(opened.size(), 1);
        const Digest digest = digests.at(0).at(0).value<Digest>();
        QCOMPARE(digest.summary(), QStringLiteral("3 notifications from 2 sources"));
        QCOMPARE(digest.sources.constFirst().senders.constFirst().entries.constFirst().count, 2);
        QVERIFY(!f.service->isInboxFolded());
        f.service->tick(); // same instant again: nothing twice
        QCOMPARE(digests.size(), 1);
        QCOMPARE(f.service->heldCount().value(), 0);
        QCOMPARE(f.service->timer().deadline(), at(2, 9, 20));
    }

    // Another process holds the file past the busy timeout as the window opens: the release
    // fails, is tried again two seconds later (not at the next window boundary), and succeeds.
    void failedReleaseIsTriedAgainSoon()
    {
        Fixture f;
        QVERIFY(f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("held"))}));
        auto other = Database::open(f.dir.databasePath());
        QVERIFY(other.isOk());
        QSqlQuery lock((*other)->connection());
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QSignalSpy failed(f.service.get(), &AttentionService::failed);
        f.clock.setNow(at(2, 9, 0));
        f.service->tick();
        QVERIFY(!failed.isEmpty()); // the release, and the recount after it
        QCOMPARE(f.service->timer().deadline(), at(2, 9, 0).addSecs(2));
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        f.clock.setNow(at(2, 9, 0).addSecs(2));
        QSignalSpy digests(f.service.get(), &AttentionService::digestReady);
        f.service->tick();
        QCOMPARE(digests.size(), 1);
        QCOMPARE(f.service->heldCount().value(), 0);
        QCOMPARE(f.service->timer().deadline(), at(2, 9, 20)); // no retry left over
    }

    void missedWindowIsCaughtUpAtNextStart()
    {
        Fixture f;
        QVERIFY(f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("held over"))}));
        f.service.reset(); // the app quits before 09:00
        f.clock.setNow(at(2, 10, 15)); // and starts again after the window closed
        f.reopen();
        QSignalSpy digests(f.service.get(), &AttentionService::digestReady);
        f.service->start();
        QCOMPARE(digests.size(), 1);
        const auto items = f.service->recentItems(10).value();
        QCOMPARE(items.constFirst().state, ItemState::Released);
        QCOMPARE(items.constFirst().notification.releasedAt, at(2, 10, 15));
        f.reopen();
        f.service->start();
        QCOMPARE(f.service->heldCount().value(), 0);
    }

    void focusHoldsTheDesktopAndStrictModeOutsideWindows()
    {
        Fixture f;
        IntervalSet quiet{Interval::fromDateTimes(at(2, 10, 0), at(2, 11, 0))};
        f.service->setQuietTimeProvider([&](const Interval &r) { return quiet.intersected(r); });
        QSignalSpy hold(f.service.get(), &AttentionService::desktopHoldChanged);
        f.service->start();
        QCOMPARE(hold.size(), 0);
        QCOMPARE(f.service->nextWakeUp(), at(2, 8, 0));
        f.clock.setNow(at(2, 9, 30));
        f.service->tick();
        QCOMPARE(f.service->nextWakeUp(), at(2, 10, 0));
        f.clock.setNow(at(2, 10, 0));
        f.service->tick();
        QCOMPARE(hold.size(), 1);
        QVERIFY(f.service->isHoldingDesktop());
        f.clock.setNow(at(2, 11, 0));
        f.service->tick();
        QCOMPARE(hold.size(), 2);
        QVERIFY(!f.service->isHoldingDesktop());
        BatchingConfig strict;
        strict.strictMode = true;
        QVERIFY(f.service->setRules(strict));
        QVERIFY(f.service->isHoldingDesktop());
        f.clock.setNow(at(2, 13, 0));
        f.service->tick();
        QVERIFY(!f.service->isHoldingDesktop()); // inside a window
    }

    void peeksAreCountedAndItemsMarked()
    {
        Fixture f;
        QSignalSpy peeked(f.service.get(), &AttentionService::peeked);
        QVERIFY(f.service->peekEarly());
        f.clock.advanceSecs(60);
        QVERIFY(f.service->peekEarly());
        QCOMPARE(peeked.size(), 2);
        QCOMPARE(peeked.at(1).at(0).toInt(), 2);
        QCOMPARE(f.service->peekCount(Interval::fromDateTimes(at(2, 0, 0), at(3, 0, 0))).value(), 2);
        QCOMPARE(f.service->peekCount(Interval::fromDateTimes(at(3, 0, 0), at(4, 0, 0))).value(), 0);

        auto ids = f.service->ingest({item(QStringLiteral("a"), QStringLiteral("1")), item(QStringLiteral("a"), QStringLiteral("2"))});
        QVERIFY(f.service->markDone({ids->at(0)}));
        QVERIFY(f.service->archive({ids->at(1)}));
        QCOMPARE(f.service->repository().find(ids->at(0)).value()->state, ItemState::Done);
        QCOMPARE(f.service->repository().find(ids->at(1)).value()->state, ItemState::Archived);
        QCOMPARE(f.service->heldCount().value(), 0);
        QCOMPARE(f.service->markDone({999999}).error().code, Error::Code::NotFound);
    }

    void historyIsKeptForTheConfiguredDays()
    {
        Fixture f;
        QCOMPARE(f.service->historyDays(), 30);
        QVERIFY(f.service->setHistoryDays(7));
        f.reopen();
        QCOMPARE(f.service->historyDays(), 7);
        BatchingConfig allow;
        allow.sourcePolicies.insert(QStringLiteral("ok"), SourcePolicy::AlwaysAllow);
        QVERIFY(f.service->setRules(allow));
        QVERIFY(f.service->ingest({item(QStringLiteral("ok"), QStringLiteral("old released"))}));
        QVERIFY(f.service->ingest({item(QStringLiteral("mail"), QStringLiteral("old held"))}));
        f.clock.advanceSecs(6 * 24 * 3600);
        QVERIFY(f.service->ingest({item(QStringLiteral("ok"), QStringLiteral("recent"))}));
        QCOMPARE(f.service->removeExpiredHistory().value(), 0);
        f.clock.advanceSecs(2 * 24 * 3600);
        QCOMPARE(f.service->removeExpiredHistory().value(), 1);
        QStringList titles;
        const QList<InboxItem> items = f.service->recentItems(10).value();
        for (const InboxItem &i : items)
            titles.append(i.notification.title);
        QCOMPARE(titles, QStringList({QStringLiteral("recent"), QStringLiteral("old held")}));
    }
};

QTEST_GUILESS_MAIN(TestAttentionService)
#include "tst_attentionservice.moc"
