#pragma once

#include "model/checkinwindow.h"

#include <QWidget>

#include <array>

class QSpinBox;
class QTimeEdit;
class QToolButton;

namespace fermata {

// One check-in window in Preferences: the weekdays it applies on, its start time and its
// length in minutes, and a button that removes it.
class CheckInWindowRow final : public QWidget
{
    Q_OBJECT
public:
    explicit CheckInWindowRow(QWidget *parent = nullptr);

    void setWindow(const CheckInWindow &window);
    // The window as edited, in `zoneId` (the label of the window it was loaded from is kept).
    CheckInWindow window(const QByteArray &zoneId) const;
    // Empty when the row can be saved, else what to fix; `number` names the row ("window 2").
    QString problem(int number) const;

    QToolButton *dayButton(Qt::DayOfWeek day) const { return m_days[size_t(day) - 1]; }
    QTimeEdit *startEdit() const { return m_start; }
    QSpinBox *lengthBox() const { return m_length; }
    QToolButton *removeButton() const { return m_remove; }

    static constexpr int MaximumMinutes = 12 * 60;

Q_SIGNALS:
    void edited();
    void removeRequested();

private:
    std::array<QToolButton *, 7> m_days{};
    QTimeEdit *m_start = nullptr;
    QSpinBox *m_length = nullptr;
    QToolButton *m_remove = nullptr;
    QString m_label;
};

} // namespace fermata
