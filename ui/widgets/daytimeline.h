#pragma once

#include "time/intervalset.h"

#include <QDate>
#include <QList>
#include <QTimeZone>
#include <QWidget>

#include <optional>

class QMimeData;
class QTimer;

namespace fermata {

class Clock;

// One thing drawn on a timeline: a meeting (neutral) or a focus block (accent).
struct TimelineEntry
{
    enum class Kind { Event, Focus };
    Kind kind = Kind::Event;
    Interval interval;
    QString title;
    qint64 taskId = 0; // focus blocks: the task they reserve time for
    qint64 blockId = 0; // focus blocks: the stored block
    bool pinned = false; // focus blocks placed or sized by hand
    QString reason;      // focus blocks: why the planner put it there (hover text)
    QString calendar{};  // events: the imported calendar's name (hover text); empty for local
    QColor color{};      // events: the calendar's colour; invalid draws the neutral tone
    bool busy = true;    // events: free ones (TRANSP:TRANSPARENT, moments) only show
    bool operator==(const TimelineEntry &) const = default;
    // On `day`: overlapping it, or a moment (a start and no end) that lies in it.
    bool isOn(const Interval &day) const
    {
        return interval.overlaps(day) || (interval.isEmpty() && day.contains(interval.startMs()));
    }
};

// An all-day event, drawn in the lane above the hours. Busy ones take the day from the
// planner; free ones (TRANSP:TRANSPARENT) only show.
struct AllDayEntry
{
    QString title;
    bool busy = true;
    QString calendar{}; // the imported calendar's name (hover text); empty for local
    QColor color{};     // the calendar's colour; invalid draws the neutral tone
    bool operator==(const AllDayEntry &) const = default;
};

// A custom-painted day column: hours down, the working hours as a tinted band, meetings as
// neutral boxes, focus blocks in the accent colour and the current time as a line. All wall
// times are in the given zone. Overlapping entries share the width side by side.
class DayTimeline final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int defaultFirstHour = 7;
    static constexpr int defaultLastHour = 20;

    explicit DayTimeline(QWidget *parent = nullptr);

    void setDay(QDate date, const QTimeZone &zone);
    QDate date() const { return m_date; }
    QTimeZone timeZone() const { return m_zone; }
    // The instants this day covers in the zone: [00:00, next day 00:00).
    Interval dayRange() const;

    void setWorkingHours(const IntervalSet &hours);
    // Check-in windows: their own hatched band behind the entries, with a label and tooltip.
    void setCheckInWindows(const IntervalSet &windows);
    const IntervalSet &checkInWindows() const { return m_checkIns; }
    QColor checkInColor() const;
    void setEntries(const QList<TimelineEntry> &entries);
    const QList<TimelineEntry> &entries() const { return m_entries; }
    // The all-day lane under the header; it takes no room when empty.
    void setAllDayEntries(const QList<AllDayEntry> &entries);
    const QList<AllDayEntry> &allDayEntries() const { return m_allDay; }
    // Rows the lane keeps at least, so the columns of a week line up.
    void setAllDayRows(int rows);
    int allDayRows() const;
    static constexpr int maximumAllDayRows = 3; // beyond it the last row says "+N more"
    QRectF allDayRect(int row) const;
    int allDayRowAt(const QPoint &pos) const; // -1 outside the lane's entries
    QString allDayToolTip(int row) const;
    // Draws the current-time line from this clock, refreshed each minute; null hides it. On
    // the clock's today the shown hours widen to include the current hour.
    void setClock(const Clock *clock);
    void setHourLabelsVisible(bool visible);
    void setHeaderVisible(bool visible);
    // The hours always shown (07–20 by default); widened to fit working hours, entries and,
    // on today, the current time.
    void setVisibleHours(int first, int last);

