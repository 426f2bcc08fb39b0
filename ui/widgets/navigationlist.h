#pragma once

#include <QListWidget>

namespace fermata {

// The left-hand list of views. Each entry shows its keyboard shortcut in the tooltip.
class NavigationList final : public QListWidget
{
    Q_OBJECT
public:
    explicit NavigationList(QWidget *parent = nullptr);

    void addEntry(const QIcon &icon, const QString &text, const QKeySequence &shortcut);
    QSize sizeHint() const override;
};

} // namespace fermata
