#pragma once

#include <QWidget>

namespace fermata {

// A rounded chip in the top bar that reads the day's status at a glance
// ("Working until 17:00 · next focus 14:00").
class StatusChip final : public QWidget
{
    Q_OBJECT
public:
    explicit StatusChip(QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};

} // namespace fermata
