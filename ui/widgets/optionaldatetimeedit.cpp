#include "widgets/optionaldatetimeedit.h"
#include "models/whentext.h"

#include "time/weeklyrule.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>

namespace fermata {

OptionalDateTimeEdit::OptionalDateTimeEdit(const QString &checkLabel, QWidget *parent)
    : QWidget(parent), m_enabled(new QCheckBox(checkLabel, this)), m_edit(new QDateTimeEdit(this))
{
    // The editor holds naive wall-clock values (UTC spec, so the system zone never shifts
    // them); conversion to an instant happens with the person's zone in value().
    m_edit->setTimeSpec(Qt::UTC);
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(WhenText::dayFormat(WhenText::DayStyle::WeekdayDayMonthYear) + QLatin1Char(' ')
                             + WhenText::timeFormat());
    m_edit->setEnabled(false);
    m_edit->setAccessibleName(checkLabel);

    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enabled);
    layout->addWidget(m_edit, 1);

    connect(m_enabled, &QCheckBox::toggled, m_edit, &QWidget::setEnabled);
    connect(m_enabled, &QCheckBox::toggled, this, &OptionalDateTimeEdit::edited);
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &OptionalDateTimeEdit::edited);
}

void OptionalDateTimeEdit::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

void OptionalDateTimeEdit::setValue(const QDateTime &instant, const QDateTime &fallback)
{
    const QSignalBlocker blockCheck(m_enabled);
    const QSignalBlocker blockEdit(m_edit);
    const QDateTime local = (instant.isValid() ? instant : fallback).toTimeZone(m_zone);
    m_edit->setDateTime(QDateTime(local.date(), local.time(), Qt::UTC));
    m_enabled->setChecked(instant.isValid());
    m_edit->setEnabled(instant.isValid());
}

QDateTime OptionalDateTimeEdit::value() const
{
    if (!m_enabled->isChecked())
        return {};
    const QDateTime wall = m_edit->dateTime();
    return resolveWallClock(wall.date(), wall.time(), m_zone);
}

} // namespace fermata
