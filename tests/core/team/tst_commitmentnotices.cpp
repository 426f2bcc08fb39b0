// A teammate's change to a commitment my open tasks wait for becomes one held Inbox item for my
// next window: the words for each kind of change (finished, dropped, moved earlier or later,
// unshared, reopened, undated), nothing when the planner's earliest start stays, and on a real
// SQLite file: one item per commitment however often it changes before the window, a new one
// after that window, nothing for done tasks or commitments nobody waits for.
#include "model/commitment.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"
#include "team/commitmentnotices.h"
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>

using namespace fermata;
using commitmentnotices::Notice;

namespace {

const QUuid s_spec = QUuid::fromString(QStringLiteral("6f1c2a3b-0000-4000-8000-000000000001"));

TeammateCommitment spec(Commitment::Status status, const QDate &finish, const QDateTime &due = {})
{
    TeammateCommitment c;
    c.commitment.uuid = s_spec;
    c.commitment.ownerId = 7;
    c.commitment.ownerRole = QStringLiteral("ada.l");
    c.commitment.title = QStringLiteral("API spec");
    c.commitment.estimateMinutes = 240;
    c.commitment.status = status;
    c.commitment.finishDay = finish;
    c.commitment.due = due;
    c.ownerName = QStringLiteral("Ada");
    c.ownerZoneId = "Europe/Berlin";
    return c;
}

using Maybe = std::optional<TeammateCommitment>;

QDateTime utc(int year, int month, int day, int hour)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc());
}

} // namespace

Q_DECLARE_METATYPE(Maybe)
Q_DECLARE_METATYPE(std::optional<Notice>)

