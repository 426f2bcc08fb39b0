#include "testsupport.h"
#include "widgets/teamwindowschart.h"

#include <QImage>
#include <QTest>

using namespace fermata;

// The Team view's chart: rows, what screen readers get, where the windows are painted.
class TestTeamWindowsChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void rowsAreDescribedForScreenReaders()
    {
        TeamWindowsChart chart;
        QVERIFY(!chart.accessibleName().isEmpty());
        QCOMPARE(chart.focusPolicy(), Qt::StrongFocus);
        chart.setRows({row(QStringLiteral("Lena"), QStringLiteral("Europe/Lisbon · 14:05 there"), 9, 10),
                       row(QStringLiteral("Kenji"), QStringLiteral("Asia/Tokyo · 23:05 there"), 0, 1)});
        QCOMPARE(chart.rows().size(), 2);
        QVERIFY(chart.accessibleDescription().contains(QStringLiteral("Lena, Europe/Lisbon · 14:05 there: reads")));
        QVERIFY(chart.accessibleDescription().contains(QStringLiteral("Kenji, Asia/Tokyo")));
    }

    void windowsAreShadedAtTheirHours()
    {
        TeamWindowsChart chart;
        const qint64 day0 = QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QList<QPair<qint64, int>> marks;
        for (int h = 0; h <= 24; ++h)
            marks.append({day0 + h * 3600000LL, h});
        chart.setDay(Interval(day0, day0 + 24 * 3600000LL), marks);
        chart.setRows({row(QStringLiteral("Lena"), QStringLiteral("Europe/Lisbon"), 12, 18, day0)});
        chart.resize(chart.sizeHint());
        const QImage image = chart.grab().toImage();
        QCOMPARE(chart.rowAt(QPoint(10, 12 + 26 + 20)), 0);
        QCOMPARE(chart.rowAt(QPoint(10, 5)), -1);
        // The area between 12:00 and 18:00 is painted differently from 03:00 on the same row.
        const int left = 12 + 240;
        const int width = chart.width() - 2 * 12 - 240;
        const int y = 12 + 26 + 26;
        const QColor inWindow = image.pixelColor(left + width * 15 / 24, y);
        const QColor outside = image.pixelColor(left + width * 3 / 24 + 5, y);
        QVERIFY2(inWindow != outside, qPrintable(inWindow.name() + outside.name()));
    }

private:
    static TeamChartRow row(const QString &name, const QString &detail, int from, int to, qint64 day0 = 0)
    {
        TeamChartRow r;
        r.name = name;
        r.detail = detail;
        r.windows = {Interval(day0 + from * 3600000LL, day0 + to * 3600000LL)};
        r.windowsText = QStringLiteral("reads %1:00–%2:00 your time").arg(from).arg(to);
        return r;
    }
};

QTEST_MAIN(TestTeamWindowsChart)
#include "tst_teamwindowschart.moc"
