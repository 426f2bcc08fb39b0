#include "widgets/daytimeline.h"
#include "models/whentext.h"
#include "widgets/entrytext.h"

#include "time/clock.h"
#include "time/weeklyrule.h"
#include "widgets/calendarcolors.h"
#include "widgets/palettecolors.h"
#include "widgets/timelinekeyboard.h"

#include <QDropEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace fermata {

namespace {

constexpr int minutesPerDay = 24 * 60;
constexpr int preferredHourHeight = 48;
constexpr int rightMargin = 8;
constexpr qreal entryRadius = 5.0;
constexpr int snapMinutes = 5;
constexpr int edgeGrip = 5; // pixels at a block's top and bottom that resize it

// A fixed warm red: the "now" line must stand out from both the accent and the neutrals, and
// it reads on light and dark bases alike.
const QColor nowLineColor(0xe5, 0x48, 0x4d);

QString hhmm(const QDateTime &local)
{
    return WhenText::time(local.time());
}

} // namespace

DayTimeline::DayTimeline(QWidget *parent)
    : QWidget(parent), m_zone(QTimeZone::systemTimeZone()), m_minuteTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("dayTimeline"));
    setAccessibleName(tr("Day timeline"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_minuteTimer->setInterval(60 * 1000);
    connect(m_minuteTimer, &QTimer::timeout, this, &DayTimeline::minuteTick);
}

void DayTimeline::setDay(QDate date, const QTimeZone &zone)
{
    m_date = date;
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    relayout();
}

Interval DayTimeline::dayRange() const
{
    return Interval::fromDateTimes(resolveWallClock(m_date, QTime(0, 0), m_zone),
                                   resolveWallClock(m_date.addDays(1), QTime(0, 0), m_zone));
}

void DayTimeline::setWorkingHours(const IntervalSet &hours)
{
    m_workingHours = hours;
    relayout();
}

void DayTimeline::setCheckInWindows(const IntervalSet &windows)
{
    if (windows == m_checkIns)
        return;
    m_checkIns = windows;
    update();
}

QColor DayTimeline::checkInColor() const
{
    // A fixed teal mixed into the palette: apart from the accent (focus, working hours) and
    // the neutrals (meetings), readable on light and dark bases.
    return PaletteColors::mix(QColor(0x1f, 0x9e, 0x89), palette().color(QPalette::Text), 0.15);
}

void DayTimeline::setEntries(const QList<TimelineEntry> &entries)
{
    m_entries = entries;
    relayout();
}

void DayTimeline::setAllDayEntries(const QList<AllDayEntry> &entries)
{
    m_allDay = entries;
    updateDescription();
    updateGeometry();
    update();
}

void DayTimeline::setAllDayRows(int rows)
{
    m_allDayMinimumRows = std::clamp(rows, 0, maximumAllDayRows);
    updateGeometry();
    update();
}

int DayTimeline::allDayRows() const
{
    return std::max(m_allDayMinimumRows, int(std::min<qsizetype>(m_allDay.size(), maximumAllDayRows)));
}

void DayTimeline::setClock(const Clock *clock)
{
    m_clock = clock;
    if (clock)
        m_minuteTimer->start();
    else
        m_minuteTimer->stop();
    relayout();
}

void DayTimeline::minuteTick()
{
    if (updateHourRange()) {
        updateGeometry();
        Q_EMIT hourRangeChanged();
    }
    update();
}

void DayTimeline::setHourLabelsVisible(bool visible)
{
    m_hourLabels = visible;
    updateGeometry();
    update();
}

void DayTimeline::setHeaderVisible(bool visible)
{
    m_header = visible;
    updateGeometry();
    update();
}

void DayTimeline::setVisibleHours(int first, int last)
{
    m_baseFirstHour = std::clamp(first, 0, 23);
    m_baseLastHour = std::clamp(last, m_baseFirstHour + 1, 24);
    relayout();
}

bool DayTimeline::updateHourRange()
{
    // Hours shown: 07:00–20:00, widened to whatever of this day is worked or booked, and to the
    // current hour so the now line is never off the scale in the evening.
    int first = m_baseFirstHour;
    int last = m_baseLastHour;
    const Interval day = dayRange();
    const auto widenTo = [&](const Interval &span) {
        const Interval part = span.intersected(day);
        if (part.isEmpty())
            return;
        first = qMin(first, int(minutesInDay(part.start()) / 60));
        last = qMax(last, int((minutesInDay(part.end()) + 59) / 60));
    };
    for (const Interval &span : m_workingHours)
        widenTo(span);
    for (const TimelineEntry &entry : m_entries)
        widenTo(entry.interval);
    if (m_clock) {
        const QDateTime now = m_clock->now();
        if (day.contains(now.toMSecsSinceEpoch())) {
            const int hour = int(minutesInDay(now) / 60);
            first = qMin(first, hour);
            last = qMax(last, qMin(24, hour + 1));
        }
    }
    const bool changed = first != m_firstHour || last != m_lastHour;
    m_firstHour = first;
    m_lastHour = last;
    return changed;
}

void DayTimeline::relayout()
{
    updateHourRange();

    // Lanes: overlapping entries form a cluster and share its width.
    QList<qsizetype> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](qsizetype a, qsizetype b) {
        return m_entries[a].interval.startMs() < m_entries[b].interval.startMs();
    });
    m_lanes = QList<Lane>(m_entries.size());
    QList<qint64> laneEnds;
    QList<qsizetype> cluster;
    qint64 clusterEnd = 0;
    const auto closeCluster = [&] {
        for (qsizetype i : cluster)
            m_lanes[i].count = int(laneEnds.size());
        cluster.clear();
        laneEnds.clear();
    };
    for (qsizetype i : order) {
        const Interval &span = m_entries[i].interval;
        if (!cluster.isEmpty() && span.startMs() >= clusterEnd)
            closeCluster();
        if (cluster.isEmpty())
            clusterEnd = span.endMs();
        qsizetype lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > span.startMs())
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(span.endMs());
        laneEnds[lane] = span.endMs();
        m_lanes[i].index = int(lane);
        cluster.append(i);
        clusterEnd = qMax(clusterEnd, span.endMs());
    }
    closeCluster();

    updateDescription();
    updateGeometry();
    update();
}

