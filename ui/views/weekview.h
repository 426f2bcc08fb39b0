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
    // The date to open on: today, or the coming Monday once this week has no working time left
    // (on a Sunday, or after Friday's hours) — the week ending is no use to plan.
    QDate currentWeekDate() const;
    const QList<DayTimeline *> &days() const { return m_days; }
    void reload();

Q_SIGNALS:
    void taskSelected(qint64 taskId);
    void errorOccurred(const QString &message);

private:
    const UiContext &m_context;
    QDate m_monday;
    QList<DayTimeline *> m_days;
    QWidget *m_columns = nullptr; // lays the days out with equal areas
};

} // namespace fermata
