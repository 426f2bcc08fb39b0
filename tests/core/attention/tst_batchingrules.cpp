#include "attention/batchingrules.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;

Q_DECLARE_METATYPE(fermata::Decision)

namespace {

Notification make(const QString &source, const QString &sender, const QString &title,
                  Urgency urgency = Urgency::Normal, const QString &body = {})
{
    Notification n;
    n.source = source;
    n.sender = sender;
    n.title = title;
    n.body = body;
    n.urgency = urgency;
    return n;
}

BatchingConfig config()
{
    BatchingConfig c;
    c.sourcePolicies = {{QStringLiteral("ci"), SourcePolicy::AlwaysHold},
                        {QStringLiteral("pager"), SourcePolicy::AlwaysAllow},
                        {QStringLiteral("ads"), SourcePolicy::Mute}};
    c.criticalSources = {QStringLiteral("monitoring")};
    c.vipSenders = {QStringLiteral("Boss@Example.com")};
    c.keywords = {QStringLiteral("outage")};
    c.breakThroughsPerHour = 2;
    return c;
}

} // namespace

class TestBatchingRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void decide_data()
    {
        QTest::addColumn<Notification>("notification");
        QTest::addColumn<bool>("insideWindow");
        QTest::addColumn<bool>("inFocus");
        QTest::addColumn<int>("breaksLastHour");
        QTest::addColumn<Decision>("expected");

        const auto mail = make(QStringLiteral("mail"), QStringLiteral("ann"), QStringLiteral("Hi"));
        const auto deliver = [](DecisionReason r, QString d = {}) { return Decision{Verdict::Deliver, r, d}; };
        const auto hold = [](DecisionReason r, QString d = {}) { return Decision{Verdict::Hold, r, d}; };
        using R = DecisionReason;

        QTest::newRow("outside window: hold") << mail << false << false << 0 << hold(R::OutsideWindow);
        QTest::newRow("inside window: deliver") << mail << true << false << 0 << deliver(R::InsideWindow);
        QTest::newRow("focus outside window: hold") << mail << false << true << 0 << hold(R::FocusBlock);
        QTest::newRow("focus inside window: hold") << mail << true << true << 0 << hold(R::FocusBlock);
        QTest::newRow("muted source, even in a window")
            << make(QStringLiteral("ads"), {}, QStringLiteral("Sale")) << true << false << 0
            << Decision{Verdict::Mute, R::SourceMuted, QStringLiteral("ads")};
        QTest::newRow("muted beats keyword")
            << make(QStringLiteral("ads"), {}, QStringLiteral("outage sale")) << false << false << 0
            << Decision{Verdict::Mute, R::SourceMuted, QStringLiteral("ads")};
        QTest::newRow("always allow, even in focus")
            << make(QStringLiteral("pager"), {}, QStringLiteral("x")) << false << true << 5
            << deliver(R::SourceAlwaysAllow, QStringLiteral("pager"));
        QTest::newRow("always hold, even in a window")
            << make(QStringLiteral("ci"), {}, QStringLiteral("green")) << true << false << 0
            << hold(R::SourceAlwaysHold, QStringLiteral("ci"));
        QTest::newRow("always hold beats critical")
            << make(QStringLiteral("ci"), {}, QStringLiteral("red"), Urgency::Critical) << false << false << 0
            << hold(R::SourceAlwaysHold, QStringLiteral("ci"));
        QTest::newRow("critical from chosen source breaks through")
            << make(QStringLiteral("monitoring"), {}, QStringLiteral("disk"), Urgency::Critical) << false << true << 1
            << deliver(R::CriticalBreakThrough, QStringLiteral("monitoring"));
        QTest::newRow("critical from other source is held")
            << make(QStringLiteral("mail"), {}, QStringLiteral("disk"), Urgency::Critical) << false << false << 0
            << hold(R::OutsideWindow);
        QTest::newRow("normal urgency from critical source is held")
            << make(QStringLiteral("monitoring"), {}, QStringLiteral("disk")) << false << false << 0
            << hold(R::OutsideWindow);
        QTest::newRow("vip sender, any case")
            << make(QStringLiteral("mail"), QStringLiteral("boss@example.COM"), QStringLiteral("?")) << false << false << 0
            << deliver(R::VipBreakThrough, QStringLiteral("Boss@Example.com"));
        QTest::newRow("keyword in title")
            << make(QStringLiteral("chat"), {}, QStringLiteral("Big OUTAGE now")) << false << false << 1
            << deliver(R::KeywordBreakThrough, QStringLiteral("outage"));
        QTest::newRow("keyword in body")
            << make(QStringLiteral("chat"), {}, QStringLiteral("fyi"), Urgency::Low, QStringLiteral("an outage"))
            << false << false << 0 << deliver(R::KeywordBreakThrough, QStringLiteral("outage"));
        QTest::newRow("cap reached holds the break-through")
            << make(QStringLiteral("chat"), {}, QStringLiteral("outage")) << false << false << 2
            << hold(R::BreakThroughCapReached, QStringLiteral("outage"));
        QTest::newRow("cap reached, vip in focus")
            << make(QStringLiteral("mail"), QStringLiteral("boss@example.com"), QStringLiteral("?")) << false << true << 3
            << hold(R::BreakThroughCapReached, QStringLiteral("Boss@Example.com"));
        QTest::newRow("inside window a break-through is just delivered")
            << make(QStringLiteral("chat"), {}, QStringLiteral("outage")) << true << false << 9
            << deliver(R::InsideWindow);
    }

    void decide()
    {
        QFETCH(Notification, notification);
        QFETCH(bool, insideWindow);
        QFETCH(bool, inFocus);
        QFETCH(int, breaksLastHour);
        QFETCH(Decision, expected);
        const Decision actual = fermata::decide(notification, config(),
                                                BatchingContext{insideWindow, inFocus, breaksLastHour});
        QCOMPARE(actual, expected);
        QCOMPARE(actual.isBreakThrough(),
                 expected.reason == DecisionReason::CriticalBreakThrough
                     || expected.reason == DecisionReason::VipBreakThrough
                     || expected.reason == DecisionReason::KeywordBreakThrough);
    }

    void keysRoundTrip()
    {
        for (int r = 0; r <= int(DecisionReason::BreakThroughCapReached); ++r)
            QCOMPARE(reasonFromKey(reasonKey(DecisionReason(r))), DecisionReason(r));
        for (auto v : {Verdict::Deliver, Verdict::Hold, Verdict::Mute})
            QCOMPARE(verdictFromKey(verdictKey(v)), v);
        for (auto p : {SourcePolicy::Default, SourcePolicy::AlwaysHold, SourcePolicy::AlwaysAllow, SourcePolicy::Mute})
            QCOMPARE(sourcePolicyFromKey(sourcePolicyKey(p)), p);
    }

    void configJsonRoundTrip()
    {
        BatchingConfig c = config();
        c.strictMode = true;
        QCOMPARE(BatchingConfig::fromJson(c.toJson()), c);
        QCOMPARE(BatchingConfig::fromJson({}), BatchingConfig{});
    }
};

QTEST_GUILESS_MAIN(TestBatchingRules)
#include "tst_batchingrules.moc"
