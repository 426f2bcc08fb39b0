#pragma once

#include <QSpinBox>

namespace fermata {

// A spin box over minutes that reads and writes durations the way people do ("1 h 30 min",
// "90", "1.5h"); the arrows step by a quarter hour.
class DurationSpinBox final : public QSpinBox
{
    Q_OBJECT
public:
    explicit DurationSpinBox(QWidget *parent = nullptr);

protected:
    QString textFromValue(int minutes) const override;
    int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;
};

} // namespace fermata
