#pragma once

#include "attention/attentionservice.h"
#include "attention/focussession.h"
#include "uitestfixture.h"

namespace fermata::test {

// UiServices plus the real attention engine (check-in windows, held items, focus sessions) on
// the same temporary database and fake clock, wired as AttentionHost wires them; the desktop
// sources and DND adapter are left out (context.dnd stays null: "none found").
struct AttentionUiServices : UiServices
{
    AttentionUiServices(const TempDataDir &dir, const QDateTime &now,
                        const QByteArray &zoneId = QByteArrayLiteral("UTC"))
        : UiServices(dir, now), attention(*database, clock), focus(attention.repository(), clock)
    {
        if (const Status loaded = attention.load(zoneId); !loaded)
            qFatal("Could not load attention: %s", qPrintable(loaded.error().message));
        attention.setQuietTimeProvider([this](const Interval &range) { return focus.quietIn(range); });
        QObject::connect(&focus, &FocusSession::changed, &attention, &AttentionService::tick);
        focus.timer().setSliceMs(5);
        attention.timer().setSliceMs(5);
        context.attention = &attention;
        context.focus = &focus;
    }

    // Stores one notification through the engine's intake, decided at the clock's now.
    qint64 notify(const QString &source, const QString &title, const QString &sender = {})
    {
        InboxItem item;
        item.notification.source = source;
        item.notification.title = title;
        item.notification.sender = sender;
        auto ids = attention.ingest({item});
        if (!ids)
            qFatal("ingest failed: %s", qPrintable(ids.error().message));
        return ids->constFirst();
    }

    // Moves the clock and lets the engine notice (what its wall-clock timer does).
    void moveTo(const QDateTime &at)
    {
        clock.setNow(at);
        attention.tick();
    }

    AttentionService attention;
    FocusSession focus;
};

} // namespace fermata::test
