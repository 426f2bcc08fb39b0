#include "attentionstatus.h"
#include "attentiontestfixture.h"
#include "statusline.h"

#include <QSignalSpy>
#include <QTest>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

// The status chip's attention part over the real engine: next check-in, inside a window,
// focus with the held count; and the plain day status where the engine is absent.
class TestAttentionStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void saysNextCheckInWindowAndFocus()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        AttentionStatus status(s.context);
        QSignalSpy changed(&status, &AttentionStatus::changed);
        const QString day = QStringLiteral("Working until 17:00");
        QCOMPARE(status.text(day), QStringLiteral("Next check-in 13:00"));

        s.notify(QStringLiteral("Mail"), QStringLiteral("Invoice"));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(status.text(day), QStringLiteral("Next check-in 13:00 · 1 held"));

        QVERIFY(s.focus.start(60));
        QCOMPARE(status.text(day), QStringLiteral("Focus until 11:00 · 1 held"));
        QVERIFY(s.focus.finish(FocusSession::Outcome::Done));

        s.moveTo(utc(2026, 3, 2, 13, 5));
        QCOMPARE(status.text(day), QStringLiteral("Check-in until 13:20"));
        s.moveTo(utc(2026, 3, 2, 17, 0));
        QCOMPARE(status.text(day), QStringLiteral("Next check-in tomorrow 09:00"));
    }

    void withoutWindowsOrEngineKeepsTheDayStatus()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        QVERIFY(s.attention.setPersonalWindows({}));
        AttentionStatus status(s.context);
        QCOMPARE(status.text(QStringLiteral("Working until 17:00")), QStringLiteral("Working until 17:00"));

        test::UiServices plain(dir, utc(2026, 3, 2, 10, 0));
        AttentionStatus none(plain.context);
        QCOMPARE(none.text(QStringLiteral("Day off")), QStringLiteral("Day off"));
    }

    void statusLineFollowsFocus()
    {
        test::TempDataDir dir;
        AttentionUiServices s(dir, utc(2026, 3, 2, 10, 0));
        StatusLine line(s.context);
        QSignalSpy text(&line, &StatusLine::textChanged);
        QCOMPARE(line.text(), QStringLiteral("Next check-in 13:00"));
        QVERIFY(s.focus.start(50));
        QCOMPARE(line.text(), QStringLiteral("Focus until 10:50"));
        QVERIFY(!text.isEmpty());
    }
};

QTEST_MAIN(TestAttentionStatus)
#include "tst_attentionstatus.moc"
