#pragma once

#include "insights/insightsreport.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;
class QStackedWidget;

namespace fermata {

class EmptyState;
class InsightsCard;
class InsightsRangePicker;
class InsightsSource;
struct UiContext;

// Insights: charts of deep work over a chosen range of days, each with its takeaway in words,
// stacked in one column or a two-column grid by width. The empty state stays while the range
// has no recorded focus time. Reports come from an InsightsSource (its own thread); the view
// asks when it is shown and when the range changes.
class InsightsView final : public QWidget
{
    Q_OBJECT
public:
    enum class Chart { DeepWork, PlannedVersusDone, LongestStretch, Interruptions, MeetingsVersusFocus, EstimateAccuracy };

    explicit InsightsView(const UiContext &context, QWidget *parent = nullptr);

    EmptyState *emptyState() const { return m_empty; }
    InsightsRangePicker *rangePicker() const { return m_picker; }
    InsightsCard *card(Chart chart) const { return m_cards.value(int(chart)); }
    QScrollArea *chartsArea() const { return m_area; }
    // The figures shown (empty before the first report arrives).
    const InsightsReport &report() const { return m_report; }
    bool isShowingCharts() const;
    int columnCount() const { return m_columns; }

    // Shows these figures (the source's answers land here; tests hand-make them).
    void setReport(const InsightsReport &report);
    // Asks the source for the picker's range now (no-op without a source).
    void refresh();
    // File → Export Insights…: asks where, then writes the shown figures as CSV (insightsCsv);
    // waits for a report still being read.
    void exportCsv();
    // Writes the shown figures to `path`; an error sentence, or empty on success.
    QString writeCsv(const QString &path) const;

Q_SIGNALS:
    // The first report for a refresh() arrived and is shown (tests wait on it).
    void reportShown();
    void exportFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildCharts();
    void relayout();

    const UiContext &m_context;
    InsightsSource *m_source = nullptr;
    InsightsRangePicker *m_picker = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_pages = nullptr;
    EmptyState *m_empty = nullptr;
    QScrollArea *m_area = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<InsightsCard *> m_cards;
    InsightsReport m_report;
    quint64 m_pending = 0;
    int m_columns = 0;
};

} // namespace fermata
