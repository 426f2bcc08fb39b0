// Debug output and key conversions for the model's value types.
#include "model/calendarevent.h"
#include "model/checkinwindow.h"
#include "model/focusblock.h"
#include "model/message.h"
#include "model/notification.h"
#include "model/task.h"

#include <QDebug>

namespace fermata {

namespace {
QString iso(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}
} // namespace

QString priorityName(Priority priority)
{
    return QStringLiteral("P%1").arg(int(priority));
}

QString dayPartKey(DayPart part)
{
    switch (part) {
    case DayPart::Morning: return QStringLiteral("morning");
    case DayPart::Afternoon: return QStringLiteral("afternoon");
    case DayPart::Any: break;
    }
    return QStringLiteral("any");
}

DayPart dayPartFromKey(const QString &key)
{
    if (key == u"morning")
        return DayPart::Morning;
    if (key == u"afternoon")
        return DayPart::Afternoon;
    return DayPart::Any;
}

QString urgencyKey(Urgency urgency)
{
    switch (urgency) {
    case Urgency::Low: return QStringLiteral("low");
    case Urgency::Critical: return QStringLiteral("critical");
    case Urgency::Normal: break;
    }
    return QStringLiteral("normal");
}

std::optional<Urgency> urgencyFromKey(const QString &key)
{
    if (key == u"low")
        return Urgency::Low;
    if (key == u"normal")
        return Urgency::Normal;
    if (key == u"critical")
        return Urgency::Critical;
    return std::nullopt;
}

QString messageStateKey(Message::State state)
{
    switch (state) {
    case Message::State::Draft: return QStringLiteral("draft");
    case Message::State::Queued: return QStringLiteral("queued");
    case Message::State::Delivered: return QStringLiteral("delivered");
    case Message::State::Acknowledged: return QStringLiteral("acknowledged");
    case Message::State::Withdrawn: return QStringLiteral("withdrawn");
    }
    return QStringLiteral("draft");
}

std::optional<Message::State> messageStateFromKey(const QString &key)
{
    for (auto state : {Message::State::Draft, Message::State::Queued, Message::State::Delivered,
                       Message::State::Acknowledged, Message::State::Withdrawn}) {
        if (messageStateKey(state) == key)
            return state;
    }
    return std::nullopt;
}

QDebug operator<<(QDebug debug, const Task &task)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Task(" << task.id << ' ' << task.title << ' ' << priorityName(task.priority)
                    << ' ' << task.remainingMinutes << '/' << task.estimateMinutes << "min"
                    << " deadline=" << iso(task.deadline) << (task.done ? " done" : "") << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const CalendarEvent &event)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "CalendarEvent(" << event.id << ' ' << event.title << ' ' << iso(event.start)
                    << " – " << iso(event.end) << (event.busy ? " busy" : " free")
                    << (event.allDay ? " all-day" : "") << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const FocusBlock &block)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "FocusBlock(task=" << block.taskId << ' ' << iso(block.start) << " – "
                    << iso(block.end) << (block.pinned ? " pinned" : "") << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const CheckInWindow &window)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "CheckInWindow(" << window.label << ' ' << window.rule
                    << (window.scope == CheckInWindow::Scope::Team ? " team" : " personal") << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const Notification &n)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Notification(" << n.id << ' ' << n.source << '/' << n.sender << ' '
                    << n.title << ' ' << urgencyKey(n.urgency) << " received=" << iso(n.receivedAt)
                    << " released=" << iso(n.releasedAt) << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const Message &m)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Message(" << m.uuid.toString(QUuid::WithoutBraces) << ' ' << m.from
                    << " -> " << m.to << ' ' << m.subject << ' ' << messageStateKey(m.state)
                    << " release=" << iso(m.releaseAt) << ')';
    return debug;
}

} // namespace fermata
