#include "attention/digest.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;

namespace {
Notification make(const char *source, const char *sender, const char *title, int minute = 0)
{
    Notification n;
    n.source = QString::fromLatin1(source);
    n.sender = QString::fromLatin1(sender);
    n.title = QString::fromLatin1(title);
    n.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(8, minute), Qt::UTC);
    return n;
}
} // namespace

class TestDigest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void emptyDigest()
    {
        const Digest d = buildDigest({});
        QVERIFY(d.isEmpty());
        QCOMPARE(d.summary(), QStringLiteral("0 notifications"));
        QCOMPARE(buildDigest({}, 2).summary(), QStringLiteral("2 messages"));
    }

    void summaryCountsSourcesAndMessages_data()
    {
        QTest::addColumn<int>("perSource");
        QTest::addColumn<int>("sourceCount");
        QTest::addColumn<int>("messages");
        QTest::addColumn<QString>("expected");
        QTest::newRow("12 from 4, 3 messages") << 3 << 4 << 3 << QStringLiteral("12 notifications from 4 sources, 3 messages");
        QTest::newRow("one") << 1 << 1 << 0 << QStringLiteral("1 notification from 1 source");
        QTest::newRow("one message") << 2 << 1 << 1 << QStringLiteral("2 notifications from 1 source, 1 message");
    }

    void summaryCountsSourcesAndMessages()
    {
        QFETCH(int, perSource);
        QFETCH(int, sourceCount);
        QFETCH(int, messages);
        QFETCH(QString, expected);
        QList<Notification> list;
        for (int s = 0; s < sourceCount; ++s)
            for (int i = 0; i < perSource; ++i)
                list.append(make(QByteArray("src" + QByteArray::number(s)).constData(), "x",
                                 QByteArray("t" + QByteArray::number(i)).constData()));
        const Digest d = buildDigest(list, messages);
        QCOMPARE(d.summary(), expected);
        QCOMPARE(d.notificationCount, perSource * sourceCount);
    }

    void groupsBySourceAndSenderAndCollapsesDuplicates()
    {
        const QList<Notification> list = {
            make("ci", "", "Build failed", 1),   make("mail", "ann", "Lunch?", 2),
            make("ci", "", "Build failed", 3),   make("mail", "bob", "Report", 4),
            make("ci", "", "Build failed", 5),   make("mail", "ann", "Re: Lunch?", 6),
            make("ci", "", "Deploy done", 7),    make("mail", "bob", "Lunch?", 8), // same title as ann's
        };
        const Digest d = buildDigest(list);
        QCOMPARE(d.notificationCount, 8);
        QCOMPARE(d.sources.size(), 2);
        // Both have 4; ties go by name.
        QCOMPARE(d.sources[0].source, QStringLiteral("ci"));
        QCOMPARE(d.sources[0].count, 4);
        QCOMPARE(d.sources[0].senders.size(), 1);
        const auto &ciEntries = d.sources[0].senders[0].entries;
        QCOMPARE(ciEntries.size(), 2);
        QCOMPARE(ciEntries[0].title, QStringLiteral("Build failed"));
        QCOMPARE(ciEntries[0].count, 3);
        QCOMPARE(ciEntries[0].latestAt, list[4].receivedAt);
        QCOMPARE(ciEntries[1].count, 1);

        // The Inbox's rule: the same title from another sender is another row.
        const DigestSource &mail = d.sources[1];
        QCOMPARE(mail.count, 4);
        QCOMPARE(mail.senders.size(), 2);
        QCOMPARE(mail.senders[0].sender, QStringLiteral("ann"));
        QCOMPARE(mail.senders[0].count, 2);
        QCOMPARE(mail.senders[0].entries[0].title, QStringLiteral("Lunch?"));
        QCOMPARE(mail.senders[0].entries[0].count, 1);
        QCOMPARE(mail.senders[1].sender, QStringLiteral("bob"));
        QCOMPARE(mail.senders[1].count, 2);
        QCOMPARE(mail.senders[1].entries[0].title, QStringLiteral("Lunch?"));

        QCOMPARE(d.summary(), QStringLiteral("8 notifications from 2 sources"));
        const QString body = d.body(3);
        QVERIFY2(body.startsWith(QStringLiteral("ci: 3× Build failed\nci: Deploy done\nmail · ann: Lunch?")), qPrintable(body));
        QVERIFY(body.endsWith(QStringLiteral("…")));
    }

    void orderOfInputDoesNotChangeGroups()
    {
        QList<Notification> list;
        for (int i = 0; i < 50; ++i)
            list.append(make(i % 3 ? "mail" : "chat", i % 2 ? "a" : "b",
                             QByteArray("t" + QByteArray::number(i % 7)).constData(), i % 60));
        QList<Notification> reversed(list.crbegin(), list.crend());
        const Digest a = buildDigest(list);
        const Digest b = buildDigest(reversed);
        QCOMPARE(a.summary(), b.summary());
        QCOMPARE(a.sources.size(), b.sources.size());
        for (qsizetype i = 0; i < a.sources.size(); ++i) {
            QCOMPARE(a.sources[i].source, b.sources[i].source);
            QCOMPARE(a.sources[i].count, b.sources[i].count);
        }
    }
};

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
