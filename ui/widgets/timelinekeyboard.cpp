#include "widgets/timelinekeyboard.h"

#include "widgets/daytimeline.h"
#include "widgets/palettecolors.h"

#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace fermata::TimelineKeyboard {

namespace {

constexpr qint64 stepMs = qint64(stepMinutes) * 60 * 1000;

// The day's focus blocks, earliest first, as indexes into entries().
QList<qsizetype> focusBlocks(const DayTimeline &timeline)
{
    const QList<TimelineEntry> &entries = timeline.entries();
    const Interval day = timeline.dayRange();
    QList<qsizetype> blocks;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const TimelineEntry &entry = entries[i];
        if (entry.kind == TimelineEntry::Kind::Focus && entry.blockId != 0 && entry.interval.overlaps(day))
            blocks.append(i);
    }
    std::stable_sort(blocks.begin(), blocks.end(), [&entries](qsizetype a, qsizetype b) {
        return entries[a].interval.startMs() < entries[b].interval.startMs();
    });
    return blocks;
}

const TimelineEntry *selectedEntry(const DayTimeline &timeline)
{
    if (timeline.selectedBlock() == 0)
        return nullptr;
    for (const TimelineEntry &entry : timeline.entries()) {
        if (entry.kind == TimelineEntry::Kind::Focus && entry.blockId == timeline.selectedBlock())
            return &entry;
    }
    return nullptr;
}

} // namespace

bool selectNext(DayTimeline &timeline, bool forward)
{
    const QList<qsizetype> blocks = focusBlocks(timeline);
    qsizetype at = -1;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (timeline.entries()[blocks[i]].blockId == timeline.selectedBlock())
            at = i;
    }
    const qsizetype next = at < 0 ? (forward ? 0 : blocks.size() - 1) : at + (forward ? 1 : -1);
    if (next < 0 || next >= blocks.size()) {
        timeline.setSelectedBlock(0);
        return false;
    }
    timeline.setSelectedBlock(timeline.entries()[blocks[next]].blockId);
    return true;
}

bool handleKey(DayTimeline &timeline, QKeyEvent *event)
{
    const TimelineEntry *entry = selectedEntry(timeline);
    if (!entry)
        return false;
    const qint64 blockId = entry->blockId;
    const Interval interval = entry->interval;
    const bool shift = event->modifiers().testFlag(Qt::ShiftModifier);
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const qint64 delta = event->key() == Qt::Key_Up ? -stepMs : stepMs;
        qint64 start = interval.startMs();
        qint64 end = interval.endMs();
        if (shift)
            end = std::max(end + delta, start + stepMs); // resize: the end moves, at least 15 minutes
        else
            start += delta, end += delta;
        if (start == interval.startMs() && end == interval.endMs())
            return true;
        Q_EMIT timeline.blockResized(blockId, QDateTime::fromMSecsSinceEpoch(start, timeline.timeZone()),
                                     QDateTime::fromMSecsSinceEpoch(end, timeline.timeZone()));
        return true;
    }
    case Qt::Key_P:
        if (entry->pinned)
            Q_EMIT timeline.unpinRequested(blockId);
        else
            Q_EMIT timeline.pinRequested(blockId);
        return true;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        Q_EMIT timeline.unpinRequested(blockId);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT timeline.taskActivated(entry->taskId);
        return true;
    case Qt::Key_Escape:
        timeline.setSelectedBlock(0);
        return true;
    default:
        return false;
    }
}

void paintFocusRing(QPainter &painter, const DayTimeline &timeline)
{
    painter.save();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(PaletteColors::focusRing(timeline.palette()), 2));
    painter.drawRect(QRectF(timeline.visibleRegion().boundingRect()).adjusted(1, 1, -1, -1));
    painter.restore();
}

} // namespace fermata::TimelineKeyboard
