#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace fermata {

class AttentionStatus;

struct UiContext;

// Keeps the one-line day status (DayStatus) current: recomputed each minute and whenever the
// working hours or focus blocks change. The top bar chip and the tray both show it.
class StatusLine final : public QObject
{
    Q_OBJECT
public:
    explicit StatusLine(const UiContext &context, QObject *parent = nullptr);

    QString text() const { return m_text; }
    void refresh();

Q_SIGNALS:
    void textChanged(const QString &text);

private:
    const UiContext &m_context;
    QTimer *m_timer = nullptr;
    AttentionStatus *m_attention = nullptr; // focus and check-in part of the text
    QString m_text;
};

} // namespace fermata
