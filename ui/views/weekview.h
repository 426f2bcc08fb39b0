#pragma once

#include <QDate>
#include <QList>
#include <QWidget>

namespace fermata {

class DayTimeline;
struct UiContext;

// Week: seven day timelines side by side (Monday first), sharing one hour scale on the left.
class WeekView final : public QWidget
{
    Q_OBJECT
public:
    explicit WeekView(const UiContext &context, QWidget *parent = nullptr);

    // Shows the week that contains `date`.
    void setDate(QDate date);
    QDate monday() const { return m_monday; }
    const QList<DayTimeline *> &days() const { return m_days; }
    void reload();

Q_SIGNALS:
    void taskSelected(qint64 taskId);
    void errorOccurred(const QString &message);

private:
    const UiContext &m_context;
    QDate m_monday;
    QList<DayTimeline *> m_days;
};

} // namespace fermata
