#pragma once

#include <QWidget>

namespace fermata {

class EmptyState;

// Team: teammates' check-in windows in the person's zone. Empty state until the team hub lands.
class TeamView final : public QWidget
{
    Q_OBJECT
public:
    explicit TeamView(QWidget *parent = nullptr);
    EmptyState *emptyState() const { return m_empty; }

private:
    EmptyState *m_empty = nullptr;
};

} // namespace fermata
