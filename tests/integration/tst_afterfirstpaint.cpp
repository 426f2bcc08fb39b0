// The background start (attention engine, calendar and team workers) waits for the window's
// first frame, and still happens when no frame ever comes.
#include "startupprobe.h"

#include <QApplication>
#include <QTest>
#include <QWidget>

using namespace fermata;

class TestAfterFirstPaint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsOnceAfterTheFirstPaint()
    {
        QWidget window;
        int runs = 0;
        bool paintedBefore = false;
        bool painted = false;
        // Installed after AfterFirstPaint, so it sees each paint first.
        new AfterFirstPaint(&window, [&] {
            ++runs;
            paintedBefore = painted;
        });
        struct PaintSeen : QObject
        {
            bool *seen;
            explicit PaintSeen(bool *s, QObject *parent) : QObject(parent), seen(s) {}
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::Paint)
                    *seen = true;
                return false;
            }
        };
        window.installEventFilter(new PaintSeen(&painted, &window));
        QCoreApplication::processEvents();
        QCOMPARE(runs, 0); // nothing before the window is shown
        window.resize(200, 100);
        window.show();
        QTRY_COMPARE(runs, 1);
        QVERIFY(paintedBefore);
        window.update();
        QTest::qWait(50);
        QCOMPARE(runs, 1); // later paints do not start it again
    }

    void runsEvenWithoutAPaint()
    {
        QWidget window; // never shown
        int runs = 0;
        new AfterFirstPaint(&window, [&] { ++runs; });
        QTRY_COMPARE_WITH_TIMEOUT(runs, 1, 10000);
    }
};

QTEST_MAIN(TestAfterFirstPaint)
#include "tst_afterfirstpaint.moc"
