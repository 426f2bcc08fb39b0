#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QStackedLayout;
class QTimer;

namespace fermata {

class EmptyState;
class TeamWindowsChart;
class TeamSync;
struct UiContext;

// Team: one row per teammate, hours across in MY zone, their check-in windows shaded and
// their local time shown. No online/offline status anywhere.
class TeamView final : public QWidget
{
    Q_OBJECT
public:
    explicit TeamView(const UiContext &context, QWidget *parent = nullptr);
    EmptyState *emptyState() const { return m_empty; }
    TeamWindowsChart *chart() const { return m_chart; }

    // The day shown (in my zone); today when invalid.
    void setDate(const QDate &date);
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    const UiContext &m_context;
    TeamSync *m_team = nullptr;
    QDate m_date;
    EmptyState *m_empty = nullptr;
    QLabel *m_heading = nullptr;
    TeamWindowsChart *m_chart = nullptr;
    QStackedLayout *m_stack = nullptr;
    QTimer *m_clockTimer = nullptr;
};

} // namespace fermata
