#pragma once

#include <QObject>
#include <QDateTime>
#include <QString>

namespace fermata {

struct UiContext;

// The attention part of the status chip: "Focus until 11:30 · 7 held" while a focus session
// runs ("Focus time is up" once past its end), "Check-in until 13:20" inside a window, else "Next check-in 14:00 · 7 held". Without
// the engine, or without any window, the day status it is given stays as it is.
class AttentionStatus final : public QObject
{
    Q_OBJECT
public:
    explicit AttentionStatus(const UiContext &context, QObject *parent = nullptr);

    QString text(const QString &dayStatus) const;

Q_SIGNALS:
    // Something the text depends on changed (a session, the held count, a window).
    void changed();

private:
    QString heldSuffix() const;
    QString when(const QDateTime &instant) const;

    const UiContext &m_context;
};

} // namespace fermata