qreal DayTimeline::minutesInDay(const QDateTime &instant) const
{
    const QDateTime local = instant.toTimeZone(m_zone);
    if (local.date() < m_date)
        return 0;
    if (local.date() > m_date)
        return minutesPerDay;
    return local.time().msecsSinceStartOfDay() / 60000.0;
}

int DayTimeline::gutterWidth() const
{
    if (!m_hourLabels)
        return 4;
    return fontMetrics().horizontalAdvance(QStringLiteral("00:00")) + 14;
}

int DayTimeline::headerHeight() const
{
    return m_header ? fontMetrics().height() + 14 : 0;
}

int DayTimeline::allDayRowHeight() const
{
    return QFontMetrics(compactFont()).height() + 6;
}

int DayTimeline::allDayHeight() const
{
    const int rows = allDayRows();
    return rows == 0 ? 0 : rows * (allDayRowHeight() + 2) + 6;
}

int DayTimeline::topPadding() const
{
    return headerHeight() + allDayHeight() + fontMetrics().height() / 2 + 4;
}

QRectF DayTimeline::allDayRect(int row) const
{
    const qreal left = gutterWidth() + 4;
    return QRectF(left + 1, headerHeight() + 3 + row * (allDayRowHeight() + 2),
                  qMax(0, width() - gutterWidth() - rightMargin - 4) - 3, allDayRowHeight());
}

int DayTimeline::allDayRowAt(const QPoint &pos) const
{
    const int shown = int(std::min<qsizetype>(m_allDay.size(), maximumAllDayRows));
    for (int row = 0; row < shown; ++row) {
        if (allDayRect(row).contains(pos))
            return row;
    }
    return -1;
}

