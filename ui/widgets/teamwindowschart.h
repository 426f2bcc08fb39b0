#pragma once

#include "time/interval.h"

#include <QList>
#include <QWidget>

namespace fermata {

// One teammate in the Team view: who, where, their local time, and when they read (their
// check-in windows as instants). Never whether they are online.
struct TeamChartRow
{
    QString name;
    QString detail;          // "Europe/Lisbon · 14:05 there"
    QList<Interval> windows; // UTC instants within the shown day
    QString windowsText;     // "reads 09:00–09:30, 14:00–14:15 your time", for tooltips and screen readers
    QString commitmentsText; // "Finishing today: API spec · Fri: Release notes"; empty: nothing that week
};

// Rows of teammates with hours across (the shown day in MY zone), their check-in windows
// shaded and the current time as a line; under a row, the work they plan to finish that day
// and later that week. Custom-painted; accessible through one name and a
// description per row.
class TeamWindowsChart final : public QWidget
{
    Q_OBJECT
public:
    explicit TeamWindowsChart(QWidget *parent = nullptr);

    // `day`: the shown day in my zone as instants; `hourLabels`: the wall-clock hour at each
    // full hour across it (handles 23- and 25-hour days).
    void setDay(const Interval &day, const QList<QPair<qint64, int>> &hourMarks);
    void setRows(const QList<TeamChartRow> &rows);
    void setNow(qint64 nowMs);

    const QList<TeamChartRow> &rows() const { return m_rows; }
    int rowAt(const QPoint &pos) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect chartArea() const;
    // Every row is as tall as the tallest: a line more for committed work when any row has some.
    int rowHeight() const;
    int xFor(qint64 ms, const QRect &area) const;
    void paintAxis(QPainter &painter, const QRect &area);
    void paintRow(QPainter &painter, const QRect &area, int index);
    void paintCommitments(QPainter &painter, const QRect &area, int index);
    void updateAccessibleText();

    Interval m_day;
    QList<QPair<qint64, int>> m_hourMarks;
    QList<TeamChartRow> m_rows;
    qint64 m_nowMs = 0;
};

} // namespace fermata
