#include "widgets/durationspinbox.h"

#include "models/durationtext.h"

namespace fermata {

DurationSpinBox::DurationSpinBox(QWidget *parent) : QSpinBox(parent)
{
    setSingleStep(15);
    setRange(0, 100 * 60);
    setAccelerated(true);
}

QString DurationSpinBox::textFromValue(int minutes) const
{
    return DurationText::format(minutes);
}

int DurationSpinBox::valueFromText(const QString &text) const
{
    return DurationText::parse(text).value_or(value());
}

QValidator::State DurationSpinBox::validate(QString &input, int &) const
{
    const auto minutes = DurationText::parse(input);
    if (!minutes)
        return QValidator::Intermediate; // half-typed ("1 h 3") is fine while editing
    return *minutes >= minimum() && *minutes <= maximum() ? QValidator::Acceptable
                                                          : QValidator::Intermediate;
}

} // namespace fermata