QString DayTimeline::allDayToolTip(int row) const
{
    if (row < 0 || row >= m_allDay.size())
        return {};
    // The last row stands for itself and every event that did not get a row.
    const bool overflow = m_allDay.size() > maximumAllDayRows && row == maximumAllDayRows - 1;
    QStringList lines;
    for (qsizetype i = row; i < (overflow ? m_allDay.size() : row + 1); ++i) {
        const AllDayEntry &entry = m_allDay[i];
        QString line = entry.title + QLatin1Char('\n')
            + (entry.busy ? tr("All day · busy: no focus blocks this day") : tr("All day · free: does not block planning"));
        if (!entry.calendar.isEmpty())
            line += QStringLiteral(" · ") + tr("Calendar: %1").arg(entry.calendar);
        lines << line;
    }
    return lines.join(QStringLiteral("\n\n"));
}

QRectF DayTimeline::columnRect() const
{
    const int top = topPadding();
    const int bottom = height() - (fontMetrics().height() / 2 + 4);
    return QRectF(gutterWidth(), top, qMax(0, width() - gutterWidth() - rightMargin),
                  qMax(0, bottom - top));
}

qreal DayTimeline::yForMinutes(qreal minutes) const
{
    const QRectF column = columnRect();
    const qreal first = m_firstHour * 60.0;
    const qreal span = (m_lastHour - m_firstHour) * 60.0;
    const qreal clamped = std::clamp(minutes, first, first + span);
    return column.top() + (clamped - first) / span * column.height();
}

qreal DayTimeline::yForTime(QTime wallTime) const
{
    return yForMinutes(wallTime.msecsSinceStartOfDay() / 60000.0);
}

qreal DayTimeline::yFor(const QDateTime &instant) const
{
    return yForMinutes(minutesInDay(instant));
}

QRectF DayTimeline::entryRect(qsizetype index) const
{
    const TimelineEntry &entry = m_entries.at(index);
    const Lane lane = m_lanes.value(index);
    const QRectF column = columnRect().adjusted(4, 0, 0, 0);
    const qreal laneWidth = column.width() / qMax(1, lane.count);
    const qreal top = yFor(entry.interval.start());
    const qreal bottom = yFor(entry.interval.end());
    // Very short entries still get room for one line of small text.
    const qreal minimumHeight = QFontMetrics(compactFont()).height() + 2;
    return QRectF(column.left() + lane.index * laneWidth + 1, top + 1, laneWidth - 3,
                  qMax<qreal>(bottom - top - 2, minimumHeight));
}

qreal DayTimeline::anchorY() const
{
    const Interval day = dayRange();
    if (m_clock) {
        if (const QDateTime now = m_clock->now(); day.contains(now.toMSecsSinceEpoch()))
            return yFor(now);
    }
    for (const Interval &span : m_workingHours) {
        if (const Interval part = span.intersected(day); !part.isEmpty())
            return yFor(part.start());
    }
    qreal top = -1;
    for (const TimelineEntry &entry : m_entries) {
        if (const Interval part = entry.interval.intersected(day); !part.isEmpty())
            top = top < 0 ? yFor(part.start()) : qMin(top, yFor(part.start()));
    }
    return top < 0 ? columnRect().top() : top;
}

qreal DayTimeline::hourHeight() const
{
    return columnRect().height() / qMax(1, m_lastHour - m_firstHour);
}

QColor DayTimeline::focusColor() const
{
    return PaletteColors::accent(palette());
}

QColor DayTimeline::eventColor() const
{
    return PaletteColors::neutralFill(palette());
}

QSize DayTimeline::sizeHint() const
{
    const int chrome = topPadding() + fontMetrics().height();
    return {360, chrome + (m_lastHour - m_firstHour) * preferredHourHeight};
}

QSize DayTimeline::minimumSizeHint() const
{
    const int chrome = topPadding() + fontMetrics().height();
    return {gutterWidth() + 60, chrome + (m_lastHour - m_firstHour) * minimumHourHeight};
}

qsizetype DayTimeline::entryAt(const QPoint &pos) const
{
    const Interval day = dayRange();
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries[i].isOn(day) && entryRect(i).contains(pos))
            return i;
    }
    return -1;
}

