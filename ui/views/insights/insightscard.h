#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace fermata {

// One chart of the Insights view on a card: a title, the takeaway in words, the chart, and
// an optional note under it. The card paints itself in the palette's base colour.
class InsightsCard final : public QWidget
{
    Q_OBJECT
public:
    explicit InsightsCard(const QString &title, QWidget *parent = nullptr);

    QString title() const;
    QString takeaway() const;
    void setTakeaway(const QString &text);
    QString note() const;
    void setNote(const QString &text); // empty hides it
    // The chart shown; replaced whole on each report (Qt Charts re-layouts badly otherwise).
    QChart *chart() const;
    void setChart(QChart *chart);
    QChartView *chartView() const { return m_view; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_title = nullptr;
    QLabel *m_takeaway = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace fermata
