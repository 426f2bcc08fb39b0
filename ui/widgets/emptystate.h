#pragma once

#include <QWidget>

class QLabel;

namespace fermata {

// A calm, centred placeholder for a view with nothing to show: an icon, a short title and one
// or two sentences that say what will appear here and how to get there.
class EmptyState final : public QWidget
{
    Q_OBJECT
public:
    EmptyState(const QIcon &icon, const QString &title, const QString &text,
               QWidget *parent = nullptr);

    QString title() const;
    void setTitle(const QString &title);
    QString text() const;
    void setText(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyColors();

    QWidget *m_column = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace fermata