QString DayTimeline::timeRangeText(const Interval &interval) const
{
    if (interval.isEmpty()) // a moment
        return hhmm(interval.start().toTimeZone(m_zone));
    return tr("%1–%2").arg(hhmm(interval.start().toTimeZone(m_zone)),
                           hhmm(interval.end().toTimeZone(m_zone)));
}

void DayTimeline::updateDescription()
{
    const Interval day = dayRange();
    int meetings = 0;
    int focus = 0;
    for (const TimelineEntry &entry : m_entries) {
        if (!entry.isOn(day) || (entry.kind == TimelineEntry::Kind::Event && !entry.busy))
            continue;
        ++(entry.kind == TimelineEntry::Kind::Focus ? focus : meetings);
    }
    QString description = tr("%1: %2 meetings, %3 focus blocks")
                              .arg(QLocale().toString(m_date, QLocale::LongFormat))
                              .arg(meetings)
                              .arg(focus);
    for (const AllDayEntry &entry : m_allDay)
        description += QStringLiteral("; ") + (entry.busy ? tr("all day, busy: %1") : tr("all day, free: %1")).arg(entry.title);
    setAccessibleDescription(description);
}

bool DayTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (m_overloaded && help->pos().y() < headerHeight()) {
            QToolTip::showText(help->globalPos(), tr("Overloaded: work due this day does not fit"), this);
            return true;
        }
        if (const int row = allDayRowAt(help->pos()); row >= 0) {
            QToolTip::showText(help->globalPos(), allDayToolTip(row), this);
            return true;
        }
        const qsizetype index = entryAt(help->pos());
        if (const auto window = checkInAt(help->pos()); index < 0 && window) {
            QToolTip::showText(help->globalPos(), tr("Check-in window %1").arg(timeRangeText(*window)), this);
            return true;
        }
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), toolTipFor(index), this);
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        update(); // the focus ring
    return QWidget::event(event);
}

QString DayTimeline::toolTipFor(qsizetype index) const
{
    const TimelineEntry &entry = m_entries.at(index);
    if (entry.kind == TimelineEntry::Kind::Focus && !entry.reason.isEmpty())
        return entry.title + QLatin1Char('\n') + entry.reason; // the full title: the box may cut it
    QString kind = entry.kind == TimelineEntry::Kind::Focus ? tr("Focus block") : tr("Meeting");
    if (entry.kind == TimelineEntry::Kind::Focus && entry.pinned)
        kind = tr("Pinned focus block");
    if (entry.kind == TimelineEntry::Kind::Event && !entry.calendar.isEmpty())
        kind = tr("Calendar: %1").arg(entry.calendar);
    if (entry.kind == TimelineEntry::Kind::Event && !entry.busy)
        kind += QStringLiteral(" · ") + tr("free: does not block planning");
    return entry.title + QLatin1Char('\n') + timeRangeText(entry.interval) + QStringLiteral(" · ") + kind;
}

void DayTimeline::setEditable(bool editable)
{
    m_editable = editable;
    setAcceptDrops(editable);
    setMouseTracking(editable);
    setFocusPolicy(editable ? Qt::StrongFocus : Qt::NoFocus);
}

void DayTimeline::setOverloaded(bool overloaded)
{
    if (overloaded == m_overloaded)
        return;
    m_overloaded = overloaded;
    update();
}

QString DayTimeline::taskMimeType()
{
    return QStringLiteral("application/x-fermata-task-id");
}

QMimeData *DayTimeline::taskMimeData(qint64 taskId)
{
    auto *data = new QMimeData;
    data->setData(taskMimeType(), QByteArray::number(taskId));
    return data;
}

QDateTime DayTimeline::timeAt(qreal y) const
{
    const QRectF column = columnRect();
    const qreal span = (m_lastHour - m_firstHour) * 60.0;
    qreal minutes = m_firstHour * 60.0;
    if (column.height() > 0)
        minutes += (y - column.top()) / column.height() * span;
    int snapped = qRound(minutes / snapMinutes) * snapMinutes;
    snapped = std::clamp(snapped, 0, minutesPerDay);
    if (snapped == minutesPerDay)
        return resolveWallClock(m_date.addDays(1), QTime(0, 0), m_zone);
    return resolveWallClock(m_date, QTime(snapped / 60, snapped % 60), m_zone);
}

