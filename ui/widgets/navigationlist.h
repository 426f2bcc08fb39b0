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
    // A count shown at the right of an entry (the Inbox's held items); 0 hides it. The
    // description ("12 held") is added to the tooltip and the accessible description.
    void setBadge(int row, int count, const QString &description = {});
    int badge(int row) const;
    QSize sizeHint() const override;
};

} // namespace fermata