class TestCommitmentNotices final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void words_data()
    {
        QTest::addColumn<Maybe>("before");
        QTest::addColumn<Maybe>("after");
        QTest::addColumn<QStringList>("waiting");
        QTest::addColumn<QString>("title"); // empty: no item
        QTest::addColumn<QString>("body");

        const QDate wed(2026, 12, 9), tue(2026, 12, 8), fri(2026, 12, 11);
        const auto planned = Commitment::Status::Planned;
        const auto inProgress = Commitment::Status::InProgress;
        const QStringList one{QStringLiteral("Integrate API")};
        const QStringList two{QStringLiteral("Integrate API"), QStringLiteral("Deploy")};
        const QStringList three{QStringLiteral("Integrate API"), QStringLiteral("Deploy"), QStringLiteral("Docs")};

        QTest::newRow("finished") << Maybe(spec(planned, wed)) << Maybe(spec(Commitment::Status::Done, wed)) << one
            << QStringLiteral("Ada finished 'API spec'") << QStringLiteral("'Integrate API' can start.");
        QTest::newRow("finished, two wait") << Maybe(spec(inProgress, wed)) << Maybe(spec(Commitment::Status::Done, wed)) << two
            << QStringLiteral("Ada finished 'API spec'") << QStringLiteral("'Integrate API' and 'Deploy' can start.");
        QTest::newRow("dropped, three wait") << Maybe(spec(planned, wed)) << Maybe(spec(Commitment::Status::Dropped, wed)) << three
            << QStringLiteral("Ada dropped 'API spec'") << QStringLiteral("'Integrate API' and 2 more tasks no longer wait for it.");
        QTest::newRow("moved earlier") << Maybe(spec(planned, wed)) << Maybe(spec(planned, tue)) << one
            << QStringLiteral("Ada moved 'API spec': planned to finish Tue 8 Dec")
            << QStringLiteral("'Integrate API' can start earlier.");
        QTest::newRow("moved later") << Maybe(spec(inProgress, wed)) << Maybe(spec(inProgress, fri)) << one
            << QStringLiteral("Ada moved 'API spec': planned to finish Fri 11 Dec")
            << QStringLiteral("'Integrate API' will start later.");
        QTest::newRow("unshared") << Maybe(spec(planned, wed)) << Maybe() << one
            << QStringLiteral("Ada no longer shares 'API spec'") << QStringLiteral("'Integrate API' no longer waits for it.");
        QTest::newRow("reopened") << Maybe(spec(Commitment::Status::Done, wed)) << Maybe(spec(planned, fri)) << one
            << QStringLiteral("Ada reopened 'API spec', planned to finish Fri 11 Dec")
            << QStringLiteral("'Integrate API' waits for it.");
        QTest::newRow("unplanned, due moved") << Maybe(spec(planned, {}, utc(2026, 12, 9, 16)))
            << Maybe(spec(planned, {}, utc(2026, 12, 10, 16))) << one
            << QStringLiteral("Ada moved 'API spec': not planned yet, due Thu 10 Dec")
            << QStringLiteral("'Integrate API' will start later.");
        QTest::newRow("plan and due gone") << Maybe(spec(planned, wed)) << Maybe(spec(planned, {})) << one
            << QStringLiteral("Ada has no date for 'API spec' any more")
            << QStringLiteral("'Integrate API' no longer waits for it.");
        // What the planner sees did not change: nothing to tell.
        QTest::newRow("started, same day") << Maybe(spec(planned, wed)) << Maybe(spec(inProgress, wed)) << one
            << QString() << QString();
        auto renamed = spec(planned, wed);
        renamed.commitment.title = QStringLiteral("API spec v2");
        QTest::newRow("renamed") << Maybe(spec(planned, wed)) << Maybe(renamed) << one << QString() << QString();
        QTest::newRow("dropped after done") << Maybe(spec(Commitment::Status::Done, wed))
            << Maybe(spec(Commitment::Status::Dropped, wed)) << one << QString() << QString();
        QTest::newRow("nobody waits") << Maybe(spec(planned, wed)) << Maybe(spec(Commitment::Status::Done, wed))
            << QStringList() << QString() << QString();
    }

    void words()
    {
        QFETCH(Maybe, before);
        QFETCH(Maybe, after);
        QFETCH(QStringList, waiting);
        QFETCH(QString, title);
        QFETCH(QString, body);
        const std::optional<Notice> notice = commitmentnotices::noticeFor(before, after, waiting, "Europe/Berlin");
        QCOMPARE(notice.has_value(), !title.isEmpty());
        if (!notice)
            return;
        QCOMPARE(notice->sender, QStringLiteral("Ada"));
        QCOMPARE(notice->title, title);
        QCOMPARE(notice->body, body);
    }

    void commitmentOfAnInboxUuid()
    {
        QCOMPARE(commitmentnotices::commitmentOf(QStringLiteral("commitment:%1:1765200000000")
                                                     .arg(s_spec.toString(QUuid::WithoutBraces))),
                 s_spec);
        QVERIFY(commitmentnotices::commitmentOf(QStringLiteral("team:%1").arg(s_spec.toString(QUuid::WithoutBraces))).isNull());
        QVERIFY(commitmentnotices::commitmentOf(QString()).isNull());
    }

    // Several changes before the window: one item, saying the latest. After the window
    // released it, the next change is a new item. Done tasks and unrelated commitments: none.
    void oneHeldItemPerCommitmentUntilItsWindow()
    {
        test::TempDataDir dir;
        auto opened = Database::open(dir.databasePath());
        QVERIFY(opened.isOk());
        Database &db = **opened;
        storeCopy(db, spec(Commitment::Status::Planned, QDate(2026, 12, 9)));
        Task waiting;
        waiting.title = QStringLiteral("Integrate API");
        waiting.estimateMinutes = waiting.remainingMinutes = 120;
        waiting.afterCommitment = s_spec;
        QVERIFY(TaskRepository(db).add(waiting).isOk());
        Task finished = waiting;
        finished.title = QStringLiteral("Old spike");
        finished.done = true;
        QVERIFY(TaskRepository(db).add(finished).isOk());

        QDateTime now = utc(2026, 12, 7, 10);
        QVERIFY(change(db, now, spec(Commitment::Status::Planned, QDate(2026, 12, 8))));
        QVERIFY(change(db, now.addSecs(60), spec(Commitment::Status::Done, QDate(2026, 12, 8))));
        AttentionRepository inbox(db);
        QList<InboxItem> held = inbox.held().value();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().notification.title, QStringLiteral("Ada finished 'API spec'"));
        QCOMPARE(held.first().notification.body, QStringLiteral("'Integrate API' can start.")); // not the done one
        QCOMPARE(held.first().notification.source, QStringLiteral("team"));
        QCOMPARE(held.first().decision.reason, DecisionReason::TeamCommitment);
        QCOMPARE(commitmentnotices::commitmentOf(held.first().uuid), s_spec);

        // The same copy again (a second process refreshing): nothing new.
        QVERIFY(change(db, now.addSecs(120), spec(Commitment::Status::Done, QDate(2026, 12, 8))));
        QCOMPARE(inbox.held().value().size(), 1);

        QVERIFY(inbox.release({held.first().notification.id}, now.addSecs(3600)).isOk());
        QVERIFY(change(db, now.addSecs(7200), spec(Commitment::Status::Planned, QDate(2026, 12, 10))));
        held = inbox.held().value();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().notification.title, QStringLiteral("Ada reopened 'API spec', planned to finish Thu 10 Dec"));
        QCOMPARE(inbox.recent(10).value().size(), 2);

        // A commitment nobody here waits for changes: no item.
        TeammateCommitment other = spec(Commitment::Status::Planned, QDate(2026, 12, 9));
        other.commitment.uuid = QUuid::createUuid();
        storeCopy(db, other);
        other.commitment.status = Commitment::Status::Done;
        QVERIFY(change(db, now.addSecs(7300), other));
        QCOMPARE(inbox.recent(10).value().size(), 2);
    }

    // Nothing waits: the copy is replaced without reading it (the common case stays cheap).
    void nobodyWaitingHoldsNothing()
    {
        test::TempDataDir dir;
        auto opened = Database::open(dir.databasePath());
        QVERIFY(opened.isOk());
        Database &db = **opened;
        storeCopy(db, spec(Commitment::Status::Planned, QDate(2026, 12, 9)));
        QVERIFY(change(db, utc(2026, 12, 7, 10), spec(Commitment::Status::Done, QDate(2026, 12, 9))));
        QVERIFY(AttentionRepository(db).recent(10).value().isEmpty());
    }