bool DayTimeline::handleDrop(const QMimeData *mime, const QPointF &pos)
{
    if (!mime || !mime->hasFormat(taskMimeType()))
        return false;
    bool ok = false;
    const qint64 taskId = mime->data(taskMimeType()).toLongLong(&ok);
    if (!ok || taskId <= 0)
        return false;
    Q_EMIT taskDropped(taskId, timeAt(pos.y()));
    return true;
}

void DayTimeline::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_editable && event->mimeData()->hasFormat(taskMimeType()))
        event->acceptProposedAction();
}

void DayTimeline::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_editable && event->mimeData()->hasFormat(taskMimeType()))
        event->acceptProposedAction();
}

void DayTimeline::dropEvent(QDropEvent *event)
{
    if (m_editable && handleDrop(event->mimeData(), event->position()))
        event->acceptProposedAction();
}

void DayTimeline::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const qsizetype index = entryAt(pos);
    if (index >= 0 && m_entries[index].kind == TimelineEntry::Kind::Focus) {
        if (m_editable && event->button() == Qt::LeftButton) {
            m_selectedBlock = m_entries[index].blockId;
            const QRectF box = entryRect(index);
            if (pos.y() <= box.top() + edgeGrip || pos.y() >= box.bottom() - edgeGrip) {
                m_resizing = index;
                m_resizingTop = pos.y() <= box.top() + edgeGrip;
                m_resizeOriginal = m_entries[index].interval;
            }
            update();
        }
        Q_EMIT taskActivated(m_entries[index].taskId);
    } else if (m_editable && m_selectedBlock != 0) {
        m_selectedBlock = 0;
        update();
    }
    QWidget::mousePressEvent(event);
}

void DayTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_resizing >= 0 && m_resizing < m_entries.size()) {
        TimelineEntry &entry = m_entries[m_resizing];
        const qint64 at = timeAt(pos.y()).toMSecsSinceEpoch();
        const qint64 minimum = qint64(snapMinutes) * 60 * 1000;
        entry.interval = m_resizingTop
            ? Interval(qMin(at, m_resizeOriginal.endMs() - minimum), m_resizeOriginal.endMs())
            : Interval(m_resizeOriginal.startMs(), qMax(at, m_resizeOriginal.startMs() + minimum));
        update();
        return;
    }
    if (m_editable) {
        const qsizetype index = entryAt(pos);
        bool onEdge = false;
        if (index >= 0 && m_entries[index].kind == TimelineEntry::Kind::Focus) {
            const QRectF box = entryRect(index);
            onEdge = pos.y() <= box.top() + edgeGrip || pos.y() >= box.bottom() - edgeGrip;
        }
        if (onEdge)
            setCursor(Qt::SizeVerCursor);
        else
            unsetCursor();
    }
    QWidget::mouseMoveEvent(event);
}

void DayTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_resizing >= 0 && m_resizing < m_entries.size()) {
        const TimelineEntry entry = m_entries[m_resizing];
        m_resizing = -1;
        if (entry.interval != m_resizeOriginal)
            Q_EMIT blockResized(entry.blockId, entry.interval.start(), entry.interval.end());
        return;
    }
    m_resizing = -1;
    QWidget::mouseReleaseEvent(event);
}

void DayTimeline::keyPressEvent(QKeyEvent *event)
{
    if (m_editable && TimelineKeyboard::handleKey(*this, event))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

bool DayTimeline::focusNextPrevChild(bool next)
{
    // Tab walks the day's focus blocks before focus moves on.
    if (m_editable && hasFocus() && TimelineKeyboard::selectNext(*this, next))
        return true;
    return QWidget::focusNextPrevChild(next);
}

void DayTimeline::setSelectedBlock(qint64 blockId)
{
    m_selectedBlock = blockId;
    update();
}

void DayTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::Antialiasing);
    paintHeader(painter);
    paintAllDay(painter);
    paintWorkingHours(painter);
    paintCheckIns(painter);
    paintHourGrid(painter);
    const Interval day = dayRange();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].isOn(day))
            paintEntry(painter, i);
    }
    paintNowLine(painter);
    if (hasFocus())
        TimelineKeyboard::paintFocusRing(painter, *this);
}

