#pragma once

#include <QDate>
#include <QWidget>

class QAction;
class QLabel;
class QToolButton;
class QPushButton;

namespace fermata {

class StatusChip;

// The strip above the views: date navigation (Today / < / >) with the shown date, the Plan
// action and the day's status chip. It owns the shown date; views follow dateChanged.
class TopBar final : public QWidget
{
    Q_OBJECT
public:
    TopBar(QAction *planAction, QWidget *parent = nullptr);

    QDate date() const { return m_date; }
    void setDate(QDate date);
    // The date "Today" jumps to (today in the person's zone).
    void setToday(QDate today);
    // 1 for day views, 7 for the week: what < and > step by and how the date reads.
    void setStepDays(int days);
    void setStatusText(const QString &text);
    // The date navigation and Plan, shown only in views they act on (Today, Week, Team's day).
    void setDateNavigationVisible(bool visible);
    void setPlanVisible(bool visible);
    StatusChip *statusChip() const { return m_status; }

Q_SIGNALS:
    void dateChanged(QDate date);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateLabel();

    QDate m_date;
    QDate m_today;
    int m_stepDays = 1;
    QPushButton *m_todayButton = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_dateLabel = nullptr;
    QPushButton *m_plan = nullptr;
    StatusChip *m_status = nullptr;
};

} // namespace fermata
