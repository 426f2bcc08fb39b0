#pragma once

#include <QWidget>

namespace fermata {

class EmptyState;

// Insights: charts of deep work over time. Empty state until there is recorded focus time.
class InsightsView final : public QWidget
{
    Q_OBJECT
public:
    explicit InsightsView(QWidget *parent = nullptr);
    EmptyState *emptyState() const { return m_empty; }

private:
    EmptyState *m_empty = nullptr;
};

} // namespace fermata