void DayTimeline::paintHeader(QPainter &painter) const
{
    if (!m_header)
        return;
    const bool isToday = m_clock && m_clock->now().toTimeZone(m_zone).date() == m_date;
    if (m_overloaded) {
        // More work due that day than fits: a warning wash behind the day's name.
        const QRectF badge(gutterWidth() + 2, 2, width() - gutterWidth() - rightMargin - 2, headerHeight() - 4);
        painter.save();
        painter.setPen(Qt::NoPen);
        painter.setBrush(PaletteColors::warningFill(palette()));
        painter.drawRoundedRect(badge, 4, 4);
        painter.restore();
    }
    QFont font = painter.font();
    font.setWeight(isToday ? QFont::Bold : QFont::DemiBold);
    painter.setFont(font);
    painter.setPen(isToday ? focusColor() : palette().color(QPalette::Text));
    const QString text = QLocale().dayName(m_date.dayOfWeek(), QLocale::ShortFormat)
        + QLatin1Char(' ') + QString::number(m_date.day());
    painter.drawText(QRect(gutterWidth(), 0, width() - gutterWidth(), headerHeight()),
                     Qt::AlignCenter, text);
    painter.setFont(this->font());
}

void DayTimeline::paintAllDay(QPainter &painter) const
{
    if (allDayHeight() == 0)
        return;
    const QFont small = compactFont();
    const QFontMetrics metrics(small);
    painter.save();
    painter.setFont(small);
    // The lane sits on a faint neutral wash, apart from the hours below it.
    const QRectF lane(0, headerHeight(), width(), allDayHeight());
    painter.fillRect(lane, PaletteColors::mix(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.03));
    painter.setPen(QPen(PaletteColors::mix(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.14), 1));
    painter.drawLine(QPointF(0, lane.bottom() - 0.5), QPointF(width(), lane.bottom() - 0.5));
    if (m_hourLabels) {
        painter.setPen(PaletteColors::mutedText(palette()));
        const QRectF label(2, allDayRect(0).top(), gutterWidth() - 8, allDayRowHeight());
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(tr("all day"), Qt::ElideRight, int(label.width())));
    }
    const qsizetype shown = std::min<qsizetype>(m_allDay.size(), maximumAllDayRows);
    for (int row = 0; row < shown; ++row) {
        const AllDayEntry &entry = m_allDay[row];
        const QRectF box = allDayRect(row).adjusted(0.5, 0.5, -0.5, -0.5);
        QString text = entry.title;
        if (m_allDay.size() > maximumAllDayRows && row == maximumAllDayRows - 1) {
            painter.setPen(PaletteColors::mutedText(palette()));
            text = tr("+%n more", nullptr, int(m_allDay.size() - row));
        } else if (entry.busy) {
            // Busy: a solid box like a meeting, with the calendar's colour on its edge.
            painter.setPen(QPen(PaletteColors::neutralOutline(palette()), 1));
            painter.setBrush(CalendarColors::fill(entry.color, palette()));
            painter.drawRoundedRect(box, 3, 3);
            if (entry.color.isValid())
                painter.fillRect(QRectF(box.left(), box.top(), 4, box.height()), entry.color);
            painter.setPen(palette().color(QPalette::Text));
        } else {
            // Free: only a dashed outline and quieter text; it takes no time from the planner.
            painter.setPen(QPen(PaletteColors::neutralOutline(palette()), 1, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(box, 3, 3);
            painter.setPen(PaletteColors::mutedText(palette()));
            text = tr("%1 (free)").arg(text);
        }
        const QRectF textBox = box.adjusted(8, 0, -4, 0);
        painter.drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(text, Qt::ElideRight, int(textBox.width())));
    }
    painter.restore();
}