private:
    static void storeCopy(Database &db, const TeammateCommitment &c)
    {
        const Commitment &m = c.commitment;
        QVERIFY(sql::exec(sql::on(db),
                          QStringLiteral("INSERT OR REPLACE INTO team_commitments (uuid, owner_id, owner_role, title, "
                                         "estimate_minutes, due_ms, status, finish_day, public_note) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')"),
                          {m.uuid.toString(QUuid::WithoutBraces), m.ownerId, m.ownerRole, m.title, m.estimateMinutes,
                           sql::fromDateTime(m.due), commitmentStatusKey(m.status),
                           m.finishDay.isValid() ? QVariant(m.finishDay.toString(Qt::ISODate))
                                                 : QVariant(QMetaType::fromType<QString>())},
                          QStringLiteral("store a commitment"))
                    .isOk());
        QVERIFY(sql::exec(sql::on(db),
                          QStringLiteral("INSERT OR REPLACE INTO hub_members (id, role, name, email, time_zone_id, active) "
                                         "VALUES (7, 'ada.l', 'Ada', 'ada@example.com', 'Europe/Berlin', 1)"),
                          {}, QStringLiteral("store a member"))
                    .isOk());
    }

    // What CommitmentService::saveTeammates does around a refresh from the hub.
    static bool change(Database &db, const QDateTime &now, const TeammateCommitment &to)
    {
        bool stored = false;
        const Status done = db.inTransaction([&]() -> Status {
            commitmentnotices::Recorder notices(db, "Europe/Berlin", now);
            if (Status read = notices.before(); !read)
                return read;
            storeCopy(db, to);
            stored = true;
            return notices.after();
        });
        return done.isOk() && stored;
    }
};

QTEST_GUILESS_MAIN(TestCommitmentNotices)
#include "tst_commitmentnotices.moc"
