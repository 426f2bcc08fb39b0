#pragma once

#include <QWidget>

namespace fermata {

class EmptyState;

// Outbox: messages held until the recipient's next window. Empty state until messaging lands.
class OutboxView final : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxView(QWidget *parent = nullptr);
    EmptyState *emptyState() const { return m_empty; }

private:
    EmptyState *m_empty = nullptr;
};

} // namespace fermata