void DayTimeline::paintWorkingHours(QPainter &painter) const
{
    const QRectF column = columnRect();
    // A busy all-day event takes the day from the planner: its working hours look taken.
    const bool taken = std::any_of(m_allDay.cbegin(), m_allDay.cend(), [](const AllDayEntry &e) { return e.busy; });
    const QColor base = palette().color(QPalette::Base), text = palette().color(QPalette::Text);
    const QColor band = taken ? PaletteColors::mix(base, text, 0.07) : PaletteColors::accentTint(palette(), 0.08);
    const QColor edge = taken ? PaletteColors::mix(base, text, 0.3) : PaletteColors::accentTint(palette(), 0.45);
    for (const Interval &span : m_workingHours) {
        const Interval part = span.intersected(dayRange());
        if (part.isEmpty())
            continue;
        const QRectF rect(column.left(), yFor(part.start()), column.width(), yFor(part.end()) - yFor(part.start()));
        painter.fillRect(rect, band);
        if (taken)
            painter.fillRect(rect, QBrush(PaletteColors::mix(base, text, 0.2), Qt::BDiagPattern));
        painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), edge);
    }
}

void DayTimeline::paintCheckIns(QPainter &painter) const
{
    const QRectF column = columnRect();
    const QColor color = checkInColor();
    const QColor wash = PaletteColors::mix(palette().color(QPalette::Base), color, 0.16);
    const QColor hatch = PaletteColors::mix(palette().color(QPalette::Base), color, 0.55);
    const QFont small = compactFont();
    const QFontMetrics metrics(small);
    for (const Interval &window : m_checkIns) {
        const Interval part = window.intersected(dayRange());
        if (part.isEmpty())
            continue;
        const QRectF band(column.left(), yFor(part.start()), column.width(), yFor(part.end()) - yFor(part.start()));
        painter.fillRect(band, wash);
        painter.fillRect(band, QBrush(hatch, Qt::BDiagPattern));
        painter.fillRect(QRectF(band.right() - 3, band.top(), 3, band.height()), color);
        // Labelled at the right, where entries rarely reach; short windows get the small font.
        if (band.height() >= metrics.height() - 2 && band.width() > 90) {
            painter.save();
            painter.setFont(small);
            painter.setPen(PaletteColors::mix(color, palette().color(QPalette::Text), 0.35));
            painter.drawText(band.adjusted(0, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter, tr("Check-in"));
            painter.restore();
        }
    }
}

std::optional<Interval> DayTimeline::checkInAt(const QPoint &pos) const
{
    const QRectF column = columnRect();
    for (const Interval &window : m_checkIns) {
        const Interval part = window.intersected(dayRange());
        if (part.isEmpty())
            continue;
        const QRectF band(column.left(), yFor(part.start()), column.width(), yFor(part.end()) - yFor(part.start()));
        if (band.contains(pos))
            return window;
    }
    return std::nullopt;
}

void DayTimeline::paintHourGrid(QPainter &painter) const
{
    const QRectF column = columnRect();
    const QColor line = PaletteColors::mix(palette().color(QPalette::Base),
                                           palette().color(QPalette::Text), 0.10);
    const int labelHeight = fontMetrics().height();
    for (int hour = m_firstHour; hour <= m_lastHour; ++hour) {
        const qreal y = std::round(yForMinutes(hour * 60.0)) + 0.5;
        painter.setPen(QPen(line, 1));
        painter.drawLine(QPointF(column.left(), y), QPointF(column.right(), y));
        if (!m_hourLabels)
            continue;
        painter.setPen(PaletteColors::mutedText(palette()));
        const QRectF label(0, y - labelHeight / 2.0, gutterWidth() - 8, labelHeight);
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                         WhenText::time(QTime(hour % 24, 0)));
    }
}