    int firstHour() const { return m_firstHour; }
    // The hour labels' width (0 without them), for Week to give every day an equal area.
    int gutterWidth() const;
    int lastHour() const { return m_lastHour; }
    qreal yForTime(QTime wallTime) const;
    qreal yFor(const QDateTime &instant) const;
    QRectF entryRect(qsizetype index) const;
    // Where a scrolled view should look first: now on today, else the start of work, else the
    // first entry, else the top.
    qreal anchorY() const;
    // Height of one hour at the current size; never below minimumHourHeight when laid out
    // at the minimum size hint.
    qreal hourHeight() const;
    static constexpr int minimumHourHeight = 40;
    QColor focusColor() const;
    QColor eventColor() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Dropping tasks, resizing and unpinning blocks (Today); off by default.
    void setEditable(bool editable);
    static QString taskMimeType();
    static QMimeData *taskMimeData(qint64 taskId);
    // The wall time at a y position, snapped to 5 minutes, as an instant.
    QDateTime timeAt(qreal y) const;
    // A drop of task mime data at `pos`: emits taskDropped; false when it carries no task.
    bool handleDrop(const QMimeData *mime, const QPointF &pos);
    QString toolTipFor(qsizetype index) const;
    qsizetype entryAt(const QPoint &pos) const;
    qint64 selectedBlock() const { return m_selectedBlock; }
    // The block marked as selected (keyboard edits act on it); 0 selects none.
    void setSelectedBlock(qint64 blockId);
    void setOverloaded(bool overloaded);
    bool isOverloaded() const { return m_overloaded; }

Q_SIGNALS:
    void taskActivated(qint64 taskId);
    void taskDropped(qint64 taskId, const QDateTime &start);
    void blockResized(qint64 blockId, const QDateTime &start, const QDateTime &end);
    void unpinRequested(qint64 blockId);
    void pinRequested(qint64 blockId);
    // The shown hours changed on their own (the clock moved past the last hour).
    void hourRangeChanged();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override; // see TimelineKeyboard
    bool focusNextPrevChild(bool next) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Lane
    {
        int index = 0;
        int count = 1;
    };

    void relayout();
    bool updateHourRange(); // true when first/last hour changed
    void minuteTick();
    qreal minutesInDay(const QDateTime &instant) const;
    qreal yForMinutes(qreal minutes) const;
    QFont compactFont() const;
    int headerHeight() const;
    int topPadding() const;
    QRectF columnRect() const;
    QString timeRangeText(const Interval &interval) const;
    void updateDescription();

    void paintHeader(QPainter &painter) const;
    int allDayHeight() const;
    int allDayRowHeight() const;
    void paintAllDay(QPainter &painter) const;
    void paintWorkingHours(QPainter &painter) const;
    void paintCheckIns(QPainter &painter) const;
    std::optional<Interval> checkInAt(const QPoint &pos) const;
    void paintHourGrid(QPainter &painter) const;
    void paintEntry(QPainter &painter, qsizetype index) const;
    void paintNowLine(QPainter &painter) const;

    QDate m_date;
    QTimeZone m_zone;
    IntervalSet m_workingHours;
    IntervalSet m_checkIns;
    QList<TimelineEntry> m_entries;
    QList<AllDayEntry> m_allDay;
    int m_allDayMinimumRows = 0;
    QList<Lane> m_lanes;
    const Clock *m_clock = nullptr;
    QTimer *m_minuteTimer = nullptr;
    bool m_hourLabels = true;
    bool m_header = false;
    int m_baseFirstHour = defaultFirstHour;
    int m_baseLastHour = defaultLastHour;
    int m_firstHour = defaultFirstHour;
    int m_lastHour = defaultLastHour;
    bool m_editable = false;
    bool m_overloaded = false;
    qint64 m_selectedBlock = 0;
    // A resize in progress: the entry, which edge, and the interval shown meanwhile.
    qsizetype m_resizing = -1;
    bool m_resizingTop = false;
    Interval m_resizeOriginal;
};

} // namespace fermata
