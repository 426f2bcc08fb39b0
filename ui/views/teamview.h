#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QScrollArea;
class QSplitter;
class QStackedLayout;
class QTimer;

namespace fermata {

class CommitmentsList;
class EmptyState;
class TeamWindowsChart;
class TeamSync;
struct TeamSnapshot;
struct UiContext;

// Team: one row per teammate, hours across in MY zone, their check-in windows shaded and
// their local time shown, under each the work they plan to finish that day and later that
// week; below, the list of what the team committed to. No online/offline status anywhere.
class TeamView final : public QWidget
{
    Q_OBJECT
public:
    explicit TeamView(const UiContext &context, QWidget *parent = nullptr);
    EmptyState *emptyState() const { return m_empty; }
    TeamWindowsChart *chart() const { return m_chart; }
    CommitmentsList *commitments() const { return m_commitments; }

    // The day shown (in my zone); today when invalid.
    void setDate(const QDate &date);
    void refresh();
    // Shows `team` (refresh() shows the TeamSync's latest snapshot).
    void showTeam(const TeamSnapshot &team);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Until the person drags the divider, the chart gets the height its rows need.
    void fitChartHeight();

    const UiContext &m_context;
    TeamSync *m_team = nullptr;
    QDate m_date;
    EmptyState *m_empty = nullptr;
    QLabel *m_heading = nullptr;
    TeamWindowsChart *m_chart = nullptr;
    CommitmentsList *m_commitments = nullptr;
    QScrollArea *m_chartScroll = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_dividerMoved = false;
    QStackedLayout *m_stack = nullptr;
    QTimer *m_clockTimer = nullptr;
};

} // namespace fermata