void DayTimeline::paintEntry(QPainter &painter, qsizetype index) const
{
    const TimelineEntry &entry = m_entries[index];
    const bool focus = entry.kind == TimelineEntry::Kind::Focus;
    const QRectF box = entryRect(index);
    if (!focus && !entry.busy) {
        // Free: only a dashed outline, as in the all-day lane; it takes no time from the planner.
        painter.setPen(QPen(PaletteColors::neutralOutline(palette()), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
    } else {
        painter.setPen(focus ? Qt::NoPen : QPen(PaletteColors::neutralOutline(palette()), 1));
        painter.setBrush(focus ? focusColor() : CalendarColors::fill(entry.color, palette()));
    }
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), entryRadius, entryRadius);
    if (!focus && entry.color.isValid()) {
        // The calendar's colour as a solid edge on the left, like calendar apps do.
        QPainterPath clip;
        clip.addRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), entryRadius, entryRadius);
        painter.save();
        painter.setClipPath(clip);
        painter.fillRect(QRectF(box.left(), box.top(), 4, box.height()), entry.color);
        painter.restore();
    }
    if (focus && entry.pinned) {
        // Pinned: a solid darker edge on the left and a pin glyph at the top right.
        const QColor edge = PaletteColors::mix(focusColor(), palette().color(QPalette::Text), 0.45);
        QPainterPath clip;
        clip.addRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), entryRadius, entryRadius);
        painter.save();
        painter.setClipPath(clip);
        painter.fillRect(QRectF(box.left(), box.top(), 4, box.height()), edge);
        painter.restore();
        const qreal r = 3.0;
        const QPointF head(box.right() - 9, box.top() + 8);
        painter.save();
        painter.setPen(QPen(palette().color(QPalette::HighlightedText), 1.5, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(head, head + QPointF(-4, 6));
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::HighlightedText));
        painter.drawEllipse(head, r, r);
        painter.restore();
    }
    if (focus && entry.blockId != 0 && entry.blockId == m_selectedBlock) {
        painter.save();
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(palette().color(QPalette::Text), hasFocus() ? 3 : 2));
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), entryRadius, entryRadius);
        painter.restore();
    }

    const QColor ink = focus ? palette().color(QPalette::HighlightedText)
                             : entry.busy ? palette().color(QPalette::Text) : PaletteColors::mutedText(palette());
    const QFontMetrics metrics = fontMetrics();
    QFont titleFont = font();
    titleFont.setWeight(QFont::DemiBold);
    const QString times = timeRangeText(entry.interval);
    painter.save();
    painter.setClipRect(box);
    painter.setPen(ink);
    if (box.height() < 2 * metrics.height() + 6) {
        // One line: title and times side by side, smaller when the box is very short.
        if (box.height() < metrics.height() + 4)
            titleFont.setPointSizeF(compactFont().pointSizeF());
        painter.setFont(titleFont);
        const QRect line = box.adjusted(7, 0, -6, 0).toRect();
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(titleFont).elidedText(entry.title + QStringLiteral("  ") + times,
                                                            Qt::ElideRight, line.width()));
    } else {
        EntryText::paint(painter, box.adjusted(7, 3, entry.pinned ? -16 : -6, -2).toRect(), entry.title, times,
                         {titleFont, font(), ink, PaletteColors::mix(ink, focus ? focusColor() : eventColor(), 0.25)});
    }
    painter.restore();
}

QFont DayTimeline::compactFont() const
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.82);
    return small;
}

void DayTimeline::paintNowLine(QPainter &painter) const
{
    if (!m_clock)
        return;
    const QDateTime now = m_clock->now();
    if (!dayRange().contains(now.toMSecsSinceEpoch()))
        return;
    const qreal minutes = minutesInDay(now);
    if (minutes < m_firstHour * 60.0 || minutes > m_lastHour * 60.0)
        return;
    const QRectF column = columnRect();
    const qreal y = yFor(now);
    painter.setPen(QPen(nowLineColor, 2));
    painter.drawLine(QPointF(column.left(), y), QPointF(column.right(), y));
    painter.setPen(Qt::NoPen);
    painter.setBrush(nowLineColor);
    painter.drawEllipse(QPointF(column.left(), y), 4, 4);
}

} // namespace fermata
