#include "dialogs/checkinwindowrow.h"
#include "models/whentext.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTimeEdit>
#include <QToolButton>

namespace fermata {

CheckInWindowRow::CheckInWindowRow(QWidget *parent)
    : QWidget(parent)
    , m_start(new QTimeEdit(QTime(9, 0), this))
    , m_length(new QSpinBox(this))
    , m_remove(new QToolButton(this))
    , m_label(tr("Check-in"))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const QLocale locale;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setText(locale.dayName(day, QLocale::ShortFormat));
        button->setAccessibleName(locale.dayName(day, QLocale::LongFormat));
        button->setToolTip(locale.dayName(day, QLocale::LongFormat));
        button->setMinimumWidth(34);
        // A chosen day must read as chosen at a glance, in light and dark palettes alike.
        button->setStyleSheet(QStringLiteral("QToolButton:checked { background: palette(highlight); "
                                             "color: palette(highlighted-text); border-radius: 3px; "
                                             "padding: 2px 4px; }"));
        connect(button, &QToolButton::toggled, this, &CheckInWindowRow::edited);
        m_days[size_t(day) - 1] = button;
        layout->addWidget(button);
    }
    layout->addSpacing(12);
    auto *at = new QLabel(tr("at"), this);
    layout->addWidget(at);
    m_start->setDisplayFormat(WhenText::timeFormat());
    m_start->setAccessibleName(tr("Start"));
    layout->addWidget(m_start);
    auto *forLabel = new QLabel(tr("for"), this);
    layout->addWidget(forLabel);
    m_length->setRange(0, MaximumMinutes);
    m_length->setSingleStep(5);
    m_length->setValue(20);
    m_length->setSuffix(tr(" min"));
    m_length->setAccessibleName(tr("Length in minutes"));
    layout->addWidget(m_length);
    layout->addStretch(1);
    m_remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_remove->setText(tr("Remove"));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_remove->setToolTip(tr("Remove this check-in window"));
    layout->addWidget(m_remove);

    connect(m_start, &QTimeEdit::timeChanged, this, &CheckInWindowRow::edited);
    connect(m_length, &QSpinBox::valueChanged, this, &CheckInWindowRow::edited);
    connect(m_remove, &QToolButton::clicked, this, &CheckInWindowRow::removeRequested);
}

void CheckInWindowRow::setWindow(const CheckInWindow &window)
{
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        m_days[size_t(day) - 1]->setChecked(window.rule.appliesOn(Qt::DayOfWeek(day)));
    m_start->setTime(window.rule.start());
    int minutes = window.rule.start().secsTo(window.rule.end()) / 60;
    if (minutes <= 0)
        minutes += 24 * 60; // runs past midnight
    m_length->setValue(minutes);
    if (!window.label.isEmpty())
        m_label = window.label;
}

CheckInWindow CheckInWindowRow::window(const QByteArray &zoneId) const
{
    quint8 mask = 0;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        if (m_days[size_t(day) - 1]->isChecked())
            mask |= WeeklyRule::dayBit(Qt::DayOfWeek(day));
    }
    const QTime start = m_start->time();
    CheckInWindow window;
    window.rule = WeeklyRule(mask, start, start.addSecs(m_length->value() * 60), zoneId);
    window.label = m_label;
    window.scope = CheckInWindow::Scope::Personal;
    return window;
}

QString CheckInWindowRow::problem(int number) const
{
    const bool anyDay = std::any_of(m_days.cbegin(), m_days.cend(), [](const QToolButton *b) { return b->isChecked(); });
    if (!anyDay)
        return tr("Check-in window %1 has no days: pick at least one day, or remove it.").arg(number);
    if (m_length->value() <= 0)
        return tr("Check-in window %1 is 0 minutes long: give it at least 1 minute.").arg(number);
    return {};
}

} // namespace fermata
