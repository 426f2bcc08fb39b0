#pragma once

#include <QWidget>

namespace fermata {

class EmptyState;

// Inbox: what was held for the person. Shows an honest empty state until the attention engine delivers held items.
class InboxView final : public QWidget
{
    Q_OBJECT
public:
    explicit InboxView(QWidget *parent = nullptr);
    EmptyState *emptyState() const { return m_empty; }

private:
    EmptyState *m_empty = nullptr;
};

} // namespace fermata
