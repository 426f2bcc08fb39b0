#include "statusline.h"

#include "attentionstatus.h"
#include "calendar/calendarservice.h"
#include "planning/daystatus.h"
#include "settings/preferences.h"
#include "time/clock.h"
#include "uicontext.h"

#include <QTimer>

namespace fermata {

namespace {
constexpr qint64 msPerDay = qint64(24) * 3600 * 1000;
}

StatusLine::StatusLine(const UiContext &context, QObject *parent)
    : QObject(parent), m_context(context), m_timer(new QTimer(this)), m_attention(new AttentionStatus(context, this))
{
    connect(m_attention, &AttentionStatus::changed, this, &StatusLine::refresh);
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &StatusLine::refresh);
    connect(&context.preferences, &Preferences::workingHoursChanged, this, &StatusLine::refresh);
    connect(&context.calendar, &CalendarService::focusBlocksChanged, this, &StatusLine::refresh);
    m_timer->start();
    refresh();
}

void StatusLine::refresh()
{
    const QDateTime now = m_context.clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    // A failed read only loses the "focus" detail; the working-hours part still holds.
    const auto blocks = m_context.calendar.focusBlocks(Interval(nowMs - msPerDay, nowMs + msPerDay));
    const QString text = m_attention->text(DayStatus::text(m_context.preferences.workingHours(), now,
                                                           blocks ? *blocks : QList<FocusBlock>{}));
    if (text == m_text)
        return;
    m_text = text;
    Q_EMIT textChanged(text);
}

} // namespace fermata
