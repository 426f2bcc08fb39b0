#pragma once

#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

namespace fermata {

// Which days Insights covers: This week, Last 4 weeks, Quarter (to date), or Custom… with two
// date edits. Ranges end today; `today` comes from the app's clock.
class InsightsRangePicker final : public QWidget
{
    Q_OBJECT
public:
    enum class Range { ThisWeek, LastFourWeeks, Quarter, Custom };

    explicit InsightsRangePicker(QWidget *parent = nullptr);

    void setToday(QDate today);
    QDate today() const { return m_today; }
    Range range() const;
    void setRange(Range range);
    // Switches to Custom with these days (swapped when last is before first).
    void setCustomRange(QDate first, QDate last);
    QDate first() const { return m_first; }
    QDate last() const { return m_last; }

    QComboBox *rangeBox() const { return m_box; }
    QDateEdit *firstEdit() const { return m_firstEdit; }
    QDateEdit *lastEdit() const { return m_lastEdit; }

Q_SIGNALS:
    void rangeChanged(QDate first, QDate last);

private:
    void update();
    void setDays(QDate first, QDate last);

    QComboBox *m_box = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_firstEdit = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_lastEdit = nullptr;
    QDate m_today = QDate::currentDate();
    QDate m_first;
    QDate m_last;
};

} // namespace fermata
